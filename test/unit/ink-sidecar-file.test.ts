// The ink sidecar on disk: missing is empty, unusable files are set aside (never overwritten),
// saves merge with the file (two windows at once lose nothing), a read-only folder is reported.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { inkSidecarPath, readInkSidecar, saveInkSidecar } from '../../electron/ink/file/sidecar-file';
import { fallbackPath } from '../../electron/sidecar/sidecar-places';
import { refusingPlaces } from '../support/refusing-places';
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

/** A per-user folder of the test's own. */
function root(): string {
  return join(deckIn(), '..', 'per-user');
}

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

test('a read-only deck folder: the ink goes to the per-user folder, is found there next time, and comes home when the folder is writable', async () => {
  const deck = deckIn();
  const beside = inkSidecarPath(deck);
  // The ink of an earlier talk, beside the deck (the folder was writable then).
  await saveInkSidecar(deck, one('k0', 'old-1'), new Set(), () => true, refusingPlaces(root(), () => false));
  let readOnly = true;
  const places = refusingPlaces(root(), (f) => readOnly && f === beside);
  const saved = await saveInkSidecar(deck, one('k1', 'new-1'), new Set(), () => true, places);
  assert.ok(saved.ok);
  assert.equal(saved.file, fallbackPath(beside, deck, places));
  assert.match(saved.elsewhere ?? '', /deck folder cannot be written \(cannot write .*talk\.lectern-ink\.json: read-only file system\), so it was saved in .*talk\.lectern-ink\.json instead/);
  // The next load (app or `lectern export --ink`) sees both: the earlier ink and today's.
  assert.deepEqual([...readInkSidecar(deck, new Date(), places).doc.slides.keys()].sort(), ['k0', 'k1']);
  // The folder is writable again: the next save merges everything beside the deck.
  readOnly = false;
  const home = await saveInkSidecar(deck, one('k2', 'new-2'), new Set(), () => true, places);
  assert.ok(home.ok && home.file === beside && home.elsewhere === undefined);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(beside, 'utf8')).slides).sort(), ['k0', 'k1', 'k2']);
  assert.ok(!existsSync(fallbackPath(beside, deck, places)), 'the per-user copy is folded in');
});

test('neither the deck folder nor the per-user folder writable: ok false, a message, the ink kept in memory', async () => {
  const deck = deckIn();
  const r = await saveInkSidecar(deck, one('k', 's'), new Set(), () => true, refusingPlaces(root(), () => true));
  assert.ok(!r.ok);
  assert.match(r.message, /cannot write .*talk\.lectern-ink\.json: read-only file system, and the per-user folder failed too .*kept in memory/);
  assert.ok(!existsSync(inkSidecarPath(deck)));
});

test('a folder that cannot be written (gone) gives ok: false and a message, not a throw', async () => {
  const deck = join(deckIn(), '..', 'missing-folder', 'talk.md');
  const r = await saveInkSidecar(deck, one('k', 's'), new Set(), () => true, refusingPlaces(join(deckIn(), '..', 'nowhere', '\0'), () => false));
  assert.ok(!r.ok);
  assert.match(r.message, /cannot write .*: the folder does not exist, and the per-user folder failed too.*The ink is kept in memory/);
});
