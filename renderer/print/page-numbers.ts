// "page n of N" in the footers of fixed-page layouts (notes, handout). The view numbers its own
// pages; when it is one part of a longer export, the exporter tells it where its pages fall in
// the joined PDF (contract/print.ts NUMBER_PAGES_EVENT) and it renumbers before printing.

import { NUMBER_PAGES_EVENT } from '../../electron/contract/print';

export const FOOTER_PAGE_CLASS = 'lectern-footer-page';

/** Numbers every footer in page order: `page first+i of total`. */
export function numberPages(root: ParentNode, first: number, total: number): void {
  root.querySelectorAll(`.${FOOTER_PAGE_CLASS}`).forEach((footer, i) => {
    footer.textContent = `page ${first + i} of ${total}`;
  });
}

function isPageNumbers(detail: unknown): detail is { first: number; total: number } {
  if (!detail || typeof detail !== 'object') return false;
  const { first, total } = detail as Record<string, unknown>;
  return Number.isInteger(first) && Number.isInteger(total) && (first as number) >= 1 && (total as number) >= 1;
}

/** Renumbers synchronously on NUMBER_PAGES_EVENT (the printer prints right after dispatching it). */
export function listenForPageNumbers(root: ParentNode): void {
  document.addEventListener(NUMBER_PAGES_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (isPageNumbers(detail)) numberPages(root, detail.first, detail.total);
  });
}
