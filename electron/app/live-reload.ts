// Live reload as a state machine: file events in, `updated` (a new good deck) or `errors` (the
// last good deck stays on screen) out. The watcher, the clock and the compiler are parameters,
// so it runs in plain Node with fakes. No electron import.
//
// It watches the *folders* of the deck and its dependencies, not the files: an editor's atomic
// save (write temp, rename over) or a delete + recreate replaces the file's inode, and a watch on
// the old inode would go silent. Events are debounced so a burst of them compiles once.

import { watch } from 'chokidar';
import { dirname, resolve } from 'node:path';
import { isDeckFile } from '../deck/deck-file';
import type { Deck, Diagnostic } from '../deck/types';

export interface WatcherLike {
  on(event: 'all', listener: (event: string, path: string) => void): unknown;
  add(paths: string[]): unknown;
  unwatch(paths: string[]): unknown;
  close(): Promise<void>;
}

export interface ClockLike {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The real watcher: folders only one level deep; a file's events wait until its size is stable
 * (a half-written save is not compiled).
 */
export function createFileWatcher(): WatcherLike {
  return watch([], {
    ignoreInitial: true,
    depth: 0,
    awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
  });
}

export type CompileDeck = (file: string) => Promise<Deck>;

export interface LiveReloadEvents {
  /** A new deck without errors, or an asset of it changed: show it (the renderer keeps the
   *  slide by index). */
  updated(deck: Deck): void;
  /** Errors of the newest version (presenter view only); [] clears them. */
  errors(errors: Diagnostic[]): void;
}

export interface LiveReloadOptions {
  watcher: WatcherLike;
  clock: ClockLike;
  compile: CompileDeck;
  events: LiveReloadEvents;
  /** Quiet time after the last event before compiling. */
  debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 120;

const FILE_EVENTS = new Set(['add', 'change', 'unlink']);

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** A compile that threw (file gone, unreadable) as a diagnostic the presenter can act on. */
export function failureDiagnostic(file: string, err: unknown): Diagnostic {
  const code = errorCode(err);
  const message =
    code === 'ENOENT'
      ? 'the deck file is gone; the last good version stays on screen until it is back'
      : code === 'EACCES' || code === 'EPERM'
        ? 'the deck file cannot be read (permission denied); the last good version stays on screen'
        : `the deck could not be compiled: ${err instanceof Error ? err.message : String(err)}`;
  return { file, line: 1, column: 1, severity: 'error', code: code === 'ENOENT' ? 'deck-missing' : 'deck-unreadable', message };
}

export class LiveReload {
  private good: Deck;
  private currentErrors: Diagnostic[] = [];
  private watchedFiles = new Set<string>();
  private watchedDirs = new Set<string>();
  private timer: unknown = null;
  private compiling = false;
  private dirty = false;
  private stopped = false;
  private assetChanged = false;
  private readonly debounceMs: number;
  /** Resolves when the compile in flight (if any) and its follow-ups are done. */
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly options: LiveReloadOptions, deck: Deck) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.good = deck;
    options.watcher.on('all', (event, path) => this.onFileEvent(event, path));
    this.watch([deck.file, ...deck.dependencies]);
  }

  /** The deck on screen: the newest version without errors. */
  get deck(): Deck {
    return this.good;
  }

  get errors(): readonly Diagnostic[] {
    return this.currentErrors;
  }

  get files(): ReadonlySet<string> {
    return this.watchedFiles;
  }

  /** Waits for pending compiles (tests, and a clean shutdown). */
  settled(): Promise<void> {
    return this.idle;
  }

  /** Compiles again now (the media layer has prepared files the first compile waited for). */
  refresh(): void {
    if (this.stopped) return;
    this.assetChanged = true;
    this.rebuild();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.options.watcher.close();
  }

  private watch(files: readonly string[]): void {
    const next = new Set(files.map((f) => resolve(f)));
    const dirs = new Set([...next].map((f) => dirname(f)));
    const added = [...dirs].filter((d) => !this.watchedDirs.has(d));
    const removed = [...this.watchedDirs].filter((d) => !dirs.has(d));
    this.watchedFiles = next;
    this.watchedDirs = dirs;
    if (added.length) this.options.watcher.add(added);
    if (removed.length) this.options.watcher.unwatch(removed);
  }

  private onFileEvent(event: string, path: string): void {
    if (this.stopped || !FILE_EVENTS.has(event) || !this.watchedFiles.has(resolve(path))) return;
    // An edited image leaves the deck's JSON as it was, but the slides must show the new one.
    if (resolve(path) !== resolve(this.good.file) && !isDeckFile(path)) this.assetChanged = true;
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null;
      this.rebuild();
    }, this.debounceMs);
  }

  private rebuild(): void {
    if (this.compiling) {
      // A change landed mid-compile: compile again when this one ends, keep only the newest.
      this.dirty = true;
      return;
    }
    this.compiling = true;
    this.idle = this.compileUntilClean().finally(() => {
      this.compiling = false;
    });
  }

  private async compileUntilClean(): Promise<void> {
    const file = this.good.file;
    for (;;) {
      this.dirty = false;
      let deck: Deck | null = null;
      let failure: unknown = null;
      try {
        deck = await this.options.compile(file);
      } catch (err) {
        failure = err;
      }
      if (this.stopped) return;
      if (this.dirty) continue;
      if (deck) this.accept(deck);
      else this.reportErrors([failureDiagnostic(file, failure)]);
      return;
    }
  }

  private accept(deck: Deck): void {
    const errors = deck.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      // Also watch what the broken version refers to, so fixing a new include reloads.
      this.watch([...this.good.dependencies, this.good.file, ...deck.dependencies]);
      this.reportErrors(errors);
      return;
    }
    const changed = this.assetChanged || JSON.stringify(deck) !== JSON.stringify(this.good);
    this.assetChanged = false;
    this.good = deck;
    this.watch([deck.file, ...deck.dependencies]);
    if (changed) this.options.events.updated(deck);
    this.reportErrors([]);
  }

  private reportErrors(errors: Diagnostic[]): void {
    if (JSON.stringify(errors) === JSON.stringify(this.currentErrors)) return;
    this.currentErrors = errors;
    this.options.events.errors(errors);
  }
}
