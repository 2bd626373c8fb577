// What a deck file is (electron/deck/deck-file.ts, find-decks.ts), and that the app, the
// command line and the exporters agree on it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { deckFromArgv } from '../../electron/app/app-args';
import { findDeckFiles, isDeckPath } from '../../electron/app/deck-list';
import { DECK_EXTENSIONS, isDeckFile, isListedDeckName, stripDeckExtension } from '../../electron/deck/deck-file';
import { findDecks } from '../../electron/deck/find-decks';
import { pdfFileName } from '../../electron/export/pdf-export';

const dir = mkdtempSync(join(tmpdir(), 'lectern-deck-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));
function write(rel: string, text = '# Deck\n\nNote: n\n'): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

test('a deck file ends in .md or .markdown, in any case, wherever it is', () => {
  for (const yes of ['talk.md', 'Talk.MD', 'talk.markdown', 'TALK.Markdown', '/a/b/talk.md', 'C:\\decks\\talk.markdown', '.hidden.md']) {
    assert.equal(isDeckFile(yes), true, yes);
  }
  for (const no of ['talk.txt', 'talk.md.bak', 'talk.mdx', 'markdown', 'md', '/a/b.md/notes.txt', 'talk.mkd', '']) {
    assert.equal(isDeckFile(no), false, no);
  }
  assert.deepEqual(DECK_EXTENSIONS, ['.md', '.markdown']);
});

test('a folder search lists deck files, not hidden ones or READMEs', () => {
  assert.equal(isListedDeckName('talk.md'), true);
  assert.equal(isListedDeckName('talk.markdown'), true);
  assert.equal(isListedDeckName('readme-notes.md'), true);
  for (const no of ['.draft.md', 'README.md', 'readme.md', 'ReadMe.markdown', 'notes.txt']) assert.equal(isListedDeckName(no), false, no);
});

test('the deck name without folder and extension', () => {
  assert.equal(stripDeckExtension('/x/Talk.markdown'), 'Talk');
  assert.equal(stripDeckExtension('C:\\x\\talk.MD'), 'talk');
  assert.equal(stripDeckExtension('talk.txt'), 'talk.txt');
  assert.equal(pdfFileName('/x/Talk.Markdown', 'notes'), 'Talk.notes.pdf');
});

const tree = {
  top: write('tree/a.md'),
  md2: write('tree/b.markdown'),
  sub: write('tree/part/c.md'),
  deep: write('tree/part/deeper/d.md'),
};
write('tree/README.md');
write('tree/.draft.md');
write('tree/notes.txt', 'x');
write('tree/.git/x.md');
write('tree/node_modules/pkg/readme-ish.md');
write('tree/part/README.markdown');

test('findDecks: every deck under a folder, depth first in name order, by the rules', () => {
  assert.deepEqual(findDecks(join(dir, 'tree')), [tree.top, tree.md2, tree.sub, tree.deep]);
  assert.deepEqual(findDecks(join(dir, 'tree'), { maxDepth: 0 }), [tree.top, tree.md2]);
  assert.deepEqual(findDecks(join(dir, 'tree'), { maxDepth: 1 }), [tree.top, tree.md2, tree.sub]);
  assert.deepEqual(findDecks(join(dir, 'missing')), []);
});

test('the app agrees: argv, the start screen list, deck:open', () => {
  assert.equal(deckFromArgv(['/e/electron', '.', 'talk.markdown'], '/p'), '/p/talk.markdown');
  assert.equal(deckFromArgv(['/e/electron', '.', 'talk.txt'], '/p'), null);
  // The start screen lists slides/ and one folder deep.
  assert.deepEqual(findDeckFiles(join(dir, 'tree')), [tree.top, tree.md2, tree.sub]);
  assert.equal(isDeckPath(tree.md2), true);
  assert.equal(isDeckPath(join(dir, 'tree', 'notes.txt')), false);
  assert.equal(isDeckPath(join(dir, 'tree', 'part')), false);
});

const BIN = resolve(__dirname, '..', '..', 'bin', 'lectern.js');
const BUILT = existsSync(resolve(__dirname, '..', '..', 'dist', 'cli.js'));

test('lectern check takes a .markdown deck, and finds .markdown decks in a folder', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const one = spawnSync(process.execPath, [BIN, 'check', tree.md2], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /^1 deck, 1 slide/);
  const all = spawnSync(process.execPath, [BIN, 'check', '--json', join(dir, 'tree')], { encoding: 'utf8', timeout: 60_000 });
  const files = (JSON.parse(all.stdout) as { decks: Array<{ file: string }> }).decks.map((d) => d.file);
  assert.deepEqual(files.map((f) => resolve(f)), [tree.top, tree.md2, tree.sub, tree.deep]);
});
