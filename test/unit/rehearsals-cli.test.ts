// `lectern rehearsals`, run as the built CLI: the report table, --json, no runs, a damaged file
// reported and left in place.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { saveRun } from '../../electron/sidecar/rehearsal-file';

const BIN = resolve(__dirname, '..', '..', 'bin', 'lectern.js');
const BUILT = existsSync(resolve(__dirname, '..', '..', 'dist', 'cli.js'));
const dir = mkdtempSync(join(tmpdir(), 'lectern-rehearsals-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const deck = join(dir, 'talk.md');
writeFileSync(deck, '---\nduration: 4\n---\n# Opening\nNote: n\n---\n# Method\nNote: n\n---\n<!-- backup -->\n---\n# Spare\nNote: n');

function rehearsals(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, 'rehearsals', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('no rehearsal yet: exit 1 with a hint', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = rehearsals(['talk.md']);
  assert.equal(r.code, 1);
  assert.match(r.err, /no rehearsal of talk\.md yet/);
});

test('the last run as a table and as JSON', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const slides = [
    { index: 0, title: 'Opening', section: '', ms: 60_000, steps: [60_000] },
    { index: 1, title: 'Method', section: '', ms: 200_000, steps: [200_000] },
  ];
  saveRun(deck, { startedAt: '2026-12-01T10:00:00.000Z', totalMs: 100_000, slides });
  saveRun(deck, { startedAt: '2026-12-02T10:00:00.000Z', totalMs: 260_000, slides });
  const r = rehearsals(['talk.md']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Rehearsal of 2026-12-02T10:00:00.000Z: 4:20 of 4:00 planned/);
  assert.match(r.out, /^ *2 {2}Method +2:00 +3:20 +\+1:20$/m);
  assert.doesNotMatch(r.out, /Spare/, 'backup slides are not in the plan');
  assert.match(r.out, /2 runs kept/);
  // The sections as bars under the table: 4:20 rehearsed of 4:00 planned, 40 cells for 4:20.
  assert.match(r.out, /^1  \(none\) {2}█{37}▓{3}  4:20 of 4:00$/m);
  const json = JSON.parse(rehearsals(['talk.md', '--json']).out) as { runs: number; report: { slowest: Array<{ title: string }> } };
  assert.equal(json.runs, 2);
  assert.deepEqual(json.report.slowest.map((s) => s.title), ['Method']);
});

test('a damaged sidecar is reported and left where it is', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const other = join(dir, 'other.md');
  writeFileSync(other, '# A\nNote: n');
  const sidecar = join(dir, 'other.lectern-rehearsals.json');
  writeFileSync(sidecar, '{oops');
  const r = rehearsals(['other.md']);
  assert.equal(r.code, 1);
  assert.match(r.err, /other\.lectern-rehearsals\.json is damaged: not JSON/);
  assert.equal(readFileSync(sidecar, 'utf8'), '{oops');
});
