// The rehearsal sidecar on disk, beside the deck (`talk.md` -> `talk.lectern-rehearsals.json`).
// Writes go through a temp file renamed into place (export/atomic-file.ts). A file that is
// corrupt or from a newer Lectern is set aside by renaming it (never overwritten, never deleted)
// and reported; the rehearsal goes on with an empty history.

import { readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripDeckExtension } from '../deck/deck-file';
import { PendingFile } from '../export/atomic-file';
import { addRun, emptyRehearsals, parseRehearsals, serializeRehearsals, type RehearsalRun, type RehearsalsFile } from './rehearsals';

export function rehearsalsPath(deckFile: string): string {
  return join(dirname(deckFile), `${stripDeckExtension(deckFile)}.lectern-rehearsals.json`);
}

export interface LoadedRehearsals {
  file: RehearsalsFile;
  /** What was wrong with the file on disk and where it was moved, when it was set aside. */
  setAside?: { problem: string; movedTo: string };
}

/** `<path>.corrupt-<stamp>` / `.newer-<stamp>`: a name no writer uses, so nothing is overwritten. */
function asideName(path: string, kind: string, now: Date): string {
  return `${path}.${kind}-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * The deck's runs. A bad file is renamed aside (so the next save starts clean), unless
 * `setAside` is false (a command that only reads, like `lectern rehearsals`, leaves it).
 */
export function readRehearsals(deckFile: string, now: Date = new Date(), setAside = true): LoadedRehearsals {
  const path = rehearsalsPath(deckFile);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file: emptyRehearsals() };
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = parseRehearsals(text);
  if (parsed.ok) return { file: parsed.file };
  const problem = parsed.problem.kind === 'newer' ? `written by a newer Lectern (format version ${parsed.problem.version})` : `damaged: ${parsed.problem.detail}`;
  if (!setAside) return { file: emptyRehearsals(), setAside: { problem: `${path} is ${problem}`, movedTo: path } };
  const movedTo = asideName(path, parsed.problem.kind, now);
  renameSync(path, movedTo);
  return { file: emptyRehearsals(), setAside: { problem: `${path} is ${problem}`, movedTo } };
}

/** Adds a run to the deck's sidecar (read fresh, so a run saved meanwhile is kept) and writes it atomically. */
export function saveRun(deckFile: string, run: RehearsalRun, now: Date = new Date()): LoadedRehearsals {
  const loaded = readRehearsals(deckFile, now);
  const file = addRun(loaded.file, run);
  const pending = new PendingFile(rehearsalsPath(deckFile));
  pending.commit(Buffer.from(serializeRehearsals(file), 'utf8'));
  return { ...loaded, file };
}
