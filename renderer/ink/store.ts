// Where a window keeps ink between talks. In the app: the sidecar beside the deck, through IPC
// ('ink:load', 'ink:save'; main merges and writes atomically). In an exported HTML file:
// localStorage under `lectern-ink:<deck path>`, in the sidecar's own format, so "Download ink"
// gives a file the app and `lectern export --ink` read. Both merge on save: two windows saving
// at once lose nothing.

import type { LecternApi } from '../../electron/contract/ipc';
import type { Deck } from '../../electron/deck/types';
import { emptyInk, mergeInk, parseInkSidecar, serializeInk } from '../../electron/ink/sidecar-format';
import type { InkDocument, InkSlide } from '../../electron/ink/types';

export interface InkLoaded {
  slides: InkSlide[];
  /** What was wrong with the stored ink (it was set aside): a sentence for the presenter. */
  problem?: string;
}

/** `elsewhere`: saved, but not where `where` says (the deck folder is read-only): a sentence. */
export type InkSaved = { ok: true; problem?: string; elsewhere?: string } | { ok: false; message: string };

export interface InkStore {
  /** Where the ink goes, for messages ("beside the deck", "in this browser"). */
  readonly where: string;
  load(): Promise<InkLoaded>;
  save(slides: InkSlide[], removed: string[]): Promise<InkSaved>;
  /** What to do when saving fails, offered in the message: the app's "save elsewhere" command
   *  (a folder dialog; resolves with a sentence saying what happened). */
  readonly rescue?: { label: string; run(): Promise<string> };
  /** Main asks the window to save now (the talk ends, the app quits): `flush` saves, then main is told. */
  onFlushRequest?(flush: () => Promise<unknown>): void;
}

export class AppInkStore implements InkStore {
  readonly where = 'beside the deck';
  constructor(private readonly api: LecternApi) {}

  readonly rescue = {
    label: 'Save ink and rehearsals elsewhere…',
    run: async (): Promise<string> => {
      const r = await this.api.invoke('sidecar:save-elsewhere');
      if (r === null || typeof r !== 'object') return 'Nothing saved: no folder was chosen.';
      return r.ok ? `Saved ${r.files.map((f) => f.replace(/^.*[\\/]/, '')).join(' and ')} in the folder you chose; copy them beside the deck to keep them with it.` : `Not saved: ${r.message}`;
    },
  };

  onFlushRequest(flush: () => Promise<unknown>): void {
    this.api.on('ink:flush', (request) => {
      // Answered whatever the save did: main only waits, the window keeps unsaved ink and says so.
      void flush()
        .catch(() => undefined)
        .then(() => this.api.invoke('ink:flushed', { id: request.id }));
    });
  }

  // An answer of the wrong shape (a main process without the ink channels) is no ink, not a crash.
  async load(): Promise<InkLoaded> {
    const r: unknown = await this.api.invoke('ink:load');
    if (typeof r !== 'object' || r === null || !Array.isArray((r as InkLoaded).slides)) return { slides: [] };
    return r as InkLoaded;
  }

  async save(slides: InkSlide[], removed: string[]): Promise<InkSaved> {
    const r: unknown = await this.api.invoke('ink:save', { slides, removed });
    if (typeof r !== 'object' || r === null || typeof (r as InkSaved).ok !== 'boolean') return { ok: false, message: 'the app did not answer' };
    const answer = r as InkSaved & { file?: string };
    if (!answer.ok) return answer;
    return { ok: true, ...(answer.problem ? { problem: answer.problem } : {}), ...(typeof answer.elsewhere === 'string' ? { elsewhere: answer.elsewhere } : {}) };
  }
}
function docOf(deck: Deck, slides: readonly InkSlide[]): InkDocument {
  const doc = emptyInk(deck.file.replace(/^.*[\\/]/, ''));
  for (const s of slides) doc.slides.set(s.key, s);
  return doc;
}

/** The file name a download of the ink gets: the sidecar's own name. */
export function inkFileName(deck: Deck): string {
  return `${deck.file.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '')}.lectern-ink.json`;
}

export class LocalInkStore implements InkStore {
  readonly where = 'in this browser';
  private readonly key: string;
  private readonly keys: Set<string>;

  constructor(private readonly storage: Storage, private readonly deck: Deck) {
    this.key = `lectern-ink:${deck.file}`;
    this.keys = new Set(deck.slides.map((s) => s.key));
  }

  /** What is stored now; an unusable entry is moved to `<key>:unreadable:<time>` and reported. */
  private read(): { doc: InkDocument; problem?: string } {
    const text = this.storage.getItem(this.key);
    if (text === null) return { doc: docOf(this.deck, []) };
    const parsed = parseInkSidecar(text, `${inkFileName(this.deck)} (browser storage)`);
    if (parsed.ok) return { doc: parsed.doc };
    const aside = `${this.key}:unreadable:${new Date().toISOString()}`;
    try {
      this.storage.setItem(aside, text);
      this.storage.removeItem(this.key);
      return { doc: docOf(this.deck, []), problem: `${parsed.problem.message}; it was set aside in this browser's storage as ${aside}` };
    } catch {
      return { doc: docOf(this.deck, []), problem: `${parsed.problem.message}; it could not be set aside, so it is left as it is` };
    }
  }

  async load(): Promise<InkLoaded> {
    const { doc, problem } = this.read();
    const slides = [...doc.slides.values()];
    return problem ? { slides, problem } : { slides };
  }

  async save(slides: InkSlide[], removed: string[]): Promise<InkSaved> {
    const current = this.read();
    const merged = mergeInk(current.doc, docOf(this.deck, slides), new Set(removed));
    try {
      this.storage.setItem(this.key, serializeInk(merged, (key) => this.keys.has(key)));
    } catch (err) {
      return { ok: false, message: `the browser would not store the ink (${err instanceof Error ? err.name : String(err)}); it is kept in this window: download it with Ctrl+S (⌘S), the way to save it elsewhere` };
    }
    return current.problem ? { ok: true, problem: current.problem } : { ok: true };
  }

  /** The stored ink merged with this window's, as sidecar JSON. */
  sidecarText(slides: InkSlide[], removed: string[]): string {
    const merged = mergeInk(this.read().doc, docOf(this.deck, slides), new Set(removed));
    return serializeInk(merged, (key) => this.keys.has(key));
  }
}
