// What main answers on each invoke channel, typed per channel by the contract. The request is
// untrusted (a compromised page could send anything), so each is checked before use. Senders are
// already checked by the IPC guard.

import { existsSync } from 'node:fs';
import type { DeckPayload, DeckSummary, ExportOptions, InvokeChannel, InvokeChannels, PictureExportOptions, RehearsalsAnswer, SaveElsewhereResult, ViewRole } from '../contract/ipc';
import type { AppWindowLike, ControllerDeps } from './app-ports';
import { findDeckFiles, isDeckPath } from './deck-list';
import { createInkAnswers } from './ink-answers';
import { validPictureOptions } from './picture-export';
import { isSafeExternalUrl } from './security';
import { readRehearsals, saveRuns } from '../sidecar/rehearsal-file';
import { parseRehearsals, REHEARSALS_FORMAT, REHEARSALS_VERSION, serializeRehearsals } from '../sidecar/rehearsals';
import { defaultPlaces, type SidecarPlaces } from '../sidecar/sidecar-places';
import { UnsavedSidecars } from './unsaved-sidecars';

export type InvokeAnswers = {
  [C in InvokeChannel]: (senderId: number, request: unknown) => Promise<InvokeChannels[C]['response']>;
};

function field(request: unknown, name: string): unknown {
  return typeof request === 'object' && request !== null ? (request as Record<string, unknown>)[name] : undefined;
}

/** What the answers ask of the app (the controller provides it; declared here so neither module
 *  imports the other's implementation). */
export interface AnswerHost {
  roleOf(webContentsId: number): ViewRole | null;
  windowOf(role: ViewRole): AppWindowLike | null;
  payload(): DeckPayload | null;
  summaries(files: readonly string[]): Promise<DeckSummary[]>;
  openWithDialog(mode: 'present' | 'study'): Promise<boolean>;
  openDeck(file: string, mode: 'present' | 'study'): boolean;
  present(): void;
  swap(): void;
  exportWithDialog(options: ExportOptions): Promise<{ file: string } | null>;
  exportPicturesWithDialog(options: PictureExportOptions): Promise<{ file: string } | null>;
  /** The open deck's file, or null. */
  deckFile(): string | null;
  /** "Save Ink and Rehearsals Elsewhere…" (a folder dialog). */
  saveSidecarsElsewhere(): Promise<SaveElsewhereResult>;
  /** A window answered 'ink:flush' `id`. */
  inkFlushed(senderId: number, id: number): void;
}

export function createInvokeAnswers(
  ctl: AnswerHost,
  deps: Pick<ControllerDeps, 'slidesDir' | 'recent' | 'openExternal' | 'sidecarPlaces'>,
  unsaved: UnsavedSidecars = new UnsavedSidecars(),
): InvokeAnswers {
  const places = deps.sidecarPlaces ?? defaultPlaces();
  return {
    ...createInkAnswers(() => ctl.payload()?.deck ?? null, unsaved, places),
    'view:role': async (senderId) => ctl.roleOf(senderId) ?? 'start',
    // The start screen shows the welcome view, whatever deck is open.
    'deck:load': async (senderId) => (ctl.roleOf(senderId) === 'start' ? null : ctl.payload()),
    'deck:list': async () => ctl.summaries(findDeckFiles(deps.slidesDir)),
    'deck:recent': async () => ctl.summaries(deps.recent.list().filter((f) => existsSync(f))),
    'deck:open': async (_senderId, request) => {
      const file = field(request, 'file');
      const mode = field(request, 'study') === true ? 'study' : 'present';
      if (file === undefined) return ctl.openWithDialog(mode);
      return isDeckPath(file) ? ctl.openDeck(file, mode) : false;
    },
    'present:start': async () => {
      ctl.present();
      ctl.windowOf('presenter')?.focus();
    },
    'present:swap': async () => ctl.swap(),
    'export:pdf': async (_senderId, request) => ctl.exportWithDialog(validExportOptions(request)),
    'export:pictures': async (_senderId, request) => {
      const options = validPictureOptions(request);
      return options ? ctl.exportPicturesWithDialog(options) : null;
    },
    'rehearsal:load': async () => rehearsalsOf(ctl.deckFile(), null, unsaved, places),
    // Only the presenter rehearses; the run is checked like a file read from disk.
    'rehearsal:save': async (senderId, request) =>
      ctl.roleOf(senderId) === 'presenter' ? rehearsalsOf(ctl.deckFile(), request, unsaved, places) : { json: '', problem: 'only the presenter view saves rehearsals' },
    'sidecar:save-elsewhere': async () => ctl.saveSidecarsElsewhere(),
    'ink:flushed': async (senderId, request) => {
      const id = field(request, 'id');
      if (typeof id === 'number') ctl.inkFlushed(senderId, id);
    },
    'link:open-external': async (_senderId, request) => {
      const url = field(request, 'url');
      if (typeof url !== 'string' || !isSafeExternalUrl(url)) return false;
      deps.openExternal(url);
      return true;
    },
  };
}

/** Said when runs cannot be written anywhere: the window keeps them, and so does main. */
const RUNS_KEPT = 'the run is kept in this window and in the app until it can be saved: choose File > Save Ink and Rehearsals Elsewhere... or download it from the report';

/** The deck's runs, after adding `run` when one is given; problems are answers, not throws.
 *  Runs that could not be written before are added with the next one. */
function rehearsalsOf(deckFile: string | null, run: unknown, unsaved: UnsavedSidecars, places: SidecarPlaces): RehearsalsAnswer {
  if (!deckFile) return { json: '', problem: 'no deck is open' };
  const asideOf = (loaded: ReturnType<typeof readRehearsals>): string[] => (loaded.setAside ? [`${loaded.setAside.problem}; moved to ${loaded.setAside.movedTo}`] : []);
  let checkedRun: ReturnType<typeof parseRehearsals> | null = null;
  try {
    if (run === null) {
      const loaded = readRehearsals(deckFile, new Date(), true, places);
      const notSaved = unsaved.runsOf(deckFile);
      const file = { ...loaded.file, runs: [...loaded.file.runs, ...notSaved] };
      const problems = [...asideOf(loaded), ...(notSaved.length ? [`${notSaved.length} run(s) not saved yet: ${RUNS_KEPT}`] : [])];
      return { json: serializeRehearsals(file), ...(problems.length ? { problem: problems.join('; ') } : {}) };
    }
    checkedRun = parseRehearsals(JSON.stringify({ format: REHEARSALS_FORMAT, version: REHEARSALS_VERSION, runs: [run] }));
    if (!checkedRun.ok || !checkedRun.file.runs[0]) return { json: '', problem: 'the run was refused: it is not a rehearsal run' };
    const saved = saveRuns(deckFile, [...unsaved.runsOf(deckFile), checkedRun.file.runs[0]], new Date(), places);
    unsaved.forgetRuns(deckFile);
    const problems = [...asideOf(saved), ...(saved.written?.elsewhere ? [`Rehearsals: ${saved.written.elsewhere}`] : [])];
    return { json: serializeRehearsals(saved.file), file: saved.written?.file ?? '', ...(problems.length ? { problem: problems.join('; ') } : {}) };
  } catch (err) {
    if (checkedRun?.ok && checkedRun.file.runs[0]) unsaved.keepRun(deckFile, checkedRun.file.runs[0]);
    return { json: '', problem: `${err instanceof Error ? err.message : String(err)}; ${RUNS_KEPT}` };
  }
}

/** Export options from the renderer, checked field by field. */
export function validExportOptions(value: unknown): ExportOptions {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const format = v.format === 'notes' || v.format === 'handout' ? v.format : 'slides';
  const options: ExportOptions = { format };
  if (v.perPage === 1 || v.perPage === 2 || v.perPage === 3 || v.perPage === 4 || v.perPage === 6) options.perPage = v.perPage;
  if (v.paper === 'a4' || v.paper === 'letter') options.paper = v.paper;
  if (typeof v.lines === 'boolean') options.lines = v.lines;
  if (typeof v.fragments === 'boolean') options.fragments = v.fragments;
  if (typeof v.ink === 'boolean') options.ink = v.ink;
  return options;
}
