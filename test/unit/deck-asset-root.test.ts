// A wider asset root (asset-root.ts): `root:` in the front matter or `--root` (CompileOptions.root)
// lets a lecture use the course's shared `../_assets/`, and nothing outside that folder, also
// through symlinks; a root that cannot be used is an error at the key's line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { LiveReload, type WatcherLike } from '../../electron/app/live-reload';
import { chooseAssetRoot } from '../../electron/deck/asset-root';
import { loadDeck, type Deck } from '../../electron/deck/index';
import { portableDeck } from '../../electron/export/portable-deck';

const base = mkdtempSync(join(tmpdir(), 'lectern-root-'));
after(() => rmSync(base, { recursive: true, force: true }));
const course = join(base, 'course');
const lecture = join(course, 'lecture-03');

function write(rel: string, content: string | Buffer): string {
  const path = join(base, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
const PNG = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'foreign', 'course', '_assets', 'liver.png'));
write('course/_assets/liver.png', PNG);
write('outside.png', PNG);
write('course/_assets/course.css', '.reveal h2 { color: #8b2e1f; background: url(liver.png) }\n');
write('course/_assets/course.bib', '@article{sze2020,\n  author = {Sze, Daniel},\n  title = {Liver-directed therapy},\n  journal = {J Test},\n  year = {2020},\n  doi = {10.1000/x}\n}\n');
write('course/_shared/closing.md', '## Questions\n\n![Liver](../_assets/liver.png)\n\nNote: Take questions.\n');
write('course/not-a-folder.txt', 'x');
symlinkSync(join(base, 'outside.png'), join(course, '_assets', 'escape.png'));

function deckWith(frontMatter: string, body: string, name = 'slides.md'): string {
  return write(join('course', 'lecture-03', name), `---\ntitle: Lecture 3\n${frontMatter}---\n\n${body}\n\nNote: n\n`);
}

const errors = (d: Deck): string[] => d.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.line}:${x.column} ${x.code}: ${x.message}`);

test('root: .. lets a lecture use ../_assets; refs are relative to the root', () => {
  const file = deckWith('root: ..\n', '## Supply\n\n![Liver](../_assets/liver.png)');
  const d = loadDeck(file);
  assert.deepEqual(errors(d), []);
  assert.equal(d.root, course);
  assert.match(d.slides[0]!.html, /src="lectern-asset:_assets\/liver\.png"/);
  assert.deepEqual(d.assets.map((a) => [a.ref, a.path]), [['_assets/liver.png', join(course, '_assets', 'liver.png')]]);
});

test('without a root, ../_assets is outside the deck\'s folder, and the message says how to widen it', () => {
  const d = loadDeck(deckWith('', '## Supply\n\n![Liver](../_assets/liver.png)'));
  assert.deepEqual(errors(d), [`7:10 asset-outside-deck: "../_assets/liver.png" is outside the deck's folder ${lecture}; a wider folder that holds it can be named with root: in the front matter or --root`]);
  assert.equal(d.root, lecture);
});

test('a path outside the root is an error naming the root and the line that set it', () => {
  const d = loadDeck(deckWith('author: A\nroot: ..\n', '## Supply\n\n![Black](../../outside.png)'));
  assert.deepEqual(errors(d), [`9:10 asset-outside-deck: "../../outside.png" is outside the asset root ${course} (set by root: at line 4)`]);
});

test('a symlink inside the root that leads outside it is refused', () => {
  const d = loadDeck(deckWith('root: ..\n', '## Supply\n\n![Escape](../_assets/escape.png)'));
  assert.deepEqual(errors(d), [`8:11 asset-outside-deck: "../_assets/escape.png" is a link that leads outside the asset root ${course} (set by root: at line 3)`]);
  assert.deepEqual(d.assets, []);
});

test('a root that does not exist, is a file or does not contain the deck is an error at the key; the deck folder is used', () => {
  const cases: Array<[string, RegExp]> = [
    ['../missing', /front matter: root \.\.\/missing: .*course\/missing does not exist/],
    ['../not-a-folder.txt', /not-a-folder\.txt is not a folder/],
    ['../_shared', /_shared does not contain the deck's folder/],
  ];
  for (const [value, message] of cases) {
    const d = loadDeck(deckWith(`root: ${value}\n`, '## Local\n\nText.'));
    const bad = d.diagnostics.filter((x) => x.code === 'bad-asset-root');
    assert.equal(bad.length, 1, value);
    assert.equal(bad[0]!.severity, 'error');
    assert.deepEqual([bad[0]!.line, bad[0]!.column], [3, 7], value);
    assert.match(bad[0]!.message, message);
    assert.equal(d.root, lecture, `${value}: confined to the deck's folder instead`);
  }
  const typed = loadDeck(deckWith('root: [a, b]\n', '## Local\n\nText.'));
  assert.match(errors(typed).join('\n'), /3:7 front-matter-type: front matter: root must be a folder path/);
});

test('the file system root is refused: it confines nothing', () => {
  const d = loadDeck(deckWith('', '## Local\n\nText.'), { root: '/' });
  assert.match(errors(d).join('\n'), /1:1 bad-asset-root: --root \/: \/ is the file system's root/);
});

test('--root (CompileOptions.root) wins over the key, both ways', () => {
  // The key names a missing folder; the flag's root is used and the key is not looked at.
  const wider = loadDeck(deckWith('root: ../missing\n', '## Supply\n\n![Liver](../_assets/liver.png)'), { root: course });
  assert.deepEqual(errors(wider), []);
  assert.equal(wider.root, course);
  // The key widens; the flag narrows back to the deck's folder.
  const narrow = loadDeck(deckWith('root: ..\n', '## Supply\n\n![Liver](../_assets/liver.png)'), { root: lecture });
  assert.deepEqual(errors(narrow), [`8:10 asset-outside-deck: "../_assets/liver.png" is outside the asset root ${lecture} (set by --root)`]);
  const elsewhere = loadDeck(deckWith('', '## Local\n\nText.'), { root: join(course, '_shared') });
  assert.match(errors(elsewhere).join('\n'), /^1:1 bad-asset-root: --root .*_shared: .* does not contain the deck's folder/);
});

test('includes, theme CSS (and its url()s) and bibliographies resolve inside the wider root', () => {
  const file = deckWith('root: ..\ntheme: ../_assets/course.css\nbibliography: ../_assets/course.bib\n', '## Evidence\n\nSee [@sze2020].\n\nNote: n\n\n---\n\n<!-- include: ../_shared/closing.md -->');
  const d = loadDeck(file);
  assert.deepEqual(errors(d), []);
  assert.match(d.meta.themeCss ?? '', /url\(lectern-asset:_assets\/liver\.png\)/);
  assert.ok(d.slides.some((s) => s.title === 'Questions' && /lectern-asset:_assets\/liver\.png/.test(s.html)), 'the included slide and its image');
  assert.match(d.slides[0]!.html, /Sze/);
  for (const f of ['_assets/course.css', '_assets/course.bib', '_shared/closing.md', '_assets/liver.png']) {
    assert.ok(d.dependencies.includes(join(course, f)), `${f} is a dependency (watched by live reload)`);
  }
});

test('the portable deck (offline HTML) holds no path outside the root, and no absolute path at all', () => {
  const d = loadDeck(deckWith('root: ..\n', '## Supply\n\n![Liver](../_assets/liver.png)\n\n![Black](../../outside.png)'));
  const json = JSON.stringify(portableDeck(d));
  assert.ok(!json.includes(base), json);
  const portable = portableDeck(d);
  assert.equal(portable.file, 'lecture-03/slides.md');
  assert.deepEqual(portable.assets.map((a) => a.path), ['_assets/liver.png']);
  assert.match(portable.diagnostics.map((x) => x.message).join('\n'), /is outside the asset root \. \(set by root: at line 3\)/);
});

test('live reload watches the folders of assets under the wider root', async () => {
  const deck = loadDeck(deckWith('root: ..\n', '## Supply\n\n![Liver](../_assets/liver.png)'));
  const dirs = new Set<string>();
  let listener: ((event: string, path: string) => void) | null = null;
  const watcher: WatcherLike = {
    on: (_e, l) => (listener = l),
    add: (paths) => paths.forEach((p) => dirs.add(p)),
    unwatch: (paths) => paths.forEach((p) => dirs.delete(p)),
    close: async () => undefined,
  };
  let updated = 0;
  let fire: (() => void) | null = null;
  const reload = new LiveReload({
    watcher,
    clock: { setTimeout: (fn) => (fire = fn), clearTimeout: () => (fire = null) },
    compile: async (f) => loadDeck(f),
    events: { updated: () => updated++, errors: () => undefined },
  }, deck);
  assert.ok(dirs.has(join(course, '_assets')), [...dirs].join(', '));
  listener!('change', join(course, '_assets', 'liver.png'));
  assert.ok(fire, 'an edit of the shared image schedules a reload');
  (fire as () => void)();
  await reload.settled();
  assert.equal(updated, 1, 'the slides are sent again with the new image');
  await reload.stop();
});

test('chooseAssetRoot: the deck folder by default; the key relative to the deck; the flag relative to cwd', () => {
  const file = join(lecture, 'slides.md');
  assert.deepEqual(chooseAssetRoot(file, undefined, undefined).root, { path: lecture, origin: { kind: 'deck-folder' } });
  assert.deepEqual(chooseAssetRoot(file, undefined, { value: '..', line: 4, column: 7 }).root, { path: course, origin: { kind: 'front-matter', line: 4 } });
  assert.deepEqual(chooseAssetRoot(file, course, { value: '../missing', line: 4, column: 7 }), { root: { path: course, origin: { kind: 'flag' } }, diagnostics: [] });
  assert.deepEqual(chooseAssetRoot(file, lecture, undefined).root.path, lecture, 'the deck folder itself is a valid root');
});
