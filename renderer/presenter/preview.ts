// A slide shown outside reveal.js (the presenter's current and next slide): the same
// `.reveal .slides section` structure and theme, at 1280x720 scaled to its box, with the
// fragment state applied as reveal.js would. Only one slide's DOM at a time.

import { SLIDE_FRAME } from '../../electron/contract/frame';
import type { Slide } from '../../electron/deck/types';
import { applyFragmentState, applySlideAttributes, applySlideBackground, backgroundContrast } from '../slide-dom';
import { el } from '../ui/dom';

export const SLIDE_WIDTH = SLIDE_FRAME.width;
export const SLIDE_HEIGHT = SLIDE_FRAME.height;

export class SlidePreview {
  readonly element: HTMLElement;
  private readonly frame: HTMLElement;
  private readonly slides: HTMLElement;
  private readonly background = el('div', { className: 'lectern-preview-background' });
  private shown: { slide: Slide; f: number } | null = null;

  constructor(parent: HTMLElement, className: string) {
    this.slides = el('div', { className: 'slides' });
    this.frame = el('div', { className: 'reveal lectern-preview-frame' }, [this.background, this.slides]);
    this.element = el('div', { className: `lectern-preview ${className}` }, [this.frame]);
    parent.append(this.element);
    new ResizeObserver(() => this.fit()).observe(this.element);
  }

  /** Shows a slide with fragments up to step f (-1: none; slide.fragments - 1: all). */
  show(slide: Slide | undefined, f: number): void {
    if (!slide) {
      this.shown = null;
      this.slides.replaceChildren(el('section', { className: 'present lectern-preview-end' }, [el('p', { text: 'End of the deck' })]));
      applySlideBackground(this.background, {});
      return;
    }
    if (this.shown?.slide !== slide) {
      const section = document.createElement('section');
      applySlideAttributes(section, slide);
      section.classList.add('present');
      const contrast = backgroundContrast(slide.attributes);
      if (contrast) section.classList.add(contrast);
      section.innerHTML = slide.html;
      this.slides.replaceChildren(section);
      applySlideBackground(this.background, slide.attributes);
    }
    if (this.shown?.slide !== slide || this.shown.f !== f) {
      const section = this.slides.firstElementChild;
      if (section) applyFragmentState(section, f);
    }
    this.shown = { slide, f };
  }

  private fit(): void {
    const { width, height } = this.element.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const scale = Math.min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT);
    this.frame.style.transform = `translate(-50%, -50%) scale(${scale})`;
  }
}
