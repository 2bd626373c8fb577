// The print page's side of the print handshake, shared by the print view (renderer/print) and
// the printers (electron/export, electron/app). A long deck prints as several parts, each its own
// page in its own renderer process, joined into one PDF afterwards (electron/export/pdf/merge.ts):
// Chromium's per-page print cost grows with the document's length, so two half-decks print in
// well under half the time of one whole deck, and in parallel on two cores. Pure types and
// constants.

/** What a print page needs to know about the whole deck when it lays out only a part of it. */
export interface PrintPart {
  /** Slides in the whole deck (slide numbers `c/t`, "Slide n of N"). The part's own slides are
   *  `deck.slides`, keeping their whole-deck `index`, `h` and `v`. */
  totalSlides: number;
  /** `[h, v]` of every slide of the whole deck, by slide index: internal links to slides outside
   *  this part become PART_LINK_PREFIX + index, which the exporter resolves after joining. */
  positions: Array<[number, number]>;
  /** The footer number of this part's first page (1-based). */
  firstPage: number;
  /** The footer total ("page n of N"), when the exporter knows it before layout (handout); for
   *  notes it sends NUMBER_PAGES_EVENT once every part has laid out. */
  totalPages?: number;
}

/** Where the pages of a laid-out print view are, reported to the printer on 'ready'. */
export interface PrintViewReport {
  /** Pages laid out (each `.lectern-page` is exactly one printed page). */
  pages: number;
  /** Bookmarks: one per slide where the slide first appears, 0-based page within this view, with
   *  the slide's section (Slide.section) when it has one; the exporter nests them by section. */
  outline?: Array<{ title: string; page: number; section?: string }>;
  /** `[slide index, 0-based page within this view]` for every slide this view shows (link targets). */
  anchors?: Array<[number, number]>;
}

/** 'ready' or 'error' once the print view is done, on <html>. */
export const PRINT_STATE_ATTRIBUTE = 'data-lectern-print';
/** On 'ready': JSON of PrintViewReport. */
export const PRINT_REPORT_ATTRIBUTE = 'data-lectern-print-report';
/** On 'error': what went wrong. */
export const PRINT_ERROR_ATTRIBUTE = 'data-lectern-print-error';

/** Dispatched on `document` with detail `{ first, total }` (numbers): renumber the page footers
 *  ("page n of N") synchronously before printing. */
export const NUMBER_PAGES_EVENT = 'lectern-print-number-pages';

/** Link target for a slide laid out in another part: `lectern:slide/<index>`. */
export const PART_LINK_PREFIX = 'lectern:slide/';

/** Page.evaluate / executeJavaScript source that renumbers a laid-out view's footers. */
export function numberPagesScript(first: number, total: number): string {
  return `document.dispatchEvent(new CustomEvent(${JSON.stringify(NUMBER_PAGES_EVENT)}, { detail: { first: ${Number(first)}, total: ${Number(total)} } }))`;
}
