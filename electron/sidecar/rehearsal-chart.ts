// The rehearsal report as two charts a presenter reads at a glance (pure: an SVG tree, see
// contract/svg-model.ts; the presenter view draws it, `npm run bench` times it):
// - sections: one row per section, planned minutes as an outline ending in a marker, the
//   rehearsed time as a bar inside it, coloured differently when over plan, numbers beside it;
// - slides: one column per slide of the talk, this run's time as a bar, the previous run as a
//   tick and the earlier runs' range as a whisker, the slowest slides numbered above their bars.
// Each has a <title> and a <desc> that says in words what the picture shows (screen readers).

import { svgNumber, type SvgNode } from '../contract/svg-model';
import { formatMs, type RehearsalReport, type ReportRow } from './rehearsal-report';
import { runMatcher, type RehearsalRun } from './rehearsals';

/** The viewBox width: the chart scales to its box, so text keeps its proportion to the bars. */
const CHART_WIDTH = 960;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 180;
const ROW = 24;
const AXIS = 22;
const FONT = 13;
/** Characters of a section title before it is cut (the whole title is in the row's tooltip). */
const LABEL_CHARS = 34;

/** Steps for axis ticks, in ms: the first that gives at most `ticks` ticks is used. */
const STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);

export function tickStep(maxMs: number, ticks = 6): number {
  return STEPS.find((s) => maxMs / s <= ticks) ?? STEPS[STEPS.length - 1]!;
}

function cut(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

function signed(ms: number): string {
  return `${ms >= 0 ? '+' : '-'}${formatMs(Math.abs(ms))}`;
}

const text = (x: number, y: number, value: string, attrs: Record<string, string | number> = {}): SvgNode => ({
  tag: 'text',
  attrs: { x: svgNumber(x), y: svgNumber(y), 'font-size': FONT, fill: 'currentColor', ...attrs },
  text: value,
});

const line = (x1: number, y1: number, x2: number, y2: number, attrs: Record<string, string | number>): SvgNode => ({
  tag: 'line',
  attrs: { x1: svgNumber(x1), y1: svgNumber(y1), x2: svgNumber(x2), y2: svgNumber(y2), ...attrs },
});

const rect = (x: number, y: number, width: number, height: number, attrs: Record<string, string | number>): SvgNode => ({
  tag: 'rect',
  attrs: { x: svgNumber(x), y: svgNumber(y), width: svgNumber(Math.max(0, width)), height: svgNumber(Math.max(0, height)), ...attrs },
});

/** The chart's frame: a scalable <svg> with its title and description, labelled by them. */
function frame(id: string, height: number, title: string, desc: string, className: string, children: SvgNode[]): SvgNode {
  return {
    tag: 'svg',
    attrs: {
      viewBox: `0 0 ${CHART_WIDTH} ${svgNumber(height)}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      class: `rehearsal-chart ${className}`,
      'font-family': 'inherit',
    },
    children: [{ tag: 'title', attrs: { id: `${id}-title` }, text: title }, { tag: 'desc', attrs: { id: `${id}-desc` }, text: desc }, ...children],
  };
}

/** Vertical grid lines and their labels (minutes) along the top of a horizontal-bar chart. */
function timeAxis(x0: number, width: number, maxMs: number, height: number): SvgNode {
  const step = tickStep(maxMs);
  const children: SvgNode[] = [];
  for (let t = 0; t <= maxMs + 1; t += step) {
    const x = x0 + (t / maxMs) * width;
    children.push(line(x, AXIS - 4, x, height, { stroke: 'currentColor', 'stroke-opacity': 0.15 }));
    children.push(text(x, AXIS - 8, formatMs(t), { 'text-anchor': 'middle', 'font-size': FONT - 2, 'fill-opacity': 0.7 }));
  }
  return { tag: 'g', attrs: { class: 'chart-axis', 'aria-hidden': 'true' }, children };
}

/** Sections: planned (outline and end marker) against rehearsed (the bar), one row each. */
export function sectionChart(report: RehearsalReport, id = 'rehearsal-sections'): SvgNode {
  const x0 = LABEL_WIDTH;
  const width = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const maxMs = Math.max(60_000, ...report.sections.map((s) => Math.max(s.plannedMs ?? 0, s.rehearsedMs)));
  const height = AXIS + report.sections.length * ROW + 4;
  const scale = (ms: number): number => (ms / maxMs) * width;
  const over = report.sections.filter((s) => s.plannedMs !== null && s.rehearsedMs > s.plannedMs);
  const rows: SvgNode[] = report.sections.map((s, i) => {
    const y = AXIS + i * ROW;
    const name = s.title || '(no section)';
    const isOver = s.plannedMs !== null && s.rehearsedMs > s.plannedMs;
    const numbers = s.plannedMs === null ? formatMs(s.rehearsedMs) : `${formatMs(s.rehearsedMs)} of ${formatMs(s.plannedMs)} ${signed(s.rehearsedMs - s.plannedMs)}`;
    const children: SvgNode[] = [
      { tag: 'title', text: `${i + 1}. ${name}: ${s.plannedMs === null ? `${formatMs(s.rehearsedMs)} rehearsed` : `${formatMs(s.rehearsedMs)} rehearsed of ${formatMs(s.plannedMs)} planned`}` },
      text(x0 - 8, y + ROW / 2 + FONT / 2 - 2, `${i + 1}  ${cut(name, LABEL_CHARS)}`, { 'text-anchor': 'end' }),
    ];
    if (s.plannedMs !== null) {
      children.push(rect(x0, y + 3, scale(s.plannedMs), ROW - 6, { class: 'chart-planned', fill: 'none', stroke: 'currentColor', 'stroke-opacity': 0.55, rx: 2 }));
    }
    children.push(rect(x0, y + 7, scale(s.rehearsedMs), ROW - 14, { class: isOver ? 'chart-rehearsed chart-over' : 'chart-rehearsed', fill: isOver ? '#dc4a3d' : '#3b82c4' }));
    if (s.plannedMs !== null) {
      // The plan's end as a marker that stays visible where the bar runs past it.
      children.push(line(x0 + scale(s.plannedMs), y + 1, x0 + scale(s.plannedMs), y + ROW - 1, { class: 'chart-plan-mark', stroke: 'currentColor', 'stroke-width': 2 }));
    }
    children.push(text(CHART_WIDTH - VALUE_WIDTH + 8, y + ROW / 2 + FONT / 2 - 2, numbers, { class: isOver ? 'chart-value chart-over' : 'chart-value', 'font-variant-numeric': 'tabular-nums' }));
    return {
      tag: 'g',
      attrs: {
        class: 'chart-section',
        'data-section': name,
        'data-rehearsed-ms': Math.round(s.rehearsedMs),
        ...(s.plannedMs === null ? {} : { 'data-planned-ms': Math.round(s.plannedMs) }),
      },
      children,
    };
  });
  const desc = [
    `Rehearsed time of each of ${report.sections.length} section${report.sections.length === 1 ? '' : 's'}${report.plannedTotalMs === null ? '' : ' against the planned time'}.`,
    report.plannedTotalMs === null ? '' : over.length ? `${over.length} over plan.` : 'None over plan.',
    ...report.sections.map((s, i) => `${i + 1}. ${s.title || '(no section)'}: ${formatMs(s.rehearsedMs)}${s.plannedMs === null ? '' : ` of ${formatMs(s.plannedMs)} (${signed(s.rehearsedMs - s.plannedMs)})`}.`),
  ].filter(Boolean).join(' ');
  return frame(id, height, 'Sections: planned against rehearsed', desc, 'rehearsal-chart-sections', [timeAxis(x0, width, maxMs, height), ...rows]);
}

/** One slide's times: this run, the run before, and the range of all earlier runs. */
export interface SlideHistory {
  row: ReportRow;
  previousMs: number | null;
  earliestMs: number | null;
  latestMs: number | null;
  /** How many earlier runs showed the slide. */
  runs: number;
}

/** Each slide of the report against the earlier runs (oldest first), matched as the report matches. */
export function slideHistory(report: RehearsalReport, earlier: readonly RehearsalRun[]): SlideHistory[] {
  const matchers = earlier.map(runMatcher);
  return report.slides.map((row) => {
    const ref = { index: row.number - 1, title: row.title, section: row.section };
    let previousMs: number | null = null;
    let earliestMs: number | null = null;
    let latestMs: number | null = null;
    let runs = 0;
    for (const match of matchers) {
      const hit = match(ref);
      if (!hit) continue;
      runs++;
      previousMs = hit.ms;
      earliestMs = earliestMs === null ? hit.ms : Math.min(earliestMs, hit.ms);
      latestMs = latestMs === null ? hit.ms : Math.max(latestMs, hit.ms);
    }
    return { row, previousMs, earliestMs, latestMs, runs };
  });
}

const STRIP_LEFT = 52;
const STRIP_TOP = 22;
const STRIP_PLOT = 150;
const STRIP_BOTTOM = 40;

/** Slides: this run per slide (bars), the previous run (ticks), earlier runs' range (whiskers). */
export function slideChart(report: RehearsalReport, earlier: readonly RehearsalRun[], id = 'rehearsal-slides'): SvgNode {
  const history = slideHistory(report, earlier);
  const n = Math.max(1, history.length);
  const width = CHART_WIDTH - STRIP_LEFT - 8;
  const slot = width / n;
  const barWidth = Math.max(1, Math.min(28, slot * 0.7));
  const dense = slot < 8;
  const maxMs = Math.max(10_000, ...history.map((h) => Math.max(h.row.rehearsedMs ?? 0, h.latestMs ?? 0)));
  const bottom = STRIP_TOP + STRIP_PLOT;
  const y = (ms: number): number => bottom - (ms / maxMs) * STRIP_PLOT;
  const slowest = new Map(report.slowest.map((r, i) => [r.number, i]));
  const height = bottom + STRIP_BOTTOM;

  const axis: SvgNode[] = [];
  const step = tickStep(maxMs, 4);
  for (let t = 0; t <= maxMs + 1; t += step) {
    axis.push(line(STRIP_LEFT, y(t), CHART_WIDTH - 8, y(t), { stroke: 'currentColor', 'stroke-opacity': t === 0 ? 0.5 : 0.15 }));
    axis.push(text(STRIP_LEFT - 6, y(t) + 4, formatMs(t), { 'text-anchor': 'end', 'font-size': FONT - 2, 'fill-opacity': 0.7 }));
  }
  // Section boundaries, numbered as in the section chart, and the first and last slide numbers.
  const sections: SvgNode[] = [];
  let start = 0;
  let sectionNumber = 0;
  for (let i = 0; i <= history.length; i++) {
    const here = history[i];
    const prev = history[i - 1];
    if (i > 0 && here && prev && here.row.section === prev.row.section) continue;
    if (i > 0) {
      const mid = STRIP_LEFT + ((start + i) / 2) * slot;
      if ((i - start) * slot >= 14) sections.push(text(mid, bottom + 16, String(sectionNumber), { 'text-anchor': 'middle', 'font-size': FONT - 2, 'fill-opacity': 0.7 }));
    }
    if (i < history.length && i > 0) sections.push(line(STRIP_LEFT + i * slot, STRIP_TOP - 4, STRIP_LEFT + i * slot, bottom + 20, { stroke: 'currentColor', 'stroke-opacity': 0.3, 'stroke-dasharray': '3 3' }));
    sectionNumber++;
    start = i;
  }
  sections.push(text(STRIP_LEFT, bottom + 34, `slide ${history[0]?.row.number ?? ''}`, { 'font-size': FONT - 2, 'fill-opacity': 0.7 }));
  sections.push(text(CHART_WIDTH - 8, bottom + 34, `slide ${history.at(-1)?.row.number ?? ''}  ·  numbers under the bars: sections`, { 'text-anchor': 'end', 'font-size': FONT - 2, 'fill-opacity': 0.7 }));

  const columns: SvgNode[] = history.map((h, i) => {
    const cx = STRIP_LEFT + (i + 0.5) * slot;
    const { row } = h;
    const isOver = row.rehearsedMs !== null && row.plannedMs !== null && row.rehearsedMs > row.plannedMs;
    const rank = slowest.get(row.number);
    const parts = [`#${row.number} ${row.title || '(untitled)'}: ${row.rehearsedMs === null ? 'not shown in this run' : formatMs(row.rehearsedMs)}`];
    if (row.plannedMs !== null) parts.push(`planned ${formatMs(row.plannedMs)}`);
    if (h.previousMs !== null) parts.push(`previous run ${formatMs(h.previousMs)}`);
    if (h.runs > 1) parts.push(`${h.runs} earlier runs ${formatMs(h.earliestMs)} to ${formatMs(h.latestMs)}`);
    const children: SvgNode[] = [{ tag: 'title', text: parts.join(', ') }];
    // An invisible full-height target so the tooltip is reachable over a short bar.
    children.push(rect(STRIP_LEFT + i * slot, STRIP_TOP, slot, STRIP_PLOT, { fill: 'transparent' }));
    if (h.runs > 1 && h.earliestMs !== null && h.latestMs !== null) {
      children.push(line(cx, y(h.earliestMs), cx, y(h.latestMs), { class: 'chart-range', stroke: 'currentColor', 'stroke-opacity': dense ? 0.3 : 0.45, 'stroke-width': Math.max(1, Math.min(3, barWidth / 3)) }));
    }
    if (row.rehearsedMs !== null) {
      children.push(rect(cx - barWidth / 2, y(row.rehearsedMs), barWidth, bottom - y(row.rehearsedMs), { class: isOver ? 'chart-rehearsed chart-over' : 'chart-rehearsed', fill: isOver ? '#dc4a3d' : '#3b82c4', 'fill-opacity': 0.85 }));
    }
    if (h.previousMs !== null && !dense) {
      const half = Math.max(2, Math.min(slot / 2, barWidth / 2 + 3));
      children.push(line(cx - half, y(h.previousMs), cx + half, y(h.previousMs), { class: 'chart-previous', stroke: 'currentColor', 'stroke-width': 2 }));
    }
    if (rank !== undefined && row.rehearsedMs !== null) {
      // Alternate heights so neighbouring slow slides' numbers do not overlap.
      children.push(text(cx, Math.max(STRIP_TOP - 6, y(row.rehearsedMs) - 4 - (rank % 2) * 12), String(row.number), { class: 'chart-slowest', 'text-anchor': 'middle', 'font-size': FONT - 1, 'font-weight': 700 }));
    }
    return { tag: 'g', attrs: { class: rank === undefined ? 'chart-slide' : 'chart-slide chart-slow', 'data-slide': row.number }, children };
  });

  // Past a few pixels a slide, ticks turn into noise: the previous run becomes one line instead.
  const previousLine: SvgNode[] = [];
  if (dense) {
    const points = history.flatMap((h, i) => (h.previousMs === null ? [] : [`${svgNumber(STRIP_LEFT + (i + 0.5) * slot)},${svgNumber(y(h.previousMs))}`]));
    if (points.length > 1) previousLine.push({ tag: 'polyline', attrs: { class: 'chart-previous', points: points.join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': 1.2, 'stroke-opacity': 0.8 } });
  }

  const withPrevious = history.filter((h) => h.previousMs !== null && h.row.rehearsedMs !== null);
  const faster = withPrevious.filter((h) => (h.row.rehearsedMs ?? 0) < (h.previousMs ?? 0)).length;
  const desc = [
    `Rehearsed time of each of ${history.length} slides in this run${earlier.length ? `, against ${earlier.length} earlier run${earlier.length === 1 ? '' : 's'} (a tick or a line marks the previous run, a whisker the range of earlier runs)` : ''}.`,
    withPrevious.length ? `${faster} of ${withPrevious.length} slides were faster than in the previous run.` : '',
    report.slowest.length ? `Slowest against plan: ${report.slowest.map((r) => `slide ${r.number} ${r.title || '(untitled)'} ${formatMs(r.rehearsedMs)}${r.plannedMs === null ? '' : ` of ${formatMs(r.plannedMs)}`}`).join('; ')}.` : '',
  ].filter(Boolean).join(' ');
  return frame(id, height, 'Slides: this run against the earlier runs', desc, 'rehearsal-chart-slides', [
    { tag: 'g', attrs: { class: 'chart-axis', 'aria-hidden': 'true' }, children: [...axis, ...sections] },
    { tag: 'g', attrs: { class: 'chart-slides' }, children: columns },
    ...previousLine,
  ]);
}

/** What the marks mean, shown beside each chart (the SVG's desc says it in words too). */
export const CHART_LEGENDS = {
  sections: 'Outline ending in a line: planned time. Bar: rehearsed time, blue within plan, red over it.',
  slides: 'Bar: this run (red: over plan). Tick (a line, with many slides): the previous run. Grey whisker: the range of earlier runs. Bold numbers: the slowest slides.',
} as const;

/** Both charts of a report; `earlier`: the runs before this one, oldest first (same length). */
export function rehearsalCharts(report: RehearsalReport, earlier: readonly RehearsalRun[]): { sections: SvgNode; slides: SvgNode } {
  return { sections: sectionChart(report), slides: slideChart(report, earlier) };
}
