// The reader: the last trailer, the classic cross-reference tables (following /Prev, so the
// newest version of an object wins) and each object's place and tokens (syntax.ts). See index.ts
// for what it assumes of the files it reads.

import { refsWithin, scanObject, type ScannedObject } from './syntax';

export interface Trailer {
  size: number;
  root: string;
  /** Byte offset of the last cross-reference section. */
  startxref: number;
  /** Original Info dictionary reference, if any. */
  info?: string;
}

/** Reads the last trailer of a PDF with classic cross-reference tables (what Skia writes). */
export function readTrailer(pdf: Uint8Array): Trailer {
  // The trailer sits in the last few hundred bytes; latin1 keeps byte offsets equal to indices.
  const tailStart = Math.max(0, pdf.length - 2048);
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + tailStart, pdf.length - tailStart).toString('latin1');
  const startMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!startMatch || trailerAt < 0) {
    // Writers other than Skia often put the trailer in a cross-reference stream.
    throw new Error(`the printed PDF has no readable trailer${startMatch ? ' (a cross-reference stream?)' : ''}`);
  }
  const dict = tail.slice(trailerAt, startMatch.index);
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) throw new Error('the printed PDF trailer lacks /Size or /Root');
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict);
  const trailer: Trailer = { size: Number(size[1]), root: root[1]!, startxref: Number(startMatch[1]) };
  if (info) trailer.info = info[1]!;
  return trailer;
}

/** One object's place in the file: `N G obj` at `offset`, its tokenized body, its stream. */
export interface ObjectSpan extends ScannedObject {
  /** Offset of `N G obj`. */
  offset: number;
  /** Where the `endobj` keyword starts: a stream's bytes are [end, streamEnd), from `stream` on. */
  streamEnd: number;
  /** Just after `endobj`. */
  objEnd: number;
}

const OBJ_HEADER = /(\d+)\s+(\d+)\s+obj\b/y;
const STREAM_TAIL = /^\s*endstream\s*$/;

/** The objects of a PDF with classic cross-reference tables, newest version of each. */
export class PdfObjects {
  /** The whole file as latin1: string index = byte offset. */
  readonly text: string;
  readonly trailer: Trailer;
  private readonly offsets = new Map<number, number>();
  private readonly spans = new Map<number, ObjectSpan>();

  constructor(pdf: Uint8Array) {
    this.trailer = readTrailer(pdf);
    this.text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('latin1');
    let at = this.trailer.startxref;
    // Follow /Prev so objects replaced by later updates win (first seen is newest).
    for (let guard = 0; guard < 64 && at >= 0; guard++) {
      const xref = /^xref\s*\n/.exec(this.text.slice(at, at + 8));
      if (!xref) {
        const stream = /^\d+\s+\d+\s+obj/.test(this.text.slice(at, at + 24));
        throw new Error(`${stream ? 'a cross-reference stream' : 'no cross-reference table'} at byte ${at}, where a classic table was expected`);
      }
      let pos = at + xref[0].length;
      const sectionHead = /^(\d+) (\d+)\s*\n/;
      for (;;) {
        const head = sectionHead.exec(this.text.slice(pos, pos + 40));
        if (!head) break;
        pos += head[0].length;
        const first = Number(head[1]);
        const count = Number(head[2]);
        for (let i = 0; i < count; i++, pos += 20) {
          const entry = this.text.slice(pos, pos + 18);
          if (entry[17] === 'n' && !this.offsets.has(first + i)) this.offsets.set(first + i, Number(entry.slice(0, 10)));
        }
      }
      const trailerEnd = this.text.indexOf('startxref', pos);
      const prev = /\/Prev\s+(\d+)/.exec(this.text.slice(pos, trailerEnd));
      at = prev ? Number(prev[1]) : -1;
    }
  }

  has(num: number): boolean {
    return this.offsets.has(num);
  }

  /** Object numbers in use, in file order. */
  numbersInFileOrder(): number[] {
    return [...this.offsets.entries()].sort((a, b) => a[1] - b[1]).map(([num]) => num);
  }

  /** The body of object `num` (between `obj` and `endobj`), for a regular expression or two. */
  body(num: number): string {
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new Error(`the PDF lacks object ${num}`);
    const start = this.text.indexOf('obj', offset) + 3;
    const end = this.text.indexOf('endobj', start);
    if (start < 3 || end < 0) throw new Error(`the PDF's object ${num} is unreadable`);
    return this.text.slice(start, end).trim();
  }

  /** Object `num` tokenized, with where its stream (if any) and the object end. */
  span(num: number): ObjectSpan {
    let span = this.spans.get(num);
    if (!span) {
      span = this.readSpan(num);
      this.spans.set(num, span);
    }
    return span;
  }

  /** Page objects in document order, from the page-tree node `root` (a node without /Kids is a page). */
  pageObjects(root: number): number[] {
    const pages: number[] = [];
    const seen = new Set<number>();
    const stack = [root];
    while (stack.length > 0) {
      const num = stack.pop()!;
      if (seen.has(num)) throw new Error(`the page tree reaches object ${num} twice`);
      seen.add(num);
      const node = this.span(num);
      const kids = node.entries?.get('Kids');
      if (!kids) {
        if (!node.entries) throw new Error(`page object ${num} is not a dictionary`);
        pages.push(num);
        continue;
      }
      const children = refsWithin(node.refs, kids.valueStart, kids.valueEnd);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return pages;
  }

  private readSpan(num: number): ObjectSpan {
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new Error(`the PDF lacks object ${num}`);
    OBJ_HEADER.lastIndex = offset;
    const head = OBJ_HEADER.exec(this.text);
    if (!head || Number(head[1]) !== num) throw new Error(`the cross-reference table points object ${num} at byte ${offset}, where no such object starts`);
    let scanned: ScannedObject;
    try {
      scanned = scanObject(this.text, OBJ_HEADER.lastIndex);
    } catch (err) {
      throw new Error(`object ${num} is malformed: ${(err as Error).message}`);
    }
    let streamEnd = scanned.end;
    if (scanned.isStream) {
      const length = this.streamLength(num, scanned);
      let dataStart = scanned.end + 'stream'.length;
      if (this.text.charCodeAt(dataStart) === 0x0d) dataStart++; // CR
      if (this.text.charCodeAt(dataStart) === 0x0a) dataStart++; // LF
      const close = this.text.indexOf('endobj', dataStart + length);
      if (close < 0 || !STREAM_TAIL.test(this.text.slice(dataStart + length, close))) {
        throw new Error(`object ${num}'s stream does not end where its /Length ${length} says`);
      }
      streamEnd = close;
    }
    const { start, end, isStream, refs, entries, uris } = scanned;
    return { start, end, isStream, refs, entries, uris, offset, streamEnd, objEnd: streamEnd + 'endobj'.length };
  }

  private streamLength(num: number, scanned: ScannedObject): number {
    const entry = scanned.entries?.get('Length');
    const value = entry ? this.text.slice(entry.valueStart, entry.valueEnd) : '';
    const ref = /^(\d+)\s+\d+\s+R$/.exec(value);
    const length = ref ? Number(this.body(Number(ref[1]))) : /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(length)) throw new Error(`object ${num}'s stream has no readable /Length`);
    return length;
  }
}

/** The object number of a reference `N G R`. */
export const refNumber = (ref: string): number => Number(/^(\d+)/.exec(ref.trim())?.[1]);
