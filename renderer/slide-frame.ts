// The slide frame outside reveal.js: one slide at the deck's 1280x720 (electron/contract/frame.ts)
// in reveal.js's `.reveal .slides section.present` structure, so the themes style it exactly as
// on the projector, with its background layer and its fragments at a given step; scaled into
// whatever box shows it. The presenter's previews, the study view's thumbnails and the print
// layouts all build their slides here.

import { SLIDE_FRAME } from '../electron/contract/frame';
import type { Slide } from '../electron/deck/types';
import { applyFragmentState, applySlideAttributes, applySlideBackground, backgroundContrast } from './slide-dom';

export const FRAME_WIDTH = SLIDE_FRAME.width;
export const FRAME_HEIGHT = SLIDE_FRAME.height;

/** Every fragment shown (the slide's final state). */
export const ALL_FRAGMENTS = Number.MAX_SAFE_INTEGER;

/** The frame's size as CSS custom properties, so the stylesheets never repeat the numbers. */
export function applyFrameSize(root: HTMLElement): void {
  root.style.setProperty('--lectern-frame-width', `${FRAME_WIDTH}px`);
  root.style.setProperty('--lectern-frame-height', `${FRAME_HEIGHT}px`);
}

/** The scale that fits the whole frame in a box (0 for an empty box). */
export function containScale(width: number, height: number): number {
  return width > 0 && height > 0 ? Math.min(width / FRAME_WIDTH, height / FRAME_HEIGHT) : 0;
}

/** The scale that makes the frame `width` px wide. */
export function widthScale(width: number): number {
  return width / FRAME_WIDTH;
}

/** The height of a frame scaled to `width` px. */
export function frameHeightAt(width: number): number {
  return (width * FRAME_HEIGHT) / FRAME_WIDTH;
}

export interface SectionOptions {
  /** Mark a coloured background dark or light from the slide's attributes (reveal.js does). */
  contrast?: boolean;
  /** Called with the section before its fragment state is set (the print view's clean-ups). */
  prepare?: (section: HTMLElement) => void;
}

/** A slide's <section> as reveal.js shows it when current, fragments up to `step` (-1: none). */
export function presentSection(slide: Slide, step: number, options: SectionOptions = {}): HTMLElement {
  const section = document.createElement('section');
  applySlideAttributes(section, slide);
  section.classList.add('present');
  if (options.contrast) {
    const contrast = backgroundContrast(slide.attributes);
    if (contrast) section.classList.add(contrast);
  }
  section.innerHTML = slide.html;
  options.prepare?.(section);
  applyFragmentState(section, step);
  return section;
}

/**
 * A live frame (`.reveal` at 1280x720) that shows one slide at a time and keeps the slide's DOM
 * while only its fragment step changes. Its box decides the scale (`scaleTo`).
 */
export class SlideFrame {
  readonly element: HTMLElement;
  private readonly slides = document.createElement('div');
  private readonly background = document.createElement('div');
  private shown: { slide: Slide; step: number } | null = null;

  constructor(className: string) {
    this.element = document.createElement('div');
    this.element.className = `reveal ${className}`;
    this.background.className = 'lectern-preview-background';
    this.slides.className = 'slides';
    this.element.append(this.background, this.slides);
  }

  /** Shows a slide with fragments up to `step` (-1: none; ALL_FRAGMENTS: all). */
  show(slide: Slide, step: number): void {
    if (this.shown?.slide !== slide) {
      this.slides.replaceChildren(presentSection(slide, step, { contrast: true }));
      applySlideBackground(this.background, slide.attributes);
    } else if (this.shown.step !== step) {
      const section = this.slides.firstElementChild;
      if (section) applyFragmentState(section, step);
    }
    this.shown = { slide, step };
  }

  /** Shows something that is not a slide (the end of the deck) as the current section. */
  showPlaceholder(section: HTMLElement): void {
    this.shown = null;
    section.classList.add('present');
    this.slides.replaceChildren(section);
    applySlideBackground(this.background, {});
  }

  /** Scales the frame about its centre (the box centres it) or its top-left corner. */
  scaleTo(scale: number, about: 'centre' | 'corner'): void {
    this.element.style.transform = about === 'centre' ? `translate(-50%, -50%) scale(${scale})` : `scale(${scale})`;
  }
}
