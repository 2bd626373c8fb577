// The rehearsal sidecar format (`<deck>.lectern-rehearsals.json`, beside the deck): pure data and
// its checks, no file access (rehearsal-file.ts reads and writes it), so the app, the CLI and the
// offline HTML can share it. Documented in docs/rehearsals.md.
//
// Version 1:
//   { "format": "lectern-rehearsals", "version": 1, "runs": [Run, ...] }   oldest run first
//   Run:   { "startedAt": ISO date, "length"?: talk length name, "totalMs": number,
//            "slides": [RunSlide, ...] }                                  in the order first shown
//   RunSlide: { "index": number, "title": string, "section": string, "ms": number,
//               "steps": [ms with no fragment shown, ms after fragment 1, ...] }

export const REHEARSALS_FORMAT = 'lectern-rehearsals';
export const REHEARSALS_VERSION = 1;
/** Runs kept per deck: the oldest go first when a new run would pass this. */
export const MAX_RUNS = 50;

export interface RunSlide {
  /** Position in reading order when rehearsed (0-based). */
  index: number;
  /** Title when rehearsed: matches the slide again after slides were added above it. */
  title: string;
  section: string;
  /** Time spent on the slide, over every visit. */
  ms: number;
  /** Time per fragment step: [0] before any fragment, [n] after fragment n. */
  steps: number[];
}

export interface RehearsalRun {
  startedAt: string;
  /** The talk length rehearsed (`lengths:`), when the deck has several. */
  length?: string;
  totalMs: number;
  slides: RunSlide[];
}

export interface RehearsalsFile {
  format: typeof REHEARSALS_FORMAT;
  version: typeof REHEARSALS_VERSION;
  runs: RehearsalRun[];
}

export function emptyRehearsals(): RehearsalsFile {
  return { format: REHEARSALS_FORMAT, version: REHEARSALS_VERSION, runs: [] };
}

/** Why a sidecar cannot be used as it is: it is set aside (renamed), never overwritten. */
export type RehearsalsProblem = { kind: 'corrupt'; detail: string } | { kind: 'newer'; version: number };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSlide(v: unknown, where: string): RunSlide | string {
  if (!isRecord(v)) return `${where} is not an object`;
  if (!isNumber(v.index) || !Number.isInteger(v.index)) return `${where}.index is not a slide index`;
  if (typeof v.title !== 'string' || typeof v.section !== 'string') return `${where} needs a title and a section (text)`;
  if (!isNumber(v.ms)) return `${where}.ms is not a duration`;
  if (!Array.isArray(v.steps) || !v.steps.every(isNumber)) return `${where}.steps is not a list of durations`;
  return { index: v.index, title: v.title, section: v.section, ms: v.ms, steps: [...v.steps] };
}

function checkRun(v: unknown, where: string): RehearsalRun | string {
  if (!isRecord(v)) return `${where} is not an object`;
  if (typeof v.startedAt !== 'string' || Number.isNaN(Date.parse(v.startedAt))) return `${where}.startedAt is not a date`;
  if (v.length !== undefined && typeof v.length !== 'string') return `${where}.length is not a length name`;
  if (!isNumber(v.totalMs)) return `${where}.totalMs is not a duration`;
  if (!Array.isArray(v.slides)) return `${where}.slides is not a list`;
  const slides: RunSlide[] = [];
  for (const [i, s] of v.slides.entries()) {
    const slide = checkSlide(s, `${where}.slides[${i}]`);
    if (typeof slide === 'string') return slide;
    slides.push(slide);
  }
  return { startedAt: v.startedAt, ...(typeof v.length === 'string' ? { length: v.length } : {}), totalMs: v.totalMs, slides };
}

/** Reads a sidecar's text: the runs, or why it must be set aside. */
export function parseRehearsals(text: string): { ok: true; file: RehearsalsFile } | { ok: false; problem: RehearsalsProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: { kind: 'corrupt', detail: `not JSON (${err instanceof Error ? err.message : String(err)})` } };
  }
  if (!isRecord(data) || data.format !== REHEARSALS_FORMAT) return { ok: false, problem: { kind: 'corrupt', detail: `not a ${REHEARSALS_FORMAT} file` } };
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) return { ok: false, problem: { kind: 'corrupt', detail: 'no version number' } };
  if (data.version > REHEARSALS_VERSION) return { ok: false, problem: { kind: 'newer', version: data.version } };
  // Version 1 is the first: older versions would be migrated here, one step at a time.
  if (!Array.isArray(data.runs)) return { ok: false, problem: { kind: 'corrupt', detail: 'runs is not a list' } };
  const runs: RehearsalRun[] = [];
  for (const [i, r] of data.runs.entries()) {
    const run = checkRun(r, `runs[${i}]`);
    if (typeof run === 'string') return { ok: false, problem: { kind: 'corrupt', detail: run } };
    runs.push(run);
  }
  return { ok: true, file: { format: REHEARSALS_FORMAT, version: REHEARSALS_VERSION, runs } };
}

/** The file with one more run (the oldest dropped past MAX_RUNS). */
export function addRun(file: RehearsalsFile, run: RehearsalRun): RehearsalsFile {
  const runs = [...file.runs, run];
  return { ...file, runs: runs.slice(Math.max(0, runs.length - MAX_RUNS)) };
}

/** Those of `runs` the file does not hold yet, each once (a run is known by its start time). */
export function runsNotIn(file: RehearsalsFile, runs: readonly RehearsalRun[]): RehearsalRun[] {
  const seen = new Set(file.runs.map((r) => r.startedAt));
  return runs.filter((r) => !seen.has(r.startedAt) && (seen.add(r.startedAt), true));
}

export function serializeRehearsals(file: RehearsalsFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** A slide of the deck as a run refers to it. */
export interface RunSlideRef {
  index: number;
  title: string;
  section: string;
  backup?: boolean;
}

/**
 * The run's entry for a slide: the one with its title and section (slides may have moved since),
 * else the one at its index with its title (untitled or repeated titles).
 */
function matchRunSlide(run: RehearsalRun, slide: RunSlideRef): RunSlide | undefined {
  return runMatcher(run)(slide);
}

/**
 * matchRunSlide for many slides of one run: the run's slides indexed once, so a report of 300
 * slides against 20 runs looks each up in a map instead of scanning every run's list per slide.
 */
export function runMatcher(run: RehearsalRun): (slide: RunSlideRef) => RunSlide | undefined {
  const byTitle = new Map<string, RunSlide | null>();
  const byIndex = new Map<number, RunSlide[]>();
  for (const s of run.slides) {
    const key = `${s.section}\0${s.title}`;
    // null: the title is not unique in its section, so it does not identify a slide.
    byTitle.set(key, byTitle.has(key) ? null : s);
    const at = byIndex.get(s.index);
    if (at) at.push(s);
    else byIndex.set(s.index, [s]);
  }
  return (slide) => {
    if (slide.title) {
      const hit = byTitle.get(`${slide.section}\0${slide.title}`);
      if (hit) return hit;
    }
    return byIndex.get(slide.index)?.find((s) => s.title === slide.title);
  };
}

/**
 * When the rehearsal reached `slide` (ms from its start): the time it spent on the talk's
 * slides before this one. Null when the run never showed this slide.
 */
export function rehearsedStartMs(run: RehearsalRun, slides: readonly RunSlideRef[], slide: RunSlideRef): number | null {
  const match = runMatcher(run);
  if (!match(slide)) return null;
  let t = 0;
  for (const s of slides) {
    if (s.index >= slide.index) break;
    if (!s.backup) t += match(s)?.ms ?? 0;
  }
  return t;
}

/**
 * Records a rehearsal: time per slide and per fragment step, from the moments the talk arrived
 * at each position. Pure (time is given), so the presenter view and tests share it.
 */
export class RehearsalRecorder {
  private readonly slides = new Map<number, RunSlide>();
  private readonly order: number[] = [];
  private current: { slide: RunSlideRef; f: number; since: number } | null = null;
  private readonly startedAtMs: number;

  constructor(startedAt: number, private readonly length?: string) {
    this.startedAtMs = startedAt;
  }

  /** The talk is at `slide`, fragment step `f` (-1: none shown), from time `now`. Backup slides are not the talk. */
  at(slide: RunSlideRef, f: number, now: number): void {
    this.close(now);
    this.current = slide.backup ? null : { slide, f, since: now };
  }

  /** Time stopped counting (a pause, a blackout): the current position stops accruing. */
  pause(now: number): void {
    if (!this.current) return;
    const { slide, f } = this.current;
    this.close(now);
    this.current = { slide, f, since: Number.POSITIVE_INFINITY };
  }

  resume(now: number): void {
    if (this.current) this.current.since = now;
  }

  finish(now: number): RehearsalRun {
    this.close(now);
    this.current = null;
    const slides = this.order.map((i) => this.slides.get(i)!).sort((a, b) => a.index - b.index);
    return {
      startedAt: new Date(this.startedAtMs).toISOString(),
      ...(this.length ? { length: this.length } : {}),
      totalMs: slides.reduce((t, s) => t + s.ms, 0),
      slides,
    };
  }

  private close(now: number): void {
    const c = this.current;
    if (!c || !Number.isFinite(c.since)) return;
    const spent = Math.max(0, now - c.since);
    let entry = this.slides.get(c.slide.index);
    if (!entry) {
      entry = { index: c.slide.index, title: c.slide.title, section: c.slide.section, ms: 0, steps: [] };
      this.slides.set(c.slide.index, entry);
      this.order.push(c.slide.index);
    }
    entry.ms += spent;
    const step = Math.max(0, c.f + 1);
    while (entry.steps.length <= step) entry.steps.push(0);
    entry.steps[step] = (entry.steps[step] ?? 0) + spent;
    c.since = now;
  }
}
