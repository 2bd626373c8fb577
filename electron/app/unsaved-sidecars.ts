// Ink and rehearsal runs main could not write anywhere (the deck folder and the per-user folder
// both refused: a full disk, a read-only home), kept in memory per deck until a save succeeds or
// the presenter saves them to a folder of their choice ("Save Ink and Rehearsals Elsewhere…").
// The windows keep their own copy too; this one lets main save without asking them.

import { basename, join } from 'node:path';
import type { SaveElsewhereResult } from '../contract/ipc';
import type { Deck } from '../deck/types';
import { inkSidecarPath, readInkSidecar } from '../ink/file/sidecar-file';
import { emptyInk, mergeInk, serializeInk } from '../ink/sidecar-format';
import type { InkDocument } from '../ink/types';
import { readRehearsals, rehearsalsPath } from '../sidecar/rehearsal-file';
import { addRun, runsNotIn, serializeRehearsals, type RehearsalRun } from '../sidecar/rehearsals';
import type { SidecarPlaces } from '../sidecar/sidecar-places';
import type { DialogLike } from './app-ports';

export class UnsavedSidecars {
  private readonly ink = new Map<string, { doc: InkDocument; removed: Set<string> }>();
  private readonly runs = new Map<string, RehearsalRun[]>();

  /** `doc` (less `removed`) with the ink kept for the deck: what one save of it should write. */
  withKeptInk(deckFile: string, doc: InkDocument, removed: ReadonlySet<string>): { doc: InkDocument; removed: Set<string> } {
    const kept = this.ink.get(deckFile);
    const all = new Set([...(kept?.removed ?? []), ...removed]);
    return { doc: kept ? mergeInk(kept.doc, doc, all) : doc, removed: all };
  }

  keepInk(deckFile: string, doc: InkDocument, removed: ReadonlySet<string>): void {
    this.ink.set(deckFile, this.withKeptInk(deckFile, doc, removed));
  }

  /** The ink kept for a deck (every window sends all its ink, so one later save covers it). */
  inkOf(deckFile: string): { doc: InkDocument; removed: ReadonlySet<string> } | undefined {
    return this.ink.get(deckFile);
  }

  forgetInk(deckFile: string): void {
    this.ink.delete(deckFile);
  }

  keepRun(deckFile: string, run: RehearsalRun): void {
    this.runs.set(deckFile, [...(this.runs.get(deckFile) ?? []), run]);
  }

  runsOf(deckFile: string): readonly RehearsalRun[] {
    return this.runs.get(deckFile) ?? [];
  }

  forgetRuns(deckFile: string): void {
    this.runs.delete(deckFile);
  }

  /** Is anything of this deck waiting to be saved? */
  has(deckFile: string): boolean {
    return this.ink.has(deckFile) || this.runs.has(deckFile);
  }
}

export type SavedElsewhere = { ok: true; files: string[] } | { ok: false; message: string };

/**
 * Writes a deck's ink and runs (what is on disk for it, and what is kept in memory) into `folder`
 * under the sidecars' own names, merged with files of those names already there (nothing there is
 * lost), each atomically. Copy them beside the deck, or open the deck from that folder, to use them.
 */
export function saveSidecarsTo(deckFile: string, folder: string, unsaved: UnsavedSidecars, places: SidecarPlaces, isCurrent: (key: string) => boolean): SavedElsewhere {
  const name = basename(deckFile);
  const inFolder = join(folder, name);
  const files: string[] = [];
  try {
    const kept = unsaved.inkOf(deckFile);
    const here = readInkSidecar(inFolder, new Date(), places);
    if (here.stuck) return { ok: false, message: here.problem ?? `${inkSidecarPath(inFolder)} cannot be used` };
    const ink = mergeInk(mergeInk(here.doc, readInkSidecar(deckFile, new Date(), places).doc), kept?.doc ?? emptyInk(name), kept?.removed);
    if ([...ink.slides.values()].some((s) => s.strokes.length)) {
      places.write(inkSidecarPath(inFolder), serializeInk(ink, isCurrent));
      files.push(inkSidecarPath(inFolder));
    }
    const existing = readRehearsals(inFolder, new Date(), true, places).file;
    const more = runsNotIn(existing, [...readRehearsals(deckFile, new Date(), true, places).file.runs, ...unsaved.runsOf(deckFile)]);
    if (more.length) {
      places.write(rehearsalsPath(inFolder), serializeRehearsals(more.reduce(addRun, existing)));
      files.push(rehearsalsPath(inFolder));
    }
  } catch (err) {
    const done = files.length ? ` (${files.map((f) => basename(f)).join(' and ')} was written)` : '';
    return { ok: false, message: `${err instanceof Error ? err.message : String(err)}${done}` };
  }
  if (!files.length) return { ok: false, message: `${name} has no ink and no rehearsal runs to save yet` };
  return { ok: true, files };
}

/** Asks for a folder, writes the deck's ink and runs there, and says what happened. */
export async function saveSidecarsWithDialog(deck: Deck, dialog: DialogLike, unsaved: UnsavedSidecars, places: SidecarPlaces): Promise<SaveElsewhereResult> {
  const chosen = await dialog.showOpenDialog({
    title: `Save the ink and rehearsals of ${basename(deck.file)} in`,
    buttonLabel: 'Save Here',
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = chosen.filePaths[0];
  if (chosen.canceled || !folder) return null;
  const keys = new Set(deck.slides.map((s) => s.key));
  const saved = saveSidecarsTo(deck.file, folder, unsaved, places, (key) => keys.has(key));
  if (saved.ok) {
    void dialog.showMessageBox({
      type: 'info',
      message: 'Ink and rehearsals saved',
      detail: `${saved.files.join('\n')}\n\nTo have them with the deck, copy them beside ${basename(deck.file)}.`,
      buttons: ['OK'],
    });
  } else {
    dialog.showErrorBox('Ink and rehearsals not saved', saved.message);
  }
  return saved;
}
