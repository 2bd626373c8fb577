// Saving the talk windows' ink before the app closes them (lifecycle effect 'save-ink'): main sends
// 'ink:flush' to each talk window that has ink (it asked for it with 'ink:load') and waits until
// each answers 'ink:flushed' (its save went through main's 'ink:save' before that), goes away, or
// the deadline passes. A window whose page is closing saves on its own (pagehide); this covers
// the windows the app closes: the deck closed from the menu, the app quitting, the other window
// of a talk whose first window the presenter closed.

import type { AppWindowLike } from './app-ports';

export interface FlushTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMER: FlushTimer = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };

interface Round {
  waiting: Set<number>;
  finish: () => void;
}

export interface FlushOutcome {
  /** webContents ids of windows that did not answer in time. */
  unanswered: number[];
}

export class InkFlush {
  /** Windows whose page has an ink session (they asked for ink), by webContents id. */
  private readonly inked = new Set<number>();
  private readonly rounds = new Map<number, Round>();
  private nextId = 1;

  constructor(private readonly timeoutMs: number, private readonly timer: FlushTimer = REAL_TIMER) {}

  /** A window loaded ink: it has a session that answers 'ink:flush'. */
  hasInk(webContentsId: number): void {
    this.inked.add(webContentsId);
  }

  /**
   * Asks the windows with ink among `windows` to save now. Null when none has ink (nothing to
   * wait for: the caller goes on at once); else resolves when all answered, closed or timed out.
   */
  flush(windows: readonly AppWindowLike[]): Promise<FlushOutcome> | null {
    const asked = windows.filter((w) => !w.isDestroyed() && this.inked.has(w.webContents.id));
    if (!asked.length) return null;
    const id = this.nextId++;
    return new Promise<FlushOutcome>((resolve) => {
      const waiting = new Set(asked.map((w) => w.webContents.id));
      const handle = this.timer.set(() => done(), this.timeoutMs);
      const done = (): void => {
        if (!this.rounds.delete(id)) return;
        this.timer.clear(handle);
        resolve({ unanswered: [...waiting] });
      };
      this.rounds.set(id, { waiting, finish: done });
      for (const w of asked) w.webContents.send('ink:flush', { id });
    });
  }

  /** A window answered round `id`. */
  answered(webContentsId: number, id: number): void {
    const round = this.rounds.get(id);
    if (!round?.waiting.delete(webContentsId)) return;
    if (!round.waiting.size) round.finish();
  }

  /** A window closed: nothing more to wait for from it. */
  gone(webContentsId: number): void {
    this.inked.delete(webContentsId);
    for (const id of [...this.rounds.keys()]) this.answered(webContentsId, id);
  }
}
