// The app's rehearsal channels: the presenter's run is checked and added to the sidecar beside
// the deck; anything else is refused; a read-only deck folder sends it to the per-user folder;
// nowhere writable is an answer the presenter shows, main keeps the run for the next save or
// File > Save Ink and Rehearsals Elsewhere.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createInvokeAnswers, type AnswerHost } from '../../electron/app/ipc-answers';
import type { ViewRole } from '../../electron/contract/ipc';
import { emptyRehearsals, parseRehearsals, serializeRehearsals } from '../../electron/sidecar/rehearsals';
import { saveRun } from '../../electron/sidecar/rehearsal-file';
import { fallbackPath, type SidecarPlaces } from '../../electron/sidecar/sidecar-places';
import { emptyInk } from '../../electron/ink/sidecar-format';
import { saveSidecarsTo, UnsavedSidecars } from '../../electron/app/unsaved-sidecars';
import { refusingPlaces } from '../support/refusing-places';

const dir = mkdtempSync(join(tmpdir(), 'lectern-rehearsal-ipc-'));
after(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});
const deckFile = join(dir, 'talk.md');
writeFileSync(deckFile, '# A\nNote: n');

function answers(roles: Record<number, ViewRole>) {
  const host = { roleOf: (id: number) => roles[id] ?? null, deckFile: () => deckFile } as unknown as AnswerHost;
  return createInvokeAnswers(host, { slidesDir: dir, recent: { list: () => [] } as never, openExternal: () => {} });
}

function answersFor(deck: string, places: SidecarPlaces, unsaved = new UnsavedSidecars()) {
  const host = { roleOf: () => 'presenter', deckFile: () => deck } as unknown as AnswerHost;
  return createInvokeAnswers(host, { slidesDir: dir, recent: { list: () => [] } as never, openExternal: () => {}, sidecarPlaces: places }, unsaved);
}
const run = { startedAt: '2026-12-01T10:00:00.000Z', totalMs: 5000, slides: [{ index: 0, title: 'A', section: '', ms: 5000, steps: [5000] }] };

test('the presenter saves a run beside the deck; load reads it back', async () => {
  const a = answers({ 1: 'presenter', 2: 'audience' });
  const saved = await a['rehearsal:save'](1, run);
  assert.equal(saved.problem, undefined);
  assert.equal(saved.file, join(dir, 'talk.lectern-rehearsals.json'));
  const onDisk = parseRehearsals(readFileSync(saved.file!, 'utf8'));
  assert.ok(onDisk.ok);
  assert.equal(onDisk.file.runs.length, 1);
  const loaded = await a['rehearsal:load'](2, undefined);
  assert.equal(loaded.json, readFileSync(saved.file!, 'utf8'));
});

test('a run from another window, or not a run, is refused and nothing is written', async () => {
  const a = answers({ 1: 'presenter', 2: 'audience' });
  assert.match((await a['rehearsal:save'](2, run)).problem ?? '', /only the presenter/);
  assert.match((await a['rehearsal:save'](1, { totalMs: 'lots' })).problem ?? '', /not a rehearsal run/);
  const onDisk = parseRehearsals(readFileSync(join(dir, 'talk.lectern-rehearsals.json'), 'utf8'));
  assert.ok(onDisk.ok && onDisk.file.runs.length === 1);
});

test('a read-only deck folder: the run goes to the per-user folder and the answer says where', async () => {
  const sub = mkdtempSync(join(dir, 'ro-'));
  const deck = join(sub, 'talk.md');
  writeFileSync(deck, '# A');
  const places = refusingPlaces(join(sub, 'per-user'), (f) => f === join(sub, 'talk.lectern-rehearsals.json'));
  const a = answersFor(deck, places);
  const answer = await a['rehearsal:save'](1, run);
  assert.match(answer.problem ?? '', /^Rehearsals: the deck folder cannot be written .*read-only file system.*saved in .*per-user\/[0-9a-f]{16}\/talk\.lectern-rehearsals\.json instead/);
  assert.equal(answer.file, fallbackPath(join(sub, 'talk.lectern-rehearsals.json'), deck, places));
  const loaded = parseRehearsals((await a['rehearsal:load'](1, undefined)).json);
  assert.ok(loaded.ok && loaded.file.runs.length === 1, 'found there next time');
});

test('nowhere writable: a clear answer naming the menu command; main keeps the run and saves it with the next one', async () => {
  const sub = mkdtempSync(join(dir, 'nowhere-'));
  const deck = join(sub, 'talk.md');
  writeFileSync(deck, '# A');
  let full = true;
  const places = refusingPlaces(join(sub, 'per-user'), () => full);
  const unsaved = new UnsavedSidecars();
  const a = answersFor(deck, places, unsaved);
  const refused = await a['rehearsal:save'](1, run);
  assert.equal(refused.json, '');
  assert.match(refused.problem ?? '', /cannot write .*read-only file system, and the per-user folder failed too.*kept in this window and in the app until it can be saved: choose File > Save Ink and Rehearsals Elsewhere\.\.\./);
  assert.equal(unsaved.runsOf(deck).length, 1);
  // Loading meanwhile shows the kept run, and says it is not saved.
  const meanwhile = await a['rehearsal:load'](1, undefined);
  assert.match(meanwhile.problem ?? '', /1 run\(s\) not saved yet/);
  // The disk has room again: the next run saves both.
  full = false;
  const later = { ...run, startedAt: '2026-12-02T10:00:00.000Z' };
  const saved = await a['rehearsal:save'](1, later);
  assert.equal(saved.problem, undefined);
  const onDisk = parseRehearsals(readFileSync(join(sub, 'talk.lectern-rehearsals.json'), 'utf8'));
  assert.ok(onDisk.ok);
  assert.deepEqual(onDisk.file.runs.map((r) => r.startedAt), ['2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z']);
  assert.equal(unsaved.has(deck), false);
});

test('Save elsewhere: the ink and runs on disk and those kept in memory go to the chosen folder, merged with what is there', () => {
  const sub = mkdtempSync(join(dir, 'elsewhere-'));
  const deck = join(sub, 'talk.md');
  writeFileSync(deck, '# A');
  const places = refusingPlaces(join(sub, 'per-user'), () => false);
  saveRun(deck, run, new Date(), places);
  const unsaved = new UnsavedSidecars();
  unsaved.keepRun(deck, { ...run, startedAt: '2026-12-05T10:00:00.000Z' });
  const ink = emptyInk('talk.md');
  ink.slides.set('md:1', { key: 'md:1', title: 'A', index: 0, strokes: [{ id: 'w-1', color: '#e53935', width: 4, points: [1, 2, 3, 4] }] });
  unsaved.keepInk(deck, ink, new Set());
  const usb = join(sub, 'usb');
  mkdirSync(usb);
  // A run already on the stick from an earlier export stays.
  writeFileSync(join(usb, 'talk.lectern-rehearsals.json'), serializeRehearsals({ ...emptyRehearsals(), runs: [{ ...run, startedAt: '2026-11-30T10:00:00.000Z' }] }));
  const saved = saveSidecarsTo(deck, usb, unsaved, places, () => true);
  assert.deepEqual(saved, { ok: true, files: [join(usb, 'talk.lectern-ink.json'), join(usb, 'talk.lectern-rehearsals.json')] });
  const runs = parseRehearsals(readFileSync(join(usb, 'talk.lectern-rehearsals.json'), 'utf8'));
  assert.ok(runs.ok);
  assert.deepEqual(runs.file.runs.map((r) => r.startedAt), ['2026-11-30T10:00:00.000Z', '2026-12-01T10:00:00.000Z', '2026-12-05T10:00:00.000Z']);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(usb, 'talk.lectern-ink.json'), 'utf8')).slides), ['md:1']);
  // A folder that refuses: said, not thrown.
  const refused = saveSidecarsTo(deck, usb, unsaved, refusingPlaces(join(sub, 'per-user'), () => true), () => true);
  assert.ok(!refused.ok && /cannot write .*usb\/talk\.lectern-ink\.json: read-only file system/.test(refused.message));
  // Nothing at all to save: said so.
  const empty = join(sub, 'empty.md');
  writeFileSync(empty, '# B');
  assert.deepEqual(saveSidecarsTo(empty, usb, new UnsavedSidecars(), places, () => true), { ok: false, message: 'empty.md has no ink and no rehearsal runs to save yet' });
});
