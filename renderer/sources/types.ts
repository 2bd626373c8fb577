// Where the renderer's deck comes from: the app (preload API) or a BootConfig embedded in an
// exported HTML file. Views depend on this interface only.

import type { RehearsalsAnswer } from '../../electron/contract/ipc';
import type { RehearsalRun } from '../../electron/sidecar/rehearsals';
import type { BootView } from '../../electron/contract/boot';
import type { ExportOptions, PresenterCommand, ViewRole } from '../../electron/contract/ipc';
import type { PrintPart } from '../../electron/contract/print';
import type { Deck, Diagnostic } from '../../electron/deck/types';
import type { AssetUrl } from '../assets';
import type { SyncTransport } from '../sync/transport';
import type { InkStroke } from '../../electron/ink/types';
import type { InkStore } from '../ink/store';

export interface LoadedDeck {
  deck: Deck;
  assetUrl: AssetUrl;
}

export type RendererView = BootView | Extract<ViewRole, 'start'>;

export interface DeckSource {
  readonly kind: 'embedded' | 'app';
  /** Which view this window shows. */
  view(): Promise<RendererView>;
  /** Print layout options (print pages only). */
  readonly print: ExportOptions | undefined;
  /** The part of a long deck a print page lays out (contract/print.ts), when it is one. */
  readonly printPart: PrintPart | undefined;
  /** Print pages with ink (ExportOptions.ink): strokes by slide key. */
  readonly printInk?: Readonly<Record<string, InkStroke[]>>;
  /** Where this window's ink is kept between talks (the sidecar through the app, localStorage in a file). */
  inkStore(deck: Deck): InkStore;
  /** The deck, or null when the app has none open yet. */
  load(): Promise<LoadedDeck | null>;
  /** A new version of the deck (live reload in the app). */
  onDeckUpdated(listener: (loaded: LoadedDeck) => void): () => void;
  /** Live-reload errors (the app sends them to the presenter view only); [] clears them. */
  onErrors(listener: (errors: Diagnostic[]) => void): () => void;
  transport(deck: Deck): SyncTransport;
  /** Opens the presenter view beside this audience view. */
  openPresenter(): void;
  /**
   * Rehearsal runs kept beside the deck (the app): the sidecar's JSON text and any problem.
   * Without these the presenter keeps runs in localStorage (offline files).
   */
  readonly loadRehearsals?: () => Promise<RehearsalsAnswer>;
  readonly saveRehearsal?: (run: RehearsalRun) => Promise<RehearsalsAnswer>;
  /** Commands from the app's menu for the presenter view (View > Rehearse Timings); the app only. */
  readonly onPresenterCommand?: (listener: (command: PresenterCommand) => void) => () => void;
  /** Shows the deck as another talk length, when this source can (offline files; the app has a menu). */
  readonly chooseLength?: (name: string) => void;
  /** Opens the study view in a new window, when this source can (exported files). */
  readonly openStudy?: () => void;
  /** Opens the presentation (audience) at a position, from the study view. */
  presentFrom(h: number, v: number): void;
  /** Follows a link to the web without leaving the presentation. */
  openExternal(url: string): void;
}
