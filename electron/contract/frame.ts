// The slide frame and the paper sizes, in one place for both sides: the compiler's overflow
// estimate, the exporters and printers, the app's print window and every renderer view lay out
// against these numbers. Plain data: this module imports nothing (no Node, no DOM).

import type { Paper } from './ipc';

/** The slide frame every view and layout scales from (CSS px, 16:9), as reveal.js is configured. */
export const SLIDE_FRAME = { width: 1280, height: 720 } as const;

/** CSS px per inch and per millimetre (CSS fixes 96 px to the inch; Chromium prints that way). */
export const PX_PER_INCH = 96;
export const PX_PER_MM = PX_PER_INCH / 25.4;

export interface PaperDimensions {
  /** The CSS lengths of the page, as @page and printers take them. */
  css: { width: string; height: string };
  /** The page in inches (Electron's printToPDF). */
  inches: { width: number; height: number };
}

/** ISO A4 (210 x 297 mm) and US Letter (8.5 x 11 in). */
export const PAPER: Readonly<Record<Paper, PaperDimensions>> = {
  a4: { css: { width: '210mm', height: '297mm' }, inches: { width: 210 / 25.4, height: 297 / 25.4 } },
  letter: { css: { width: '8.5in', height: '11in' }, inches: { width: 8.5, height: 11 } },
};
