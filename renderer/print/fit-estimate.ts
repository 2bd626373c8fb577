// Whether a box of notes clearly fits, judged without layout: measuring would lay out every page
// of a long deck before printing, and most notes are a paragraph or two.

/** Blocks that each end a line of their own. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dt, dd, div';
/** Content whose height the text length does not tell: always measured. */
const UNSIZED = '.katex-display, img, svg, table, pre, video, canvas, iframe, object, hr';

export interface TypeMetrics {
  /** Font size in pt. */
  fontPt: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

/**
 * Generous: an average glyph of 0.55em, every block ending on a half-empty line,
 * and only 80% of the box counted.
 */
export function clearlyFits(box: HTMLElement, width: number, height: number, type: TypeMetrics): boolean {
  if (box.querySelector(UNSIZED)) return false;
  const fontPx = (type.fontPt * 96) / 72;
  const perLine = Math.max(1, Math.floor(width / (0.55 * fontPx)));
  const lines = Math.floor(height / (type.lineHeight * fontPx));
  const blocks = Math.max(box.children.length, box.querySelectorAll(BLOCKS).length);
  const needed = Math.ceil((box.textContent ?? '').length / perLine) + blocks;
  return needed <= lines * 0.8;
}
