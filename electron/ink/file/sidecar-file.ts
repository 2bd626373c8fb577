// The ink sidecar on disk (Node: the app's main process and the CLI). Reading a file that cannot
// be used sets it aside under a new name and starts empty, so the talk goes on and the file is
// never overwritten; saving merges with what is on disk (another window or session may have
// saved meanwhile) and writes atomically (a temp file renamed into place). A deck folder that
// cannot be written sends the file to the per-user folder (sidecar-places.ts); reads merge both.

import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { FileNotWritableError } from '../../export/atomic-file';
import { defaultPlaces, fallbackPath, writeSidecar, type SidecarPlaces } from '../../sidecar/sidecar-places';
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
  /** An unusable file is still where it was (it could not be read or set aside): never write over it. */
  stuck?: boolean;
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

/** One ink file: missing is empty ink; an unusable one is set aside. */
function readInkFile(file: string, deck: string, now: Date): InkRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { doc: emptyInk(deck) };
    return { doc: emptyInk(deck), problem: `${file}: cannot be read (${code ?? String(err)})`, stuck: true };
  }
  const parsed = parseInkSidecar(text, file);
  if (parsed.ok) return { doc: parsed.doc };
  const problem = setAside(file, parsed.problem.message, now);
  return existsSync(file) ? { doc: emptyInk(deck), problem, stuck: true } : { doc: emptyInk(deck), problem };
}

/** The deck's ink: the sidecar beside it merged with the per-user copy written when its folder
 *  could not be (sidecar-places.ts). A missing file is empty ink; an unusable one is set aside. */
export function readInkSidecar(deckFile: string, now: Date = new Date(), places: SidecarPlaces = defaultPlaces()): InkRead {
  const deck = basename(deckFile);
  const beside = readInkFile(inkSidecarPath(deckFile), deck, now);
  const other = fallbackPath(inkSidecarPath(deckFile), deckFile, places);
  if (!existsSync(other)) return beside;
  const elsewhere = readInkFile(other, deck, now);
  const problem = [beside.problem, elsewhere.problem].filter(Boolean).join('; ');
  const doc = mergeInk(beside.doc, elsewhere.doc);
  return { doc, ...(problem ? { problem } : {}), ...(beside.stuck || elsewhere.stuck ? { stuck: true } : {}) };
}

export type InkSave =
  | { ok: true; file: string; doc: InkDocument; problem?: string; elsewhere?: string }
  | { ok: false; file: string; message: string };

/** Saves one at a time per file within this process (two windows saving at once). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Merges `incoming` (minus the strokes `removed` this session) with the ink on disk and writes
 * the result atomically beside the deck, else in the per-user folder (`elsewhere` says so). When
 * neither can be written: `ok: false` with a message; the caller keeps the ink in memory.
 */
export function saveInkSidecar(
  deckFile: string,
  incoming: InkDocument,
  removed: ReadonlySet<string>,
  isCurrent: (key: string) => boolean,
  places: SidecarPlaces = defaultPlaces(),
): Promise<InkSave> {
  const file = inkSidecarPath(deckFile);
  const run = (queues.get(file) ?? Promise.resolve()).then(() => {
    const onDisk = readInkSidecar(deckFile, new Date(), places);
    if (onDisk.stuck) {
      // Could not be set aside: never write over it.
      return { ok: false as const, file, message: onDisk.problem ?? `${file} cannot be used` };
    }
    const merged = mergeInk(onDisk.doc, incoming, removed);
    let written: ReturnType<typeof writeSidecar>;
    try {
      written = writeSidecar(file, deckFile, serializeInk(merged, isCurrent), places);
    } catch (err) {
      const why = err instanceof FileNotWritableError ? err.message : String(err);
      return { ok: false as const, file, message: `${why}. The ink is kept in memory; save it elsewhere or make the folder writable.` };
    }
    return {
      ok: true as const,
      file: written.file,
      doc: merged,
      ...(onDisk.problem ? { problem: onDisk.problem } : {}),
      ...(written.elsewhere ? { elsewhere: written.elsewhere } : {}),
    };
  });
  queues.set(file, run.catch(() => undefined));
  return run;
}
