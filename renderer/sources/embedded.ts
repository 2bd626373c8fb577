// The deck embedded in an exported HTML file (or a print page) as a BootConfig. The URL hash
// picks the view in a browser: #presenter, #study, or a reveal.js position (#/3/0) for the audience.

import type { BootConfig, BootView } from '../../electron/contract/boot';
import { BOOT_ELEMENT_ID } from '../../electron/contract/boot';
import type { ExportOptions } from '../../electron/contract/ipc';
import type { PrintPart } from '../../electron/contract/print';
import type { Deck, Diagnostic } from '../../electron/deck/types';
import { chooseStoredLength, deckForStoredLength, followLengthChoice } from './length-choice';
import { assetUrlFromMap } from '../assets';
import { BroadcastTransport } from '../sync/broadcast';
import type { SyncTransport } from '../sync/transport';
import type { DeckSource, LoadedDeck, RendererView } from './types';
import type { InkStroke } from '../../electron/ink/types';
import { LocalInkStore, type InkStore } from '../ink/store';

export function readBootConfig(doc: Document): BootConfig | null {
  const element = doc.getElementById(BOOT_ELEMENT_ID);
  if (!element?.textContent) return null;
  const config = JSON.parse(element.textContent) as BootConfig;
  if (!config || typeof config !== 'object' || !config.deck || !Array.isArray(config.deck.slides)) {
    throw new Error('the embedded deck is damaged (no slides in #lectern-boot)');
  }
  return config;
}

/** The view a hash asks for, or undefined when it names none. */
export function viewFromHash(hash: string): BootView | undefined {
  const h = hash.replace(/^#/, '');
  if (h === 'presenter' || h.startsWith('presenter/')) return 'presenter';
  if (h === 'study' || h.startsWith('study/')) return 'study';
  if (h.startsWith('/')) return 'audience';
  return undefined;
}

export class EmbeddedSource implements DeckSource {
  readonly kind = 'embedded';

  constructor(private readonly config: BootConfig) {}

  get print(): ExportOptions | undefined {
    return this.config.print;
  }

  get printPart(): PrintPart | undefined {
    return this.config.printPart;
  }

  get printInk(): Record<string, InkStroke[]> | undefined {
    return this.config.ink;
  }

  inkStore(deck: Deck): InkStore {
    return new LocalInkStore(window.localStorage, deck);
  }

  async view(): Promise<RendererView> {
    if (this.config.view === 'print') return 'print';
    return viewFromHash(location.hash) ?? this.config.view;
  }

  async load(): Promise<LoadedDeck> {
    const deck = this.config.view === 'print' ? this.config.deck : deckForStoredLength(this.config.deck, this.config.lengthDecks);
    if (this.config.lengthDecks) followLengthChoice(this.config.deck.file);
    return { deck, assetUrl: assetUrlFromMap(this.config.assets) };
  }

  /** Shows the file as another talk length (every window of it reloads on that length). */
  readonly chooseLength = (name: string): void => {
    if (this.config.lengthDecks?.[name] || name === this.config.deck.meta.length) chooseStoredLength(this.config.deck.file, name);
  };

  onDeckUpdated(): () => void {
    return () => {};
  }

  onErrors(_listener: (errors: Diagnostic[]) => void): () => void {
    return () => {};
  }

  transport(deck: Deck): SyncTransport {
    return new BroadcastTransport(deck.file);
  }

  openPresenter(): void {
    const url = `${location.href.split('#')[0]}#presenter`;
    // A named window: pressing the key again focuses the open presenter instead of a second one.
    window.open(url, `lectern-presenter:${this.config.deck.file}`, 'popup,width=1280,height=800');
  }

  readonly openStudy = (): void => {
    window.open(`${location.href.split('#')[0]}#study`, '_blank');
  };

  presentFrom(h: number, v: number): void {
    location.hash = `#/${h}/${v}`;
  }

  openExternal(url: string): void {
    window.open(url, '_blank', 'noopener,noreferrer');
  }
}
