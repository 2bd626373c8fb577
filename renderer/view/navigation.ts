// Navigation state of a view that moves through the deck itself (the presenter; the audience's
// reveal.js keeps its own): the current position and the positions each key leads to. Pure:
// no DOM, testable in Node.

import type { SlidePosition } from '../../electron/contract/ipc';
import type { Slide } from '../../electron/deck/types';
import {
  clampPosition,
  nextPosition,
  positionOf,
  positionOfNumber,
  previousPosition,
  samePosition,
  slideAt,
  type DeckIndex,
} from '../model';

export class DeckNavigation {
  private current: SlidePosition = { h: 0, v: 0, f: -1 };

  constructor(private index: DeckIndex) {}

  get position(): SlidePosition {
    return this.current;
  }

  get slide(): Slide | undefined {
    return slideAt(this.index, this.current);
  }

  get slides(): readonly Slide[] {
    return this.index.slides;
  }

  /** A new version of the deck: the position stays, clamped into it. */
  setIndex(index: DeckIndex): void {
    this.index = index;
    this.current = clampPosition(index, this.current);
  }

  /** Moves to a position (clamped into the deck); false when that is where it already is. */
  moveTo(p: SlidePosition): boolean {
    const clamped = clampPosition(this.index, p);
    if (samePosition(clamped, this.current)) return false;
    this.current = clamped;
    return true;
  }

  next(): SlidePosition | null {
    return nextPosition(this.index, this.current);
  }

  previous(): SlidePosition | null {
    return previousPosition(this.index, this.current);
  }

  /** The slide `offset` slides away, before its fragments (steps when there is no slide). */
  slideBeside(offset: 1 | -1): SlidePosition | null {
    const slide = this.slide;
    if (!slide) return offset > 0 ? this.next() : this.previous();
    const other = this.index.slides[slide.index + offset];
    return other ? positionOf(other, 'none') : null;
  }

  first(): SlidePosition | null {
    const first = this.index.slides[0];
    return first ? positionOf(first, 'none') : null;
  }

  last(): SlidePosition | null {
    const last = this.index.slides[this.index.slides.length - 1];
    return last ? positionOf(last, 'none') : null;
  }

  /** Slide number n (1-based), or null when there is none. */
  number(n: number): SlidePosition | null {
    return positionOfNumber(this.index, n);
  }
}
