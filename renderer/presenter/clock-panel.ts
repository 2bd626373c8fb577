// The presenter's time panel: elapsed clock with pause/resume and a two-step reset, wall
// clock, and pacing against the deck's duration and section budgets. The reset's confirm is
// never under the pointer that armed it ("Keep time" takes the Reset button's place) and only
// arms after a double-click's time; a confirmed reset offers Undo for some seconds. The clock survives a
// reload of the presenter window, or closing and reopening it during the talk (localStorage,
// per deck; a snapshot older than STALE_AFTER_MS is a rehearsal's and is ignored).

import type { Deck, Slide } from '../../electron/deck/types';
import { el, formatDuration } from '../ui/dom';
import { BACKUP_SECTION, ON_PACE_TOLERANCE_MS, PacingPlan, SectionTimes, sectionPace } from '../../electron/contract/pacing';
import { rehearsedStartMs, type RehearsalRun } from '../../electron/sidecar/rehearsals';
import { PresenterClock, RESET_ARM_DELAY_MS, RESET_CONFIRM_WINDOW_MS, RESET_UNDO_WINDOW_MS, type ClockSnapshot } from './timer';

const STALE_AFTER_MS = 30 * 60_000;

interface StoredClock {
  snapshot: ClockSnapshot;
  at: number;
}

export class ClockPanel {
  readonly element: HTMLElement;
  private readonly clock = new PresenterClock();
  private sections = new SectionTimes();
  /** The section times a reset cleared, kept while the reset can be undone. */
  private sectionsBeforeReset: SectionTimes | null = null;
  private plan: PacingPlan | null = null;
  private readonly elapsed = el('div', { className: 'elapsed', attrs: { 'data-testid': 'elapsed' } });
  private readonly clockState = el('div', { className: 'clock-state', attrs: { 'data-testid': 'clock-state' } });
  private readonly wall = el('div', { className: 'wall-clock', attrs: { 'data-testid': 'wall-clock' } });
  private readonly pace = el('div', { className: 'pace', attrs: { 'data-testid': 'pace' } });
  private readonly sectionLine = el('div', { className: 'section-pace', attrs: { 'data-testid': 'section-pace' } });
  private readonly rehearsalLine = el('div', { className: 'rehearsal-pace', attrs: { 'data-testid': 'rehearsal-pace' } });
  private lastRun: RehearsalRun | null = null;
  private slides: readonly Slide[] = [];
  private readonly toggleButton = el('button', { className: 'lectern-button', attrs: { type: 'button', 'data-testid': 'timer-toggle' } });
  private readonly resetButton = el('button', { className: 'lectern-button subtle', text: 'Reset…', attrs: { type: 'button', 'data-testid': 'timer-reset' } });
  private readonly confirmButton = el('button', { className: 'lectern-button danger', text: 'Confirm reset', attrs: { type: 'button', hidden: '', 'data-testid': 'timer-reset-confirm' } });
  private readonly cancelButton = el('button', { className: 'lectern-button subtle', text: 'Keep time', attrs: { type: 'button', hidden: '', 'data-testid': 'timer-reset-cancel' } });
  private readonly undoButton = el('button', { className: 'lectern-button primary', text: 'Undo reset', attrs: { type: 'button', hidden: '', 'data-testid': 'timer-reset-undo' } });
  private readonly storageKey: string;
  private resetTimer: number | undefined;
  private armTimer: number | undefined;
  private undoTimer: number | undefined;
  private lastSlide: Slide | undefined;

  constructor(parent: HTMLElement, deck: Deck, private readonly changed: () => void) {
    this.storageKey = `lectern.clock:${deck.file}`;
    this.element = el('div', { className: 'clock-panel' }, [
      el('div', { className: 'clock-row' }, [this.elapsed, this.wall]),
      this.clockState,
      // "Keep time" comes right after Reset… so it, not the confirm, is where a second click lands.
      el('div', { className: 'clock-buttons' }, [this.toggleButton, this.resetButton, this.cancelButton, this.confirmButton, this.undoButton]),
      this.pace,
      this.sectionLine,
      this.rehearsalLine,
    ]);
    parent.append(this.element);
    this.setDeck(deck);
    this.restore();
    this.toggleButton.addEventListener('click', () => this.toggle());
    this.resetButton.addEventListener('click', () => this.armReset());
    this.confirmButton.addEventListener('click', () => this.confirmReset());
    this.cancelButton.addEventListener('click', () => this.disarmReset());
    this.undoButton.addEventListener('click', () => this.undoReset());
  }

  get started(): boolean {
    return this.clock.state !== 'idle';
  }

  setDeck(deck: Deck): void {
    this.slides = deck.slides;
    this.plan = deck.meta.duration ? new PacingPlan(deck.slides, deck.meta.duration, deck.meta.sections) : null;
  }

  /** The last rehearsal, which pacing compares with (null: none). */
  setLastRun(run: RehearsalRun | null): void {
    this.lastRun = run;
    this.update(this.lastSlide);
  }

  get running(): boolean {
    return this.clock.state === 'running';
  }

  /** The talk moved to `slide`: the first move starts the clock. */
  advanced(slide: Slide | undefined): void {
    this.clock.advance();
    if (slide) this.sections.visit(slide.backup ? BACKUP_SECTION : slide.section, this.clock.elapsedMs());
    this.update(slide);
  }

  /** The view caught up with where the talk already is: sections follow, the clock does not start. */
  followed(slide: Slide | undefined): void {
    if (slide && this.started) this.sections.visit(slide.backup ? BACKUP_SECTION : slide.section, this.clock.elapsedMs());
    this.update(slide);
  }

  blackout(on: boolean): void {
    this.clock.setBlackout(on);
    this.update(this.lastSlide);
  }

  toggle(): void {
    this.clock.toggle();
    this.update(this.lastSlide);
  }

  tick(slide: Slide | undefined): void {
    this.update(slide);
  }

  update(slide: Slide | undefined): void {
    this.lastSlide = slide;
    const elapsedMs = this.clock.elapsedMs();
    this.elapsed.textContent = formatDuration(elapsedMs);
    const state = this.clock.state;
    this.element.dataset.state = state;
    this.clockState.textContent =
      state === 'idle'
        ? !this.undoButton.hidden
          ? 'Reset: starts on the first advance (Undo brings the time back)'
          : 'Starts on the first advance'
        : state === 'running'
          ? 'Running'
          : this.clock.pauseReason === 'blackout'
            ? 'Paused during blackout'
            : 'Paused';
    this.toggleButton.textContent = state === 'running' ? 'Pause' : state === 'paused' ? 'Resume' : 'Start';
    this.wall.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    this.renderPace(slide, elapsedMs);
    this.save();
  }

  private renderPace(slide: Slide | undefined, elapsedMs: number): void {
    this.renderRehearsalPace(slide, elapsedMs);
    if (!this.plan || !slide) {
      this.pace.textContent = this.plan ? '' : 'No duration in the deck: no pacing.';
      this.pace.dataset.state = 'none';
      this.sectionLine.textContent = '';
      return;
    }
    if (slide.backup) {
      this.pace.dataset.state = 'backup';
      this.pace.textContent = `Backup slide (outside the talk's plan of ${formatDuration(this.plan.totalMs)})`;
      this.sectionLine.dataset.state = 'none';
      this.sectionLine.textContent = '';
      return;
    }
    const status = this.plan.status(elapsedMs, slide.index);
    this.pace.dataset.state = status.state;
    const label =
      status.state === 'on-pace'
        ? 'On pace'
        : `${formatDuration(Math.abs(status.deltaMs))} ${status.state === 'behind' ? 'behind' : 'ahead'}`;
    this.pace.textContent = `${label} · planned ${formatDuration(this.plan.totalMs)}, ${formatDuration(status.remainingMs)} of plan left`;
    const section = sectionPace(this.plan, this.sections, slide.section, elapsedMs);
    this.sectionLine.dataset.state = section ? (section.over ? 'over' : 'within') : 'none';
    this.sectionLine.textContent = section
      ? `${section.title}: ${formatDuration(section.spentMs)} of ${formatDuration(section.budgetMs)}${section.over ? ` (${formatDuration(-section.leftMs)} over)` : ''}`
      : '';
  }

  /** "2:10 behind your rehearsal at this slide": elapsed against when the last run reached it. */
  private renderRehearsalPace(slide: Slide | undefined, elapsedMs: number): void {
    const at = this.lastRun && slide && !slide.backup && this.clock.state !== 'idle' ? rehearsedStartMs(this.lastRun, this.slides, slide) : null;
    if (at === null) {
      this.rehearsalLine.textContent = '';
      this.rehearsalLine.dataset.state = 'none';
      return;
    }
    const delta = elapsedMs - at;
    const state = Math.abs(delta) <= ON_PACE_TOLERANCE_MS ? 'on-pace' : delta > 0 ? 'behind' : 'ahead';
    this.rehearsalLine.dataset.state = state;
    this.rehearsalLine.textContent = state === 'on-pace' ? 'With your rehearsal at this slide' : `${formatDuration(Math.abs(delta))} ${state} your rehearsal at this slide`;
  }

  private armReset(): void {
    this.clock.armReset();
    this.hideUndo();
    this.resetButton.hidden = true;
    this.confirmButton.hidden = false;
    this.cancelButton.hidden = false;
    // Disabled until a double-click's time has passed: the gesture that armed it cannot confirm it.
    this.confirmButton.disabled = true;
    window.clearTimeout(this.armTimer);
    this.armTimer = window.setTimeout(() => (this.confirmButton.disabled = false), RESET_ARM_DELAY_MS);
    window.clearTimeout(this.resetTimer);
    this.resetTimer = window.setTimeout(() => this.disarmReset(), RESET_CONFIRM_WINDOW_MS);
  }

  private confirmReset(): void {
    if (this.clock.resetArming) return;
    if (this.clock.confirmReset()) {
      this.sectionsBeforeReset = this.sections;
      this.sections = new SectionTimes();
      this.undoButton.hidden = false;
      window.clearTimeout(this.undoTimer);
      this.undoTimer = window.setTimeout(() => this.hideUndo(), RESET_UNDO_WINDOW_MS);
    }
    this.disarmReset();
    this.changed();
  }

  private undoReset(): void {
    if (this.clock.undoReset() && this.sectionsBeforeReset) this.sections = this.sectionsBeforeReset;
    this.hideUndo();
    this.changed();
  }

  private hideUndo(): void {
    window.clearTimeout(this.undoTimer);
    this.undoButton.hidden = true;
    this.sectionsBeforeReset = null;
    this.update(this.lastSlide);
  }

  private disarmReset(): void {
    window.clearTimeout(this.resetTimer);
    window.clearTimeout(this.armTimer);
    this.clock.cancelReset();
    this.resetButton.hidden = false;
    this.confirmButton.hidden = true;
    this.confirmButton.disabled = false;
    this.cancelButton.hidden = true;
    this.update(this.lastSlide);
  }

  private save(): void {
    try {
      const stored: StoredClock = { snapshot: this.clock.snapshot(), at: Date.now() };
      localStorage.setItem(this.storageKey, JSON.stringify(stored));
    } catch {
      // Storage may be unavailable (privacy settings); the clock still works in memory.
    }
  }

  private restore(): void {
    try {
      const raw = localStorage.getItem(this.storageKey);
      if (!raw) return;
      const stored = JSON.parse(raw) as StoredClock;
      if (!stored?.snapshot || typeof stored.at !== 'number' || Date.now() - stored.at > STALE_AFTER_MS) return;
      this.clock.restore(stored.snapshot, stored.at);
    } catch {
      // A damaged entry is ignored.
    }
  }
}
