import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecentDecks, writeJsonAtomic } from '../../electron/app/recent';
import { findDeckFiles, summarizeDecks } from '../../electron/app/deck-list';
import type { Deck } from '../../electron/deck/types';

function temp(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-recent-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('recent decks persist between runs, newest first, deduplicated, capped', (t) => {
  const dir = temp(t);
  const file = join(dir, 'userData', 'recent-decks.json');
  const first = new RecentDecks(file, 3);
  assert.deepEqual(first.list(), []);
  first.add('/d/a.md');
  first.add('/d/b.md');
  first.add('/d/a.md');
  assert.deepEqual(first.list(), ['/d/a.md', '/d/b.md']);
  const second = new RecentDecks(file, 3);
  assert.deepEqual(second.list(), ['/d/a.md', '/d/b.md']);
  second.add('/d/c.md');
  second.add('/d/e.md');
  assert.deepEqual(new RecentDecks(file, 3).list(), ['/d/e.md', '/d/c.md', '/d/a.md']);
  second.remove('/d/c.md');
  assert.deepEqual(new RecentDecks(file, 3).list(), ['/d/e.md', '/d/a.md']);
  second.clear();
  assert.deepEqual(new RecentDecks(file, 3).list(), []);
  assert.deepEqual(readdirSync(join(dir, 'userData')), ['recent-decks.json'], 'no temp files left');
});

test('a corrupt list is set aside, not lost, and the app starts with an empty one', (t) => {
  const dir = temp(t);
  const file = join(dir, 'recent-decks.json');
  writeFileSync(file, '{"decks": [');
  const recent = new RecentDecks(file);
  assert.deepEqual(recent.list(), []);
  assert.equal(readFileSync(`${file}.corrupt`, 'utf8'), '{"decks": [');
  recent.add('/d/a.md');
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 1, decks: ['/d/a.md'] });
});

test('an atomic write that fails leaves the old file and no temp file', (t) => {
  const dir = temp(t);
  const file = join(dir, 'x.json');
  writeJsonAtomic(file, { a: 1 });
  // Renaming onto a directory fails: the target stays as it was.
  mkdirSync(join(dir, 'blocked.json'));
  assert.throws(() => writeJsonAtomic(join(dir, 'blocked.json'), { a: 2 }));
  assert.deepEqual(readdirSync(dir).sort(), ['blocked.json', 'x.json']);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { a: 1 });
});

function fakeDeck(file: string, title: string, slides: number, duration?: number, errors = 0): Deck {
  return {
    file,
    root: '/',
    meta: { title, theme: 'light', sections: [], slideNumbers: true, ...(duration ? { duration } : {}) },
    slides: Array.from({ length: slides }, () => ({}) as Deck['slides'][number]),
    assets: [],
    diagnostics: Array.from({ length: errors }, () => ({ file, line: 1, column: 1, severity: 'error' as const, code: 'x', message: 'x' })),
    dependencies: [file],
  };
}

test('the start screen lists decks at the top of slides/ and one folder deep, summarised', async (t) => {
  const dir = temp(t);
  mkdirSync(join(dir, '01-intro'));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'talk.md'), '');
  writeFileSync(join(dir, 'notes.txt'), '');
  writeFileSync(join(dir, '01-intro', 'deck.md'), '');
  writeFileSync(join(dir, '01-intro', 'diagram.svg'), '');
  const files = findDeckFiles(dir);
  assert.deepEqual(files, [join(dir, '01-intro', 'deck.md'), join(dir, 'talk.md')]);
  assert.deepEqual(findDeckFiles(join(dir, 'missing')), []);
  const summaries = await summarizeDecks([...files, join(dir, 'gone.md')], async (file) => {
    if (file.endsWith('gone.md')) throw new Error('ENOENT');
    return file.endsWith('talk.md') ? fakeDeck(file, 'The talk', 30, 45) : fakeDeck(file, 'Intro', 4, undefined, 2);
  });
  assert.deepEqual(summaries, [
    { file: files[0], title: 'Intro', slideCount: 4, errors: 2 },
    { file: files[1], title: 'The talk', slideCount: 30, duration: 45, errors: 0 },
    { file: join(dir, 'gone.md'), title: 'gone.md', slideCount: 0, errors: 1 },
  ]);
  assert.equal(existsSync(join(dir, 'gone.md')), false);
});
