// A slide shown outside reveal.js (the presenter's current and next slide): the shared slide
// frame (renderer/slide-frame.ts) fitted into its box, with the fragment state applied as
// reveal.js would. Only one slide's DOM at a time.

import type { Slide } from '../../electron/deck/types';
import { containScale, SlideFrame } from '../slide-frame';
import { el } from '../ui/dom';

export class SlidePreview {
  readonly element: HTMLElement;
  private readonly frame = new SlideFrame('lectern-preview-frame');

  constructor(parent: HTMLElement, className: string) {
    this.element = el('div', { className: `lectern-preview ${className}` }, [this.frame.element]);
    parent.append(this.element);
    new ResizeObserver(() => this.fit()).observe(this.element);
  }

  /** The 1280x720 frame (an overlay such as ink sits on it in slide coordinates). */
  get frameElement(): HTMLElement {
    return this.frame.element;
  }

  /** Shows a slide with fragments up to step f (-1: none; slide.fragments - 1: all). */
  show(slide: Slide | undefined, f: number): void {
    if (slide) this.frame.show(slide, f);
    else this.frame.showPlaceholder(el('section', { className: 'present lectern-preview-end' }, [el('p', { text: 'End of the deck' })]));
  }

  private fit(): void {
    const { width, height } = this.element.getBoundingClientRect();
    const scale = containScale(width, height);
    if (scale > 0) this.frame.scaleTo(scale, 'centre');
  }
}
