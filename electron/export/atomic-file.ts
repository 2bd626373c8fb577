// Never lose a file: a PDF is written to a temporary file in the target's own folder (so the
// rename is atomic, same filesystem) and renamed over the target only when complete. The temp
// file is reserved before the slow work starts, which proves early that the folder is writable;
// a process killed with SIGKILL leaves it behind, and the next export to that folder removes it.

import { closeSync, openSync, readdirSync, renameSync, rmSync, writeSync, fsyncSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.lectern-tmp-';
const TEMP_NAME = /^\..+\.lectern-tmp-(\d+)$/;

/** `.<name>.lectern-tmp-<pid>` beside the target. */
export function tempPathFor(target: string, pid: number = process.pid): string {
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${pid}`);
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files in `dir` whose export process no longer runs. Returns the removed paths. */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && processIsAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(join(dir, name));
    } catch {
      // Not ours to fight over: another process may have just renamed it.
    }
  }
  return removed;
}

/** Temp files currently reserved by this process, removed on interrupt by `discardAllPending`. */
const pending = new Set<string>();

/** What an author can do something about, from a filesystem error. */
function writeFailure(err: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'it is a folder',
  };
  return (err.code && reasons[err.code]) ?? err.message;
}

export class FileNotWritableError extends Error {
  constructor(target: string, reason: string) {
    super(`cannot write ${target}: ${reason}`);
    this.name = 'FileNotWritableError';
  }
}

/**
 * A reserved temp file for `target`: `commit(bytes)` writes, syncs and renames it into place;
 * `discard()` removes it. Throws FileNotWritableError when the folder cannot be written.
 */
export class PendingFile {
  readonly target: string;
  readonly tempPath: string;
  private fd: number | undefined;

  constructor(target: string) {
    this.target = target;
    this.tempPath = tempPathFor(target);
    removeStaleTempFiles(dirname(target));
    try {
      // 'w' not 'wx': a temp file with our own pid can only be a leftover of an earlier run.
      this.fd = openSync(this.tempPath, 'w', 0o644);
    } catch (err) {
      throw new FileNotWritableError(target, writeFailure(err as NodeJS.ErrnoException));
    }
    pending.add(this.tempPath);
  }

  commit(bytes: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.target}: already committed or discarded`);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.tempPath, this.target);
      pending.delete(this.tempPath);
    } catch (err) {
      this.discard();
      throw new FileNotWritableError(this.target, writeFailure(err as NodeJS.ErrnoException));
    }
  }

  discard(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // Already closed by a failed write.
      }
      this.fd = undefined;
    }
    rmSync(this.tempPath, { force: true });
    pending.delete(this.tempPath);
  }
}

/** Removes every temp file this process still holds (for SIGINT/SIGTERM handlers). Synchronous. */
export function discardAllPending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}
