// `lectern present` where no Electron binary exists: one line, exit 1, no stack trace.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const bin = join(root, 'bin', 'lectern.js');

function present(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [bin, 'present', ...args], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
}

test('lectern present without a binary prints one line and exits 1', (t) => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return t.skip('dist/cli.js not built (run npm run build)');
  const empty = mkdtempSync(join(tmpdir(), 'lectern-nobin-'));
  t.after(() => rmSync(empty, { recursive: true, force: true }));
  const deck = join(empty, 'talk.md');
  writeFileSync(deck, '# Hello\n');
  const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty };
  const run = present([deck], env);
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, /^lectern: no Electron binary/);
  assert.match(lines[0]!, /install\.js/);
  assert.match(lines[0]!, /lectern html/);
  assert.match(lines[0]!, /lectern export/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('lectern present with a missing deck names it, one line, exit 1', (t) => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return t.skip('dist/cli.js not built (run npm run build)');
  const run = present(['/nonexistent/deck.md'], { ...process.env });
  assert.equal(run.status, 1);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  assert.match(run.stderr, /\/nonexistent\/deck\.md: no such deck/);
});

test('lectern present with no deck means the bundled talk', (t) => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return t.skip('dist/cli.js not built (run npm run build)');
  if (!existsSync(join(root, 'slides', 'liver-directed-therapies.md'))) return t.skip('the bundled talk is not in slides/ yet');
  const empty = mkdtempSync(join(tmpdir(), 'lectern-nobin-'));
  t.after(() => rmSync(empty, { recursive: true, force: true }));
  const run = present([], { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^lectern: no Electron binary/);
});

/** A folder (removed after the test) holding a stand-in `electron` that runs the shell `script`,
 *  and a deck `talk.md` to hand it. */
function fakeElectron(t: TestContext, script: string): { dist: string; deck: string } {
  const dist = mkdtempSync(join(tmpdir(), 'lectern-fakebin-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const fake = join(dist, 'electron');
  writeFileSync(fake, `#!/bin/sh\n${script}\n`);
  chmodSync(fake, 0o755);
  const deck = join(dist, 'talk.md');
  writeFileSync(deck, '# Hi\n');
  return { dist, deck };
}

test('with a binary, present spawns it on dist/main.js and the deck, passing its exit code', (t) => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return t.skip('dist/cli.js not built (run npm run build)');
  // A stand-in binary that reports what it was given.
  const { dist, deck } = fakeElectron(t, 'echo "args: $*"\necho "run-as-node: ${ELECTRON_RUN_AS_NODE:-unset}"\nexit 3');
  const run = present([deck], { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' });
  assert.equal(run.status, 3);
  assert.match(run.stdout, new RegExp(`args: (--no-sandbox )?${join(root, 'dist', 'main.js')} ${deck}`));
  assert.match(run.stdout, /run-as-node: unset/);
});

test('present --root hands the asset root to the app as --root=<absolute folder>', (t) => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return t.skip('dist/cli.js not built (run npm run build)');
  const { dist, deck } = fakeElectron(t, 'echo "args: $*"\nexit 0');
  // Relative to the folder lectern runs in (the repository here).
  const run = present([deck, '--root', 'test'], { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, new RegExp(`args: (--no-sandbox )?${join(root, 'dist', 'main.js')} ${deck} --root=${join(root, 'test')}$`, 'm'));
});
