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

export function serializeRehearsals(file: RehearsalsFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
