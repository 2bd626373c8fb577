// The rehearsal report's charts (electron/sidecar/rehearsal-chart.ts): one bar per section with
// the plan as an outline, over-plan bars marked, one column per slide against earlier runs, text
// labels and a description that says the numbers in words, and markup that escapes titles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { svgFind, svgMarkup, type SvgNode } from '../../electron/contract/svg-model';
import { rehearsalCharts, sectionChart, slideChart, slideHistory, tickStep } from '../../electron/sidecar/rehearsal-chart';
import { formatMs, rehearsalReport, type ReportSlideInput } from '../../electron/sidecar/rehearsal-report';
import type { RehearsalRun } from '../../electron/sidecar/rehearsals';

const slides: ReportSlideInput[] = [
  { index: 0, title: 'Opening', section: 'Intro' },
  { index: 1, title: 'Why <this> & that', section: 'Intro' },
  { index: 2, title: 'Cohort', section: 'Methods' },
  { index: 3, title: 'Results', section: 'Results' },
  { index: 4, title: 'Spare', section: 'Results', backup: true },
];
const run = (startedAt: string, ms: number[]): RehearsalRun => ({
  startedAt,
  totalMs: ms.reduce((a, b) => a + b, 0),
  slides: ms.map((m, index) => ({ index, title: slides[index]!.title, section: slides[index]!.section, ms: m, steps: [m] })),
});
const earlier = [run('2026-11-01T10:00:00.000Z', [50_000, 100_000, 60_000, 90_000]), run('2026-11-02T10:00:00.000Z', [70_000, 140_000, 60_000, 120_000])];
const last = run('2026-11-03T10:00:00.000Z', [60_000, 240_000, 30_000, 120_000]);
// 8 minutes over 4 slides: 2:00 each; Intro has 4:00 planned and 5:00 rehearsed.
const report = rehearsalReport(slides, 8, [], last);

const byClass = (node: SvgNode, cls: string): SvgNode[] => svgFind(node, (n) => String(n.attrs?.class ?? '').split(' ').includes(cls));

test('sections: one row per section with planned and rehearsed, over plan marked, numbers as in the table', () => {
  const chart = sectionChart(report);
  const rows = byClass(chart, 'chart-section');
  assert.deepEqual(rows.map((r) => [r.attrs!['data-section'], r.attrs!['data-planned-ms'], r.attrs!['data-rehearsed-ms']]), [
    ['Intro', 240_000, 300_000],
    ['Methods', 120_000, 30_000],
    ['Results', 120_000, 120_000],
  ]);
  assert.equal(byClass(chart, 'chart-planned').length, 3);
  const bars = byClass(chart, 'chart-rehearsed');
  assert.equal(bars.length, 3);
  assert.deepEqual(bars.map((b) => String(b.attrs!.class).includes('chart-over')), [true, false, false]);
  // Bars share one scale: Intro's rehearsed bar (5:00, the longest) is the widest, 10x Methods' 0:30.
  const widths = bars.map((b) => Number(b.attrs!.width));
  assert.ok(Math.abs(widths[0]! / widths[1]! - 10) < 0.05, String(widths));
  const values = byClass(chart, 'chart-value').map((t) => t.text);
  assert.deepEqual(values, ['5:00 of 4:00 +1:00', '0:30 of 2:00 -1:30', '2:00 of 2:00 +0:00']);
  assert.equal(chart.attrs!.role, 'img');
  const desc = svgFind(chart, (n) => n.tag === 'desc')[0]!.text ?? '';
  assert.match(desc, /3 sections against the planned time\. 1 over plan\. 1\. Intro: 5:00 of 4:00 \(\+1:00\)/);
});

test('sections without a plan: bars only, no outline', () => {
  const unplanned = rehearsalReport(slides, undefined, [], last);
  const chart = sectionChart(unplanned);
  assert.equal(byClass(chart, 'chart-planned').length, 0);
  assert.equal(byClass(chart, 'chart-rehearsed').length, 3);
  assert.deepEqual(byClass(chart, 'chart-value').map((t) => t.text), ['5:00', '0:30', '2:00']);
});

test('slides: one column per talk slide against the previous run and the range of earlier ones', () => {
  const history = slideHistory(report, earlier);
  assert.deepEqual(history.map((h) => [h.row.number, h.previousMs, h.earliestMs, h.latestMs, h.runs]), [
    [1, 70_000, 50_000, 70_000, 2],
    [2, 140_000, 100_000, 140_000, 2],
    [3, 60_000, 60_000, 60_000, 2],
    [4, 120_000, 90_000, 120_000, 2],
  ]);
  const chart = slideChart(report, earlier);
  const columns = byClass(chart, 'chart-slide');
  assert.equal(columns.length, 4, 'the backup slide is not the talk');
  assert.equal(byClass(chart, 'chart-previous').length, 4);
  assert.equal(byClass(chart, 'chart-range').length, 4);
  // The slowest slide (2, +2:00 over plan) is numbered above its bar.
  assert.deepEqual(byClass(chart, 'chart-slowest').map((t) => t.text), ['2']);
  const heights = byClass(chart, 'chart-rehearsed').map((b) => Number(b.attrs!.height));
  assert.ok(Math.abs(heights[1]! / heights[2]! - 8) < 0.05, 'bar heights follow the times (4:00 against 0:30)');
  const tip = svgFind(columns[1]!, (n) => n.tag === 'title')[0]!.text;
  assert.equal(tip, '#2 Why <this> & that: 4:00, planned 2:00, previous run 2:20, 2 earlier runs 1:40 to 2:20');
  assert.match(svgFind(chart, (n) => n.tag === 'desc')[0]!.text ?? '', /4 slides in this run, against 2 earlier runs.*2 of 4 slides were faster than in the previous run\. Slowest against plan: slide 2/);
});

test('the first run has no ticks or whiskers', () => {
  const chart = slideChart(report, []);
  assert.equal(byClass(chart, 'chart-previous').length, 0);
  assert.equal(byClass(chart, 'chart-range').length, 0);
  assert.equal(byClass(chart, 'chart-rehearsed').length, 4);
});

test('markup escapes titles and labels each chart; 300 slides in 40 sections stay one column each', () => {
  const { sections, slides: strip } = rehearsalCharts(report, earlier);
  const markup = svgMarkup(strip);
  assert.ok(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.ok(markup.includes('Why &lt;this&gt; &amp; that'));
  assert.ok(!markup.includes('<this>'));
  assert.match(svgMarkup(sections), /aria-labelledby="rehearsal-sections-title rehearsal-sections-desc"/);

  const many: ReportSlideInput[] = Array.from({ length: 300 }, (_, i) => ({ index: i, title: `Slide ${i}`, section: `Part ${Math.floor(i / 7.5)}` }));
  const big = run('2026-11-04T10:00:00.000Z', []);
  big.slides = many.map((s, i) => ({ index: i, title: s.title, section: s.section, ms: 5_000 + (i % 13) * 4_000, steps: [] }));
  const bigReport = rehearsalReport(many, 45, [], big);
  assert.equal(bigReport.sections.length, 40);
  const bigCharts = rehearsalCharts(bigReport, [big]);
  assert.equal(byClass(bigCharts.sections, 'chart-section').length, 40);
  assert.equal(byClass(bigCharts.slides, 'chart-slide').length, 300);
  // Every column inside the viewBox.
  const right = Math.max(...byClass(bigCharts.slides, 'chart-rehearsed').map((b) => Number(b.attrs!.x) + Number(b.attrs!.width)));
  assert.ok(right <= 960, String(right));
});

test('axis steps: a handful of ticks whatever the range', () => {
  assert.equal(tickStep(50_000), 10_000);
  assert.equal(tickStep(5 * 60_000), 60_000);
  assert.equal(tickStep(45 * 60_000), 600_000);
  assert.equal(formatMs(tickStep(3 * 3600_000)), '30:00');
});

test('hundreds of slides: the previous run is one line, not a tick per slide', () => {
  const many: ReportSlideInput[] = Array.from({ length: 300 }, (_, i) => ({ index: i, title: `Slide ${i}`, section: `Part ${i % 3}` }));
  const timed = (ms: number): RehearsalRun => ({ startedAt: `2026-11-0${ms}T10:00:00.000Z`, totalMs: 0, slides: many.map((s) => ({ index: s.index, title: s.title, section: s.section, ms: ms * 1000, steps: [] })) });
  const chart = slideChart(rehearsalReport(many, undefined, [], timed(2)), [timed(1)]);
  const previous = byClass(chart, 'chart-previous');
  assert.equal(previous.length, 1);
  assert.equal(previous[0]!.tag, 'polyline');
  assert.equal(String(previous[0]!.attrs!.points).split(' ').length, 300);
});

test('the text chart: one bar per section on one scale, over plan and unused plan marked', async () => {
  const { formatSectionBars } = await import('../../electron/sidecar/rehearsal-text-chart');
  const lines = formatSectionBars(report, 20).split('\n');
  assert.match(lines[0]!, /^Sections at a glance \(█ rehearsed within plan, ▓ over plan/);
  // Intro 5:00 of 4:00 (the scale's 20 cells); Methods 0:30 of 2:00; Results 2:00 of 2:00.
  assert.equal(lines[1], '1  Intro    ████████████████▓▓▓▓  5:00 of 4:00');
  assert.equal(lines[2], '2  Methods  ██░░░░░░              0:30 of 2:00');
  assert.equal(lines[3], '3  Results  ████████              2:00 of 2:00');
  assert.equal(formatSectionBars(rehearsalReport(slides, undefined, [], last), 10).split('\n')[1], '1  Intro    ██████████  5:00');
});
