// Rehearse mode in the presenter view (Shift+R; R is the laser): records the time on every slide and fragment step;
// Shift+R again (or the app's View > Rehearse) ends the run, saves it (rehearsal-store.ts) and
// shows the report: two charts (sections planned against rehearsed; slides against earlier runs,
// electron/sidecar/rehearsal-chart.ts), the table `lectern rehearsals` prints, and a download of
// the runs. The last
// run is what pacing compares with ("behind your rehearsal").

import type { Deck, Slide } from '../../electron/deck/types';
import { CHART_LEGENDS, rehearsalCharts } from '../../electron/sidecar/rehearsal-chart';
import { formatReport, rehearsalReport } from '../../electron/sidecar/rehearsal-report';
import { emptyRehearsals, RehearsalRecorder, type RehearsalRun, type RehearsalsFile } from '../../electron/sidecar/rehearsals';
import { el } from '../ui/dom';
import { svgFromTree } from '../ui/svg-tree';
import { downloadRuns, type RehearsalStore } from './rehearsal-store';

export class RehearseMode {
  private readonly overlay = el('div', { className: 'lectern-overlay rehearsal-report', attrs: { hidden: '', role: 'dialog', 'aria-label': 'Rehearsal report', 'data-testid': 'rehearsal-report' } });
  private recorder: RehearsalRecorder | null = null;
  private runs: RehearsalsFile = emptyRehearsals();
  private problem: string | undefined;

  constructor(
    root: HTMLElement,
    private deck: Deck,
    /** The header's REHEARSING badge. */
    private readonly badge: HTMLElement,
    private readonly store: RehearsalStore,
    /** The last run changed: pacing compares with it. */
    private readonly lastRunChanged: (run: RehearsalRun | null) => void,
  ) {
    root.append(this.overlay);
    void store.load().then((loaded) => {
      this.runs = loaded.runs;
      this.problem = loaded.problem;
      lastRunChanged(this.lastRun());
    });
  }

  get active(): boolean {
    return this.recorder !== null;
  }

  get reportOpen(): boolean {
    return !this.overlay.hidden;
  }

  setDeck(deck: Deck): void {
    this.deck = deck;
  }

  /** The last run of the length shown (or of any, when the deck has one length). */
  lastRun(): RehearsalRun | null {
    const length = this.deck.meta.length;
    return this.runs.runs.filter((r) => !length || !r.length || r.length === length).at(-1) ?? null;
  }

  /** R: start a run here, or end the running one (saved, then reported). */
  toggle(slide: Slide | undefined, f: number): void {
    if (this.recorder) {
      const run = this.recorder.finish(Date.now());
      this.recorder = null;
      this.badge.hidden = true;
      if (run.slides.length) {
        // Shown at once from memory; the saved file's runs follow.
        this.runs = { ...this.runs, runs: [...this.runs.runs, run] };
        this.showReport(run);
        void this.store.save(run).then((stored) => {
          this.runs = stored.runs;
          this.problem = stored.problem;
          this.lastRunChanged(this.lastRun());
          if (this.reportOpen) this.showReport(run);
        });
      }
      return;
    }
    this.closeReport();
    this.recorder = new RehearsalRecorder(Date.now(), this.deck.meta.length);
    this.badge.hidden = false;
    if (slide) this.recorder.at(slide, f, Date.now());
  }

  arrived(slide: Slide | undefined, f: number): void {
    if (this.recorder && slide) this.recorder.at(slide, f, Date.now());
  }

  /** The clock paused or resumed (a pause, a blackout): the run stops counting too. */
  paused(on: boolean): void {
    if (!this.recorder) return;
    if (on) this.recorder.pause(Date.now());
    else this.recorder.resume(Date.now());
  }

  closeReport(): void {
    this.overlay.hidden = true;
  }

  /** The runs before `run` of the same length, oldest first: what the slide chart compares with. */
  private earlierRuns(run: RehearsalRun): RehearsalRun[] {
    const length = this.deck.meta.length;
    const same = this.runs.runs.filter((r) => !length || !r.length || r.length === length);
    const at = same.findIndex((r) => r.startedAt === run.startedAt);
    return at >= 0 ? same.slice(0, at) : same;
  }

  private showReport(run: RehearsalRun): void {
    const report = rehearsalReport(this.deck.slides, this.deck.meta.duration, this.deck.meta.sections, run);
    const charts = rehearsalCharts(report, this.earlierRuns(run));
    const download = el('button', { className: 'lectern-button', text: 'Download rehearsals (JSON)', attrs: { type: 'button', 'data-testid': 'rehearsal-download' } });
    download.addEventListener('click', () => downloadRuns(this.deck.file, this.runs));
    const close = el('button', { className: 'lectern-button', text: 'Close (Esc)', attrs: { type: 'button' } });
    close.addEventListener('click', () => this.closeReport());
    const figure = (testId: string, caption: string, legend: string, svg: SVGElement): HTMLElement =>
      el('figure', { className: 'rehearsal-figure', attrs: { 'data-testid': testId } }, [el('figcaption', {}, [el('strong', { text: caption }), ` ${legend}`]), svg]);
    this.overlay.replaceChildren(
      el('div', { className: 'lectern-overlay-panel rehearsal-panel' }, [
        el('div', { className: 'rehearsal-head' }, [el('h2', { text: `Rehearsal ${this.runs.runs.length} of this deck` }), el('div', { className: 'clock-buttons' }, [download, close])]),
        el('div', { className: 'rehearsal-body' }, [
          ...(this.problem ? [el('p', { className: 'rehearsal-problem', text: this.problem })] : []),
          figure('rehearsal-chart-sections', 'Sections.', CHART_LEGENDS.sections, svgFromTree(charts.sections)),
          figure('rehearsal-chart-slides', 'Slides.', CHART_LEGENDS.slides, svgFromTree(charts.slides)),
          el('pre', { className: 'rehearsal-table', text: formatReport(report) }),
          el('p', { text: this.store.where }),
        ]),
      ]),
    );
    this.overlay.hidden = false;
  }
}
