// Adds bookmarks (a flat outline, one entry per slide title) to a PDF by appending an incremental
// update, like pdf-info.ts. Chromium only builds an outline from a tagged PDF, and tagging costs
// about a third of a 300-slide print; when the print view knows which page each title lands on
// (fixed-page layouts) the printer skips tagging and the outline is written here instead.

import { pdfTextString } from './pdf-info';
import { PdfObjects } from './pdf-objects';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
}

const refNumber = (ref: string): number => Number(/^(\d+)/.exec(ref.trim())?.[1]);

/** Whether the PDF's catalog already has an outline (a printer that built its own). */
export function hasOutline(pdf: Uint8Array): boolean {
  const objects = new PdfObjects(pdf);
  return /\/Outlines\s/.test(objects.body(refNumber(objects.trailer.root)));
}

/** The PDF with an outline of `entries` (entries on pages it lacks are dropped). */
export function withPdfOutline(pdf: Uint8Array, entries: readonly OutlineEntry[]): Uint8Array {
  const objects = new PdfObjects(pdf);
  const trailer = objects.trailer;
  const rootNum = refNumber(trailer.root);
  const catalog = objects.body(rootNum);
  if (!catalog.startsWith('<<') || !catalog.endsWith('>>')) throw new Error('the printed PDF catalog is unreadable');
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog);
  if (!pagesRef) throw new Error('the printed PDF catalog has no page tree');
  const pages = objects.pageObjects(Number(pagesRef[1]));
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
