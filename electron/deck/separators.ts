// reveal-md's `separator`, `verticalSeparator` and `notesSeparator`: regular expressions written
// in a deck's front matter. They run on RE2 (re2-wasm), whose matching time is linear in the
// text for every pattern, so no pattern can hang the compiler (a backtracking engine takes
// minutes on `(a|a)*$` over a long deck; safe-regex2 lets that one through). What RE2 cannot
// run (backreferences, lookaround) is refused with a reason, as is a pattern that matches nothing.
import type { RE2 } from 're2-wasm';

// Loaded on first use: compiling the WebAssembly takes about half a second, which only decks
// with their own separators should pay.
let re2: typeof import('re2-wasm') | null = null;
function loadRe2(): typeof import('re2-wasm') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2 ??= require('re2-wasm') as typeof import('re2-wasm');
  return re2;
}

/** A compiled separator: every non-empty match in a text, as UTF-16 offsets. */
export interface TextPattern {
  /** The pattern as the author wrote it. */
  readonly source: string;
  matches(text: string): Array<{ start: number; end: number }>;
}

const MAX_PATTERN_LENGTH = 500;
/**
 * re2-wasm copies its whole input into WebAssembly on every call (about 9 ms per call on a
 * 130 KB deck), so asking it for each of 2,000 separators in turn took over a minute: it is
 * given windows of the text instead. A window's answer is the full text's for every match up to
 * MAX_MATCH characters long (proof in windowedMatches); no separator is anywhere near that.
 */
const WINDOW = 4096;
const MAX_MATCH = 1024;

/**
 * Compiles a separator pattern with reveal.js's flags (`mg` for slide separators, `mgi` for
 * notes). Returns the reason when it cannot be used.
 */
export function compileSeparator(source: string, ignoreCase: boolean): TextPattern | { error: string } {
  if (source.length > MAX_PATTERN_LENGTH) return { error: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    new RegExp(source, 'mg');
  } catch (err) {
    return { error: `not a valid regular expression (${err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err)})` };
  }
  let re: RE2;
  try {
    re = new (loadRe2().RE2)(source, ignoreCase ? 'gimu' : 'gmu');
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/\w*: /, '') : String(err);
    return { error: `not supported (${why}); Lectern runs separators in linear time, without backreferences or lookaround` };
  }
  const pattern: TextPattern = { source, matches: (text) => windowedMatches(re, text) };
  if (pattern.matches('\n').length === 0 && new (loadRe2().RE2)(source, 'u').test('')) {
    return { error: 'the pattern matches empty text, so it would split everywhere' };
  }
  return pattern;
}

/**
 * Every non-empty match, leftmost first, as a global RegExp would find them over the whole text.
 * Each search looks at a window [from, end). If it finds nothing, no match of at most MAX_MATCH
 * characters starts before end - MAX_MATCH (such a match would lie inside the window, its
 * boundary assertions too). If it finds a match ending by end - MAX_MATCH, no earlier match of
 * that size exists in the text, and the text's match at that start is the same unless the text's
 * is longer than MAX_MATCH. A match closer to the window's end is looked for again in a window
 * twice the size. A window starts one character before where the search resumes, so `^` and
 * `\b` there mean what they mean in the text.
 */
function windowedMatches(re: RE2, text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let pos = 0;
  let size = WINDOW;
  while (pos <= text.length) {
    // One character before pos: what `^` and `\b` look at there (RE2 has no other lookbehind).
    const from = Math.max(0, pos - 1);
    const end = Math.min(text.length, pos + size);
    const window = text.slice(from, end);
    const toUtf16 = codePointOffsets(window);
    re.lastIndex = codePointCount(window, pos - from);
    const m = re.exec(window);
    const atEnd = end === text.length;
    if (!m) {
      if (atEnd) break;
      pos = Math.max(pos, end - MAX_MATCH);
      size = WINDOW;
      continue;
    }
    const start = from + toUtf16(m.index);
    const stop = start + (m[0] ?? '').length;
    if (!atEnd && stop > end - MAX_MATCH) {
      size *= 2;
      continue;
    }
    if (stop > start) out.push({ start, end: stop });
    pos = stop > start ? stop : start + 1;
    size = WINDOW;
  }
  return out;
}

/** Code points in the first `units` UTF-16 units of `text`. */
function codePointCount(text: string, units: number): number {
  let n = 0;
  for (let i = 0; i < units; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < units) i++;
  }
  return n;
}

/** Code-point offset -> UTF-16 offset, for increasing or random offsets (O(n) once). */
function codePointOffsets(text: string): (codePoints: number) => number {
  // Without surrogate pairs the two counts agree.
  if (!/[\uD800-\uDFFF]/.test(text)) return (n) => n;
  const table: number[] = [];
  for (let i = 0; i < text.length; i++) {
    table.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  table.push(text.length);
  return (n) => table[n] ?? text.length;
}
