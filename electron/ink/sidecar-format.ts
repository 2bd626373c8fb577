// The ink sidecar, `<deck>.lectern-ink.json` beside the deck: what is drawn on each slide, kept
// between talks. Documented in docs/ink-sidecar.md. This module is pure (no Node, no DOM): it
// parses, checks, migrates and writes the text; reading and renaming files is file/sidecar-file.ts
// in the app and CLI, localStorage in the offline HTML.
//
// A file that is not JSON, is from a newer Lectern, or fails a check is refused as a whole with
// a reason naming the file and the place (the caller sets it aside; nothing is guessed from it).

import { SLIDE_FRAME } from '../contract/frame';
import { simplifyStroke } from './geometry';
import type { InkDocument, InkSlide, InkStroke } from './types';

export const INK_FORMAT = 'lectern-ink';
/** The version this Lectern writes. Older versions are migrated on read; newer ones are refused. */
export const INK_VERSION = 1;

/** Why a sidecar could not be used. */
export interface InkProblem {
  kind: 'corrupt' | 'newer' | 'invalid';
  /** `file:line:col: ...` or `file: slides["md:..."].strokes[2].points: ...`. */
  message: string;
}

export type InkParse = { ok: true; doc: InkDocument } | { ok: false; problem: InkProblem };

/** One step from version n to n+1, on the raw JSON value. */
export type InkMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they upgrade from. Version 1 is the first: none yet. */
const INK_MIGRATIONS: Readonly<Record<number, InkMigration>> = {};

class InkFormatError extends Error {
  constructor(readonly where: string, message: string) {
    super(message);
  }
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped, from V8's message ("at position 42" or "line 3 column 5"). */
function jsonErrorPlace(text: string, err: Error): string {
  const lc = /line (\d+) column (\d+)/.exec(err.message);
  if (lc) return `${lc[1]}:${lc[2]}`;
  const pos = /at position (\d+)/.exec(err.message);
  if (pos) {
    const { line, column } = lineColumn(text, Number(pos[1]));
    return `${line}:${column}`;
  }
  const { line, column } = lineColumn(text, text.length);
  return `${line}:${column}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function checkStroke(raw: unknown, where: string, sx: number, sy: number): InkStroke {
  if (!isObject(raw)) throw new InkFormatError(where, 'a stroke must be an object');
  const { id, color, width, points } = raw;
  if (typeof id !== 'string' || id === '') throw new InkFormatError(`${where}.id`, 'must be a non-empty string');
  if (typeof color !== 'string' || !COLOUR.test(color)) throw new InkFormatError(`${where}.color`, `must be a colour like "#e53935", not ${JSON.stringify(color)}`);
  if (typeof width !== 'number' || !(width > 0 && width <= 100)) throw new InkFormatError(`${where}.width`, 'must be a number of slide pixels between 0 and 100');
  if (!Array.isArray(points) || points.length < 2 || points.length % 2 !== 0) {
    throw new InkFormatError(`${where}.points`, 'must be a flat list of x, y pairs [x0, y0, x1, y1, ...]');
  }
  for (let i = 0; i < points.length; i++) {
    const n = points[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new InkFormatError(`${where}.points[${i}]`, `must be a number, not ${JSON.stringify(n)}`);
  }
  // The parsed array is ours: scaled in place, and only when the file's frame differs.
  if (sx !== 1 || sy !== 1) for (let i = 0; i < points.length; i++) points[i] = (points[i] as number) * (i % 2 === 0 ? sx : sy);
  return { id, color, width, points: points as number[] };
}

function checkSlide(key: string, raw: unknown, where: string, sx: number, sy: number): InkSlide {
  if (!isObject(raw)) throw new InkFormatError(where, 'must be an object with title, index and strokes');
  const title = typeof raw.title === 'string' ? raw.title : '';
  const index = Number.isInteger(raw.index) && (raw.index as number) >= 0 ? (raw.index as number) : -1;
  if (!Array.isArray(raw.strokes)) throw new InkFormatError(`${where}.strokes`, 'must be a list');
  const strokes = raw.strokes.map((s, i) => checkStroke(s, `${where}.strokes[${i}]`, sx, sy));
  return { key, title, index, strokes };
}

/** Brings a raw sidecar of an older version up to INK_VERSION (throws for newer or unknown). */
export function migrateInk(raw: Record<string, unknown>, migrations: Readonly<Record<number, InkMigration>> = INK_MIGRATIONS, target = INK_VERSION): Record<string, unknown> {
  let value = raw;
  let version = value.version;
  if (!Number.isInteger(version) || (version as number) < 1) throw new InkFormatError('version', `must be a whole number from 1, not ${JSON.stringify(version)}`);
  while ((version as number) < target) {
    const step = migrations[version as number];
    if (!step) throw new InkFormatError('version', `no migration from version ${version}`);
    value = step(value);
    if (value.version !== (version as number) + 1) throw new InkFormatError('version', `the migration from version ${version} did not reach ${(version as number) + 1}`);
    version = value.version;
  }
  return value;
}

/** Parses a sidecar's text. `file` names it in problems. */
export function parseInkSidecar(text: string, file: string, migrations: Readonly<Record<number, InkMigration>> = INK_MIGRATIONS): InkParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { ok: false, problem: { kind: 'corrupt', message: `${file}:${jsonErrorPlace(text, e)}: not valid JSON (${e.message})` } };
  }
  try {
    if (!isObject(raw) || raw.format !== INK_FORMAT) throw new InkFormatError('format', `must be "${INK_FORMAT}": this is not a Lectern ink file`);
    if (typeof raw.version === 'number' && raw.version > INK_VERSION) {
      return { ok: false, problem: { kind: 'newer', message: `${file}: version ${raw.version} was written by a newer Lectern (this one reads up to ${INK_VERSION}); it is kept as it is` } };
    }
    const current = migrateInk(raw, migrations);
    // Points are stored in the frame they were drawn in; another frame size is scaled to ours.
    let sx = 1;
    let sy = 1;
    if (current.frame !== undefined) {
      const f = current.frame;
      if (!Array.isArray(f) || f.length !== 2 || !f.every((n) => typeof n === 'number' && n > 0)) throw new InkFormatError('frame', 'must be [width, height] in px');
      sx = SLIDE_FRAME.width / (f[0] as number);
      sy = SLIDE_FRAME.height / (f[1] as number);
    }
    const deck = typeof current.deck === 'string' ? current.deck : '';
    const slides = new Map<string, InkSlide>();
    const seen = new Set<string>();
    for (const group of ['slides', 'orphans'] as const) {
      const entries = current[group];
      if (entries === undefined) continue;
      if (!isObject(entries)) throw new InkFormatError(group, 'must be an object keyed by slide key');
      for (const [key, value] of Object.entries(entries)) {
        const where = `${group}[${JSON.stringify(key)}]`;
        if (slides.has(key)) throw new InkFormatError(where, 'this slide key appears in both slides and orphans');
        const slide = checkSlide(key, value, where, sx, sy);
        for (const [i, s] of slide.strokes.entries()) {
          if (seen.has(s.id)) throw new InkFormatError(`${where}.strokes[${i}].id`, `stroke id ${JSON.stringify(s.id)} appears twice`);
          seen.add(s.id);
        }
        slides.set(key, slide);
      }
    }
    return { ok: true, doc: { deck, slides } };
  } catch (err) {
    if (err instanceof InkFormatError) return { ok: false, problem: { kind: 'invalid', message: `${file}: ${err.where}: ${err.message}` } };
    throw err;
  }
}

/**
 * The sidecar text for a document. Slides whose key `isCurrent` does not know (the deck no longer
 * has them) go under `orphans`: kept, never dropped, and back under `slides` if the slide returns.
 */
export function serializeInk(doc: InkDocument, isCurrent: (key: string) => boolean = () => true): string {
  const slides: Record<string, unknown> = {};
  const orphans: Record<string, unknown> = {};
  for (const [key, s] of doc.slides) {
    if (s.strokes.length === 0) continue;
    // Saved simplified (geometry.ts): smaller files and faster loads, the same line on screen.
    const strokes = s.strokes.map((st) => ({ id: st.id, color: st.color, width: st.width, points: simplifyStroke(st.points) }));
    (isCurrent(key) ? slides : orphans)[key] = { title: s.title, index: s.index, strokes };
  }
  return `${JSON.stringify({ format: INK_FORMAT, version: INK_VERSION, deck: doc.deck, frame: [SLIDE_FRAME.width, SLIDE_FRAME.height], slides, orphans })}\n`;
}

/** An empty document for a deck. */
export function emptyInk(deck: string): InkDocument {
  return { deck, slides: new Map() };
}

/**
 * Two versions of the ink together (two windows saving, or this session over the file): every
 * stroke either has, except those `removed` says this session took away (undo, clear). Slide
 * titles and indices come from `incoming`, the newer one.
 */
export function mergeInk(base: InkDocument, incoming: InkDocument, removed: ReadonlySet<string> = new Set()): InkDocument {
  const out = new Map<string, InkSlide>();
  for (const [key, s] of base.slides) {
    const strokes = s.strokes.filter((st) => !removed.has(st.id));
    out.set(key, { ...s, strokes });
  }
  for (const [key, s] of incoming.slides) {
    const prior = out.get(key);
    if (!prior) {
      out.set(key, { ...s, strokes: s.strokes.filter((st) => !removed.has(st.id)) });
      continue;
    }
    // A stroke saved while still being drawn has fewer points than its finished self.
    const fuller = new Map(s.strokes.map((st) => [st.id, st]));
    const kept = prior.strokes.map((st) => {
      const other = fuller.get(st.id);
      return other && other.points.length > st.points.length ? other : st;
    });
    const ids = new Set(prior.strokes.map((st) => st.id));
    const added = s.strokes.filter((st) => !ids.has(st.id) && !removed.has(st.id));
    out.set(key, { key, title: s.title, index: s.index, strokes: [...kept, ...added] });
  }
  return { deck: incoming.deck || base.deck, slides: out };
}
