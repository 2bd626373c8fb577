// Paper sizes in CSS px (96 per inch), as Chromium lays out print pages.
import type { Paper } from '../../electron/contract/ipc';

export const PX_PER_MM = 96 / 25.4;

export interface PaperSize {
  /** CSS px */
  width: number;
  height: number;
  /** For @page size. */
  css: string;
}

export function paperSize(paper: Paper): PaperSize {
  return paper === 'letter'
    ? { width: 8.5 * 96, height: 11 * 96, css: '8.5in 11in' }
    : { width: 210 * PX_PER_MM, height: 297 * PX_PER_MM, css: '210mm 297mm' };
}
