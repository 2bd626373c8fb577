// The notes layout: each slide on a page of its own with its speaker notes beneath it. Every page
// is a fixed `.lectern-page` (one printed page), so the view knows where each slide lands before
// printing: notes too long for the slide's page continue on continuation pages, split by
// measuring once the fonts have loaded (paginateNotes).

import type { Paper } from '../../electron/contract/ipc';
import type { Deck, Slide } from '../../electron/deck/types';
import { clearlyFits, type TypeMetrics } from './fit-estimate';
import { ALL_FRAGMENTS, buildSlideFrame, buildThumbnail, FRAME_HEIGHT, FRAME_WIDTH } from './frame';
import type { Box } from './handout-geometry';
import { div, MEASURING, notesBody, numberLabel, place, type PrintContext } from './page-parts';
import { FOOTER_PAGE_CLASS } from './page-numbers';
import { markOutline, slideAnchor } from './outline';
import { paperSize, PX_PER_MM } from './paper';
import { findCut, fitWidths, scaleToFit, splitAt } from './split';

/** Page margins of the notes layout (mm): top, sides, bottom (the bottom holds the page footer). */
export const NOTES_MARGIN_MM = { top: 14, side: 16, bottom: 16 } as const;
const HEAD_MM = 5;
const HEAD_GAP_MM = 3;
const THUMB_GAP_MM = 7;
/** The notes text (print.css .lectern-notes-body). */
export const NOTES_TYPE: TypeMetrics = { fontPt: 12, lineHeight: 1.45 };
/** More cuts than this for one slide means something refuses to fit: stop. */
const MAX_PAGES_PER_SLIDE = 200;

export interface NotesGeometry {
  page: { width: number; height: number };
  head: Box;
  thumb: Box;
  /** The notes under the slide. */
  firstBody: Box;
  /** The notes on a continuation page (no slide). */
  body: Box;
  footer: Box;
}

/** Where things go on a notes page, in CSS px. */
export function notesGeometry(paper: Paper): NotesGeometry {
  const size = paperSize(paper);
  const mm = (n: number) => n * PX_PER_MM;
  const x = mm(NOTES_MARGIN_MM.side);
  const w = size.width - 2 * x;
  const top = mm(NOTES_MARGIN_MM.top);
  const bottom = size.height - mm(NOTES_MARGIN_MM.bottom);
  const head = { x, y: top, w, h: mm(HEAD_MM) };
  const bodyTop = head.y + head.h + mm(HEAD_GAP_MM);
  const thumb = { x, y: bodyTop, w, h: (w * FRAME_HEIGHT) / FRAME_WIDTH };
  const firstTop = thumb.y + thumb.h + mm(THUMB_GAP_MM);
  return {
    page: { width: size.width, height: size.height },
    head,
    thumb,
    firstBody: { x, y: firstTop, w, h: bottom - firstTop },
    body: { x, y: bodyTop, w, h: bottom - bodyTop },
    footer: { x, y: bottom, w, h: mm(NOTES_MARGIN_MM.bottom) },
  };
}

interface NotesPageSpec {
  deck: Deck;
  slide: Slide;
  context: PrintContext;
  geometry: NotesGeometry;
  /** A continuation page: no slide, "(continued)" in the head. */
  continued: boolean;
}

/** One notes page: head, the slide (first page only), the notes box and the footer. */
function notesPage(spec: NotesPageSpec, body: HTMLElement): HTMLElement {
  const { deck, slide, context, geometry, continued } = spec;
  const page = div('lectern-page lectern-notes-page');
  page.style.width = `${geometry.page.width}px`;
  // A hair under the paper height so rounding never spills a blank page.
  page.style.height = `${geometry.page.height - 1}px`;
  page.dataset.lecternIndex = String(slide.index);
  const head = place(div('lectern-notes-head'), geometry.head);
  const number = `Slide ${slide.index + 1} of ${context.totalSlides}${continued ? ' (continued)' : ''}`;
  head.append(div('lectern-notes-number', number), div('lectern-notes-section', slide.section));
  page.append(head);
  if (!continued) {
    page.id = slideAnchor(slide.index);
    const frame = buildSlideFrame(slide, { step: ALL_FRAGMENTS, number: numberLabel(deck, slide, context) });
    markOutline(frame, slide.title !== '');
    page.append(place(buildThumbnail(frame, geometry.thumb.w), geometry.thumb));
  }
  page.append(place(body, continued ? geometry.body : geometry.firstBody));
  const footer = place(div('lectern-notes-footer'), geometry.footer);
  footer.append(div('lectern-footer-title', deck.meta.title), div(FOOTER_PAGE_CLASS));
  page.append(footer);
  return page;
}

export interface NotesLayout {
  /** Splits long notes onto continuation pages; call once fonts and images are loaded. */
  paginate(): void;
}

export function layoutNotes(deck: Deck, slides: readonly Slide[], paper: Paper, context: PrintContext, root: HTMLElement): NotesLayout {
  const geometry = notesGeometry(paper);
  const pages = document.createDocumentFragment();
  const first: Array<{ spec: NotesPageSpec; body: HTMLElement }> = [];
  for (const slide of slides) {
    const spec = { deck, slide, context, geometry, continued: false };
    const body = notesBody(slide, 'lectern-notes-body');
    pages.append(notesPage(spec, body));
    first.push({ spec, body });
  }
  root.append(pages);
  return {
    paginate() {
      const measured = first.filter(({ body }) => !clearlyFits(body, geometry.firstBody.w, geometry.firstBody.h, NOTES_TYPE));
      // Pages off screen are skipped by layout (content-visibility); the ones to measure are laid
      // out together in one pass instead of one forced layout each.
      for (const { body } of measured) body.parentElement?.classList.add(MEASURING);
      for (const { spec, body } of measured) paginateSlide(spec, body);
      for (const page of root.querySelectorAll(`.${MEASURING}`)) page.classList.remove(MEASURING);
    },
  };
}

/** Moves what does not fit in `body` onto continuation pages after its page, as many as needed. */
function paginateSlide(spec: NotesPageSpec, firstBody: HTMLElement): void {
  fitWidths(firstBody);
  let body = firstBody;
  let page = body.parentElement as HTMLElement;
  for (let steps = 0; steps < MAX_PAGES_PER_SLIDE; steps++) {
    const cut = findCut(body);
    if (!cut) return;
    let rest: DocumentFragment;
    if (cut.kind === 'split') rest = splitAt(body, cut.at);
    else if (body === firstBody) {
      // Not a line fits under the slide: all the notes go on the next page, which has more room.
      rest = document.createDocumentFragment();
      rest.append(...body.childNodes);
    } else if (cut.atom && scaleToFit(cut.atom, body)) continue;
    else return;
    const next = div('lectern-notes-body lectern-continued');
    next.append(rest);
    const nextPage = notesPage({ ...spec, continued: true }, next);
    nextPage.classList.add(MEASURING);
    page.after(nextPage);
    page = nextPage;
    body = next;
  }
}
