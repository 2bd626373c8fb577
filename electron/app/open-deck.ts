// The deck the app has open: read from its file (as a talk length) and watched, so an edit
// reaches the windows (live-reload.ts). Each update bumps the asset version, so the renderer
// cannot reuse an image it has in memory.

import type { DeckPayload } from '../contract/ipc';
import type { Deck } from '../deck/types';
import type { ControllerDeps, DeckWatch } from './app-ports';
import type { LiveReloadEvents } from './live-reload';
import { deckAssetBase } from './protocols';

export interface OpenDeckEvents {
  /** The deck changed on disk (or an asset of it): payload() has the new one. */
  updated(): void;
  errors: LiveReloadEvents['errors'];
}

export class OpenDeck {
  private watch: DeckWatch | null = null;
  private assetVersion = 0;

  constructor(
    private readonly deps: Pick<ControllerDeps, 'loadDeck' | 'watchDeck'>,
    private readonly events: OpenDeckEvents,
  ) {}

  get deck(): Deck | null {
    return this.watch?.deck ?? null;
  }

  payload(): DeckPayload | null {
    const deck = this.deck;
    return deck ? { deck, assetBase: deckAssetBase(this.assetVersion) } : null;
  }

  /** Reads the deck (as a talk length) and watches it, replacing the deck open before. */
  load(path: string, length?: string): void {
    const deck = this.deps.loadDeck(path, length);
    void this.watch?.stop();
    this.watch = this.deps.watchDeck(deck, {
      updated: () => {
        this.assetVersion++;
        this.events.updated();
      },
      errors: (errors) => this.events.errors(errors),
    });
  }

  /** Stops watching and forgets the deck. */
  unload(): Promise<void> | undefined {
    const watch = this.watch;
    this.watch = null;
    return watch?.stop();
  }
}
