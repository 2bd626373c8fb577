// Faults around `lectern export` that test/e2e/export-safety.test.ts does not cover: SIGTERM
// and SIGHUP midway, the target folder removed or replaced while printing, a folder of decks
// interrupted, an unreadable deck folder, and browsers that are named but unusable. Each time:
// the previous PDFs are intact, no partial file remains (after the next export at the latest),
// and the failure is one clear line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ROOT, lectern, noBrowserReason, pdfPages, scratchFixtures, spawnLectern } from '../fixtures/export/support';

const skip = noBrowserReason();
const scratch = scratchFixtures();
const smallDeck = join(scratch.dir, 'deck.md');
// The shipped talk: long enough to interrupt while it prints.
const TALK = join(ROOT, 'slides', 'liver-directed-therapies.md');
const PREVIOUS = '%PDF-1.4 previous version\n';
/** Temp files right after the interrupted folder export. */
let interruptedFolderTemps: string[] = ['not run'];

after(() => scratch.cleanup());

function tempFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.includes('.lectern-tmp-')) : [];
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
  return lines[0]!;
}

function folderWithPrevious(name: string, pdf = 'talk.pdf'): { dir: string; target: string } {
  const dir = join(scratch.dir, name);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, pdf);
  writeFileSync(target, PREVIOUS);
  return { dir, target };
}

/** Runs `args`, calls `midway` once a temp file exists under `watchDir`, and waits for the exit. */
async function exportWithFault(
  args: string[],
  watchDir: string,
  midway: (child: ReturnType<typeof spawnLectern>) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string; pid: number }> {
  const child = spawnLectern(args);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (tempFiles(watchDir).length > 0) {
        clearInterval(poll);
        midway(child);
        resolve();
      }
    }, 5);
    void exited.then(() => {
      clearInterval(poll);
      reject(new Error(`the export finished before the fault could be injected: ${stderr}`));
    });
  });
  const exit = await exited;
  return { ...exit, stderr, pid: child.pid ?? -1 };
}

/** Processes whose command line mentions `needle` (Linux /proc). */
function processesMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) found.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function waitUntil(ok: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return ok();
}

describe('export faults', { skip }, () => {
  test('SIGTERM midway: exit 143, previous PDF intact, no temp file', async () => {
    const { dir, target } = folderWithPrevious('sigterm');
    const exit = await exportWithFault(['export', TALK, '-o', target, '--quiet'], dir, (c) => c.kill('SIGTERM'));
    assert.equal(exit.code, 143, exit.stderr);
    assert.equal(readFileSync(target, 'utf8'), PREVIOUS);
    assert.deepEqual(tempFiles(dir), []);
  });

  test('SIGHUP midway (terminal closed): previous PDF intact, no browser left running, the next export cleans up', async () => {
    const { dir, target } = folderWithPrevious('sighup');
    const exit = await exportWithFault(['export', TALK, '-o', target, '--quiet'], dir, (c) => c.kill('SIGHUP'));
    assert.notEqual(exit.code, 0);
    assert.equal(readFileSync(target, 'utf8'), PREVIOUS);
    // Chromium notices its pipe closing; its profile folder names the dead export's pid.
    const gone = await waitUntil(() => processesMentioning(`lectern-chromium-${exit.pid}-`).length === 0, 10_000);
    assert.ok(gone, `no Chromium of the hung-up export is left: ${processesMentioning(`lectern-chromium-${exit.pid}-`).join(', ')}`);
    const next = lectern(['export', smallDeck, '-o', join(dir, 'other.pdf'), '--quiet']);
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(tempFiles(dir), [], 'no partial file remains after the next export');
    assert.equal(readFileSync(target, 'utf8'), PREVIOUS);
  });

  test('the print page crashing midway (its renderer killed): one line, exit 1, previous PDF intact, no temp file', { timeout: 60_000 }, async () => {
    const { dir, target } = folderWithPrevious('renderer-crash');
    // Every renderer of this export's browser (its profile folder names the export's pid), again
    // and again until the export gives up: whatever it was doing, its page dies under it.
    let killer: ReturnType<typeof setInterval> | undefined;
    const exit = await exportWithFault(['export', TALK, '-o', target, '--quiet'], dir, (c) => {
      const killRenderers = () => {
        for (const pid of processesMentioning(`lectern-chromium-${c.pid}-`)) {
          try {
            if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) process.kill(pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      };
      killRenderers();
      killer = setInterval(killRenderers, 50);
      c.once('exit', () => clearInterval(killer));
    });
    clearInterval(killer);
    assert.equal(exit.code, 1, exit.stderr);
    assert.match(oneLine(exit.stderr), /^lectern export: .*liver-directed-therapies\.md: .*(crashed|failed)/);
    assert.equal(readFileSync(target, 'utf8'), PREVIOUS);
    assert.deepEqual(tempFiles(dir), []);
  });

  test('the target folder removed during the export: one line naming the target, exit 1, the folder is not recreated', async () => {
    const { dir, target } = folderWithPrevious('removed');
    const exit = await exportWithFault(['export', TALK, '-o', target, '--quiet'], dir, () => rmSync(dir, { recursive: true, force: true }));
    assert.equal(exit.code, 1, exit.stderr);
    assert.match(oneLine(exit.stderr), /talk\.pdf/);
    assert.equal(existsSync(dir), false, 'nothing was written where the folder was');
  });

  test('the target folder replaced by a file during the export: one line, exit 1, the file is untouched', async () => {
    const { dir, target } = folderWithPrevious('replaced');
    const exit = await exportWithFault(['export', TALK, '-o', target, '--quiet'], dir, () => {
      rmSync(dir, { recursive: true, force: true });
      writeFileSync(dir, 'not a folder any more\n');
    });
    assert.equal(exit.code, 1, exit.stderr);
    assert.match(oneLine(exit.stderr), /talk\.pdf/);
    assert.equal(readFileSync(dir, 'utf8'), 'not a folder any more\n');
  });

  test('a folder of decks interrupted (SIGINT): every previous PDF intact; the next export cleans up', async () => {
    const decks = join(scratch.dir, 'many');
    mkdirSync(join(decks, 'part'), { recursive: true });
    copyFileSync(TALK, join(decks, 'a-talk.md'));
    copyFileSync(smallDeck, join(decks, 'b-small.md'));
    copyFileSync(smallDeck, join(decks, 'part', 'c-small.md'));
    for (const asset of ['diagram.svg']) {
      copyFileSync(join(scratch.dir, asset), join(decks, asset));
      copyFileSync(join(scratch.dir, asset), join(decks, 'part', asset));
    }
    // The talk includes its section decks: give the copy its folders.
    for (const name of readdirSync(join(ROOT, 'slides'))) {
      const from = join(ROOT, 'slides', name);
      if (!name.endsWith('.md')) spawnSync('cp', ['-r', from, join(decks, name)]);
    }
    const out = join(scratch.dir, 'many-out');
    const previous = ['a-talk.pdf', 'b-small.pdf', join('part', 'c-small.pdf')];
    for (const pdf of previous) {
      mkdirSync(join(out, pdf, '..'), { recursive: true });
      writeFileSync(join(out, pdf), PREVIOUS);
    }
    const exit = await exportWithFault(['export', decks, '--out-dir', out, '--quiet'], out, (c) => c.kill('SIGINT'));
    assert.equal(exit.code, 130, exit.stderr);
    for (const pdf of previous) assert.equal(readFileSync(join(out, pdf), 'utf8'), PREVIOUS, `${pdf} intact`);
    interruptedFolderTemps = tempFiles(out);
    // The interrupted export's Chromium goes too (its profile folder names the export's pid).
    const gone = await waitUntil(() => processesMentioning(`lectern-chromium-${exit.pid}-`).length === 0, 10_000);
    assert.ok(gone, 'no Chromium of the interrupted export is left running');
    // Running the same command again cleans stale temp files in every folder it writes to.
    const next = lectern(['export', decks, '--out-dir', out, '--quiet']);
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(tempFiles(out), [], 'no partial file remains after the next export');
  });

  // On SIGINT the deck loop could reserve the next deck's temp file while the browser closed;
  // the interrupt now stops the loop and discards again before exiting.
  test('a folder of decks interrupted (SIGINT): no temp file anywhere right after', () => {
    assert.deepEqual(interruptedFolderTemps, []);
  });

  /** Runs the CLI so that `dir` (mode 000) is really unreadable: as `nobody` when we are root. */
  function lockedFolderRuns(t: { skip(reason: string): void }): Array<{ command: string; status: number | null; stderr: string }> | null {
    const dir = join(scratch.dir, 'locked');
    mkdirSync(dir, { recursive: true });
    copyFileSync(smallDeck, join(dir, 'deck.md'));
    chmodSync(dir, 0o000);
    try {
      let runAs = (args: string[]): { status: number | null; stderr: string } => lectern(args);
      if (process.getuid?.() === 0) {
        // Root reads any folder: run the CLI as `nobody`, for whom the folder is closed.
        const probe = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']);
        if (probe.status !== 0) {
          t.skip('running as root and cannot drop to nobody (setpriv)');
          return null;
        }
        // mkdtemp folders are private to root; nobody must reach the locked folder to be refused by it.
        chmodSync(scratch.dir, 0o755);
        runAs = (args) => {
          const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(ROOT, 'bin', 'lectern.js'), ...args], {
            encoding: 'utf8',
            env: { ...process.env, HOME: tmpdir() },
          });
          return { status: r.status, stderr: r.stderr };
        };
      }
      return [['export', dir, '--quiet'], ['check', dir]].map((args) => ({ command: args[0]!, ...runAs(args) }));
    } finally {
      chmodSync(dir, 0o755);
    }
  }

  test('a deck folder that cannot be read: one line naming it, non-zero exit (export and check)', (t) => {
    const runs = lockedFolderRuns(t);
    if (!runs) return;
    for (const run of runs) {
      assert.notEqual(run.status, 0, `${run.command}: ${run.stderr}`);
      assert.match(oneLine(run.stderr), /locked/, `${run.command} names the folder`);
    }
  });

  // An unreadable folder is not "no decks here": it says why, exit 1.
  test('a deck folder that cannot be read: the line says permission denied', (t) => {
    const runs = lockedFolderRuns(t);
    if (!runs) return;
    for (const run of runs) {
      assert.equal(run.status, 1, `${run.command}: ${run.stderr}`);
      assert.match(oneLine(run.stderr), /permission denied|cannot read/i, `${run.command} says why`);
    }
  });

  test('a browser that is named but unusable: one line saying what to do, exit 1, nothing written', () => {
    const { dir } = folderWithPrevious('browsers');
    const target = join(dir, 'new.pdf');
    const notExecutable = join(dir, 'chromium');
    writeFileSync(notExecutable, 'not a program\n');
    for (const [args, env] of [
      [['--browser', join(dir, 'no-such-browser')], {}],
      [[], { LECTERN_BROWSER: notExecutable }],
    ] as const) {
      const run = lectern(['export', smallDeck, '-o', target, '--quiet', ...args], { env });
      assert.equal(run.status, 1, run.stderr);
      assert.match(oneLine(run.stderr), /no Chromium or Chrome found at .*(--browser|LECTERN_BROWSER)/);
      assert.equal(existsSync(target), false);
      assert.deepEqual(tempFiles(dir), []);
    }
  });

  test('after all of the above, an export in the same folder works and leaves exactly the PDF', () => {
    const { dir, target } = folderWithPrevious('final');
    const run = lectern(['export', smallDeck, '-o', target, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(pdfPages(target) > 0);
    assert.deepEqual(readdirSync(dir), ['talk.pdf']);
  });
});
