// PDF syntax, by hand: the tokenizer that finds an object's dictionary entries, indirect
// references and link URIs by text offset, without copying or decoding anything else. The file is
// read as latin1 text, so string indices are byte offsets and binary stream data passes through.

/** A top-level entry of an object's dictionary: `/Key value`, by text offsets. */
export interface DictEntry {
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

/** What the tokenizer found in one object (or one value), by text offsets. */
export interface ScannedObject {
  /** Where the scan started (just after `obj`). */
  start: number;
  /** Where the object's value ends: the `stream` or `endobj` keyword, or just after the value. */
  end: number;
  /** `stream` follows the dictionary. */
  isStream: boolean;
  /** Indirect references `N G R`, flattened: start, end (just after `R`), object number. */
  refs: number[];
  /** Entries of the dictionary the value is, if it is one. */
  entries: Map<string, DictEntry> | undefined;
  /** Strings that are the value of a /URI key anywhere in the object, flattened: start, end. */
  uris: number[];
}

const enum Ch {
  Nul = 0x00,
  Tab = 0x09,
  Lf = 0x0a,
  Ff = 0x0c,
  Cr = 0x0d,
  Space = 0x20,
  Percent = 0x25,
  LParen = 0x28,
  RParen = 0x29,
  Slash = 0x2f,
  Lt = 0x3c,
  Gt = 0x3e,
  LBracket = 0x5b,
  Backslash = 0x5c,
  RBracket = 0x5d,
  LBrace = 0x7b,
  RBrace = 0x7d,
}

// Character classes of PDF syntax, by byte: regular characters make up numbers, keywords and names.
const REGULAR = 0;
const SPACE = 1;
const DELIMITER = 2;
const CLASS = new Uint8Array(256);
for (const c of [Ch.Nul, Ch.Tab, Ch.Lf, Ch.Ff, Ch.Cr, Ch.Space]) CLASS[c] = SPACE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Tokenizes an object body from `start` (just after `obj`) up to its `stream` or `endobj`
 * keyword, or with `oneValue` a single dictionary or array starting at `start`. Skips literal
 * strings (nested parentheses, backslash escapes), hex strings, names and comments; records
 * indirect references and the top-level dictionary's entries. Stream data is never read. Only
 * dictionary keys are copied out of the text: this runs over every object of a joined export.
 */
export function scanObject(text: string, start: number, oneValue = false): ScannedObject {
  const refs: number[] = [];
  const uris: number[] = [];
  let entries: Map<string, DictEntry> | undefined;
  // The top-level dictionary's current key, and its value's extent once begun.
  let key: string | undefined;
  let keyStart = 0;
  let valueStart = -1;
  let valueEnd = 0;
  const closeEntry = () => {
    if (key !== undefined && valueStart >= 0) entries!.set(key, { keyStart, valueStart, valueEnd });
    key = undefined;
  };
  // Where the last two tokens are when they are unsigned integers (-1 otherwise), for `N G R`.
  let lastInt = -1;
  let prevInt = -1;
  let prevIntEnd = -1;
  let lastIntEnd = -1;
  let depth = 0;
  let afterUriKey = false;
  let firstToken = true;
  let pos = start;
  const n = text.length;
  for (;;) {
    while (pos < n && CLASS[text.charCodeAt(pos) & 0xff] === SPACE) pos++;
    if (pos >= n) throw new Error(`object at byte ${start} is not terminated`);
    const tokenStart = pos;
    const c = text.charCodeAt(pos);
    const depthBefore = depth;
    // Regular tokens: numbers, keywords, and names (with their '/').
    let regular = false;
    let integer = false;
    let isString = false;
    if (c === Ch.Percent) {
      while (pos < n && text.charCodeAt(pos) !== Ch.Lf && text.charCodeAt(pos) !== Ch.Cr) pos++;
      continue;
    } else if (c === Ch.LParen) {
      let nesting = 1;
      pos++;
      while (nesting > 0) {
        if (pos >= n) throw new Error(`string at byte ${tokenStart} is not terminated`);
        const d = text.charCodeAt(pos++);
        if (d === Ch.Backslash) pos++;
        else if (d === Ch.LParen) nesting++;
        else if (d === Ch.RParen) nesting--;
      }
      isString = true;
    } else if (c === Ch.Lt && text.charCodeAt(pos + 1) === Ch.Lt) {
      pos += 2;
      if (firstToken) entries = new Map();
      depth++;
    } else if (c === Ch.Lt) {
      const close = text.indexOf('>', pos);
      if (close < 0) throw new Error(`hex string at byte ${tokenStart} is not terminated`);
      pos = close + 1;
      isString = true;
    } else if (c === Ch.Gt) {
      if (text.charCodeAt(pos + 1) !== Ch.Gt) throw new Error(`stray '>' at byte ${pos}`);
      pos += 2;
      depth--;
    } else if (c === Ch.LBracket) {
      pos++;
      depth++;
    } else if (c === Ch.RBracket) {
      pos++;
      depth--;
    } else if (c === Ch.LBrace || c === Ch.RBrace || c === Ch.RParen) {
      // Braces belong to PostScript functions (in streams); a lone ')' is malformed but harmless.
      pos++;
    } else {
      regular = true;
      integer = isDigit(c);
      pos++;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (CLASS[d & 0xff] !== REGULAR) break;
        if (!isDigit(d)) integer = false;
        pos++;
      }
    }
    if (depth < 0) throw new Error(`unbalanced '${text[tokenStart]}' at byte ${tokenStart}`);
    const length = pos - tokenStart;
    if (
      regular && depth === 0 && !oneValue && length === 6 &&
      (text.startsWith('endobj', tokenStart) || text.startsWith('stream', tokenStart))
    ) {
      closeEntry();
      return { start, end: tokenStart, isStream: c === 0x73, refs, entries, uris };
    }
    firstToken = false;
    const isName = c === Ch.Slash;
    if (isString && afterUriKey) uris.push(tokenStart, pos);
    afterUriKey = isName && length === 4 && text.startsWith('/URI', tokenStart);

    if (regular && length === 1 && c === 0x52 /* R */) {
      if (prevInt >= 0 && lastInt >= 0) refs.push(prevInt, pos, Number(text.slice(prevInt, prevIntEnd)));
      prevInt = lastInt = -1;
    } else if (integer) {
      prevInt = lastInt;
      prevIntEnd = lastIntEnd;
      lastInt = tokenStart;
      lastIntEnd = pos;
    } else {
      prevInt = lastInt = -1;
    }

    if (entries !== undefined && depthBefore >= 1 && depthBefore <= 2) {
      if (depthBefore === 1 && depth === 0) {
        closeEntry();
      } else if (depthBefore === 1 && isName && (key === undefined || valueStart >= 0)) {
        closeEntry();
        key = text.slice(tokenStart + 1, pos);
        keyStart = tokenStart;
        valueStart = -1;
      } else if (key !== undefined && (depthBefore === 1 || depth === 1)) {
        // A token of the value, or the closing bracket of a nested value.
        if (valueStart < 0) valueStart = tokenStart;
        valueEnd = pos;
      }
    }
    if (oneValue && depth === 0 && depthBefore === 1) return { start, end: pos, isStream: false, refs, entries, uris };
  }
}

/** Object numbers of the references (flattened triples, as ScannedObject.refs) within [from, to). */
export function refsWithin(refs: readonly number[], from: number, to: number): number[] {
  const nums: number[] = [];
  for (let i = 0; i < refs.length; i += 3) if (refs[i]! >= from && refs[i + 1]! <= to) nums.push(refs[i + 2]!);
  return nums;
}

/** The bytes of a PDF literal `( )` or hex `< >` string, as latin1 text. */
export function decodePdfString(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
  }
  let out = '';
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = raw[++i]!;
    const octal = /^[0-7]{1,3}/.exec(raw.slice(i, Math.min(i + 3, raw.length - 1)));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (next === '\r') {
      if (raw[i + 1] === '\n') i++;
    } else if (next !== '\n') {
      out += escapes[next] ?? next;
    }
  }
  return out;
}
