// The rehearsal sidecar on disk, beside the deck (`talk.md` -> `talk.lectern-rehearsals.json`).
// Writes go through a temp file renamed into place (export/atomic-file.ts). A file that is
// corrupt or from a newer Lectern is set aside by renaming it (never overwritten, never deleted)
// and reported; the rehearsal goes on with an empty history. A deck folder that cannot be
// written sends the file to the per-user folder (sidecar-places.ts); reads merge both.

import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripDeckExtension } from '../deck/deck-file';
import { addRun, emptyRehearsals, parseRehearsals, runsNotIn, serializeRehearsals, type RehearsalRun, type RehearsalsFile } from './rehearsals';
import { defaultPlaces, fallbackPath, writeSidecar, type SidecarPlaces } from './sidecar-places';

export function rehearsalsPath(deckFile: string): string {
  return join(dirname(deckFile), `${stripDeckExtension(deckFile)}.lectern-rehearsals.json`);
}

export interface LoadedRehearsals {
  file: RehearsalsFile;
  /** What was wrong with the file on disk and where it was moved, when it was set aside. */
  setAside?: { problem: string; movedTo: string };
  /** After a save: where the runs went, and why, when the deck folder refused them. */
  written?: { file: string; elsewhere?: string };
}

/** `<path>.corrupt-<stamp>` / `.newer-<stamp>`: a name no writer uses, so nothing is overwritten. */
function asideName(path: string, kind: string, now: Date): string {
  return `${path}.${kind}-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** One rehearsals file (see readRehearsals). */
function readRehearsalsFile(path: string, now: Date, setAside: boolean): LoadedRehearsals {
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

/**
 * The deck's runs: the file beside it merged with the per-user copy written when its folder
 * could not be. A bad file is renamed aside (so the next save starts clean), unless `setAside`
 * is false (a command that only reads, like `lectern rehearsals`, leaves it).
 */
export function readRehearsals(deckFile: string, now: Date = new Date(), setAside = true, places: SidecarPlaces = defaultPlaces()): LoadedRehearsals {
  const path = rehearsalsPath(deckFile);
  const beside = readRehearsalsFile(path, now, setAside);
  const other = fallbackPath(path, deckFile, places);
  if (!existsSync(other)) return beside;
  const elsewhere = readRehearsalsFile(other, now, setAside);
  // The same run in both (saved beside the deck, then again from a read-only copy) counts once.
  const seen = new Set(beside.file.runs.map((r) => r.startedAt));
  const runs = [...beside.file.runs, ...elsewhere.file.runs.filter((r) => !seen.has(r.startedAt))].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const file = runs.reduce(addRun, emptyRehearsals());
  const aside = beside.setAside ?? elsewhere.setAside;
  return aside ? { file, setAside: aside } : { file };
}

/** Adds runs to the deck's sidecar (read fresh, so a run saved meanwhile is kept) and writes it
 *  atomically beside the deck, else in the per-user folder; throws when neither can be written. */
export function saveRuns(deckFile: string, add: readonly RehearsalRun[], now: Date = new Date(), places: SidecarPlaces = defaultPlaces()): LoadedRehearsals {
  const loaded = readRehearsals(deckFile, now, true, places);
  const file = runsNotIn(loaded.file, add).reduce(addRun, loaded.file);
  const written = writeSidecar(rehearsalsPath(deckFile), deckFile, serializeRehearsals(file), places);
  return { ...loaded, file, written };
}

/** Adds one run (see saveRuns). */
export function saveRun(deckFile: string, run: RehearsalRun, now: Date = new Date(), places: SidecarPlaces = defaultPlaces()): LoadedRehearsals {
  return saveRuns(deckFile, [run], now, places);
}
