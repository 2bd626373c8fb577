// Navigation state of a view that moves through the deck itself (the presenter; the audience's
// reveal.js keeps its own): the current position and the positions each key leads to. Pure:
// no DOM, testable in Node.

import type { SlidePosition } from '../../electron/contract/ipc';
import type { Slide } from '../../electron/deck/types';
import {
  backupSlides,
  clampPosition,
  lastTalkSlide,
  nextPosition,
  positionOf,
  positionOfNumber,
  previousPosition,
  samePosition,
  slideAfter,
  slideAt,
  type DeckIndex,
} from '../model';

export class DeckNavigation {
  private current: SlidePosition = { h: 0, v: 0, f: -1 };
  /** Where the talk was when the presenter went to the backup slides. */
  private talkPosition: SlidePosition | null = null;

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
    const other = offset > 0 ? slideAfter(this.index, slide) : this.index.slides[slide.index - 1];
    return other ? positionOf(other, 'none') : null;
  }

  get backupSlides(): Slide[] {
    return backupSlides(this.index);
  }

  /**
   * From the talk, the first backup slide (the talk's place is remembered); from a backup slide,
   * back to where the talk was. Null when the deck has no backup slides.
   */
  toggleBackup(): SlidePosition | null {
    const backup = this.backupSlides;
    if (backup.length === 0) return null;
    if (this.slide?.backup) {
      const back = this.talkPosition ?? this.last();
      this.talkPosition = null;
      return back;
    }
    this.talkPosition = this.current;
    return positionOf(backup[0]!, 'none');
  }

  /** Backup slide n (1-based, in the presenter's backup list), remembering the talk's place. */
  backup(n: number): SlidePosition | null {
    const slide = Number.isInteger(n) ? this.backupSlides[n - 1] : undefined;
    if (!slide) return null;
    if (!this.slide?.backup) this.talkPosition = this.current;
    return positionOf(slide, 'none');
  }

  first(): SlidePosition | null {
    const first = this.index.slides[0];
    return first ? positionOf(first, 'none') : null;
  }

  /** The last slide of the talk (the backup slides are not the end of it). */
  last(): SlidePosition | null {
    const last = lastTalkSlide(this.index);
    return last ? positionOf(last, 'none') : null;
  }

  /** Slide number n (1-based), or null when there is none. */
  number(n: number): SlidePosition | null {
    return positionOfNumber(this.index, n);
  }
}
