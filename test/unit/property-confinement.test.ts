// Property-based: whatever path a deck (compiler asset resolver) or a page (the app's
// lectern-deck:// protocol) asks for, built from `..`, encodings, backslashes, absolute prefixes
// and symlinks, the answer is a file inside the deck's folder (after resolving links) or a refusal.
// A real folder tree with links that lead outside is built once in a temp dir.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { createAssetResolver } from '../../electron/deck/assets';
import { resolveDeckAsset } from '../../electron/app/confined-path';

const RUNS = 500;
let resolved = 0;
let served = 0;
let base = '';
let root = '';

before(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-confine-')));
  root = join(base, 'deck');
  mkdirSync(join(root, 'img', 'deep'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
  writeFileSync(join(root, 'img', 'a.svg'), svg);
  writeFileSync(join(root, 'img', 'deep', 'b.svg'), svg);
  writeFileSync(join(base, 'secret.svg'), svg);
  writeFileSync(join(base, 'outside', 'c.svg'), svg);
  symlinkSync(join(base, 'secret.svg'), join(root, 'img', 'out.svg'));
  symlinkSync(join(base, 'outside'), join(root, 'linkdir'));
  symlinkSync(join(root, 'img', 'a.svg'), join(root, 'img', 'in.svg'));
  symlinkSync('..', join(root, 'img', 'up'));
});
after(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

const segment = fc.constantFrom(
  '..', '.', '', 'img', 'deep', 'a.svg', 'b.svg', 'out.svg', 'in.svg', 'up', 'linkdir', 'c.svg', 'secret.svg', 'deck', 'outside',
  '%2e%2e', '%2E%2e', '%252e%252e', '..%2f', '%2f', '%5c', '..\\', '\\', '%00', '\u0000', 'C:', '%', '%zz', '~', '...', ' ', 'a.svg?x=1', 'a.svg#f',
);
const prefix = fc.constantFrom('', '', '/', '//', '\\', 'C:/', 'file:///', '%2f', base, root);
const hostile = fc.tuple(prefix, fc.array(segment, { maxLength: 7 }), fc.constantFrom('/', '/', '\\', '%2f')).map(
  ([p, parts, sep]) => p + parts.join(sep),
);
// Mostly plausible paths with one twist, so that many reach real files (inside or, wrongly, out).
const plausible = fc
  .tuple(fc.constantFrom('', '/'), fc.array(fc.constantFrom('img', 'deep', '.', 'a.svg', 'b.svg', 'in.svg', 'out.svg', 'up', 'linkdir', 'c.svg', 'secret.svg', '..'), { minLength: 1, maxLength: 4 }))
  .map(([p, parts]) => p + parts.join('/'));
// Real files, inside and (through links) outside, so that the properties are never vacuous.
const known = fc.constantFrom('/img/a.svg', 'img/deep/b.svg', '/img/in.svg', '/img/./a.svg', '/img/out.svg', '/linkdir/c.svg', '/img/up/secret.svg', '/img/up/deck/img/a.svg');
const path = fc.oneof(hostile, plausible, known);

function insideRoot(file: string): boolean {
  const rel = relative(realpathSync(root), file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

test('the compiler resolves an asset only to a real file inside the deck folder', () => {
  const resolver = createAssetResolver(root);
  fc.assert(
    fc.property(path, fc.constantFrom('image', 'media', 'any') as fc.Arbitrary<'image' | 'media' | 'any'>, fc.constantFrom('', 'img', 'img/deep'), (ref, kind, from) => {
      const result = resolver.resolve(ref, join(root, from), kind);
      resolved += result.ok ? 1 : 0;
      if (result.ok) {
        assert.ok(insideRoot(result.asset.path), `${JSON.stringify(ref)} from ${from} -> ${result.asset.path}`);
        assert.ok(!result.asset.path.includes('secret') && !result.asset.path.includes(`${base}/outside`), result.asset.path);
      }
    }),
    { numRuns: RUNS },
  );
  // Some generated paths must reach real files, or the property would hold vacuously.
  assert.ok(resolved > 0, 'some generated refs resolve');
});

test("the app's deck protocol serves only real files inside the deck folder", () => {
  fc.assert(
    fc.property(path, (urlPath) => {
      const result = resolveDeckAsset(root, urlPath);
      served += result.ok ? 1 : 0;
      if (result.ok) {
        assert.ok(insideRoot(result.path), `${JSON.stringify(urlPath)} -> ${result.path}`);
        assert.ok(!result.path.includes('secret') && !result.path.includes(`${base}/outside`), result.path);
      }
    }),
    { numRuns: RUNS },
  );
  assert.ok(served > 0, 'some generated paths are served');
});

test('the plain cases answer as expected (so the properties are not vacuous)', () => {
  const resolver = createAssetResolver(root);
  assert.equal(resolver.resolve('img/a.svg', root, 'image').ok, true);
  assert.equal(resolver.resolve('deep/b.svg', join(root, 'img'), 'image').ok, true);
  assert.equal(resolver.resolve('img/in.svg', root, 'image').ok, true, 'a link that stays inside is fine');
  for (const bad of ['../secret.svg', 'img/out.svg', 'linkdir/c.svg', 'img/up/secret.svg', '%2e%2e/secret.svg', '%252e%252e/secret.svg', `${base}/secret.svg`]) {
    assert.equal(resolver.resolve(bad, root, 'image').ok, false, bad);
  }
  assert.equal(resolveDeckAsset(root, '/img/a.svg').ok, true);
  for (const bad of ['/../secret.svg', '/img/out.svg', '/linkdir/c.svg', '/img/up/secret.svg', '/%2e%2e/secret.svg', '/%252e%252e/secret.svg']) {
    assert.equal(resolveDeckAsset(root, bad).ok, false, bad);
  }
});
