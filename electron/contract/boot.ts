// How a renderer page learns what to show when it is not in the app: an exported HTML file or a
// print page embeds one BootConfig as JSON in <script type="application/json" id="lectern-boot">.
// Built on the Node side (electron/export), read by renderer/. Pure types.

import type { Deck } from '../deck/types';
import type { InkStroke } from '../ink/types';
import type { ExportOptions, ViewRole } from './ipc';
import type { PrintPart } from './print';

export type BootView = Exclude<ViewRole, 'start'> | 'print';

export interface BootConfig {
  deck: Deck;
  /** The view to open; the URL hash (#presenter, #study, #/3/0) can override it in a browser. */
  view: BootView;
  /** Print layout options, when view is 'print'. */
  print?: ExportOptions;
  /** When the print page lays out only part of a long deck (see contract/print.ts). */
  printPart?: PrintPart;
  /** Print pages with ExportOptions.ink: the strokes to draw, by slide key (Slide.key). */
  ink?: Record<string, InkStroke[]>;
  /** Asset ref -> data: URL, so the file needs nothing beside it. */
  assets: Record<string, string>;
  /**
   * The deck compiled for each of its other talk lengths (`lengths:`), by name: the presenter
   * view switches between them (L) in an offline HTML file. Absent when the deck has one length.
   */
  lengthDecks?: Record<string, Deck>;
}

export const BOOT_ELEMENT_ID = 'lectern-boot';
