// The Electron objects the app controller is given, as the small interfaces it uses. main.ts
// adapts the real ones; tests pass fakes.

import type { ExportOptions, ExportProgress, PictureExportOptions, ViewRole, Paper } from '../contract/ipc';
import type { Deck } from '../deck/types';
import type { PlaceableWindow, ScreenLike } from './displays';
import type { LiveReloadEvents } from './live-reload';
import type { RecentDecks } from './recent';
import type { SidecarPlaces } from '../sidecar/sidecar-places';

export interface AppWindowLike extends PlaceableWindow {
  readonly webContents: { readonly id: number; send(channel: string, payload: unknown): void };
  close(): void;
  focus(): void;
  setProgressBar(progress: number): void;
  onClosed(listener: () => void): void;
  /** Toggles native fullscreen (View > Fullscreen). */
  setFullScreen(flag: boolean): void;
}

export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): boolean | void;
}

export interface DialogLike {
  showOpenDialog(options: {
    title?: string;
    defaultPath?: string;
    buttonLabel?: string;
    properties?: Array<'openFile' | 'openDirectory' | 'createDirectory'>;
    filters?: Array<{ name: string; extensions: string[] }>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: Array<{ name: string; extensions: string[] }>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showErrorBox(title: string, content: string): void;
  /** Asks a question; resolves with the index of the button chosen. */
  showMessageBox(options: {
    type?: 'none' | 'info' | 'error' | 'question' | 'warning';
    title?: string;
    message: string;
    detail?: string;
    buttons: string[];
    defaultId?: number;
    cancelId?: number;
  }): Promise<{ response: number }>;
}

/** A running live reload (LiveReload satisfies it). */
export interface DeckWatch {
  readonly deck: Deck;
  stop(): Promise<void>;
}

export interface ExportRequest {
  deck: Deck;
  options: ExportOptions;
  target: string;
  onProgress: (progress: ExportProgress) => void;
  /** Something the user should know that did not stop the export (ink that could not be printed). */
  onWarning?: (message: string) => void;
}

/** A PowerPoint file or a folder of pictures (electron/app/picture-export.ts decides where). */
export interface PictureExportRequest {
  deck: Deck;
  options: PictureExportOptions;
  /** The .pptx, or the folder for the pictures. */
  target: string;
  /** Replace pictures of an earlier export in the folder (the user agreed). */
  overwrite: boolean;
  onProgress: (progress: ExportProgress) => void;
}

export interface ControllerDeps {
  platform: NodeJS.Platform;
  /** Paper for notes and handouts until the user picks one (US Letter where it is the norm). */
  defaultPaper: Paper;
  createWindow(role: ViewRole): AppWindowLike;
  screen: ScreenLike;
  power: PowerSaveBlockerLike;
  dialog: DialogLike;
  recent: RecentDecks;
  /** Reads and compiles a deck; never throws (an unreadable file is a deck with an error). */
  /** `length`: the talk length to compile (a name from the deck's `lengths:`; default the first). */
  loadDeck(file: string, length?: string): Deck;
  watchDeck(deck: Deck, events: LiveReloadEvents): DeckWatch;
  exportPdf(request: ExportRequest): Promise<void>;
  exportPictures(request: PictureExportRequest): Promise<void>;
  /** The default PDF file name for a deck and format. */
  pdfFileName(deckFile: string, format: ExportOptions['format']): string;
  openExternal(url: string): void;
  /** Folder of bundled decks for the start screen. */
  slidesDir: string;
  /** Called whenever the menu state may have changed. */
  menuChanged(): void;
  quit(): void;
  /** Where ink and runs go when the deck folder refuses them (default: sidecar-places.ts's). */
  sidecarPlaces?: SidecarPlaces;
  /** How long a talk window may take to save its ink before its window closes (default 2000 ms). */
  inkFlushTimeoutMs?: number;
}
