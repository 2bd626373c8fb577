// The app's rehearsal channels: the presenter's run is checked and added to the sidecar beside
// the deck; anything else is refused; an unwritable folder is an answer the presenter shows.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createInvokeAnswers, type AnswerHost } from '../../electron/app/ipc-answers';
import type { ViewRole } from '../../electron/contract/ipc';
import { parseRehearsals } from '../../electron/sidecar/rehearsals';

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

test('a read-only deck folder is a clear answer, not a crash', async (t) => {
  if (process.getuid?.() === 0) return t.skip('root writes anywhere');
  chmodSync(dir, 0o555);
  const answer = await answers({ 1: 'presenter' })['rehearsal:save'](1, run);
  chmodSync(dir, 0o755);
  assert.match(answer.problem ?? '', /cannot write .*permission denied.*kept in this window only/);
});
