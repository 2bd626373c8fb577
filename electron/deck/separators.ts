// reveal-md's `separator`, `verticalSeparator` and `notesSeparator`: regular expressions written
// in a deck's front matter. They run on RE2 (re2-wasm), whose matching time is linear in the
// text for every pattern, so no pattern can hang the compiler (a backtracking engine takes
// minutes on `(a|a)*$` over a long deck; safe-regex2 lets that one through). What RE2 cannot
// run (backreferences, lookaround) is refused with a reason, as is a pattern that matches nothing.
import { RE2 } from 're2-wasm';

/** A compiled separator: every non-empty match in a text, as UTF-16 offsets. */
export interface TextPattern {
  /** The pattern as the author wrote it. */
  readonly source: string;
  matches(text: string): Array<{ start: number; end: number }>;
}

const MAX_PATTERN_LENGTH = 500;

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
    re = new RE2(source, ignoreCase ? 'gimu' : 'gmu');
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/\w*: /, '') : String(err);
    return { error: `not supported (${why}); Lectern runs separators in linear time, without backreferences or lookaround` };
  }
  const pattern: TextPattern = {
    source,
    matches(text) {
      const out: Array<{ start: number; end: number }> = [];
      // RE2 counts code points; the deck is a UTF-16 string.
      const toUtf16 = codePointOffsets(text);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const whole = m[0] ?? '';
        if (whole === '') {
          re.lastIndex++;
          if (re.lastIndex > text.length) break;
          continue;
        }
        const start = toUtf16(m.index);
        out.push({ start, end: start + whole.length });
      }
      return out;
    },
  };
  if (pattern.matches('\n').length === 0 && new RE2(source, 'u').test('')) {
    return { error: 'the pattern matches empty text, so it would split everywhere' };
  }
  return pattern;
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
