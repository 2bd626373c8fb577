// Runs test files under node's test runner (TypeScript through tsx), after a build so the browser
// and CLI tests exercise the real bundles.
//   node scripts/test.mjs [unit|e2e|electron ...]   whole suites (default: all three)
//   node scripts/test.mjs fast                      the edit-test loop: unit tests that need no
//                                                   browser, no build and no long stress run
// The fast tier runs two files at a time: most of a file's time there is start-up (tsx, module
// loading), and node's default on 2 cores is one file. The full suite keeps node's default: with
// two at a time on a loaded 2-core machine it was slower, and load-sensitive tests timed out.
// LECTERN_TEST_CONCURRENCY sets either.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Unit test files the fast tier leaves to the full suite, and why. */
const NOT_FAST = new Map([
  ['app-electron-printer-chromium.test.ts', 'prints through Chromium'],
  ['export-pdf-merge.test.ts', 'prints parts through Chromium'],
  ['hostile-decks.test.ts', 'compiles 10 MB and 10,000-slide decks'],
  ['packaging-smoke.test.ts', 'packs the app with electron-builder'],
  ['packaging-config.test.ts', "loads electron-builder's schema"],
  ['security-electronegativity.test.ts', 'runs the Electronegativity scanner'],
  ['check-cli.test.ts', 'runs the built CLI (dist/)'],
  ['lazy-libraries.test.ts', 'runs the built CLI (dist/)'],
  ['app-present-cli.test.ts', 'runs the built CLI (dist/)'],
  ['slides.test.ts', 'compiles the whole talk and runs the built CLI'],
  ['export-pptx-long-deck.test.ts', 'exports a 2,000-slide deck (through a fake browser)'],
  ['faults-live-reload.test.ts', 'waits on file-system watchers; times out on a loaded machine when run beside another file'],
]);

const args = process.argv.slice(2);
const fast = args.includes('fast');
const suites = fast ? ['unit'] : args.length ? args : ['unit', 'e2e', 'electron'];

function testFiles(dir) {
  let out = [];
  let names = [];
  try { names = readdirSync(dir).sort(); } catch { return out; }
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(testFiles(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

if (!fast) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let files = suites.flatMap((s) => testFiles(join('test', s)));
if (fast) files = files.filter((f) => !NOT_FAST.has(basename(f)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const concurrency = Number(process.env.LECTERN_TEST_CONCURRENCY) || (fast ? 2 : undefined);
// Ink and runs a test cannot write beside its deck go here, never into the user's own folder.
const sidecars = mkdtempSync(join(tmpdir(), 'lectern-test-sidecars-'));
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', ...(concurrency ? [`--test-concurrency=${concurrency}`] : []), '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', LECTERN_SIDECAR_DIR: sidecars } },
);
rmSync(sidecars, { recursive: true, force: true });
process.exit(run.status ?? 1);
