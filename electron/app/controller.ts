// The app's actions and the effects of its lifecycle: which deck is open, its windows, displays
// and display sleep. What each action or window close means is decided by the pure transition in
// lifecycle.ts; this class carries out the effects it returns. Reading and watching the deck
// (open-deck.ts), sync relaying (sync-relay.ts), PDF export (export-session.ts) and the IPC
// answers (ipc-answers.ts) are their own modules. Electron's objects come in through small interfaces (app-ports.ts, main.ts passes
// the real ones), so every decision here is tested in plain Node.

import { resolve } from 'node:path';
import type { DeckPayload, DeckSummary, EventChannels, ExportOptions, InvokeChannel, InvokeChannels, PictureExportOptions, SaveElsewhereResult, ViewRole } from '../contract/ipc';
import { DECK_EXTENSIONS } from '../deck/deck-file';
import type { Deck } from '../deck/types';
import type { AppWindowLike, ControllerDeps } from './app-ports';
import { isDeckPath, summarizeDecks } from './deck-list';
import { DisplayArranger, type RehearsalMode } from './displays';
import { ExportSession } from './export-session';
import { InkFlush } from './ink-flush';
import { createInvokeAnswers, type AnswerHost, type InvokeAnswers } from './ipc-answers';
import { INITIAL_STATE, transition, type LifecycleEffect, type LifecycleEvent, type LifecycleState } from './lifecycle';
import type { MenuActions, MenuState } from './menu';
import { OpenDeck } from './open-deck';
import { SyncRelay } from './sync-relay';
import { ViewWindows } from './view-windows';
import { saveSidecarsWithDialog, UnsavedSidecars } from './unsaved-sidecars';
import { defaultPlaces, type SidecarPlaces } from '../sidecar/sidecar-places';

export type { AppWindowLike, ControllerDeps, DeckWatch, DialogLike, ExportRequest, PowerSaveBlockerLike } from './app-ports';
export { progressBarValue } from './export-session';
export { recipientsOf } from './view-windows';

export class LecternController implements AnswerHost {
  private readonly windows = new ViewWindows();
  private readonly sync = new SyncRelay(this.windows);
  private readonly exports: ExportSession;
  private state: LifecycleState = INITIAL_STATE;
  private readonly opened: OpenDeck;
  private powerId: number | null = null;
  readonly arranger: DisplayArranger;
  private readonly answers: InvokeAnswers;
  /** Ink and runs that could not be written anywhere yet (unsaved-sidecars.ts). */
  private readonly unsaved = new UnsavedSidecars();
  private readonly places: SidecarPlaces;
  private readonly inkFlush: InkFlush;

  constructor(private readonly deps: ControllerDeps) {
    this.arranger = new DisplayArranger(deps.screen, () => deps.menuChanged());
    this.exports = new ExportSession(deps, this.windows);
    this.opened = new OpenDeck(deps, {
      updated: () => this.send('deck:updated', this.payload()!),
      errors: (errors) => this.send('deck:errors', errors),
    });
    this.places = deps.sidecarPlaces ?? defaultPlaces();
    this.inkFlush = new InkFlush(deps.inkFlushTimeoutMs ?? 2000);
    this.answers = createInvokeAnswers(this, { ...deps, sidecarPlaces: this.places }, this.unsaved);
  }

  get deck(): Deck | null {
    return this.opened.deck;
  }

  /** The lifecycle state (for the menu and tests). */
  get lifecycle(): LifecycleState {
    return this.state;
  }

  private get presenting(): boolean {
    return this.state.phase === 'deck' && this.state.talk;
  }

  deckFile(): string | null {
    return this.deck?.file ?? null;
  }

  /** The folder assets are served from: the deck's asset root (the asset protocol asks). */
  assetRoot(): string | null {
    return this.deck?.root ?? null;
  }

  allWindows(): AppWindowLike[] {
    return this.windows.all().map((w) => w.win);
  }

  roleOf(webContentsId: number): ViewRole | null {
    return this.windows.byWebContents(webContentsId)?.role ?? null;
  }

  windowOf(role: ViewRole): AppWindowLike | null {
    return this.windows.withRole(role);
  }

  send<C extends keyof EventChannels>(channel: C, payload: EventChannels[C]): void {
    this.windows.send(channel, payload);
  }

  payload(): DeckPayload | null {
    return this.opened.payload();
  }

  /** Feeds one event to the lifecycle and carries out its effects, in order. The state changes
   *  first, so a window closed by an effect reports into the new state. Resolves when the
   *  effects' asynchronous parts (stopping a deck watch) are done. */
  private dispatch(event: LifecycleEvent): Promise<void> {
    const { state, effects } = transition(this.state, event);
    this.state = state;
    return this.carryOut(effects);
  }

  /** Effects in order. 'save-ink' holds back the ones after it (windows closing, the deck
   *  unloading) until the talk windows saved their ink, at most inkFlushTimeoutMs; with no window
   *  to ask it holds nothing back, so the rest happens at once. */
  private carryOut(effects: readonly LifecycleEffect[]): Promise<void> {
    const pending: Array<Promise<void>> = [];
    for (const [i, effect] of effects.entries()) {
      if (effect.type === 'save-ink') {
        const saving = this.saveTalkInk();
        if (saving) return Promise.all([...pending, saving.then(() => this.carryOut(effects.slice(i + 1)))]).then(() => undefined);
        continue;
      }
      const done = this.apply(effect);
      if (done) pending.push(done);
    }
    return Promise.all(pending).then(() => undefined);
  }

  /** Asks the talk windows to save their ink now (null: none has ink to save). */
  private saveTalkInk(): Promise<void> | null {
    const talk = [this.windowOf('presenter'), this.windowOf('audience')].filter((w): w is AppWindowLike => w !== null);
    return this.inkFlush.flush(talk)?.then(() => undefined) ?? null;
  }

  inkFlushed(senderId: number, id: number): void {
    this.inkFlush.answered(senderId, id);
  }

  /** File > Save Ink and Rehearsals Elsewhere...: the talk windows save first (what they hold
   *  reaches main), then a folder dialog (unsaved-sidecars.ts). */
  async saveSidecarsElsewhere(): Promise<SaveElsewhereResult> {
    const deck = this.deck;
    if (!deck) return { ok: false, message: 'no deck is open' };
    await this.saveTalkInk();
    return saveSidecarsWithDialog(deck, this.deps.dialog, this.unsaved, this.places);
  }

  private apply(effect: LifecycleEffect): Promise<void> | void {
    switch (effect.type) {
      case 'open-window':
        this.open(effect.window).show();
        return;
      case 'open-talk': {
        const presenter = this.open('presenter');
        const audience = this.open('audience');
        this.arranger.start({ audience, presenter });
        presenter.focus();
        return;
      }
      case 'focus-window':
        this.windowOf(effect.window)?.focus();
        return;
      case 'close-window':
        this.windowOf(effect.window)?.close();
        return;
      case 'block-display-sleep':
        this.powerId = this.deps.power.start('prevent-display-sleep');
        return;
      case 'allow-display-sleep':
        if (this.powerId !== null) this.deps.power.stop(this.powerId);
        this.powerId = null;
        return;
      case 'save-ink':
        return; // carried out by carryOut: it holds back the effects after it
      case 'release-displays':
        this.arranger.stop();
        return;
      case 'refresh-views':
        this.refreshViews();
        return;
      case 'choose-length': {
        const deck = this.deck;
        if (!deck || deck.meta.length === effect.length || !deck.meta.lengths?.some((l) => l.name === effect.length)) return;
        this.load(deck.file, effect.length);
        this.refreshViews();
        return;
      }
      case 'unload-deck':
        return this.opened.unload();
      case 'menu-changed':
        this.deps.menuChanged();
        return;
      case 'quit-app':
        this.deps.quit();
        return;
    }
  }

  /** The open windows show the deck as it is now, with no errors left from before. */
  private refreshViews(): void {
    this.send('deck:updated', this.payload()!);
    this.send('deck:errors', []);
  }

  private open(role: ViewRole): AppWindowLike {
    const win = this.deps.createWindow(role);
    const id = win.webContents.id;
    return this.windows.add(role, win, (closed) => {
      this.inkFlush.gone(id);
      void this.dispatch({ type: 'window-closed', window: closed });
    });
  }

  /** At launch: the deck from argv, else the start screen. */
  start(deckFile: string | null): void {
    if (deckFile) this.openDeck(deckFile);
    else this.showStart();
  }

  showStart(): void {
    void this.dispatch({ type: 'show-start' });
  }

  /** Opens a deck and presents it (or shows it in the study window). Returns false when the
   *  file is not a deck. */
  openDeck(file: string, mode: 'present' | 'study' = 'present'): boolean {
    const path = resolve(file);
    if (!isDeckPath(path)) {
      this.deps.dialog.showErrorBox('Cannot open deck', `${path} is not a Markdown deck file (.md) that exists.`);
      return false;
    }
    const open = (): void => {
      this.load(path);
      this.deps.recent.add(path);
      void this.dispatch({ type: 'deck-opened', mode });
    };
    // Another deck replaces one being presented: its ink is saved to it first, not to the new one.
    const saving = this.presenting ? this.saveTalkInk() : null;
    if (saving) void saving.then(open);
    else open();
    return true;
  }

  /** Reads and watches the deck (open-deck.ts); the talk position of the one before means nothing in it. */
  private load(path: string, length?: string): void {
    this.opened.load(path, length);
    this.sync.forget();
  }

  /**
   * The open deck's study view (slides beside their notes, contents, search; "present from here"
   * starts the talk and the study window stays), or the one already open, brought forward.
   */
  study(): void {
    void this.dispatch({ type: 'study' });
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

  /** Presents the open deck; with `length`, as that talk length (the deck reloads in its windows). */
  present(length?: string): void {
    void this.dispatch(length === undefined ? { type: 'present' } : { type: 'present', length });
  }

  closeDeck(): void {
    void this.dispatch({ type: 'close-deck' });
  }

  /** Before quit: the talk ends (display sleep allowed again) and the deck watch stops. */
  async shutdown(): Promise<void> {
    await this.dispatch({ type: 'quit' });
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

  /** Exports the open deck after a save dialog (export-session.ts). */
  exportWithDialog(requested: ExportOptions): Promise<{ file: string } | null> {
    return this.exports.exportWithDialog(this.deck, requested);
  }

  /** Exports the open deck as a .pptx or a folder of pictures (export-session.ts). */
  exportPicturesWithDialog(options: PictureExportOptions): Promise<{ file: string } | null> {
    return this.exports.exportPicturesWithDialog(this.deck, options);
  }

  /** Forwards a sync message to the other deck windows (sync-relay.ts). */
  relaySync(senderId: number, message: unknown): void {
    this.sync.relay(senderId, message);
  }

  async summaries(files: readonly string[]): Promise<DeckSummary[]> {
    return summarizeDecks(files, async (file) => this.deps.loadDeck(file));
  }

  /** The answer to each invoke channel, for a sender already checked by the IPC guard. */
  invoke<C extends InvokeChannel>(channel: C, senderId: number, request: unknown): Promise<InvokeChannels[C]['response']> {
    // A window that loads ink has a session that answers 'ink:flush'.
    if (channel === 'ink:load') this.inkFlush.hasInk(senderId);
    return this.answers[channel](senderId, request);
  }

  menuState(): MenuState {
    return {
      platform: this.deps.platform,
      hasDeck: this.deck !== null,
      presenting: this.presenting,
      dual: this.presenting && this.arranger.plan().dual,
      rehearsal: this.arranger.rehearsal,
      exporting: this.exports.exporting,
      recent: this.deps.recent.list(),
      paper: this.exports.paper,
      lengths: this.deck?.meta.lengths ?? [],
      length: this.deck?.meta.length ?? null,
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
      present: (length) => this.present(length),
      closeDeck: () => this.closeDeck(),
      exportPdf: (options) => void this.exportWithDialog(options),
      exportPictures: (options) => void this.exportPicturesWithDialog(options),
      toggleFullscreen: () => this.toggleFullscreen(focused()),
      swapDisplays: () => this.swap(),
      setRehearsal: (mode) => this.setRehearsal(mode),
      toggleRehearsalRun: () => this.windows.send('presenter:command', 'toggle-rehearsal'),
      setPaper: (paper) => this.exports.setPaper(paper),
      saveSidecarsElsewhere: () => void this.saveSidecarsElsewhere(),
      quit: () => this.deps.quit(),
    };
  }
}
