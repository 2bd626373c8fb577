// Joins the PDFs of a deck printed in parts (contract/print.ts) into one: every object of every
// part is renumbered into one sequence and copied (stream bytes verbatim, never decompressed),
// under a new catalog and page-tree root. Written by hand like the rest of this module (index.ts
// says why and what it assumes).
//
// Links to slides in other parts arrive as URI links (PART_LINK_PREFIX); `resolveLink` names
// their page in the joined document and they become GoTo links. The joined catalog has no tag
// tree (/StructTreeRoot, /MarkInfo, /StructParent(s)) and no /Outlines: parts print untagged,
// tag trees are not merged, and the exporter writes the bookmarks itself (update.ts).
// Objects reachable only through what is dropped (structure elements, the parts' own outlines,
// later parts' /Info) are not copied.

import { PdfObjects, refNumber, type ObjectSpan } from './objects';
import { decodePdfString, refsWithin, scanObject, type DictEntry } from './syntax';
import { PdfWriter } from './writer';

export interface MergeOptions {
  /** The 0-based page of the joined document a link URI stands for, or undefined to keep it. */
  resolveLink?: (uri: string) => number | undefined;
}

/** A change to an object's text: [start, end) becomes `text` (a function: known only once numbered). */
interface Edit {
  start: number;
  end: number;
  text: string | (() => string);
}

// The joined file's own objects come first: catalog, page-tree root, named destinations.
const CATALOG_NUM = 1;
const PAGES_NUM = 2;

/** Catalog entries worth keeping from the first part; the rest is rebuilt or dropped. */
const KEPT_CATALOG_KEYS = ['ViewerPreferences', 'Lang', 'PageLayout'];

class Part {
  readonly objects: PdfObjects;
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly minorVersion: number;
  readonly catalogNum: number;
  readonly catalog: ObjectSpan;
  readonly pagesRoot: number;
  readonly pages: number[];
  /** Objects to copy, tokenized, by object number. */
  readonly reached = new Map<number, ObjectSpan>();
  readonly edits = new Map<number, Edit[]>();
  /** Objects the joined file replaces (the catalog, /Dests) -> their joined object number. */
  readonly joinedAs = new Map<number, number>();
  /** Old object number -> number in the joined file (absent: not copied; refs become null). */
  renumbered = new Map<number, number>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    const header = /^%PDF-1\.(\d)/.exec(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.length)).toString('latin1'));
    if (!header) throw new Error('not a PDF (no %PDF-1.x header)');
    this.minorVersion = Number(header[1]);
    this.objects = new PdfObjects(bytes);
    this.text = this.objects.text;
    if (/\/Encrypt\b/.test(this.text.slice(this.text.lastIndexOf('trailer')))) throw new Error('the PDF is encrypted');
    this.catalogNum = refNumber(this.objects.trailer.root);
    this.catalog = this.span(this.catalogNum);
    const pages = this.catalog.entries?.get('Pages');
    const pagesRoot = pages ? /^(\d+)\s+\d+\s+R$/.exec(this.value(pages)) : null;
    if (!pagesRoot) throw new Error(`the catalog (object ${this.catalogNum}) has no /Pages reference`);
    this.pagesRoot = Number(pagesRoot[1]);
    this.pages = this.objects.pageObjects(this.pagesRoot);
    if (this.pages.length === 0) throw new Error('the PDF has no pages');
  }

  span(num: number): ObjectSpan {
    return this.objects.span(num);
  }

  value(entry: DictEntry): string {
    return this.text.slice(entry.valueStart, entry.valueEnd);
  }
}

/** Joins PDF parts printed by Chromium into one PDF, pages in order. */
export function mergePdfs(parts: readonly Uint8Array[], options: MergeOptions = {}): Uint8Array {
  if (parts.length === 0) throw new Error('no PDF parts to join');
  if (parts.length === 1 && !options.resolveLink) return parts[0]!;
  const inPart = <T>(i: number, work: () => T): T => {
    try {
      return work();
    } catch (err) {
      throw new Error(`PDF part ${i + 1} of ${parts.length}: ${(err as Error).message}`);
    }
  };
  const read = parts.map((bytes, i) => inPart(i, () => new Part(bytes)));

  // Every page of the joined document, by 0-based index: [part, object number].
  const pageAt: Array<[Part, number]> = read.flatMap((part) => part.pages.map((num): [Part, number] => [part, num]));
  const destsNum = read.some((part) => part.catalog.entries?.has('Dests')) ? 3 : 0;

  // Named destinations of all parts in one dictionary; a name seen before keeps its first target.
  const dests: Array<{ part: Part; key: string; entry: DictEntry; refs: readonly number[] }> = [];
  const destNames = new Set<string>();
  let linksResolved = 0;

  read.forEach((part, i) =>
    inPart(i, () => {
      const roots: number[] = [part.pagesRoot];
      part.joinedAs.set(part.catalogNum, CATALOG_NUM);
      const destsEntry = part.catalog.entries?.get('Dests');
      if (destsEntry) {
        const destsRef = /^(\d+)\s+\d+\s+R$/.exec(part.value(destsEntry));
        const dict = destsRef ? part.span(Number(destsRef[1])) : scanObject(part.text, destsEntry.valueStart, true);
        if (!dict.entries) throw new Error('the catalog /Dests is not a dictionary');
        for (const [key, entry] of dict.entries) {
          roots.push(...refsWithin(dict.refs, entry.valueStart, entry.valueEnd));
          if (destNames.has(key)) continue;
          destNames.add(key);
          dests.push({ part, key, entry, refs: dict.refs });
        }
        if (destsRef) part.joinedAs.set(Number(destsRef[1]), destsNum);
      }
      if (i === 0) {
        for (const key of KEPT_CATALOG_KEYS) {
          const entry = part.catalog.entries?.get(key);
          if (entry) roots.push(...refsWithin(part.catalog.refs, entry.valueStart, entry.valueEnd));
        }
        if (part.objects.trailer.info) roots.push(refNumber(part.objects.trailer.info));
      }
      linksResolved += collect(part, roots, options.resolveLink, pageAt);
    }),
  );
  if (read.length === 1 && linksResolved === 0) return parts[0]!;

  // Number the copied objects: part by part, in each part's file order.
  let next = destsNum ? destsNum + 1 : PAGES_NUM + 1;
  const copyOrder = read.map((part) => {
    const order = [...part.reached.entries()].sort((a, b) => a[1].offset - b[1].offset);
    part.renumbered = new Map(part.joinedAs);
    for (const [num] of order) part.renumbered.set(num, next++);
    return order;
  });

  const out = new PdfWriter(Math.max(...read.map((p) => p.minorVersion)));
  const first = read[0]!;
  let catalog = `<</Type /Catalog /Pages ${PAGES_NUM} 0 R`;
  if (destsNum) catalog += ` /Dests ${destsNum} 0 R`;
  for (const key of KEPT_CATALOG_KEYS) {
    const entry = first.catalog.entries?.get(key);
    if (entry) catalog += `\n/${key} ${rewrite(first, first.catalog.refs, [], entry.valueStart, entry.valueEnd)}`;
  }
  out.object(CATALOG_NUM, `${catalog}>>`);
  out.object(PAGES_NUM, `<</Type /Pages /Kids [${read.map((p) => refTo(p, p.pagesRoot)).join(' ')}] /Count ${pageAt.length}>>`);
  if (destsNum) {
    const entries = dests.map(({ part, key, entry, refs }) => `/${key} ${rewrite(part, refs, [], entry.valueStart, entry.valueEnd)}`);
    out.object(destsNum, `<<${entries.join('\n')}>>`);
  }
  read.forEach((part, i) => {
    for (const [num, span] of copyOrder[i]!) {
      const body = rewrite(part, span.refs, part.edits.get(num) ?? [], span.start, span.end);
      out.object(part.renumbered.get(num)!, body, span.isStream ? part.bytes.subarray(span.end, span.streamEnd) : undefined);
    }
  });
  const info = first.objects.trailer.info ? first.renumbered.get(refNumber(first.objects.trailer.info)) : undefined;
  return out.finish(CATALOG_NUM, info);
}

/**
 * Walks the objects reachable from `roots` in one part, tokenizing each and noting its edits:
 * tag-tree keys removed, the part's page-tree root given the joined root as /Parent, and links
 * `resolveLink` knows turned into GoTo links. Returns how many links were resolved.
 */
function collect(
  part: Part,
  roots: number[],
  resolveLink: MergeOptions['resolveLink'],
  pageAt: ReadonlyArray<[Part, number]>,
): number {
  let resolved = 0;
  const stack = roots;
  while (stack.length > 0) {
    const num = stack.pop()!;
    if (part.reached.has(num) || part.joinedAs.has(num) || !part.objects.has(num)) continue;
    const span = part.span(num);
    part.reached.set(num, span);
    const edits: Edit[] = [];
    const entries = span.entries;
    if (entries) {
      for (const key of ['StructParent', 'StructParents']) {
        const entry = entries.get(key);
        if (entry) edits.push({ start: entry.keyStart, end: entry.valueEnd, text: '' });
      }
      if (num === part.pagesRoot) {
        const parent = entries.get('Parent');
        const text = () => `/Parent ${PAGES_NUM} 0 R`;
        if (parent) edits.push({ start: parent.keyStart, end: parent.valueEnd, text });
        else {
          const close = part.text.lastIndexOf('>>', span.end);
          edits.push({ start: close, end: close, text: () => ` ${text()}` });
        }
      }
      const action = entries.get('A');
      const subtype = entries.get('Subtype');
      if (resolveLink && action && subtype && part.value(subtype) === '/Link') {
        const page = linkTarget(part, span, action, resolveLink);
        if (page !== undefined && page >= 0 && page < pageAt.length) {
          const [targetPart, targetNum] = pageAt[page]!;
          edits.push({ start: action.keyStart, end: action.valueEnd, text: () => `/Dest [${refTo(targetPart, targetNum)} /XYZ null null null]` });
          resolved++;
        }
      }
    }
    if (edits.length > 0) {
      edits.sort((a, b) => a.start - b.start);
      part.edits.set(num, edits);
    }
    const refs = span.refs;
    for (let i = 0; i < refs.length; i += 3) {
      if (!edits.some((e) => e.end > e.start && refs[i]! >= e.start && refs[i]! < e.end)) stack.push(refs[i + 2]!);
    }
  }
  return resolved;
}

/** The page a link annotation's URI action stands for, if `resolveLink` knows its URI. */
function linkTarget(part: Part, annot: ObjectSpan, action: DictEntry, resolveLink: (uri: string) => number | undefined): number | undefined {
  let uris = annot.uris;
  let from = action.valueStart;
  let to = action.valueEnd;
  let dict: ObjectSpan | undefined;
  const ref = /^(\d+)\s+\d+\s+R$/.exec(part.value(action));
  if (ref && part.objects.has(Number(ref[1]))) {
    // An action object of its own.
    dict = part.span(Number(ref[1]));
    uris = dict.uris;
    from = dict.start;
    to = dict.end;
  }
  for (let i = 0; i < uris.length; i += 2) {
    if (uris[i]! >= from && uris[i + 1]! <= to) return resolveLink(decodePdfString(part.text.slice(uris[i], uris[i + 1])));
  }
  return undefined;
}

/** `text[from, to)` of a part with its references renumbered and `edits` applied. */
function rewrite(part: Part, refs: readonly number[], edits: readonly Edit[], from: number, to: number): string {
  const text = part.text;
  let out = '';
  let at = from;
  let e = 0;
  // Refs come sorted by position; skip those before `from` with a binary search.
  let lo = 0;
  let hi = refs.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid * 3]! < from) lo = mid + 1;
    else hi = mid;
  }
  for (let r = lo * 3; ; r += 3) {
    const refStart = r < refs.length && refs[r]! < to ? refs[r]! : to;
    // Edits that start before this ref (or the end).
    while (e < edits.length && edits[e]!.start <= refStart && edits[e]!.start < to) {
      const edit = edits[e++]!;
      if (edit.start < at) continue;
      out += text.slice(at, edit.start) + (typeof edit.text === 'string' ? edit.text : edit.text());
      at = edit.end;
    }
    if (refStart >= to) break;
    if (refStart < at) continue; // inside an edit
    out += text.slice(at, refStart) + refTo(part, refs[r + 2]!);
    at = refs[r + 1]!;
  }
  return out + text.slice(at, to);
}

function refTo(part: Part, num: number): string {
  const to = part.renumbered.get(num);
  return to ? `${to} 0 R` : 'null';
}
