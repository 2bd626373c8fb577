// Scratch folders of the command line's Chromium (its throwaway profile, the print pages it
// loads) in the OS temp dir, named with our pid, and the sweep that removes those of killed exports.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIsAlive } from './atomic-file';

const SCRATCH_NAME = /^lectern-(chromium|print|pictures)-(?<pid>\d+)-/;

/** Our scratch folder in the OS temp dir, named with our pid so a killed run's can be found. */
export function scratchDir(kind: 'chromium' | 'print' | 'pictures'): string {
  return mkdtempSync(join(tmpdir(), `lectern-${kind}-${process.pid}-`));
}

/** Removes browser profiles and print pages left in the temp dir by killed exports. */
export function removeStaleScratch(dir: string = tmpdir()): void {
  // A killed export's browser exits once its pipe closes, but may still be writing into its
  // profile: end it first.
  removeFoldersOfEndedRuns(dir, SCRATCH_NAME, (folder, match) => {
    if (match[1] === 'chromium') endOrphanedBrowser(folder);
  });
}

/**
 * Removes the folders in `dir` whose names (matching `named`, with the pid in a `pid` group) belong
 * to a process that has ended: what a killed run left. Clean-up never fails an export.
 */
export function removeFoldersOfEndedRuns(dir: string, named: RegExp, beforeRemove?: (folder: string, match: RegExpExecArray) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = named.exec(name);
    const pid = Number(match?.groups?.pid);
    if (!match || !pid || pid === process.pid || processIsAlive(pid)) continue;
    const folder = join(dir, name);
    beforeRemove?.(folder, match);
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Still busy: the next run sweeps it.
    }
  }
}

/** Pids of the processes started on `profile` (every Chromium process names it: the folder is a
 *  fresh mkdtemp, so no other process does). */
function processesOnProfile(profile: string): number[] {
  // --user-data-dir=<profile> for the browser and its helpers, <profile>/Crash Reports for the
  // crash handler.
  const flag = profile;
  const found: number[] = [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found; // No /proc (not Linux): the browser is left to exit by itself.
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(flag)) found.push(Number(pid));
    } catch {
      // It ended while we looked.
    }
  }
  return found;
}

/**
 * Ends a killed export's browser and its helpers before their profile is removed: a dying helper
 * still writing there would leave the folder behind (or recreate it). Waits up to half a second.
 */
function endOrphanedBrowser(profile: string): void {
  const pids = processesOnProfile(profile);
  if (pids.length === 0) return;
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 500 && pids.some(processIsAlive); waited += 10) Atomics.wait(pause, 0, 0, 10);
}
