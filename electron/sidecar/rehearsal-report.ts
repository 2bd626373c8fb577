// The rehearsal report: per section and per slide of the talk, planned time (the presenter's
// pacing plan, contract/pacing.ts) against a rehearsed run, and the slides most over plan.
// Pure: the CLI prints it (`lectern rehearsals`), the presenter view can show it.

import { PacingPlan } from '../contract/pacing';
import type { SectionBudget } from '../deck/types';
import { runMatcher, type RehearsalRun } from './rehearsals';

export interface ReportSlideInput {
  index: number;
  title: string;
  section: string;
  backup?: boolean;
}

export interface ReportRow {
  /** 1-based slide number ('' for a section row). */
  number: number;
  title: string;
  section: string;
  /** Planned ms (null without a duration). */
  plannedMs: number | null;
  /** Rehearsed ms (null when the run did not show the slide). */
  rehearsedMs: number | null;
}

export interface RehearsalReport {
  startedAt: string;
  length?: string;
  totalMs: number;
  plannedTotalMs: number | null;
  sections: Array<{ title: string; plannedMs: number | null; rehearsedMs: number }>;
  slides: ReportRow[];
  /** The slides most over plan (or the longest, without a plan), at most five. */
  slowest: ReportRow[];
}

export function rehearsalReport(slides: readonly ReportSlideInput[], duration: number | undefined, budgets: readonly SectionBudget[], run: RehearsalRun): RehearsalReport {
  const talk = slides.filter((s) => !s.backup);
  const plan = duration ? new PacingPlan(talk, duration, budgets) : null;
  const match = runMatcher(run);
  const rows: ReportRow[] = talk.map((slide, i) => ({
    number: slide.index + 1,
    title: slide.title,
    section: slide.section,
    plannedMs: plan ? plan.plannedStartMs(i + 1) - plan.plannedStartMs(i) : null,
    rehearsedMs: match(slide)?.ms ?? null,
  }));
  const sections: RehearsalReport['sections'] = [];
  for (const row of rows) {
    let section = sections.at(-1);
    if (!section || section.title !== row.section) {
      section = { title: row.section, plannedMs: plan ? 0 : null, rehearsedMs: 0 };
      sections.push(section);
    }
    if (section.plannedMs !== null && row.plannedMs !== null) section.plannedMs += row.plannedMs;
    section.rehearsedMs += row.rehearsedMs ?? 0;
  }
  const over = (r: ReportRow): number => (r.rehearsedMs ?? 0) - (r.plannedMs ?? 0);
  const slowest = rows.filter((r) => r.rehearsedMs !== null && over(r) > 0).sort((a, b) => over(b) - over(a)).slice(0, 5);
  return {
    startedAt: run.startedAt,
    ...(run.length ? { length: run.length } : {}),
    totalMs: run.totalMs,
    plannedTotalMs: plan ? plan.totalMs : null,
    sections,
    slides: rows,
    slowest,
  };
}

/** m:ss (h:mm:ss past an hour). */
export function formatMs(ms: number | null): string {
  if (ms === null) return '-';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function diff(planned: number | null, rehearsed: number | null): string {
  if (planned === null || rehearsed === null) return '';
  const d = rehearsed - planned;
  return `${d >= 0 ? '+' : '-'}${formatMs(Math.abs(d))}`;
}

/** The report as a plain-text table. */
export function formatReport(report: RehearsalReport): string {
  const lines: string[] = [];
  lines.push(`Rehearsal of ${report.startedAt}${report.length ? ` (length ${report.length})` : ''}: ${formatMs(report.totalMs)}${report.plannedTotalMs !== null ? ` of ${formatMs(report.plannedTotalMs)} planned` : ''}`);
  const table = (head: string[], body: string[][]): void => {
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
    lines.push(line(head), ...body.map(line));
  };
  lines.push('', 'Sections');
  table(['', 'Section', 'Planned', 'Rehearsed', '±'], report.sections.map((s, i) => [String(i + 1), s.title || '(none)', formatMs(s.plannedMs), formatMs(s.rehearsedMs), diff(s.plannedMs, s.rehearsedMs)]));
  lines.push('', 'Slides');
  table(['#', 'Title', 'Planned', 'Rehearsed', '±'], report.slides.map((r) => [String(r.number), r.title || '(untitled)', formatMs(r.plannedMs), formatMs(r.rehearsedMs), diff(r.plannedMs, r.rehearsedMs)]));
  if (report.slowest.length) {
    lines.push('', 'Slowest slides (most over plan)');
    table(['#', 'Title', 'Planned', 'Rehearsed', '±'], report.slowest.map((r) => [String(r.number), r.title || '(untitled)', formatMs(r.plannedMs), formatMs(r.rehearsedMs), diff(r.plannedMs, r.rehearsedMs)]));
  }
  return `${lines.join('\n')}\n`;
}
