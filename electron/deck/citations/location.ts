// Where things are in a bibliography file: offsets to 1-based line:col, the start of each entry
// (so that problems the parser reports without a place, such as a duplicate key, point at the
// entry), and UTF-8 decoding that says where the first invalid byte sits.

export interface TextPosition {
  line: number;
  column: number;
}

/** Line starts of a text, for offset -> line:col in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

export interface EntryStart {
  key: string;
  /** Offset of the entry's `@`. */
  offset: number;
  /** Offset of the key itself. */
  keyOffset: number;
}

// `@type{key,` or `@type(key,` at the start of an entry; @string/@preamble/@comment have no key.
const ENTRY_START = /@[ \t]*([A-Za-z_][A-Za-z0-9_:+-]*)[ \t\r\n]*[{(][ \t\r\n]*([^,\s{}()]+)[ \t\r\n]*,/g;
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

/** Every data entry's `@` and key, in file order (duplicates included). */
export function bibtexEntryStarts(text: string): EntryStart[] {
  const out: EntryStart[] = [];
  for (const m of text.matchAll(ENTRY_START)) {
    if (NOT_ENTRIES.has((m[1] ?? '').toLowerCase())) continue;
    const key = m[2] ?? '';
    out.push({ key, offset: m.index, keyOffset: m.index + m[0].indexOf(key, 1 + (m[1] ?? '').length) });
  }
  return out;
}

/**
 * The first data entry whose braces do not balance before the next entry begins, with the
 * offset of the brace left open (or the stray closing one). The parser only notices later,
 * where it gets lost; the author needs the entry.
 */
export function findUnbalancedEntry(text: string, starts: readonly EntryStart[]): { entry: EntryStart; offset: number } | null {
  for (let i = 0; i < starts.length; i++) {
    const entry = starts[i]!;
    const end = starts[i + 1]?.offset ?? text.length;
    const first = text.indexOf('{', entry.offset);
    // `@type(key, ...)` entries are rare; their parentheses are left to the parser.
    if (first === -1 || first > entry.keyOffset) continue;
    const open: number[] = [];
    let closed = false;
    for (let j = first; j < end && !closed; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) j++;
      else if (c === 123 /* { */) open.push(j);
      else if (c === 125 /* } */) {
        open.pop();
        closed = open.length === 0;
      }
    }
    if (!closed) return { entry, offset: open[open.length - 1] ?? first };
  }
  return null;
}

export type DecodedText = { ok: true; text: string } | { ok: false; byteOffset: number; position: TextPosition };

/** Decodes UTF-8 (a BOM is dropped; UTF-16 with a BOM, as some exporters write, is accepted). */
export function decodeBibliographyBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Lossy decoding maps each invalid sequence to U+FFFD; the first U+FFFD whose bytes are not
    // a real EF BF BD is the culprit. Every U+FFFD before it is genuine, so byte lengths agree.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    let from = 0;
    let byteOffset = 0;
    for (let i = lossy.indexOf('\uFFFD'); i !== -1; i = lossy.indexOf('\uFFFD', i + 1)) {
      byteOffset += Buffer.byteLength(lossy.slice(from, i));
      from = i;
      if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) {
        return { ok: false, byteOffset, position: new LineIndex(lossy).at(i) };
      }
    }
    return { ok: false, byteOffset: 0, position: { line: 1, column: 1 } };
  }
}
