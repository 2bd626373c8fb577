// Keeps slide content in the DOM only near the current slide: reveal.js queries the content of
// every mounted <section> on each step (fragments, media), so far slides stay empty shells.
// Sections keep their attributes (which drive backgrounds and classes).

import type { Slide } from '../../electron/deck/types';
import { applyFragmentState } from '../slide-dom';

export class SlideWindow {
  private readonly filled = new Set<number>();
  private readonly byStack = new Map<number, number[]>();
  private sections = new Map<number, HTMLElement>();

  constructor(
    private readonly slides: readonly Slide[],
    private readonly radius: number,
    /** Called when an image in filled content finishes loading: its height changes the slide's. */
    private readonly onContentResized: () => void = () => undefined,
  ) {
    for (const slide of slides) {
      const stack = this.byStack.get(slide.h);
      if (stack) stack.push(slide.index);
      else this.byStack.set(slide.h, [slide.index]);
    }
  }

  /** The sections by reading-order index after a (re)mount; sections kept from before keep their content. */
  setSections(sections: Map<number, HTMLElement>): void {
    for (const i of [...this.filled]) {
      if (sections.get(i) !== this.sections.get(i)) this.filled.delete(i);
    }
    this.sections = sections;
  }

  /** Reading-order index of (h, v), or of the stack's first slide when v is not in it. */
  indexOf(h: number, v: number): number {
    const stack = this.byStack.get(h);
    if (!stack) return Math.max(0, Math.min(this.slides.length - 1, h));
    return stack.find((i) => this.slides[i]?.v === v) ?? stack[0] ?? 0;
  }

  /**
   * Content for the mounted slides within `radius` (reading order) of `current`, and the whole
   * stack of the current slide (reveal.js may resume inside it). Slides filled here get
   * reveal.js's fragment state: all shown before the current slide, none after it; the current
   * one is left to reveal.js.
   */
  show(current: number, radius = this.radius): void {
    const want = new Set<number>();
    for (let i = Math.max(0, current - radius); i <= Math.min(this.slides.length - 1, current + radius); i++) want.add(i);
    const h = this.slides[current]?.h;
    if (h !== undefined) for (const i of this.byStack.get(h) ?? []) want.add(i);
    for (const i of [...this.filled]) {
      if (want.has(i)) continue;
      this.sections.get(i)?.replaceChildren();
      this.filled.delete(i);
    }
    for (const i of want) {
      if (this.filled.has(i)) continue;
      const section = this.sections.get(i);
      const slide = this.slides[i];
      if (!section || !slide) continue;
      section.innerHTML = slide.html;
      // reveal.js centres a slide by its height when it lays it out; an image that decodes after
      // that (a jump to a far slide, the first slide shown) would push the content off the bottom.
      for (const img of section.querySelectorAll('img')) {
        if (!img.complete) img.addEventListener('load', this.onContentResized, { once: true });
      }
      if (i !== current) applyFragmentState(section, i < current ? Number.MAX_SAFE_INTEGER : -1);
      this.filled.add(i);
    }
  }
}
