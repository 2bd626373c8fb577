// The ink sidecar on disk: missing is empty, unusable files are set aside (never overwritten),
// saves merge with the file (two windows at once lose nothing), a read-only folder is reported.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { inkSidecarPath, readInkSidecar, saveInkSidecar } from '../../electron/ink/file/sidecar-file';
import { emptyInk } from '../../electron/ink/sidecar-format';
import type { InkDocument } from '../../electron/ink/types';

const dirs: string[] = [];
function deckIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-ink-'));
  dirs.push(dir);
  const deck = join(dir, 'talk.md');
  writeFileSync(deck, '# A');
  return deck;
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

function one(key: string, id: string): InkDocument {
  const d = emptyInk('talk.md');
  d.slides.set(key, { key, title: key, index: 0, strokes: [{ id, color: '#1e88e5', width: 4, points: [1, 2, 3, 4] }] });
  return d;
}

test('the sidecar sits beside the deck; a missing one is empty ink', () => {
  const deck = deckIn();
  assert.equal(inkSidecarPath(deck), deck.replace(/talk\.md$/, 'talk.lectern-ink.json'));
  const r = readInkSidecar(deck);
  assert.equal(r.doc.slides.size, 0);
  assert.equal(r.problem, undefined);
});

test('a corrupt sidecar is set aside with its bytes intact, reported, and a save does not touch it', async () => {
  const deck = deckIn();
  const file = inkSidecarPath(deck);
  writeFileSync(file, '{"format": "lectern-ink", "version": 1, "slides": {');
  const r = readInkSidecar(deck, new Date('2026-12-01T10:00:00Z'));
  assert.match(r.problem ?? '', /talk\.lectern-ink\.json:1:\d+: not valid JSON.*set aside as talk\.lectern-ink\.unreadable-2026-12-01T10-00-00-000Z\.json/);
  const aside = join(deck, '..', 'talk.lectern-ink.unreadable-2026-12-01T10-00-00-000Z.json');
  assert.equal(readFileSync(aside, 'utf8'), '{"format": "lectern-ink", "version": 1, "slides": {');
  const saved = await saveInkSidecar(deck, one('k', 'a-1'), new Set(), () => true);
  assert.ok(saved.ok);
  assert.equal(readFileSync(aside, 'utf8'), '{"format": "lectern-ink", "version": 1, "slides": {');
  assert.ok(readInkSidecar(deck).doc.slides.has('k'));
});

test('a sidecar from a newer Lectern is set aside, not overwritten', () => {
  const deck = deckIn();
  writeFileSync(inkSidecarPath(deck), JSON.stringify({ format: 'lectern-ink', version: 99 }));
  const r = readInkSidecar(deck);
  assert.match(r.problem ?? '', /version 99 was written by a newer Lectern/);
  assert.ok(!existsSync(inkSidecarPath(deck)));
  assert.equal(readdirSync(join(deck, '..')).filter((n) => n.includes('unreadable')).length, 1);
});

test('two windows saving at once: both strokes are in the file', async () => {
  const deck = deckIn();
  const [a, b] = await Promise.all([
    saveInkSidecar(deck, one('k1', 'w1-1'), new Set(), () => true),
    saveInkSidecar(deck, one('k2', 'w2-1'), new Set(), () => true),
  ]);
  assert.ok(a.ok && b.ok);
  const doc = readInkSidecar(deck).doc;
  assert.deepEqual([...doc.slides.keys()].sort(), ['k1', 'k2']);
});

test('ink of a slide the deck no longer has is saved under orphans', async () => {
  const deck = deckIn();
  await saveInkSidecar(deck, one('md:gone', 's-1'), new Set(), (key) => key !== 'md:gone');
  const raw = JSON.parse(readFileSync(inkSidecarPath(deck), 'utf8'));
  assert.deepEqual(Object.keys(raw.orphans), ['md:gone']);
  assert.deepEqual(raw.slides, {});
});

test('a read-only deck folder is reported and nothing is lost on disk', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('root writes into read-only folders');
    return;
  }
  const deck = deckIn();
  chmodSync(join(deck, '..'), 0o555);
  const r = await saveInkSidecar(deck, one('k', 's'), new Set(), () => true);
  assert.ok(!r.ok);
  assert.match(r.message, /cannot write .*talk\.lectern-ink\.json: permission denied.*kept in memory/);
});

test('a folder that cannot be written (gone) gives ok: false and a message, not a throw', async () => {
  const deck = join(deckIn(), '..', 'missing-folder', 'talk.md');
  const r = await saveInkSidecar(deck, one('k', 's'), new Set(), () => true);
  assert.ok(!r.ok);
  assert.match(r.message, /cannot write .*: the folder does not exist\. The ink is kept in memory/);
});
