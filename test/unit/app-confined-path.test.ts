import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mimeFor, resolveDeckAsset } from '../../electron/app/confined-path';

function layout() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-confine-')));
  const root = join(base, 'deck');
  mkdirSync(join(root, 'img'), { recursive: true });
  writeFileSync(join(root, 'img', 'dual supply.svg'), '<svg/>');
  writeFileSync(join(root, 'talk.md'), '# t');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  mkdirSync(join(base, 'deck-evil'));
  writeFileSync(join(base, 'deck-evil', 'x.png'), 'x');
  symlinkSync(join(base, 'secret.txt'), join(root, 'img', 'escape.svg'));
  symlinkSync(base, join(root, 'up'));
  writeFileSync(join(root, 'img', 'inner.svg'), '<svg/>');
  symlinkSync(join(root, 'img', 'inner.svg'), join(root, 'alias.svg'));
  return { base, root };
}

test('a file in the deck folder resolves, encoded names decoded once, with its MIME', (t) => {
  const { base, root } = layout();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const hit = resolveDeckAsset(root, '/img/dual%20supply.svg');
  assert.deepEqual(hit, { ok: true, path: join(root, 'img', 'dual supply.svg'), mime: 'image/svg+xml' });
  const dot = resolveDeckAsset(root, '/./img/./dual%20supply.svg');
  assert.equal(dot.ok, true);
});

test('traversal in every spelling is refused', (t) => {
  const { base, root } = layout();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const cases: Array<[string, string]> = [
    ['/../secret.txt', 'traversal'],
    ['/img/../../secret.txt', 'traversal'],
    ['/%2e%2e/secret.txt', 'traversal'],
    ['/%2E%2E%2Fsecret.txt', 'traversal'],
    ['/img%2f..%2f..%2fsecret.txt', 'traversal'],
    ['/..%5csecret.txt', 'traversal'],
    ['/%252e%252e/secret.txt', 'double-encoded'],
    ['/%25252e%25252e/secret.txt', 'double-encoded'],
    ['/%e0%a4%a', 'bad-encoding'],
    ['//etc/passwd', 'absolute'],
    ['/%2fetc%2fpasswd', 'absolute'],
    ['/C:%5cWindows%5cwin.ini', 'absolute'],
    ['/%5c%5cserver%5cshare', 'absolute'],
    ['/talk.md%00.svg', 'nul'],
    ['/img/escape.svg', 'outside-root'],
    ['/up/secret.txt', 'outside-root'],
    ['/up/deck-evil/x.png', 'outside-root'],
  ];
  for (const [path, reason] of cases) {
    const got = resolveDeckAsset(root, path);
    assert.equal(got.ok, false, path);
    if (!got.ok) assert.equal(got.reason, reason, path);
  }
});

test('a symlink that stays inside is followed; missing files and folders are 404', (t) => {
  const { base, root } = layout();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const alias = resolveDeckAsset(root, '/alias.svg');
  assert.equal(alias.ok && alias.path, join(root, 'img', 'inner.svg'));
  const missing = resolveDeckAsset(root, '/img/none.svg');
  assert.equal(!missing.ok && missing.status, 404);
  const folder = resolveDeckAsset(root, '/img');
  assert.equal(!folder.ok && folder.reason, 'not-a-file');
  const empty = resolveDeckAsset(root, '/');
  assert.equal(empty.ok, false);
});

test('a sibling folder sharing the root name as a prefix is outside', (t) => {
  const { base, root } = layout();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  // `deck-evil` starts with `deck`: a string-prefix check would let it through.
  symlinkSync(join(base, 'deck-evil'), join(root, 'sib'));
  const got = resolveDeckAsset(root, '/sib/x.png');
  assert.equal(!got.ok && got.reason, 'outside-root');
});

test('MIME types by extension, octet-stream otherwise', () => {
  assert.equal(mimeFor('a.PNG'), 'image/png');
  assert.equal(mimeFor('a.woff2'), 'font/woff2');
  assert.equal(mimeFor('a.exe'), 'application/octet-stream');
});
