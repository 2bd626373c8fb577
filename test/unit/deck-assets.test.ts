// Assets are confined to the deck's folder: traversal, encoded traversal, absolute paths, NUL and
// symlinks leading outside are errors; missing files are errors; refs become lectern-asset: URLs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileDeck, loadDeck, mapAssetUrls, type Deck } from '../../electron/deck/index';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const outside = mkdtempSync(join(tmpdir(), 'lectern-outside-'));
writeFileSync(join(outside, 'secret.png'), PNG);
const root = mkdtempSync(join(tmpdir(), 'lectern-assets-'));
after(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});
const deckDir = join(root, 'deck');
mkdirSync(join(deckDir, 'img'), { recursive: true });
writeFileSync(join(deckDir, 'img', 'dual supply.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
writeFileSync(join(deckDir, 'img', 'photo.png'), PNG);
writeFileSync(join(deckDir, 'img', 'fake.png'), 'this is text, not a PNG');
writeFileSync(join(deckDir, 'notes.txt'), 'text');
writeFileSync(join(root, 'sibling.png'), PNG);
symlinkSync(join(outside, 'secret.png'), join(deckDir, 'img', 'escape.png'));
symlinkSync(outside, join(deckDir, 'linkdir'));
symlinkSync(join(deckDir, 'img', 'photo.png'), join(deckDir, 'img', 'inside-link.png'));
const FILE = join(deckDir, 'deck.md');
const compile = (body: string): Deck => compileDeck(`# A\n\n${body}\n\nNote: n`, FILE);
const errors = (d: Deck): string[] => d.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code);

test('a local image becomes a lectern-asset: ref with an entry in Deck.assets', () => {
  const d = compile('![Dual blood supply](img/dual%20supply.svg) ![Photo](<img/photo.png>)');
  assert.deepEqual(d.diagnostics, []);
  assert.match(d.slides[0]!.html, /src="lectern-asset:img\/dual%20supply\.svg"/);
  assert.deepEqual(
    d.assets.map((a) => [a.ref, a.path, a.mime]).sort(),
    [
      ['img/dual%20supply.svg', join(deckDir, 'img', 'dual supply.svg'), 'image/svg+xml'],
      ['img/photo.png', join(deckDir, 'img', 'photo.png'), 'image/png'],
    ],
  );
  assert.ok(d.dependencies.includes(join(deckDir, 'img', 'photo.png')));
});

const escapes: Array<[string, string]> = [
  ['.. traversal', '../sibling.png'],
  ['deep traversal', 'img/../../sibling.png'],
  ['percent-encoded traversal', '%2e%2e/sibling.png'],
  ['double-encoded traversal', '%252e%252e%252fsibling.png'],
  ['encoded slash traversal', '..%2fsibling.png'],
  ['backslash traversal', '..\\sibling.png'],
  ['absolute path', join(outside, 'secret.png')],
  ['file: URL', `file://${join(outside, 'secret.png')}`],
  ['symlinked file leading outside', 'img/escape.png'],
  ['symlinked folder leading outside', 'linkdir/secret.png'],
  ['NUL byte', 'img/photo.png%00.svg'],
];
for (const [name, ref] of escapes) {
  test(`refuses an asset escape: ${name}`, () => {
    const d = compile(`![x](${ref.includes(' ') || ref.includes('\\') ? `<${ref}>` : ref})\n\n<img alt="y" src="${ref}">`);
    const html = d.slides[0]!.html;
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /(?:src|href)="[^"]*(?:secret|sibling)/);
    assert.ok(errors(d).length >= 1 || d.diagnostics.some((x) => x.code === 'removed-html'), JSON.stringify(d.diagnostics));
    assert.equal(d.assets.length, 0);
    assert.match(html, /lectern-asset-error/);
  });
}

test('a symlink that stays inside the folder is fine', () => {
  const d = compile('![Photo](img/inside-link.png)');
  assert.deepEqual(d.diagnostics, []);
  assert.equal(d.assets[0]!.path, join(deckDir, 'img', 'photo.png'));
});

test('a missing image is an error at its line and column, shown as a visible box', () => {
  const d = compile('text\n\n  ![Missing](img/nope.png)');
  const e = d.diagnostics.find((x) => x.code === 'missing-asset');
  assert.ok(e);
  assert.equal(e.severity, 'error');
  assert.equal(e.line, 5);
  assert.equal(e.column, 14);
  assert.match(d.slides[0]!.html, /class="lectern-asset-error"[^>]*>\[image not shown: Missing/);
  // Watching the missing file lets the app recompile when it appears.
  assert.ok(d.dependencies.includes(join(deckDir, 'img', 'nope.png')));
});

test('an image that is not an image is an error', () => {
  assert.deepEqual(errors(compile('![Fake](img/fake.png)')), ['not-an-image']);
  assert.deepEqual(errors(compile('![Text](notes.txt)')), ['not-an-image']);
});

test('an image without alt text is a warning', () => {
  const d = compile('![](img/photo.png)');
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.severity]), [['image-without-alt', 'warning']]);
  assert.match(d.slides[0]!.html, /<img/);
});

test('a link to a local file becomes an asset; a missing one is an error', () => {
  const d = compile('[the notes](notes.txt) [gone](gone.pdf)');
  assert.match(d.slides[0]!.html, /<a href="lectern-asset:notes\.txt">the notes<\/a>/);
  assert.deepEqual(errors(d), ['missing-asset']);
});

test('slide background images are assets, confined like images', () => {
  const ok = compile('<!-- .slide: data-background-image="img/photo.png" -->');
  assert.equal(ok.slides[0]!.attributes['data-background-image'], 'lectern-asset:img/photo.png');
  const bad = compile('<!-- .slide: data-background-image="../sibling.png" -->');
  assert.equal(bad.slides[0]!.attributes['data-background-image'], undefined);
  assert.deepEqual(errors(bad), ['asset-outside-deck']);
});

test('includes in a subfolder resolve assets from their own folder, confined to the top deck', () => {
  mkdirSync(join(deckDir, 'part'), { recursive: true });
  writeFileSync(join(deckDir, 'part', 'p.md'), '## Part\n\n![Photo](../img/photo.png)\n\nNote: n');
  const d = compileDeck('# Top\nNote: n\n---\n<!-- include: part/p.md -->', FILE);
  assert.deepEqual(d.diagnostics, []);
  assert.match(d.slides[1]!.html, /src="lectern-asset:img\/photo\.png"/);
});

test('mapAssetUrls rewrites refs in attributes and CSS url(), escaping what it inserts', () => {
  const d = compile('![Photo](img/photo.png)\n\n<div style="background: url(img/dual%20supply.svg)">x</div>');
  const html = mapAssetUrls(d.slides[0]!.html, (ref) => `lectern://deck/${ref}?a=1&b="2"`);
  assert.match(html, /src="lectern:\/\/deck\/img\/photo\.png\?a=1&amp;b=%222%22"/);
  assert.match(html, /url\(lectern:\/\/deck\/img\/dual%20supply\.svg\?a=1&amp;b=%222%22\)/);
  assert.doesNotMatch(html, /lectern-asset:/);
});

test('loadDeck reads the file, strips a BOM, and never throws', () => {
  writeFileSync(FILE, '\uFEFF# Loaded\n\nNote: n');
  const d = loadDeck(FILE);
  assert.equal(d.slides[0]!.title, 'Loaded');
  assert.deepEqual(d.diagnostics, []);
  const missing = loadDeck(join(deckDir, 'nope.md'));
  assert.equal(missing.slides.length, 0);
  assert.equal(missing.diagnostics[0]!.code, 'unreadable-deck');
  assert.equal(loadDeck(deckDir).diagnostics[0]!.code, 'unreadable-deck');
  writeFileSync(join(deckDir, 'bad.md'), Buffer.concat([Buffer.from('# Bad \xff bytes\n', 'latin1'), Buffer.from('Note: n')]));
  const bad = loadDeck(join(deckDir, 'bad.md'));
  assert.equal(bad.diagnostics[0]!.code, 'invalid-utf8');
  assert.equal(bad.slides[0]!.title, 'Bad \uFFFD bytes');
});
