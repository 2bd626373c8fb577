// How an export splits a deck into print parts (contract/print.ts explains why), and how the
// parts' page reports add up to the joined document's bookmarks and link targets. Pure.

import type { ExportOptions } from '../contract/ipc';
import type { PrintPart, PrintViewReport } from '../contract/print';
import type { Deck, Slide } from '../deck/types';
import type { SlideOutlineEntry } from './pdf/index';

/**
 * Fewest slides worth a part of their own. Below this a second renderer process costs more than
 * Chromium's growing per-page cost saves (measured with `npm run bench export`: 30- and 42-slide
 * decks print fastest whole; 300 slides print about twice as fast in two parts on two cores).
 */
export const MIN_PART_SLIDES = 60;

/**
 * Most slides in a part: up to about this many a slide prints at nearly the cost it has in a short
 * deck; beyond it more parts than renderers, printed in rounds, are faster (1,000 slides on two
 * cores: 9.3 s in two parts, 6.1 s in six).
 */
export const MAX_PART_SLIDES = 200;

export interface PlannedPart {
  slides: Slide[];
  part: PrintPart;
}

/**
 * Parts as equal as possible: one per renderer that can print at once (`concurrency`), each of at
 * least MIN_PART_SLIDES, and more when a part would exceed MAX_PART_SLIDES. A printer that prints
 * one job at a time (the app's window) and a tagged PDF get the deck whole. Handout parts hold
 * whole pages, so their page numbers are known here; notes pages are known only after layout
 * (the exporter numbers them). `minPartSlides` is lower for pictures, where each slide's capture
 * costs far more than its layout (slide-pictures.ts).
 */
export function planPrintParts(deck: Deck, options: Required<ExportOptions>, concurrency: number, minPartSlides: number = MIN_PART_SLIDES): PlannedPart[] {
  const total = deck.slides.length;
  // Tag trees are not joined (pdf/merge.ts): a tagged PDF prints whole.
  const renderers = options.tagged ? 1 : Math.max(1, Math.floor(concurrency));
  const wanted = Math.max(Math.min(renderers, Math.floor(total / minPartSlides)), Math.ceil(total / MAX_PART_SLIDES));
  // Parts beyond the renderers print in rounds: a whole number of rounds keeps every renderer busy.
  const count = renderers === 1 ? 1 : wanted > renderers ? Math.ceil(wanted / renderers) * renderers : wanted;
  if (count === 1) return [{ slides: deck.slides, part: { totalSlides: total, positions: positions(deck), firstPage: 1 } }];
  const unit = options.format === 'handout' ? options.perPage : 1;
  const units = Math.ceil(total / unit);
  const all = positions(deck);
  const parts: PlannedPart[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.round((units * i) / count) * unit;
    const to = Math.min(total, Math.round((units * (i + 1)) / count) * unit);
    if (to <= from) continue;
    const part: PrintPart = { totalSlides: total, positions: all, firstPage: 1 };
    if (options.format === 'handout') {
      part.firstPage = from / unit + 1;
      part.totalPages = units;
    }
    parts.push({ slides: deck.slides.slice(from, to), part });
  }
  return parts;
}

function positions(deck: Deck): Array<[number, number]> {
  return deck.slides.map((slide) => [slide.h, slide.v]);
}

export interface JoinedLayout {
  /** Footer numbering for each part: its first page (1-based) and the total. */
  numbering: Array<{ first: number; total: number }>;
  /** One bookmark per slide, flat, with its section (pdf/outline.ts nests them). */
  outline: SlideOutlineEntry[];
  /** Slide index -> 0-based page of the joined document where the slide first appears. */
  anchors: Map<number, number>;
}

/** Part reports (in part order) as one document: page offsets applied. */
export function joinLayouts(reports: readonly PrintViewReport[]): JoinedLayout {
  const total = reports.reduce((sum, r) => sum + r.pages, 0);
  const numbering: JoinedLayout['numbering'] = [];
  const outline: SlideOutlineEntry[] = [];
  const anchors = new Map<number, number>();
  let offset = 0;
  for (const report of reports) {
    numbering.push({ first: offset + 1, total });
    for (const entry of report.outline ?? []) outline.push({ ...entry, page: entry.page + offset });
    for (const [slide, page] of report.anchors ?? []) if (!anchors.has(slide)) anchors.set(slide, page + offset);
    offset += report.pages;
  }
  return { numbering, outline, anchors };
}
