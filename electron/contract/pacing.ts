// Shared by the presenter view (clock-panel.ts) and the rehearsal report (electron/sidecar).
// Pacing against the deck's planned duration: where the talk should be by now, overall and per
// section. Pure, no DOM. The plan spreads each section's budget evenly over its slides and the
// rest of the duration evenly over the other slides.

import type { SectionBudget } from '../deck/types';

export interface PacingSlide {
  section: string;
  /** A backup slide (after `<!-- backup -->`): outside the talk, so outside the plan. */
  backup?: boolean;
}

/** Time spent on backup slides is charged to no section of the talk. */
export const BACKUP_SECTION = '\0backup';

export type PaceState = 'ahead' | 'behind' | 'on-pace';

export interface PaceStatus {
  state: PaceState;
  /** Elapsed minus planned time at this slide: > 0 behind, < 0 ahead (ms). */
  deltaMs: number;
  /** Planned elapsed time when the current slide began (ms). */
  plannedMs: number;
  /** Planned time left after the current slide began (ms). */
  remainingMs: number;
}

export interface SectionPace {
  title: string;
  budgetMs: number;
  spentMs: number;
  /** Budget minus time spent (negative when over). */
  leftMs: number;
  over: boolean;
}

/** Within this margin the talk is on pace. */
export const ON_PACE_TOLERANCE_MS = 30_000;

const MINUTE = 60_000;

export class PacingPlan {
  /** Planned start of each slide (ms), plus the planned end at the last index + 1. */
  private readonly startsMs: number[];
  private readonly budgets: Map<string, number>;

  constructor(allSlides: readonly PacingSlide[], durationMinutes: number, sections: readonly SectionBudget[]) {
    // Backup slides come last and take no planned time: the plan is the talk's.
    const slides = allSlides.filter((s) => !s.backup);
    this.budgets = new Map(sections.map((s) => [s.title, s.minutes * MINUTE]));
    const perSection = new Map<string, number>();
    for (const slide of slides) perSection.set(slide.section, (perSection.get(slide.section) ?? 0) + 1);
    let budgeted = 0;
    let unbudgetedSlides = 0;
    for (const [title, count] of perSection) {
      const b = title ? this.budgets.get(title) : undefined;
      if (b !== undefined) budgeted += b;
      else unbudgetedSlides += count;
    }
    const total = durationMinutes * MINUTE;
    const restPerSlide = unbudgetedSlides > 0 ? Math.max(0, total - budgeted) / unbudgetedSlides : 0;
    this.startsMs = [0];
    let t = 0;
    for (const slide of slides) {
      const b = slide.section ? this.budgets.get(slide.section) : undefined;
      t += b !== undefined ? b / (perSection.get(slide.section) ?? 1) : restPerSlide;
      this.startsMs.push(t);
    }
  }

  get totalMs(): number {
    return this.startsMs[this.startsMs.length - 1] ?? 0;
  }

  plannedStartMs(slideIndex: number): number {
    const i = Math.min(Math.max(0, slideIndex), this.startsMs.length - 1);
    return this.startsMs[i] ?? 0;
  }

  status(elapsedMs: number, slideIndex: number): PaceStatus {
    const plannedMs = this.plannedStartMs(slideIndex);
    const nextMs = this.plannedStartMs(slideIndex + 1);
    // Still within the current slide's planned window counts as on plan.
    let deltaMs = 0;
    if (elapsedMs < plannedMs) deltaMs = elapsedMs - plannedMs;
    else if (elapsedMs > nextMs) deltaMs = elapsedMs - nextMs;
    const state: PaceState = Math.abs(deltaMs) <= ON_PACE_TOLERANCE_MS ? 'on-pace' : deltaMs > 0 ? 'behind' : 'ahead';
    return { state, deltaMs, plannedMs, remainingMs: Math.max(0, this.totalMs - plannedMs) };
  }

  budgetMs(section: string): number | undefined {
    return section ? this.budgets.get(section) : undefined;
  }
}

/** Time spent in each section, from the moments the talk entered and left it. */
export class SectionTimes {
  private readonly spent = new Map<string, number>();
  private current: string | null = null;
  private enteredAt = 0;

  /** The talk is at a slide of `section` at elapsed time `elapsedMs`. */
  visit(section: string, elapsedMs: number): void {
    if (section === this.current) return;
    this.close(elapsedMs);
    this.current = section;
    this.enteredAt = elapsedMs;
  }

  spentMs(section: string, elapsedMs: number): number {
    const before = this.spent.get(section) ?? 0;
    return section === this.current ? before + Math.max(0, elapsedMs - this.enteredAt) : before;
  }

  reset(): void {
    this.spent.clear();
    this.current = null;
    this.enteredAt = 0;
  }

  private close(elapsedMs: number): void {
    if (this.current === null) return;
    this.spent.set(this.current, (this.spent.get(this.current) ?? 0) + Math.max(0, elapsedMs - this.enteredAt));
  }
}

export function sectionPace(plan: PacingPlan, times: SectionTimes, section: string, elapsedMs: number): SectionPace | null {
  const budgetMs = plan.budgetMs(section);
  if (budgetMs === undefined) return null;
  const spentMs = times.spentMs(section, elapsedMs);
  return { title: section, budgetMs, spentMs, leftMs: budgetMs - spentMs, over: spentMs > budgetMs };
}
