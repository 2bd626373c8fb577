// Adds bookmarks (a flat outline, one entry per slide title) to a PDF by appending an incremental
// update, like pdf-info.ts. Chromium only builds an outline from a tagged PDF, and tagging costs
// about a third of a 300-slide print; when the print view knows which page each title lands on
// (fixed-page layouts) the printer skips tagging and the outline is written here instead.

import { pdfTextString, readTrailer } from './pdf-info';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
}

/** Reads objects of a PDF with one classic cross-reference table (what Skia writes). */
class PdfObjects {
  private readonly text: string;
  private readonly offsets = new Map<number, number>();

  constructor(pdf: Uint8Array, startxref: number) {
    this.text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('latin1');
    let at = startxref;
    // Follow /Prev so objects replaced by later updates win (first seen is newest).
    for (let guard = 0; guard < 64 && at >= 0; guard++) {
      const xref = /^xref\s*\n/.exec(this.text.slice(at, at + 8));
      if (!xref) throw new Error('the printed PDF has no classic cross-reference table');
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

  /** The body of object `num` (between `obj` and `endobj`). */
  body(num: number): string {
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new Error(`the printed PDF lacks object ${num}`);
    const start = this.text.indexOf('obj', offset) + 3;
    const end = this.text.indexOf('endobj', start);
    if (start < 3 || end < 0) throw new Error(`the printed PDF's object ${num} is unreadable`);
    return this.text.slice(start, end).trim();
  }
}

const refNumber = (ref: string): number => Number(/^(\d+)/.exec(ref.trim())?.[1]);

/** Page object numbers in document order. */
function pageObjects(objects: PdfObjects, pagesRef: number): number[] {
  const pages: number[] = [];
  const visit = (num: number, depth: number) => {
    if (depth > 32) throw new Error('the printed PDF page tree is too deep');
    const body = objects.body(num);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (!kids) {
      pages.push(num);
      return;
    }
    for (const match of kids[1]!.matchAll(/(\d+)\s+\d+\s+R/g)) visit(Number(match[1]), depth + 1);
  };
  visit(pagesRef, 0);
  return pages;
}

/** Whether the PDF's catalog already has an outline (a printer that built its own). */
export function hasOutline(pdf: Uint8Array): boolean {
  const trailer = readTrailer(pdf);
  return /\/Outlines\s/.test(new PdfObjects(pdf, trailer.startxref).body(refNumber(trailer.root)));
}

/** The PDF with an outline of `entries` (entries on pages it lacks are dropped). */
export function withPdfOutline(pdf: Uint8Array, entries: readonly OutlineEntry[]): Uint8Array {
  const trailer = readTrailer(pdf);
  const objects = new PdfObjects(pdf, trailer.startxref);
  const rootNum = refNumber(trailer.root);
  const catalog = objects.body(rootNum);
  if (!catalog.startsWith('<<') || !catalog.endsWith('>>')) throw new Error('the printed PDF catalog is unreadable');
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog);
  if (!pagesRef) throw new Error('the printed PDF catalog has no page tree');
  const pages = pageObjects(objects, Number(pagesRef[1]));
  const items = entries.filter((e) => e.title !== '' && e.page >= 0 && e.page < pages.length);
  if (items.length === 0) return pdf;

  const outlinesNum = trailer.size;
  const itemNum = (i: number) => outlinesNum + 1 + i;
  const bodies = new Map<number, string>();
  bodies.set(
    rootNum,
    `${catalog.slice(0, -2).replace(/\/Outlines\s+\d+\s+\d+\s+R/, '')}\n/Outlines ${outlinesNum} 0 R>>`,
  );
  bodies.set(outlinesNum, `<</Type /Outlines /First ${itemNum(0)} 0 R /Last ${itemNum(items.length - 1)} 0 R /Count ${items.length}>>`);
  items.forEach((item, i) => {
    const links = [
      i > 0 ? `/Prev ${itemNum(i - 1)} 0 R` : '',
      i < items.length - 1 ? `/Next ${itemNum(i + 1)} 0 R` : '',
    ].filter(Boolean);
    bodies.set(
      itemNum(i),
      `<</Title ${pdfTextString(item.title)} /Parent ${outlinesNum} 0 R ${links.join(' ')} /Dest [${pages[item.page]} 0 R /Fit]>>`,
    );
  });

  const lead = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  let text = lead;
  const offsets = new Map<number, number>();
  for (const [num, body] of bodies) {
    offsets.set(num, pdf.length + text.length);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefOffset = pdf.length + text.length;
  // One subsection per run of consecutive object numbers.
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const size = itemNum(items.length);
  const info = trailer.info ? ` /Info ${trailer.info}` : '';
  text += `${xref}trailer\n<</Size ${size} /Root ${trailer.root}${info} /Prev ${trailer.startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Titles are hex strings, so every character here is one latin1 byte.
  const update = Buffer.from(text, 'latin1');
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  out.set(update, pdf.length);
  return out;
}
