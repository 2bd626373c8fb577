// The rehearsal sidecar: its format (checks, newer versions, run limit), the file beside the
// deck (atomic writes, bad files set aside by renaming, never overwritten) and the report.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { formatReport, rehearsalReport } from '../../electron/sidecar/rehearsal-report';
import { readRehearsals, rehearsalsPath, saveRun } from '../../electron/sidecar/rehearsal-file';
import { addRun, emptyRehearsals, MAX_RUNS, parseRehearsals, serializeRehearsals, type RehearsalRun } from '../../electron/sidecar/rehearsals';
import { fallbackPath } from '../../electron/sidecar/sidecar-places';
import { refusingPlaces } from '../support/refusing-places';

const dir = mkdtempSync(join(tmpdir(), 'lectern-rehearsals-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (startedAt: string, ms: number[]): RehearsalRun => ({
  startedAt,
  totalMs: ms.reduce((a, b) => a + b, 0),
  slides: ms.map((m, index) => ({ index, title: `S${index}`, section: index < 2 ? 'Intro' : 'Results', ms: m, steps: [m] })),
});

test('a file round-trips; damaged and newer files are refused with the reason', () => {
  const file = addRun(emptyRehearsals(), run('2026-12-01T10:00:00.000Z', [1000, 2000]));
  const back = parseRehearsals(serializeRehearsals(file));
  assert.ok(back.ok);
  assert.deepEqual(back.file, file);
  assert.deepEqual(parseRehearsals('{"format":"lectern-rehearsals","version":2,"runs":[]}'), { ok: false, problem: { kind: 'newer', version: 2 } });
  const bad = parseRehearsals('{"format":"lectern-rehearsals","version":1,"runs":[{"startedAt":"x","totalMs":1,"slides":[]}]}');
  assert.ok(!bad.ok && bad.problem.kind === 'corrupt' && /startedAt/.test(bad.problem.detail));
  assert.ok(!parseRehearsals('{not json').ok);
  assert.ok(!parseRehearsals('{"format":"other","version":1}').ok);
});

test('runs past the limit drop the oldest', () => {
  let file = emptyRehearsals();
  for (let i = 0; i <= MAX_RUNS; i++) file = addRun(file, run(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), [i]));
  assert.equal(file.runs.length, MAX_RUNS);
  assert.equal(file.runs[0]!.totalMs, 1);
});

test('runs are saved beside the deck, kept across saves, written atomically', () => {
  const deck = join(dir, 'talk.md');
  assert.equal(rehearsalsPath(deck), join(dir, 'talk.lectern-rehearsals.json'));
  assert.deepEqual(readRehearsals(deck).file.runs, []);
  saveRun(deck, run('2026-12-01T10:00:00.000Z', [1000]));
  saveRun(deck, run('2026-12-02T10:00:00.000Z', [3000]));
  assert.deepEqual(readRehearsals(deck).file.runs.map((r) => r.startedAt), ['2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z']);
  assert.deepEqual(readdirSync(dir).filter((n) => n.includes('lectern-tmp')), [], 'no temp file left');
});

test('a damaged or newer file is set aside by renaming, never overwritten, and the new run is saved', () => {
  const deck = join(dir, 'bad.md');
  const path = rehearsalsPath(deck);
  writeFileSync(path, '{"format":"lectern-rehearsals","version":7,"runs":"future"}');
  const saved = saveRun(deck, run('2026-12-03T10:00:00.000Z', [500]), new Date('2026-12-03T10:00:00Z'));
  assert.match(saved.setAside?.problem ?? '', /newer Lectern \(format version 7\)/);
  assert.equal(readFileSync(saved.setAside!.movedTo, 'utf8'), '{"format":"lectern-rehearsals","version":7,"runs":"future"}');
  assert.equal(readRehearsals(deck).file.runs.length, 1);
  writeFileSync(path, 'garbage');
  const again = readRehearsals(deck, new Date('2026-12-04T10:00:00Z'));
  assert.match(again.setAside?.problem ?? '', /damaged/);
  assert.ok(existsSync(again.setAside!.movedTo));
  assert.notEqual(again.setAside!.movedTo, saved.setAside!.movedTo);
});

test('the report: planned vs rehearsed per section and slide, the slowest first, slides matched by title after a move', () => {
  const slides = [
    { index: 0, title: 'New slide', section: 'Intro' },
    { index: 1, title: 'S0', section: 'Intro' },
    { index: 2, title: 'S1', section: 'Intro' },
    { index: 3, title: 'S2', section: 'Results' },
    { index: 4, title: 'Spare', section: 'Results', backup: true },
  ];
  const report = rehearsalReport(slides, 8, [{ title: 'Intro', minutes: 6 }], run('2026-12-01T10:00:00.000Z', [60_000, 240_000, 60_000]));
  assert.deepEqual(report.slides.map((r) => [r.number, r.plannedMs, r.rehearsedMs]), [[1, 120_000, null], [2, 120_000, 60_000], [3, 120_000, 240_000], [4, 120_000, 60_000]]);
  assert.deepEqual(report.sections, [{ title: 'Intro', plannedMs: 360_000, rehearsedMs: 300_000 }, { title: 'Results', plannedMs: 120_000, rehearsedMs: 60_000 }]);
  assert.deepEqual(report.slowest.map((r) => r.title), ['S1']);
  const text = formatReport(report);
  assert.match(text, /6:00 of 8:00 planned/);
  assert.match(text, /^ *3 {2}S1 +2:00 +4:00 +\+2:00$/m);
  assert.match(text, /Slowest slides/);
});

test('the recorder: time per slide and fragment step, revisits add up, pauses and backup slides do not count', async () => {
  const { RehearsalRecorder, rehearsedStartMs } = await import('../../electron/sidecar/rehearsals');
  const a = { index: 0, title: 'A', section: 'Intro' };
  const b = { index: 1, title: 'B', section: 'Intro' };
  const spare = { index: 2, title: 'Spare', section: '', backup: true };
  const rec = new RehearsalRecorder(Date.UTC(2026, 11, 1, 10), 'short');
  rec.at(a, -1, 0);
  rec.at(a, 0, 10_000); // 10 s before the first fragment
  rec.at(b, -1, 25_000); // 15 s after it
  rec.pause(30_000);
  rec.resume(90_000); // a minute paused
  rec.at(spare, -1, 100_000);
  rec.at(a, 0, 200_000); // back to A after questions: the backup slide's time is not counted
  const run = rec.finish(205_000);
  assert.equal(run.startedAt, '2026-12-01T10:00:00.000Z');
  assert.equal(run.length, 'short');
  assert.deepEqual(run.slides.map((s) => [s.title, s.ms, s.steps]), [['A', 30_000, [10_000, 20_000]], ['B', 15_000, [15_000]]]);
  assert.equal(run.totalMs, 45_000);
  assert.equal(rehearsedStartMs(run, [a, b, spare], b), 30_000);
  assert.equal(rehearsedStartMs(run, [a, b, spare], a), 0);
  assert.equal(rehearsedStartMs(run, [a, b, spare], { index: 3, title: 'New', section: '' }), null);
});

test('a read-only deck folder: runs go to the per-user folder, are read back from there (as `lectern rehearsals` does), and come home later', () => {
  const sub = mkdtempSync(join(dir, 'ro-'));
  const deck = join(sub, 'talk.md');
  writeFileSync(deck, '# A');
  saveRun(deck, run('2026-12-01T10:00:00.000Z', [1000]), new Date(), refusingPlaces(join(sub, 'per-user'), () => false));
  let readOnly = true;
  const places = refusingPlaces(join(sub, 'per-user'), (f) => readOnly && f === rehearsalsPath(deck));
  const saved = saveRun(deck, run('2026-12-02T10:00:00.000Z', [2000]), new Date(), places);
  assert.equal(saved.written?.file, fallbackPath(rehearsalsPath(deck), deck, places));
  assert.match(saved.written?.elsewhere ?? '', /deck folder cannot be written .*read-only file system.*saved in .*per-user\/[0-9a-f]{16}\/talk\.lectern-rehearsals\.json instead/);
  // A read-only command sees both files, each run once.
  assert.deepEqual(readRehearsals(deck, new Date(), false, places).file.runs.map((r) => r.startedAt), ['2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z']);
  readOnly = false;
  const home = saveRun(deck, run('2026-12-03T10:00:00.000Z', [3000]), new Date(), places);
  assert.deepEqual(home.written, { file: rehearsalsPath(deck) });
  const beside = parseRehearsals(readFileSync(rehearsalsPath(deck), 'utf8'));
  assert.ok(beside.ok);
  assert.equal(beside.file.runs.length, 3);
  assert.ok(!existsSync(fallbackPath(rehearsalsPath(deck), deck, places)));
});
