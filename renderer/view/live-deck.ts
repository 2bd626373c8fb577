// Reload handling shared by the views: the deck a view shows, its slides with asset URLs
// resolved, its index, and what a new version (live reload in the app) changes. A view
// subscribes with onChange and redraws; nothing else keeps a copy of the deck.

import type { Deck, Diagnostic, Slide } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { applyDeckTheme } from '../theme';
import { indexSlides, type DeckIndex } from '../model';
import type { DeckSource, LoadedDeck } from '../sources/types';

export class LiveDeck {
  deck: Deck;
  /** The deck's slides with their asset URLs resolved for this page. */
  slides: Slide[];
  index: DeckIndex;
  private readonly listeners: Array<(live: LiveDeck) => void> = [];

  constructor(loaded: LoadedDeck) {
    this.deck = loaded.deck;
    this.slides = resolveSlideAssets(loaded.deck.slides, loaded.assetUrl);
    this.index = indexSlides(this.slides);
  }

  /** The compile errors the deck was written with (only a forced export has any). */
  get compileErrors(): Diagnostic[] {
    return this.deck.diagnostics.filter((d) => d.severity === 'error');
  }

  /**
   * Follows the source's new versions: the theme switches, then listeners redraw. A different
   * deck file (the app opened another deck over this window) starts the view afresh instead:
   * its clock, rehearsal run, ink and sidecar stores belong to the deck they were made on (the
   * app saved that deck's ink before it switched).
   */
  follow(source: DeckSource, anotherDeck: () => void = () => location.reload()): void {
    source.onDeckUpdated((loaded) => (loaded.deck.file === this.deck.file ? this.replace(loaded) : anotherDeck()));
  }

  onChange(listener: (live: LiveDeck) => void): void {
    this.listeners.push(listener);
  }

  replace(loaded: LoadedDeck): void {
    this.deck = loaded.deck;
    this.slides = resolveSlideAssets(loaded.deck.slides, loaded.assetUrl);
    this.index = indexSlides(this.slides);
    applyDeckTheme(this.deck, loaded.assetUrl);
    for (const listener of this.listeners) listener(this);
  }
}
