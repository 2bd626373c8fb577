// The app's state and what each action does: which deck is open, its windows, presenting,
// export, live reload events (the IPC answers are in ipc-answers.ts). Electron's objects come in through small interfaces
// (main.ts passes the real ones), so every decision here is tested in plain Node.

import { dirname, join, resolve } from 'node:path';
import type {
  SlidePosition,
  DeckPayload,
  DeckSummary,
  EventChannels,
  ExportOptions,
  ExportProgress,
  InvokeChannel,
  Paper,
  InvokeChannels,
  SyncMessage,
  ViewRole,
} from '../contract/ipc';
import { DECK_EXTENSIONS } from '../deck/deck-file';
import type { Deck } from '../deck/types';
import { isDeckPath, summarizeDecks } from './deck-list';
import { createInvokeAnswers, type InvokeAnswers } from './ipc-answers';
import type { AppWindowLike, ControllerDeps, DeckWatch } from './app-ports';
import { DisplayArranger, type RehearsalMode } from './displays';
import type { MenuActions, MenuState } from './menu';
import { deckAssetBase } from './protocols';

export type { AppWindowLike, ControllerDeps, DeckWatch, DialogLike, ExportRequest, PowerSaveBlockerLike } from './app-ports';

/** Who receives a main -> renderer event: errors and export progress never reach the audience. */
export function recipientsOf(channel: keyof EventChannels, role: ViewRole): boolean {
  if (channel === 'deck:errors') return role === 'presenter';
  if (channel === 'export:progress') return role !== 'audience';
  if (channel === 'deck:updated') return role !== 'start';
  return true;
}

/** The window progress bar for an export phase: a fraction, or -1 to remove it. */
export function progressBarValue(progress: ExportProgress): number {
  switch (progress.phase) {
    case 'layout':
      return 0.1;
    case 'print':
      return 0.6;
    case 'write':
      return 0.9;
    case 'done':
    case 'failed':
      return -1;
  }
}

function isSyncMessage(value: unknown): value is SyncMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'navigate' || type === 'blackout' || type === 'hello' || type === 'state' || type === 'media' || type === 'media-state';
}

export class LecternController {
  private readonly windows = new Map<number, { role: ViewRole; win: AppWindowLike }>();
  private watch: DeckWatch | null = null;
  private presenting = false;
  private exporting = false;
  private lastPosition: SlidePosition | null = null;
  private powerId: number | null = null;
  private assetVersion = 0;
  private closingPresentation = false;
  private closingStudy = false;
  private paper: Paper;
  private quitting = false;
  readonly arranger: DisplayArranger;
  private readonly answers: InvokeAnswers;

  constructor(private readonly deps: ControllerDeps) {
    this.arranger = new DisplayArranger(deps.screen, () => deps.menuChanged());
    this.paper = deps.defaultPaper;
    this.answers = createInvokeAnswers(this, deps);
  }

  get deck(): Deck | null {
    return this.watch?.deck ?? null;
  }

  /** The deck folder assets are served from (the asset protocol asks). */
  assetRoot(): string | null {
    return this.deck?.root ?? null;
  }

  allWindows(): AppWindowLike[] {
    return [...this.windows.values()].map((w) => w.win);
  }

  roleOf(webContentsId: number): ViewRole | null {
    return this.windows.get(webContentsId)?.role ?? null;
  }

  windowOf(role: ViewRole): AppWindowLike | null {
    for (const w of this.windows.values()) if (w.role === role) return w.win;
    return null;
  }

  private open(role: ViewRole): AppWindowLike {
    const win = this.deps.createWindow(role);
    const id = win.webContents.id;
    this.windows.set(id, { role, win });
    win.onClosed(() => this.windowClosed(id, role));
    return win;
  }

  send<C extends keyof EventChannels>(channel: C, payload: EventChannels[C]): void {
    for (const { role, win } of this.windows.values()) {
      if (!win.isDestroyed() && recipientsOf(channel, role)) win.webContents.send(channel, payload);
    }
  }

  payload(): DeckPayload | null {
    const deck = this.deck;
    return deck ? { deck, assetBase: deckAssetBase(this.assetVersion) } : null;
  }

  /** At launch: the deck from argv, else the start screen. */
  start(deckFile: string | null): void {
    if (deckFile) this.openDeck(deckFile);
    else this.showStart();
  }

  showStart(): void {
    const existing = this.windowOf('start');
    if (existing) {
      existing.focus();
      return;
    }
    const win = this.open('start');
    win.show();
  }

  /** Opens a deck and presents it (or shows it in the study window). Returns false when the
   *  file is not a deck. */
  openDeck(file: string, mode: 'present' | 'study' = 'present'): boolean {
    const path = resolve(file);
    if (!isDeckPath(path)) {
      this.deps.dialog.showErrorBox('Cannot open deck', `${path} is not a Markdown deck file (.md) that exists.`);
      return false;
    }
    const deck = this.deps.loadDeck(path);
    this.lastPosition = null;
    void this.watch?.stop();
    this.watch = this.deps.watchDeck(deck, {
      updated: () => {
        // New asset URLs, so the renderer cannot reuse an image it has in memory.
        this.assetVersion++;
        this.send('deck:updated', this.payload()!);
      },
      errors: (errors) => this.send('deck:errors', errors),
    });
    this.deps.recent.add(path);
    if (this.presenting || this.windowOf('study')) {
      // A new deck in the open windows: same windows, new content.
      this.send('deck:updated', this.payload()!);
      this.send('deck:errors', []);
    }
    if (mode === 'study') this.study();
    else this.present();
    this.deps.menuChanged();
    return true;
  }

  /**
   * The open deck's study view (slides beside their notes, contents, search; "present from here"
   * starts the talk and the study window stays), or the one already open, brought forward.
   */
  study(): void {
    if (!this.deck) return;
    const existing = this.windowOf('study');
    if (existing) {
      existing.focus();
      return;
    }
    this.open('study').show();
    this.windowOf('start')?.close();
    this.deps.menuChanged();
  }

  async openWithDialog(mode: 'present' | 'study' = 'present'): Promise<boolean> {
    const result = await this.deps.dialog.showOpenDialog({
      title: 'Open a deck',
      properties: ['openFile'],
      filters: [{ name: 'Markdown decks', extensions: DECK_EXTENSIONS.map((e) => e.slice(1)) }],
    });
    const file = result.filePaths[0];
    if (result.canceled || !file) return false;
    return this.openDeck(file, mode);
  }

  present(): void {
    if (!this.deck || this.presenting) return;
    this.presenting = true;
    const presenter = this.open('presenter');
    const audience = this.open('audience');
    this.arranger.start({ audience, presenter });
    presenter.focus();
    this.powerId = this.deps.power.start('prevent-display-sleep');
    const start = this.windowOf('start');
    if (start) start.close();
    this.deps.menuChanged();
  }

  /** Ends presenting: both windows close, display sleep is allowed again. */
  stopPresenting(): void {
    if (!this.presenting) return;
    this.presenting = false;
    this.arranger.stop();
    if (this.powerId !== null) this.deps.power.stop(this.powerId);
    this.powerId = null;
    this.closingPresentation = true;
    for (const role of ['audience', 'presenter'] as const) this.windowOf(role)?.close();
    this.closingPresentation = false;
    this.deps.menuChanged();
  }

  closeDeck(): void {
    this.stopPresenting();
    this.closingStudy = true;
    this.windowOf('study')?.close();
    this.closingStudy = false;
    void this.watch?.stop();
    this.watch = null;
    if (!this.quitting) this.showStart();
    this.deps.menuChanged();
  }

  private windowClosed(id: number, role: ViewRole): void {
    this.windows.delete(id);
    // Closing either presenting window ends the talk; the deck stays open in a study window, else
    // the start screen comes back. Closing the study window with no talk running closes the deck.
    if ((role === 'audience' || role === 'presenter') && this.presenting && !this.closingPresentation) {
      if (this.windowOf('study')) this.stopPresenting();
      else this.closeDeck();
    } else if (role === 'study' && !this.presenting && !this.closingStudy && !this.quitting) {
      this.closeDeck();
    }
    // The last app window closed: quit (a hidden print window must not keep the app alive).
    if (this.windows.size === 0 && !this.quitting && !this.closingPresentation && !this.closingStudy) this.deps.quit();
  }

  /** Before quit: release the power blocker and the watcher. */
  async shutdown(): Promise<void> {
    this.quitting = true;
    this.stopPresenting();
    await this.watch?.stop();
    this.watch = null;
  }

  swap(): void {
    if (this.presenting) this.arranger.swap();
  }

  setRehearsal(mode: RehearsalMode): void {
    this.arranger.setRehearsal(mode);
    this.deps.menuChanged();
  }

  toggleFullscreen(focused: AppWindowLike | null): void {
    const win = focused ?? this.windowOf('presenter') ?? this.windowOf('start');
    if (win && !win.isDestroyed()) win.setFullScreen(!win.isFullScreen());
  }

  /** Exports the open deck after a save dialog. Notes and handouts print on the paper chosen in
   *  the menu unless the request names one. */
  async exportWithDialog(requested: ExportOptions): Promise<{ file: string } | null> {
    const options = requested.format === 'slides' || requested.paper ? requested : { ...requested, paper: this.paper };
    const deck = this.deck;
    if (!deck || this.exporting) return null;
    const saved = await this.deps.dialog.showSaveDialog({
      title: 'Export PDF',
      defaultPath: join(dirname(deck.file), this.deps.pdfFileName(deck.file, options.format)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (saved.canceled || !saved.filePath) return null;
    const target = saved.filePath;
    this.exporting = true;
    this.deps.menuChanged();
    const onProgress = (progress: ExportProgress) => {
      this.send('export:progress', { ...progress, file: target });
      const value = progressBarValue(progress);
      for (const win of this.allWindows()) if (!win.isDestroyed()) win.setProgressBar(value);
    };
    try {
      await this.deps.exportPdf({ deck, options, target, onProgress });
      return { file: target };
    } catch (err) {
      this.deps.dialog.showErrorBox('Export failed', err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      this.exporting = false;
      for (const win of this.allWindows()) if (!win.isDestroyed()) win.setProgressBar(-1);
      this.deps.menuChanged();
    }
  }

  /** Forwards a sync message to the other presenting windows (never back to the sender). */
  relaySync(senderId: number, message: unknown): void {
    if (!isSyncMessage(message)) return;
    if (message.type === 'navigate' || message.type === 'state') this.lastPosition = message.position;
    // A window that boots after the last move (present from here, a reopened presenter) is told
    // where the talk is, even when no other window is open yet to answer its hello.
    if (message.type === 'hello' && this.lastPosition) {
      const sender = this.windows.get(senderId);
      if (sender && !sender.win.isDestroyed()) {
        sender.win.webContents.send('sync', { type: 'navigate', position: this.lastPosition });
      }
    }
    for (const [id, { role, win }] of this.windows) {
      if (id !== senderId && role !== 'start' && !win.isDestroyed()) win.webContents.send('sync', message);
    }
  }

  async summaries(files: readonly string[]): Promise<DeckSummary[]> {
    return summarizeDecks(files, async (file) => this.deps.loadDeck(file));
  }

  /** The answer to each invoke channel, for a sender already checked by the IPC guard. */
  invoke<C extends InvokeChannel>(channel: C, senderId: number, request: unknown): Promise<InvokeChannels[C]['response']> {
    return this.answers[channel](senderId, request);
  }

  menuState(): MenuState {
    return {
      platform: this.deps.platform,
      hasDeck: this.deck !== null,
      presenting: this.presenting,
      dual: this.presenting && this.arranger.plan().dual,
      rehearsal: this.arranger.rehearsal,
      exporting: this.exporting,
      recent: this.deps.recent.list(),
      paper: this.paper,
    };
  }

  menuActions(focused: () => AppWindowLike | null): MenuActions {
    return {
      open: () => void this.openWithDialog(),
      openForStudy: () => void this.openWithDialog('study'),
      study: () => this.study(),
      openRecent: (file) => {
        if (!this.openDeck(file)) this.deps.recent.remove(file);
        this.deps.menuChanged();
      },
      clearRecent: () => {
        this.deps.recent.clear();
        this.deps.menuChanged();
      },
      present: () => this.present(),
      closeDeck: () => this.closeDeck(),
      exportPdf: (options) => void this.exportWithDialog(options),
      toggleFullscreen: () => this.toggleFullscreen(focused()),
      swapDisplays: () => this.swap(),
      setRehearsal: (mode) => this.setRehearsal(mode),
      setPaper: (paper) => {
        this.paper = paper;
        this.deps.menuChanged();
      },
      quit: () => this.deps.quit(),
    };
  }
}
