// Paper sizes in CSS px (96 per inch), as Chromium lays out print pages. The sizes themselves are
// the contract's (electron/contract/frame.ts), shared with the printers.
import { PAPER, PX_PER_INCH, PX_PER_MM } from '../../electron/contract/frame';
import type { Paper } from '../../electron/contract/ipc';

export { PX_PER_MM };

export interface PaperSize {
  /** CSS px */
  width: number;
  height: number;
  /** For @page size. */
  css: string;
}

export function paperSize(paper: Paper): PaperSize {
  const { inches, css } = PAPER[paper === 'letter' ? 'letter' : 'a4'];
  return { width: inches.width * PX_PER_INCH, height: inches.height * PX_PER_INCH, css: `${css.width} ${css.height}` };
}
