// Where the presenter keeps rehearsal runs: the app saves them beside the deck (the source's
// saveRehearsal, `<deck>.lectern-rehearsals.json`); an offline HTML file keeps them in the
// browser's localStorage under `lectern.rehearsals:<deck file>` in the same versioned format,
// with a download button to take them out. A stored value that is damaged or from a newer
// Lectern is moved to another key (never overwritten) and the runs start afresh.

import type { RehearsalsAnswer } from '../../electron/contract/ipc';
import { addRun, emptyRehearsals, parseRehearsals, serializeRehearsals, type RehearsalRun, type RehearsalsFile } from '../../electron/sidecar/rehearsals';

const keyOf = (file: string): string => `lectern.rehearsals:${file}`;

function loadStoredRehearsals(file: string): { runs: RehearsalsFile; problem?: string } {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(keyOf(file));
  } catch {
    return { runs: emptyRehearsals(), problem: 'this browser keeps no storage for the file: runs last until the window closes' };
  }
  if (raw === null) return { runs: emptyRehearsals() };
  const parsed = parseRehearsals(raw);
  if (parsed.ok) return { runs: parsed.file };
  const aside = `${keyOf(file)}:set-aside-${new Date().toISOString()}`;
  try {
    localStorage.setItem(aside, raw);
    localStorage.removeItem(keyOf(file));
  } catch {
    /* left where it is */
  }
  const why = parsed.problem.kind === 'newer' ? `from a newer Lectern (version ${parsed.problem.version})` : `damaged (${parsed.problem.detail})`;
  return { runs: emptyRehearsals(), problem: `the stored rehearsals were ${why}; kept aside under ${aside}` };
}

/** Adds a run to the stored ones (read fresh: another window may have saved meanwhile). */
export function storeRun(file: string, run: RehearsalRun): { runs: RehearsalsFile; problem?: string } {
  const loaded = loadStoredRehearsals(file);
  const runs = addRun(loaded.runs, run);
  try {
    localStorage.setItem(keyOf(file), serializeRehearsals(runs));
    return { runs, ...(loaded.problem ? { problem: loaded.problem } : {}) };
  } catch {
    return { runs, problem: 'the browser would not store the run: it is kept in this window only; download it now with "Download rehearsals (JSON)"' };
  }
}

/** A download of the runs as the sidecar file the app would write. */
export function downloadRuns(deckFile: string, runs: RehearsalsFile): void {
  const name = `${(deckFile.split(/[\\/]/).pop() ?? 'deck').replace(/\.(md|markdown)$/i, '')}.lectern-rehearsals.json`;
  const url = URL.createObjectURL(new Blob([serializeRehearsals(runs)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Where a presenter keeps its runs: beside the deck (app) or in this browser (offline file). */
export interface RehearsalStore {
  /** Says where, for the report. */
  readonly where: string;
  load(): Promise<{ runs: RehearsalsFile; problem?: string }>;
  save(run: RehearsalRun): Promise<{ runs: RehearsalsFile; problem?: string }>;
}

export function browserStore(file: string): RehearsalStore {
  return {
    where: 'Kept in this browser for this file (download them to keep them beside the deck).',
    load: async () => loadStoredRehearsals(file),
    save: async (run) => storeRun(file, run),
  };
}

/** The app's store: main writes the sidecar; when it cannot, the runs stay in this window (and the browser store). */
export function appStore(file: string, load: () => Promise<RehearsalsAnswer>, save: (run: RehearsalRun) => Promise<RehearsalsAnswer>): RehearsalStore {
  const fallback = browserStore(file);
  // An answer of the wrong shape (a main process without the rehearsal channels) is no answer,
  // not a crash: the runs then stay in this window, as when main cannot write.
  const read = (answer: unknown): { runs: RehearsalsFile; problem?: string } | null => {
    if (typeof answer !== 'object' || answer === null) return null;
    const { json, problem } = answer as Partial<RehearsalsAnswer>;
    const parsed = typeof json === 'string' && json ? parseRehearsals(json) : null;
    return parsed?.ok ? { runs: parsed.file, ...(typeof problem === 'string' && problem ? { problem } : {}) } : null;
  };
  return {
    where: 'Saved beside the deck (<deck>.lectern-rehearsals.json).',
    load: async () => read(await load()) ?? fallback.load(),
    save: async (run) => {
      const answer = await save(run);
      const saved = read(answer);
      if (saved) return saved;
      const kept = await fallback.save(run);
      const problem = typeof answer === 'object' && answer !== null && typeof answer.problem === 'string' ? answer.problem : undefined;
      return { runs: kept.runs, problem: problem ?? kept.problem ?? 'the app did not answer: the run is kept in this window (download it)' };
    },
  };
}
