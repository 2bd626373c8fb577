// The ink sidecar on disk (Node: the app's main process and the CLI). Reading a file that cannot
// be used sets it aside under a new name and starts empty, so the talk goes on and the file is
// never overwritten; saving merges with what is on disk (another window or session may have
// saved meanwhile) and writes atomically (a temp file renamed into place).

import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { FileNotWritableError, PendingFile } from '../../export/atomic-file';
import { emptyInk, mergeInk, parseInkSidecar, serializeInk } from '../sidecar-format';
import type { InkDocument } from '../types';

/** `talk.md` -> `talk.lectern-ink.json`, beside the deck. */
export function inkSidecarPath(deckFile: string): string {
  return join(dirname(deckFile), `${basename(deckFile, extname(deckFile))}.lectern-ink.json`);
}

export interface InkRead {
  doc: InkDocument;
  /** Set when the file on disk could not be used: what was wrong and where it went. */
  problem?: string;
}

/** `talk.lectern-ink.json` -> `talk.lectern-ink.unreadable-2026-12-01T22-10-00Z.json` (unique). */
function asidePath(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = file.replace(/\.json$/, '');
  let candidate = `${base}.unreadable-${stamp}.json`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}.unreadable-${stamp}-${n}.json`;
  return candidate;
}

/** Renames an unusable sidecar out of the way; says where, or why it could not. */
function setAside(file: string, reason: string, now: Date): string {
  const target = asidePath(file, now);
  try {
    renameSync(file, target);
    return `${reason}; it was set aside as ${basename(target)}`;
  } catch (err) {
    return `${reason}; it could not be set aside (${(err as NodeJS.ErrnoException).code ?? String(err)}), so it is left as it is and ink will not be saved over it`;
  }
}

/** Reads the sidecar beside a deck. A missing file is empty ink; an unusable one is set aside. */
export function readInkSidecar(deckFile: string, now: Date = new Date()): InkRead {
  const file = inkSidecarPath(deckFile);
  const deck = basename(deckFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { doc: emptyInk(deck) };
    return { doc: emptyInk(deck), problem: `${file}: cannot be read (${code ?? String(err)})` };
  }
  const parsed = parseInkSidecar(text, file);
  if (parsed.ok) return { doc: parsed.doc };
  return { doc: emptyInk(deck), problem: setAside(file, parsed.problem.message, now) };
}

export type InkSave = { ok: true; file: string; doc: InkDocument; problem?: string } | { ok: false; file: string; message: string };

/** Saves one at a time per file within this process (two windows saving at once). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Merges `incoming` (minus the strokes `removed` this session) with the sidecar on disk and writes
 * the result atomically. A read-only folder gives `ok: false` with a message; the caller keeps the
 * ink in memory.
 */
export function saveInkSidecar(
  deckFile: string,
  incoming: InkDocument,
  removed: ReadonlySet<string>,
  isCurrent: (key: string) => boolean,
): Promise<InkSave> {
  const file = inkSidecarPath(deckFile);
  const run = (queues.get(file) ?? Promise.resolve()).then(() => {
    const onDisk = readInkSidecar(deckFile);
    if (onDisk.problem && existsSync(file)) {
      // Could not be set aside: never write over it.
      return { ok: false as const, file, message: onDisk.problem };
    }
    const merged = mergeInk(onDisk.doc, incoming, removed);
    try {
      const pending = new PendingFile(file);
      pending.commit(Buffer.from(serializeInk(merged, isCurrent), 'utf8'));
    } catch (err) {
      const why = err instanceof FileNotWritableError ? err.message : String(err);
      return { ok: false as const, file, message: `${why}. The ink is kept in memory; save it elsewhere or make the folder writable.` };
    }
    return onDisk.problem ? { ok: true as const, file, doc: merged, problem: onDisk.problem } : { ok: true as const, file, doc: merged };
  });
  queues.set(file, run.catch(() => undefined));
  return run;
}
