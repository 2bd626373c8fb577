// What the exporter adds to a printed PDF, as one incremental update (writer.ts): bookmarks (the
// outline.ts tree: sections, their slides beneath) and the document information (title, author...). Chromium
// cannot set an author, and builds an outline only from a tagged PDF, which costs about a third
// of a 300-slide print; the print view knows which page each title lands on, so the outline is
// written here. The PDF is parsed once, however much is added.

import { PdfObjects, readTrailer, refNumber } from './objects';
import { outlineBodies, type OutlineEntry } from './outline';
import { appendUpdate, pdfTextString } from './writer';

export { pdfTextString };

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z)`
  );
}

function infoBody(info: PdfInfo, now: Date): string {
  const entries: string[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') entries.push(`/${key} ${pdfTextString(value)}`);
  };
  add('Title', info.title);
  add('Author', info.author);
  add('Subject', info.subject);
  add('Keywords', info.keywords);
  add('Creator', info.creator);
  add('Producer', 'Lectern (Chromium print pipeline)');
  entries.push(`/CreationDate ${pdfDate(now)}`, `/ModDate ${pdfDate(now)}`);
  return `<<${entries.join('\n')}>>`;
}

/** Whether the catalog already has an outline (a printer that built its own, from the tags). */
function catalogHasOutline(objects: PdfObjects): boolean {
  return /\/Outlines\s/.test(objects.body(refNumber(objects.trailer.root)));
}

/**
 * The objects of an outline of `entries` (a tree) numbered from `first` (entries on pages the PDF
 * lacks are dropped), the catalog replaced to point at it, added to `bodies`. Returns the next free number.
 */
function addOutline(objects: PdfObjects, entries: readonly OutlineEntry[], bodies: Map<number, string>, first: number): number {
  const rootNum = refNumber(objects.trailer.root);
  const catalog = objects.body(rootNum);
  if (!catalog.startsWith('<<') || !catalog.endsWith('>>')) throw new Error('the printed PDF catalog is unreadable');
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog);
  if (!pagesRef) throw new Error('the printed PDF catalog has no page tree');
  const outline = outlineBodies(entries, objects.pageObjects(Number(pagesRef[1])), first);
  if (!outline) return first;
  bodies.set(rootNum, `${catalog.slice(0, -2).replace(/\/Outlines\s+\d+\s+\d+\s+R/, '')}\n/Outlines ${first} 0 R>>`);
  for (const [num, body] of outline.bodies) bodies.set(num, body);
  return outline.next;
}

export interface PdfFinish {
  /** Bookmarks to write (a tree, outline.ts), unless the PDF has an outline of its own. */
  outline?: readonly OutlineEntry[];
  info: PdfInfo;
  now?: Date;
}

/**
 * A printed (or joined) PDF as the exporter writes it: its bookmarks, unless Chromium built
 * them, and its document information, in one update after one parse.
 */
export function finishPdf(pdf: Uint8Array, finish: PdfFinish): Uint8Array {
  const outline = finish.outline ?? [];
  // Only bookmarks need the objects; the information needs just the trailer.
  const objects = outline.length > 0 ? new PdfObjects(pdf) : undefined;
  const trailer = objects?.trailer ?? readTrailer(pdf);
  const bodies = new Map<number, string>();
  let next = trailer.size;
  if (objects && !catalogHasOutline(objects)) next = addOutline(objects, outline, bodies, next);
  const info = next++;
  bodies.set(info, infoBody(finish.info, finish.now ?? new Date()));
  return appendUpdate(pdf, trailer, bodies, next, info);
}

/** The PDF with its document information replaced (other objects untouched). */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo, now: Date = new Date()): Uint8Array {
  return finishPdf(pdf, { info, now });
}

/** Whether the PDF's catalog already has an outline (a printer that built its own). */
export function hasOutline(pdf: Uint8Array): boolean {
  return catalogHasOutline(new PdfObjects(pdf));
}

/** The PDF with an outline of `entries` (entries on pages it lacks are dropped). */
export function withPdfOutline(pdf: Uint8Array, entries: readonly OutlineEntry[]): Uint8Array {
  const objects = new PdfObjects(pdf);
  const bodies = new Map<number, string>();
  const size = addOutline(objects, entries, bodies, objects.trailer.size);
  return bodies.size === 0 ? pdf : appendUpdate(pdf, objects.trailer, bodies, size);
}
