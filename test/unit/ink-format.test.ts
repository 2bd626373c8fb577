// The ink sidecar format: round trip, orphans, migrations, refusals with a place, merging.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyInk, INK_VERSION, mergeInk, migrateInk, parseInkSidecar, serializeInk } from '../../electron/ink/sidecar-format';
import type { InkDocument, InkStroke } from '../../electron/ink/types';

function stroke(id: string, points = [10, 20, 30, 40]): InkStroke {
  return { id, color: '#e53935', width: 4, points };
}

function doc(entries: Record<string, InkStroke[]>): InkDocument {
  const d = emptyInk('talk.md');
  for (const [key, strokes] of Object.entries(entries)) d.slides.set(key, { key, title: `T ${key}`, index: 1, strokes });
  return d;
}

function parse(text: string) {
  return parseInkSidecar(text, 'talk.lectern-ink.json');
}

test('a document survives serialize and parse, and slides the deck lacks are written as orphans', () => {
  const d = doc({ 'md:aaaa0001': [stroke('a-1'), stroke('a-2', [1, 2])], 'md:gone0002': [stroke('a-3')] });
  const text = serializeInk(d, (key) => key !== 'md:gone0002');
  const raw = JSON.parse(text);
  assert.equal(raw.version, INK_VERSION);
  assert.deepEqual(Object.keys(raw.slides), ['md:aaaa0001']);
  assert.deepEqual(Object.keys(raw.orphans), ['md:gone0002']);
  const back = parse(text);
  assert.ok(back.ok);
  assert.deepEqual([...back.doc.slides.keys()].sort(), ['md:aaaa0001', 'md:gone0002']);
  assert.deepEqual(back.doc.slides.get('md:aaaa0001')!.strokes, d.slides.get('md:aaaa0001')!.strokes);
  assert.equal(back.doc.slides.get('md:gone0002')!.title, 'T md:gone0002');
});

test('not JSON is corrupt, with the line and column', () => {
  const r = parse('{\n  "format": "lectern-ink",\n  "version": 1,,\n}');
  assert.ok(!r.ok);
  assert.equal(r.problem.kind, 'corrupt');
  assert.match(r.problem.message, /^talk\.lectern-ink\.json:3:\d+: not valid JSON/);
});

test('a newer version is refused and named', () => {
  const r = parse(JSON.stringify({ format: 'lectern-ink', version: INK_VERSION + 1, slides: {} }));
  assert.ok(!r.ok);
  assert.equal(r.problem.kind, 'newer');
  assert.match(r.problem.message, /newer Lectern/);
});

test('bad hand edits are refused with the place of the fault', () => {
  const base = { format: 'lectern-ink', version: 1, deck: 'talk.md', slides: { 'md:1': { title: 'x', index: 0, strokes: [stroke('s1')] } } };
  const cases: Array<[unknown, RegExp]> = [
    [{ ...base, format: 'other' }, /format: must be "lectern-ink"/],
    [{ ...base, version: 0 }, /version: must be a whole number/],
    [{ ...base, slides: { 'md:1': { strokes: [{ ...stroke('s1'), points: [1, 2, 'x', 4] }] } } }, /slides\["md:1"\]\.strokes\[0\]\.points\[2\]: must be a number/],
    [{ ...base, slides: { 'md:1': { strokes: [{ ...stroke('s1'), points: [1, 2, 3] }] } } }, /points: must be a flat list/],
    [{ ...base, slides: { 'md:1': { strokes: [{ ...stroke('s1'), color: 'red; x' }] } } }, /color: must be a colour/],
    [{ ...base, slides: { 'md:1': { strokes: [stroke('s1'), stroke('s1')] } } }, /strokes\[1\]\.id: stroke id "s1" appears twice/],
    [{ ...base, orphans: { 'md:1': { strokes: [] } } }, /appears in both slides and orphans/],
    [{ ...base, slides: [] }, /slides: must be an object/],
  ];
  for (const [value, expected] of cases) {
    const r = parse(JSON.stringify(value));
    assert.ok(!r.ok, JSON.stringify(value));
    assert.equal(r.problem.kind, 'invalid');
    assert.match(r.problem.message, expected);
  }
});

test('ink drawn in another frame size is scaled to 1280x720', () => {
  const r = parse(JSON.stringify({ format: 'lectern-ink', version: 1, frame: [640, 360], slides: { k: { strokes: [stroke('s', [320, 180])] } } }));
  assert.ok(r.ok);
  assert.deepEqual(r.doc.slides.get('k')!.strokes[0]!.points, [640, 360]);
});

test('migrations run step by step from an older version, and a gap is refused', () => {
  // Version 1 is the first; the machinery is tested with a made-up history of three versions.
  const migrations = {
    1: (raw: Record<string, unknown>) => ({ ...raw, version: 2, renamed: raw.old }),
    2: (raw: Record<string, unknown>) => ({ ...raw, version: 3, extra: true }),
  };
  const out = migrateInk({ version: 1, old: 'x' }, migrations, 3);
  assert.deepEqual(out, { version: 3, old: 'x', renamed: 'x', extra: true });
  assert.throws(() => migrateInk({ version: 1 }, { 1: (raw) => ({ ...raw, version: 2 }) }, 3), /no migration from version 2/);
  assert.throws(() => migrateInk({ version: 1 }, { 1: (raw) => raw }, 2), /did not reach 2/);
});

test('merging keeps every stroke of both sides except those this session removed', () => {
  const disk = doc({ k1: [stroke('w1-1'), stroke('w1-2')], k2: [stroke('w1-3')] });
  const mine = doc({ k1: [stroke('w2-1')], k3: [stroke('w2-2')] });
  const merged = mergeInk(disk, mine, new Set(['w1-2']));
  assert.deepEqual(merged.slides.get('k1')!.strokes.map((s) => s.id), ['w1-1', 'w2-1']);
  assert.deepEqual(merged.slides.get('k2')!.strokes.map((s) => s.id), ['w1-3']);
  assert.deepEqual(merged.slides.get('k3')!.strokes.map((s) => s.id), ['w2-2']);
});

test('merging takes the fuller copy of a stroke saved while it was drawn', () => {
  const disk = doc({ k: [stroke('a', [1, 1])] });
  const mine = doc({ k: [stroke('a', [1, 1, 2, 2, 3, 3])] });
  assert.equal(mergeInk(disk, mine).slides.get('k')!.strokes[0]!.points.length, 6);
});
