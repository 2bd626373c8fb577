// The presenter's elapsed-time clock. Pure (time comes from an injected `now`), so its rules are
// tested without a DOM: it starts on the first advance, pauses by hand or during a blackout
// (resuming after the blackout only if the blackout paused it), and resets only through an
// armed, confirmed two-step action so a stray click or key cannot lose the time. The confirm
// arms only after a pause longer than a double-click, and a reset can be undone for a while.

export type ClockState = 'idle' | 'running' | 'paused';
export type PauseReason = 'user' | 'blackout';

/** How long an armed reset waits for its confirmation. */
export const RESET_CONFIRM_WINDOW_MS = 5000;
/**
 * A confirm sooner than this after arming is ignored: a double-click (at most 500 ms apart on
 * every desktop's default) on "Reset…" can never also confirm it.
 */
export const RESET_ARM_DELAY_MS = 800;
/** How long a confirmed reset can be undone. */
export const RESET_UNDO_WINDOW_MS = 10_000;

export interface ClockSnapshot {
  state: ClockState;
  accumulatedMs: number;
  pauseReason: PauseReason | null;
}

export class PresenterClock {
  private state_: ClockState = 'idle';
  private accumulatedMs = 0;
  private runningSince = 0;
  private pauseReason_: PauseReason | null = null;
  private resetArmedAt: number | null = null;
  private undo: { snapshot: ClockSnapshot; at: number } | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  get state(): ClockState {
    return this.state_;
  }

  get pauseReason(): PauseReason | null {
    return this.pauseReason_;
  }

  elapsedMs(): number {
    return this.state_ === 'running' ? this.accumulatedMs + (this.now() - this.runningSince) : this.accumulatedMs;
  }

  /** The talk moved forward: the first advance starts the clock; later ones change nothing. */
  advance(): void {
    if (this.state_ === 'idle') this.run();
  }

  pause(reason: PauseReason = 'user'): void {
    if (this.state_ !== 'running') {
      // A user pause during a blackout pause makes it sticky: the blackout's end will not resume.
      if (this.state_ === 'paused' && reason === 'user') this.pauseReason_ = 'user';
      return;
    }
    this.accumulatedMs = this.elapsedMs();
    this.state_ = 'paused';
    this.pauseReason_ = reason;
  }

  resume(): void {
    if (this.state_ === 'paused') this.run();
  }

  /** The presenter's pause/resume button; before the talk starts it starts the clock. */
  toggle(): void {
    if (this.state_ === 'running') this.pause('user');
    else this.run();
  }

  /** Blackout pauses a running clock and resumes it afterwards, unless the user paused it. */
  setBlackout(on: boolean): void {
    if (on) this.pause('blackout');
    else if (this.state_ === 'paused' && this.pauseReason_ === 'blackout') this.run();
  }

  /** First step of a reset; returns the time until which a confirmation is accepted. */
  armReset(): number {
    this.resetArmedAt = this.now();
    return this.resetArmedAt + RESET_CONFIRM_WINDOW_MS;
  }

  /** Armed, past the double-click delay and within the confirmation window. */
  get resetArmed(): boolean {
    if (this.resetArmedAt === null) return false;
    const since = this.now() - this.resetArmedAt;
    return since >= RESET_ARM_DELAY_MS && since <= RESET_CONFIRM_WINDOW_MS;
  }

  /** Armed but still inside the double-click delay: the confirm is not live yet. */
  get resetArming(): boolean {
    return this.resetArmedAt !== null && this.now() - this.resetArmedAt < RESET_ARM_DELAY_MS;
  }

  cancelReset(): void {
    this.resetArmedAt = null;
  }

  /**
   * Second step: resets to idle (0:00, waiting for the next advance) only when armed in time.
   * A confirm inside the double-click delay leaves the reset armed (a slower click still works).
   */
  confirmReset(): boolean {
    if (this.resetArming) return false;
    const armed = this.resetArmed;
    this.resetArmedAt = null;
    if (!armed) return false;
    this.undo = { snapshot: this.snapshot(), at: this.now() };
    this.state_ = 'idle';
    this.accumulatedMs = 0;
    this.pauseReason_ = null;
    return true;
  }

  /** True while the last reset can still be undone. */
  get resetUndoable(): boolean {
    return this.undo !== null && this.now() - this.undo.at <= RESET_UNDO_WINDOW_MS;
  }

  /**
   * Takes back the last reset, as if it never happened: a clock that was running has kept
   * counting meanwhile. False when there is nothing (or nothing recent) to undo.
   */
  undoReset(): boolean {
    const undo = this.resetUndoable ? this.undo : null;
    this.undo = null;
    if (!undo) return false;
    this.restore(undo.snapshot, undo.at);
    return true;
  }

  /** For surviving a reload of the presenter window. */
  snapshot(): ClockSnapshot {
    return { state: this.state_, accumulatedMs: this.elapsedMs(), pauseReason: this.pauseReason_ };
  }

  /** Restores a snapshot; a running clock continues from `at` (the wall time it was taken). */
  restore(snapshot: ClockSnapshot, at: number): void {
    this.state_ = snapshot.state;
    this.pauseReason_ = snapshot.pauseReason;
    this.accumulatedMs = Math.max(0, snapshot.accumulatedMs);
    if (snapshot.state === 'running') {
      this.accumulatedMs += Math.max(0, this.now() - at);
      this.runningSince = this.now();
    }
  }

  private run(): void {
    this.runningSince = this.now();
    this.state_ = 'running';
    this.pauseReason_ = null;
  }
}
