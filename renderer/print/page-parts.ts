// Small pieces every print layout builds its pages from.

import type { PrintPart } from '../../electron/contract/print';
import type { Deck, Slide } from '../../electron/deck/types';
import type { Box } from './handout-geometry';
import { markOutline } from './outline';

/** Marks a page laid out for measuring though off screen (print.css). */
export const MEASURING = 'lectern-measuring';

/** What a layout needs to know beyond the slides it lays out. */
export interface PrintContext {
  /** Slides in the whole deck: a part of a long export shows the whole deck's numbers. */
  totalSlides: number;
}

export function printContext(deck: Deck, part: PrintPart | undefined): PrintContext {
  return { totalSlides: part?.totalSlides ?? deck.slides.length };
}

export function div(className: string, text?: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Positions `el` absolutely in its page (CSS px). */
export function place(el: HTMLElement, box: Box): HTMLElement {
  el.style.left = `${box.x}px`;
  el.style.top = `${box.y}px`;
  el.style.width = `${box.w}px`;
  el.style.height = `${box.h}px`;
  return el;
}

/** The slide's `c/t` label, or null when the deck hides slide numbers. */
export function numberLabel(deck: Deck, slide: Slide, context: PrintContext): string | null {
  return deck.meta.slideNumbers ? `${slide.index + 1}/${context.totalSlides}` : null;
}

/** The slide's notes (or a line saying it has none); their headings stay out of the outline. */
export function notesBody(slide: Slide, className: string): HTMLDivElement {
  const body = div(className);
  if (slide.notesHtml.trim()) body.innerHTML = slide.notesHtml;
  else body.append(div('lectern-notes-empty', 'No notes for this slide.'));
  markOutline(body, false);
  return body;
}
