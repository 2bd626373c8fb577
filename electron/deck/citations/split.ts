// Splits a reference list over as many slides as it needs. Pure: heights come from an estimator
// (by default the same text model as ../overflow.ts: 1280x720 frame, 34px text, 56px side
// padding, glyphs 0.46em wide) or from measurements the caller made in a browser.
import type { ReferenceEntry } from './formatter';

const FONT = 34;
const FRAME_HEIGHT = 720;
const PADDING_Y = 24 * 2;
const TEXT_WIDTH = 1280 - 56 * 2;
const GLYPH = 0.46;

export interface ReferenceLayout {
  /** Font size of the reference list relative to slide text (the theme's references style). */
  fontScale: number;
  /** Height left for the list on a references slide, in px (frame minus padding and title). */
  budget: number;
  /** Extra width taken by the list marker ("12.") in px. */
  indent: number;
}

/** References are set smaller than slide text, under a one-line title. */
export const DEFAULT_REFERENCE_LAYOUT: ReferenceLayout = {
  fontScale: 0.6,
  budget: FRAME_HEIGHT - PADDING_Y - (FONT * 1.55 * 1.15 + 20) - 16,
  indent: 60,
};

/** Estimated rendered height of one entry (line-height 1.3, 0.3em gap between entries). */
export function estimateReferenceHeight(text: string, layout: ReferenceLayout = DEFAULT_REFERENCE_LAYOUT): number {
  const size = FONT * layout.fontScale;
  const perLine = Math.max(8, Math.floor((TEXT_WIDTH - layout.indent) / (size * GLYPH)));
  const lines = Math.max(1, Math.ceil(text.length / perLine));
  return lines * size * 1.3 + size * 0.3;
}

/**
 * Fills slides in order until the next entry would exceed the budget. An entry taller than a whole
 * slide gets a slide of its own (it overflows; splitting one reference would be worse).
 */
export function splitReferences<E extends Pick<ReferenceEntry, 'text'>>(
  entries: readonly E[],
  budget: number = DEFAULT_REFERENCE_LAYOUT.budget,
  height: (entry: E) => number = (e) => estimateReferenceHeight(e.text),
): E[][] {
  if (!(budget > 0)) throw new RangeError(`reference slide budget must be positive, got ${budget}`);
  const pages: E[][] = [];
  let page: E[] = [];
  let used = 0;
  for (const e of entries) {
    const h = Math.max(0, height(e));
    if (page.length > 0 && used + h > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(e);
    used += h;
  }
  if (page.length) pages.push(page);
  return pages;
}
