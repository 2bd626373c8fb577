// Positions in a compiled deck: which slide is at (h, v), and what comes before and after a
// position in reading order (fragments first, then slides). Pure, no DOM: the presenter uses it
// to navigate without reveal.js, and the unit tests use it directly.

import type { SlidePosition } from '../electron/contract/ipc';
import type { Slide } from '../electron/deck/types';

export interface DeckIndex {
  readonly slides: readonly Slide[];
  /** Slide at `${h}/${v}`. */
  readonly byCoordinates: ReadonlyMap<string, Slide>;
}

export function indexSlides(slides: readonly Slide[]): DeckIndex {
  const byCoordinates = new Map<string, Slide>();
  for (const slide of slides) byCoordinates.set(`${slide.h}/${slide.v}`, slide);
  return { slides, byCoordinates };
}

export function slideAt(index: DeckIndex, position: { h: number; v: number }): Slide | undefined {
  return index.byCoordinates.get(`${position.h}/${position.v}`);
}

/** A slide's start (no fragment shown) or end (every fragment shown). */
export function positionOf(slide: Slide, fragments: 'none' | 'all'): SlidePosition {
  return { h: slide.h, v: slide.v, f: fragments === 'all' ? slide.fragments - 1 : -1 };
}

export function samePosition(a: SlidePosition, b: SlidePosition): boolean {
  return a.h === b.h && a.v === b.v && a.f === b.f;
}

/**
 * The slide after this one in the same part of the deck: the talk ends at the last slide before
 * the backup slides (Next does not run into them), the backup slides lead only to each other.
 */
export function slideAfter(index: DeckIndex, slide: Slide): Slide | undefined {
  const next = index.slides[slide.index + 1];
  return next && !!next.backup === !!slide.backup ? next : undefined;
}

/** The next step: the next fragment of this slide, else the start of the next slide; null at the end. */
export function nextPosition(index: DeckIndex, position: SlidePosition): SlidePosition | null {
  const slide = slideAt(index, position);
  if (!slide) return index.slides[0] ? positionOf(index.slides[0], 'none') : null;
  if (position.f < slide.fragments - 1) return { h: slide.h, v: slide.v, f: position.f + 1 };
  const next = slideAfter(index, slide);
  return next ? positionOf(next, 'none') : null;
}

/** The last slide of the talk (before the backup slides). */
export function lastTalkSlide(index: DeckIndex): Slide | undefined {
  let last: Slide | undefined;
  for (const slide of index.slides) if (!slide.backup) last = slide;
  return last;
}

/** The backup slides, in deck order. */
export function backupSlides(index: DeckIndex): Slide[] {
  return index.slides.filter((s) => s.backup);
}

/** The previous step: hide the last fragment, else the previous slide fully built; null at the start. */
export function previousPosition(index: DeckIndex, position: SlidePosition): SlidePosition | null {
  const slide = slideAt(index, position);
  if (!slide) return null;
  if (position.f >= 0) return { h: slide.h, v: slide.v, f: position.f - 1 };
  const previous = index.slides[slide.index - 1];
  return previous ? positionOf(previous, 'all') : null;
}

/** Position of the 1-based slide number shown as `current/total`, or null when out of range. */
export function positionOfNumber(index: DeckIndex, slideNumber: number): SlidePosition | null {
  const slide = Number.isInteger(slideNumber) ? index.slides[slideNumber - 1] : undefined;
  return slide ? positionOf(slide, 'none') : null;
}

/** The nearest valid position (after a reload removed slides or fragments). */
export function clampPosition(index: DeckIndex, position: SlidePosition): SlidePosition {
  const exact = slideAt(index, position);
  if (exact) return { h: exact.h, v: exact.v, f: Math.min(Math.max(position.f, -1), exact.fragments - 1) };
  let best: Slide | undefined;
  for (const slide of index.slides) {
    if (slide.h < position.h || (slide.h === position.h && slide.v <= position.v)) best = slide;
  }
  best ??= index.slides[0];
  return best ? positionOf(best, 'none') : { h: 0, v: 0, f: -1 };
}

/** `#/h`, `#/h/v` or `#/h/v/f`, as reveal.js writes them. */
export function parsePositionHash(hash: string): SlidePosition | null {
  const m = /^#\/(\d+)(?:\/(\d+))?(?:\/(-?\d+))?\/?$/.exec(hash);
  if (!m) return null;
  return { h: Number(m[1]), v: Number(m[2] ?? 0), f: m[3] === undefined ? -1 : Number(m[3]) };
}

export function positionHash(p: SlidePosition): string {
  return p.f >= 0 ? `#/${p.h}/${p.v}/${p.f}` : p.v > 0 ? `#/${p.h}/${p.v}` : `#/${p.h}`;
}
