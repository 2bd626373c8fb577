// The fixed-page layouts of slides and handouts (notes: notes.ts). Each appends its pages to the
// root and returns how many it laid out. Slides come with their asset URLs already resolved.

import type { Deck, Slide } from '../../electron/deck/types';
import type { ExportOptions } from '../../electron/contract/ipc';
import { fragmentSteps } from '../slide-dom';
import { clearlyFits, type TypeMetrics } from './fit-estimate';
import { ALL_FRAGMENTS, buildSlideFrame, buildThumbnail } from './frame';
import { handoutGeometry, type Box, type PerPage } from './handout-geometry';
import { markOutline, slideAnchor } from './outline';
import { div, MEASURING, notesBody, numberLabel, place, type PrintContext } from './page-parts';
import { FOOTER_PAGE_CLASS } from './page-numbers';
import { PX_PER_MM } from './paper';

/** Fragment steps counted from the slide's own HTML (what the frame will show). */
function stepCount(slide: Slide): number {
  if (!slide.html.includes('fragment')) return 0;
  const template = document.createElement('template');
  template.innerHTML = slide.html;
  return fragmentSteps(template.content).length;
}

export function layoutSlides(deck: Deck, slides: readonly Slide[], options: ExportOptions, context: PrintContext, root: HTMLElement): number {
  const pages = document.createDocumentFragment();
  let count = 0;
  for (const slide of slides) {
    const steps = options.fragments ? stepCount(slide) : 0;
    // With --fragments: the slide before any fragment, then one page per step.
    const shown = steps > 0 ? Array.from({ length: steps + 1 }, (_, i) => i - 1) : [ALL_FRAGMENTS];
    shown.forEach((step, k) => {
      const page = div('lectern-page lectern-slide-page');
      if (k === 0) page.id = slideAnchor(slide.index);
      const frame = buildSlideFrame(slide, { step, number: numberLabel(deck, slide, context) });
      markOutline(frame, k === 0 && slide.title !== '');
      page.append(frame);
      pages.append(page);
      count++;
    });
  }
  root.append(pages);
  return count;
}

function writingLines(box: Box, gap: number): HTMLDivElement {
  const lines = div('lectern-handout-lines');
  const count = Math.max(1, Math.floor(box.h / gap));
  for (let i = 0; i < count; i++) {
    const line = div('lectern-handout-line');
    line.style.height = `${gap}px`;
    lines.append(line);
  }
  return lines;
}

/** The date a handout footer shows: the deck's own date, else today's (yyyy-mm-dd). */
export function handoutDate(deck: Deck, today: Date = new Date()): string {
  if (deck.meta.date) return deck.meta.date;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${p(today.getMonth() + 1)}-${p(today.getDate())}`;
}

export function layoutHandout(deck: Deck, slides: readonly Slide[], options: ExportOptions, context: PrintContext, root: HTMLElement): number {
  const perPage = (options.perPage ?? 3) as PerPage;
  const geometry = handoutGeometry(options.paper ?? 'a4', perPage);
  const pageCount = Math.max(1, Math.ceil(slides.length / perPage));
  const lineGap = (perPage <= 2 ? 8 : 7) * PX_PER_MM;
  const date = handoutDate(deck);
  const pages = document.createDocumentFragment();
  for (let p = 0; p < pageCount; p++) {
    const page = div('lectern-page lectern-handout-page');
    page.style.width = `${geometry.page.width}px`;
    // A hair under the paper height so rounding never spills a blank page.
    page.style.height = `${geometry.page.height - 1}px`;
    geometry.slots.forEach((slot, s) => {
      const slide = slides[p * perPage + s];
      if (!slide) return;
      const frame = buildSlideFrame(slide, { step: ALL_FRAGMENTS, number: numberLabel(deck, slide, context) });
      markOutline(frame, slide.title !== '');
      const thumb = place(buildThumbnail(frame, slot.slide.w), slot.slide);
      thumb.id = slideAnchor(slide.index);
      const side = options.lines ? writingLines(slot.notes, lineGap) : notesBody(slide, 'lectern-handout-notes');
      page.append(thumb, place(side, slot.notes));
    });
    const footer = place(div('lectern-handout-footer'), geometry.footer);
    footer.append(
      div('lectern-footer-title', deck.meta.title),
      div('lectern-footer-date', date),
      div(FOOTER_PAGE_CLASS),
    );
    page.append(footer);
    pages.append(page);
  }
  root.append(pages);
  return pageCount;
}

const NOTES_FONT_PT = { max: 9.5, min: 6.5, step: 0.5 } as const;
const HANDOUT_TYPE: TypeMetrics = { fontPt: NOTES_FONT_PT.max, lineHeight: 1.35 };

/**
 * Handout notes must fit their box: shrink the type, then drop trailing blocks and say the rest is
 * in the notes PDF. Each box is a layout boundary (CSS contain), so measuring one is cheap.
 */
export function fitHandoutNotes(root: ParentNode): void {
  const boxes = [...root.querySelectorAll<HTMLElement>('.lectern-handout-notes')].filter(
    (box) => !clearlyFits(box, parseFloat(box.style.width), parseFloat(box.style.height), HANDOUT_TYPE),
  );
  // Pages off screen are skipped by layout (content-visibility): the ones to measure are laid out
  // together in one pass instead of one forced layout each.
  const pages = new Set(boxes.map((box) => box.parentElement).filter((page) => page !== null));
  for (const page of pages) page.classList.add(MEASURING);
  for (const box of boxes) fitHandoutBox(box);
  for (const page of pages) page.classList.remove(MEASURING);
}

function fitHandoutBox(box: HTMLElement): void {
  const overflows = () => box.scrollHeight > box.clientHeight + 1;
  if (!overflows()) return;
  // The largest size that fits, by bisection over the steps (each try is a layout).
  const sizes = Math.round((NOTES_FONT_PT.max - NOTES_FONT_PT.min) / NOTES_FONT_PT.step);
  const fitsAt = (k: number) => {
    box.style.fontSize = `${NOTES_FONT_PT.max - k * NOTES_FONT_PT.step}pt`;
    return !overflows();
  };
  let lo = 1;
  let hi = sizes;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fitsAt(mid)) hi = mid;
    else lo = mid + 1;
  }
  if (fitsAt(lo)) return;
  const more = div('lectern-notes-more', '… continued in the notes PDF');
  box.append(more);
  while (overflows() && box.children.length > 2 && more.previousElementSibling) more.previousElementSibling.remove();
  const first = box.firstElementChild;
  if (overflows() && first instanceof HTMLElement && first !== more) {
    // One long block left: clamp it to the whole lines that fit above the marker.
    const lineHeight = parseFloat(getComputedStyle(first).lineHeight) || 12;
    const lines = Math.max(1, Math.floor((box.clientHeight - more.offsetHeight - first.offsetTop) / lineHeight));
    first.style.setProperty('display', '-webkit-box');
    first.style.setProperty('-webkit-box-orient', 'vertical');
    first.style.setProperty('-webkit-line-clamp', String(lines));
    first.style.setProperty('overflow', 'hidden');
  }
}
