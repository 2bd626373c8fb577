// The section chart in text, for `lectern rehearsals` under its table: one bar of block characters
// per section on one scale, rehearsed time within plan (█), over plan (▓), planned time not used (░).

import { formatMs, type RehearsalReport } from './rehearsal-report';

const TEXT_CHART_LEGEND = '█ rehearsed within plan, ▓ over plan, ░ planned but not used';

export function formatSectionBars(report: RehearsalReport, width = 40): string {
  if (!report.sections.length) return '';
  const maxMs = Math.max(1, ...report.sections.map((s) => Math.max(s.plannedMs ?? 0, s.rehearsedMs)));
  const cells = (ms: number): number => Math.round((ms / maxMs) * width);
  const names = report.sections.map((s, i) => `${String(i + 1).padStart(String(report.sections.length).length)}  ${s.title || '(none)'}`);
  const nameWidth = Math.min(36, Math.max(...names.map((n) => n.length)));
  const lines = report.sections.map((s, i) => {
    const rehearsed = cells(s.rehearsedMs);
    const planned = s.plannedMs === null ? rehearsed : cells(s.plannedMs);
    const bar = '█'.repeat(Math.min(rehearsed, planned)) + '▓'.repeat(Math.max(0, rehearsed - planned)) + '░'.repeat(Math.max(0, planned - rehearsed));
    const name = names[i]!.length > nameWidth ? `${names[i]!.slice(0, nameWidth - 1)}…` : names[i]!.padEnd(nameWidth);
    const numbers = s.plannedMs === null ? formatMs(s.rehearsedMs) : `${formatMs(s.rehearsedMs)} of ${formatMs(s.plannedMs)}`;
    return `${name}  ${bar.padEnd(width)}  ${numbers}`.trimEnd();
  });
  return `Sections at a glance (${report.plannedTotalMs === null ? '█ rehearsed' : TEXT_CHART_LEGEND})\n${lines.join('\n')}\n`;
}
