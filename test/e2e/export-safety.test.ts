// Never lose a file, and fail in one clear line: interrupted exports (SIGINT, SIGKILL) leave the
// previous PDF byte for byte and no partial file; unwritable targets, a missing deck, a missing
// browser and a deck with compile errors each fail with exit 1 and write nothing.

import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ROOT, lectern, noBrowserReason, pdfInfo, pdfPages, scratchFixtures, spawnLectern } from '../fixtures/export/support';
import { canRunAsNobody, lecternAsNobody } from '../support/run-as-nobody';

const skip = noBrowserReason();
const scratch = scratchFixtures();
const deck = join(scratch.dir, 'deck.md');
// The shipped talk: long enough to interrupt while it prints.
const TALK = join(ROOT, 'slides', 'liver-directed-therapies.md');

after(() => scratch.cleanup());

function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.includes('.lectern-tmp-'));
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
  return lines[0]!;
}

/** Starts an export over `target` and sends `signal` once its temp file exists. */
async function interruptedExport(target: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }> {
  const child = spawnLectern(['export', TALK, '-o', target, '--quiet']);
  const dir = join(target, '..');
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (tempFiles(dir).length > 0) {
        clearInterval(poll);
        child.kill(signal);
        resolve();
      }
    }, 5);
    child.once('exit', () => {
      clearInterval(poll);
      reject(new Error('the export finished before it could be interrupted'));
    });
  });
  return new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, signal: sig })));
}

describe('export safety', { skip }, () => {
  test('SIGINT midway: previous PDF intact, no temp file left', async () => {
    const dir = join(scratch.dir, 'sigint');
    mkdirSync(dir);
    const target = join(dir, 'talk.pdf');
    writeFileSync(target, '%PDF-1.4 previous version\n');
    const before = readFileSync(target);
    const exit = await interruptedExport(target, 'SIGINT');
    assert.equal(exit.code, 130);
    assert.deepEqual(readFileSync(target), before);
    assert.deepEqual(tempFiles(dir), []);
  });

  test('SIGKILL midway: previous PDF intact; the next export removes the stale temp file', async () => {
    const dir = join(scratch.dir, 'sigkill');
    mkdirSync(dir);
    const target = join(dir, 'talk.pdf');
    writeFileSync(target, '%PDF-1.4 previous version\n');
    const before = readFileSync(target);
    const exit = await interruptedExport(target, 'SIGKILL');
    assert.equal(exit.signal, 'SIGKILL');
    assert.deepEqual(readFileSync(target), before);
    assert.equal(tempFiles(dir).length, 1, 'a killed process cannot clean up');
    const killedPid = /lectern-tmp-(\d+)$/.exec(tempFiles(dir)[0]!)![1];
    const next = lectern(['export', deck, '-o', join(dir, 'other.pdf'), '--quiet']);
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(tempFiles(dir), [], 'the stale temp file is gone');
    const strays = readdirSync(tmpdir()).filter((n) => n.startsWith(`lectern-chromium-${killedPid}-`) || n.startsWith(`lectern-print-${killedPid}-`));
    assert.deepEqual(strays, [], "the killed export's browser profile is removed too");
    assert.deepEqual(readFileSync(target), before);
    assert.equal(pdfPages(join(dir, 'other.pdf')), 5);
  });

  test('a target folder that does not exist: one line, exit 1, nothing written', () => {
    const run = lectern(['export', deck, '-o', join(scratch.dir, 'missing', 'x.pdf')]);
    assert.equal(run.status, 1);
    assert.match(oneLine(run.stderr), /cannot write .*x\.pdf: the folder does not exist/);
  });

  test('a target whose folder is a file: one line, exit 1', () => {
    const file = join(scratch.dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const run = lectern(['export', deck, '-o', join(file, 'x.pdf')]);
    assert.equal(run.status, 1);
    assert.match(oneLine(run.stderr), /cannot write .*x\.pdf: part of the path is not a folder/);
  });

  test('a read-only folder: one line, exit 1, previous PDF intact', (t) => {
    const dir = join(scratch.dir, 'readonly');
    mkdirSync(dir);
    const target = join(dir, 'deck.pdf');
    writeFileSync(target, '%PDF-1.4 previous version\n');
    const args = ['export', deck, '-o', target];
    let run;
    if (process.getuid?.() === 0) {
      // Root writes anywhere: run the export as `nobody`, for whom the folder is read-only.
      if (!canRunAsNobody()) return t.skip('running as root and cannot drop to nobody (setpriv)');
      chmodSync(scratch.dir, 0o755);
      chmodSync(dir, 0o755);
      run = lecternAsNobody(args);
    } else {
      chmodSync(dir, 0o555);
      run = lectern(args);
      chmodSync(dir, 0o755);
    }
    assert.equal(run.status, 1, run.stderr);
    assert.match(oneLine(run.stderr), /cannot write .*deck\.pdf: permission denied/);
    assert.equal(readFileSync(target, 'utf8'), '%PDF-1.4 previous version\n');
    assert.deepEqual(tempFiles(dir), []);
  });

  test('a deck that does not exist: one line, exit 1', () => {
    const run = lectern(['export', join(scratch.dir, 'nope.md')]);
    assert.equal(run.status, 1);
    assert.match(oneLine(run.stderr), /nope\.md: no such deck or folder/);
  });

  test('no browser: one line saying how to get one, exit 1, nothing written', () => {
    const out = join(scratch.dir, 'nobrowser.pdf');
    const run = lectern(['export', deck, '-o', out, '--browser', '/nonexistent/chromium']);
    assert.equal(run.status, 1);
    assert.match(oneLine(run.stderr), /no Chromium or Chrome found at \/nonexistent\/chromium; install one/);
    assert.equal(existsSync(out), false);
    const viaEnv = lectern(['export', deck, '-o', out], { env: { LECTERN_BROWSER: '/nonexistent/chrome' } });
    assert.equal(viaEnv.status, 1);
    assert.match(oneLine(viaEnv.stderr), /\/nonexistent\/chrome/);
  });

  test('a deck with compile errors: errors as file:line:col, exit 1, nothing written; --force exports', () => {
    const broken = join(scratch.dir, 'errors.md');
    const out = join(scratch.dir, 'errors.pdf');
    const run = lectern(['export', broken, '-o', out]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /errors\.md:7:30: error: formula cannot be rendered/);
    assert.match(run.stderr, /1 error; not exported \(--force exports anyway\)/);
    assert.equal(existsSync(out), false);
    const forced = lectern(['export', broken, '-o', out, '--force', '--quiet']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(pdfInfo(out).Title, 'Broken deck');
  });

  test('a folder with one broken deck: the others are exported, one browser, exit 1', () => {
    const out = join(scratch.dir, 'mixed-out');
    const run = lectern(['export', scratch.dir, '--out-dir', out, '--quiet']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /errors\.md:7:30: error:/);
    assert.equal(existsSync(join(out, 'errors.pdf')), false);
    assert.equal(pdfPages(join(out, 'deck.pdf')), 5);
    assert.equal(pdfInfo(join(out, 'folder', 'sub', 'beta.pdf')).Title, 'Beta deck');
  });

  test("an export writes nothing into the user's home (not even Chromium's crash database)", () => {
    const home = join(scratch.dir, 'home');
    mkdirSync(home);
    const run = lectern(['export', deck, '-o', join(scratch.dir, 'home-test.pdf'), '--quiet'], {
      env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(home, { recursive: true }), []);
  });

  test('-o with a folder of several decks is a usage error', () => {
    const run = lectern(['export', join(scratch.dir, 'folder'), '-o', join(scratch.dir, 'one.pdf')]);
    assert.equal(run.status, 2);
    assert.match(oneLine(run.stderr), /use --out-dir/);
  });
});

test('an existing PDF is replaced in one step (a new file renamed over it), no temp file left', { skip }, () => {
  const target = join(scratch.dir, 'replace.pdf');
  copyFileSync(join(scratch.dir, 'diagram.svg'), target);
  const inodeBefore = statSync(target).ino;
  const run = lectern(['export', deck, '-o', target, '--quiet']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(pdfPages(target), 5);
  // A reader holding the old file keeps the old bytes: the new PDF is a new inode, not a rewrite.
  assert.notEqual(statSync(target).ino, inodeBefore);
  assert.deepEqual(tempFiles(scratch.dir), []);
});
