// The ink IPC channels (contract: 'ink:load', 'ink:save'): the sidecar beside the open deck,
// read and merged-and-written by electron/ink/file/sidecar-file.ts. Requests are untrusted, so
// strokes are checked as the sidecar format checks them (a bad one refuses the save; the renderer
// keeps its ink in memory and says so). Ink that could not be written anywhere is also kept here
// (unsaved-sidecars.ts) for "Save Ink and Rehearsals Elsewhere…".

import { basename } from 'node:path';
import type { InkLoadResult, InkSaveResult, InvokeChannels } from '../contract/ipc';
import type { Deck } from '../deck/types';
import { readInkSidecar, saveInkSidecar } from '../ink/file/sidecar-file';
import { INK_FORMAT, INK_VERSION, parseInkSidecar } from '../ink/sidecar-format';
import type { InkDocument, InkSlide } from '../ink/types';
import { defaultPlaces, type SidecarPlaces } from '../sidecar/sidecar-places';
import { UnsavedSidecars } from './unsaved-sidecars';

export type InkAnswers = {
  [C in 'ink:load' | 'ink:save']: (senderId: number, request: unknown) => Promise<InvokeChannels[C]['response']>;
};

/** A save request's slides through the sidecar format's own checks (one place for the rules). */
function inkFromRequest(deckFile: string, request: unknown): { doc: InkDocument; removed: Set<string> } | { error: string } {
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (!Array.isArray(r.slides) || !Array.isArray(r.removed) || !r.removed.every((id) => typeof id === 'string')) {
    return { error: 'the ink to save is malformed' };
  }
  const slides: Record<string, unknown> = {};
  for (const s of r.slides as unknown[]) {
    const key = typeof s === 'object' && s !== null ? (s as Record<string, unknown>).key : undefined;
    if (typeof key !== 'string') return { error: 'the ink to save has a slide without a key' };
    slides[key] = s;
  }
  const parsed = parseInkSidecar(JSON.stringify({ format: INK_FORMAT, version: INK_VERSION, deck: basename(deckFile), slides }), 'ink from the window');
  if (!parsed.ok) return { error: parsed.problem.message };
  return { doc: parsed.doc, removed: new Set(r.removed as string[]) };
}

export function createInkAnswers(openDeck: () => Deck | null, unsaved: UnsavedSidecars = new UnsavedSidecars(), places: SidecarPlaces = defaultPlaces()): InkAnswers {
  return {
    'ink:load': async (): Promise<InkLoadResult> => {
      const deck = openDeck();
      if (!deck) return { slides: [] };
      const read = readInkSidecar(deck.file, new Date(), places);
      const slides: InkSlide[] = [...read.doc.slides.values()];
      return read.problem ? { slides, problem: read.problem } : { slides };
    },
    'ink:save': async (_senderId, request): Promise<InkSaveResult> => {
      const deck = openDeck();
      if (!deck) return { ok: false, message: 'no deck is open' };
      const checked = inkFromRequest(deck.file, request);
      if ('error' in checked) return { ok: false, message: checked.error };
      const keys = new Set(deck.slides.map((s) => s.key));
      const { doc, removed } = unsaved.withKeptInk(deck.file, checked.doc, checked.removed);
      const saved = await saveInkSidecar(deck.file, doc, removed, (key) => keys.has(key), places);
      if (!saved.ok) {
        unsaved.keepInk(deck.file, doc, removed);
        return { ok: false, message: saved.message };
      }
      unsaved.forgetInk(deck.file);
      return { ok: true, file: saved.file, ...(saved.problem ? { problem: saved.problem } : {}), ...(saved.elsewhere ? { elsewhere: saved.elsewhere } : {}) };
    },
  };
}
