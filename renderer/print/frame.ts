// One slide as it looks on the projector, for print: the shared slide section
// (renderer/slide-frame.ts) in a static 1280x720 box with its background and its `c/t` number.
// Layouts place or scale it.

import type { Slide } from '../../electron/deck/types';
import { ALL_FRAGMENTS, FRAME_HEIGHT, FRAME_WIDTH, frameHeightAt, presentSection, widthScale } from '../slide-frame';
import { applySlideBackground } from '../slide-dom';

export { ALL_FRAGMENTS, FRAME_HEIGHT, FRAME_WIDTH };

export interface FrameOptions {
  /** Fragment step to show: -1 none, ALL_FRAGMENTS every one. */
  step: number;
  /** `c/t` label, or null when the deck hides slide numbers. */
  number: string | null;
}

function div(className: string, text?: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** reveal.js marks a slide on a coloured background dark or light so themes can flip text colour. */
export function markBackgroundContrast(frame: HTMLElement): void {
  const layer = frame.querySelector<HTMLElement>('.lectern-frame-background');
  const section = frame.querySelector('section');
  if (!layer || !section || !(layer.style.backgroundColor || layer.style.background)) return;
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(layer).backgroundColor);
  if (!rgb) return;
  // reveal.js's brightness formula (ITU-R BT.601 weights, 0..255).
  const brightness = (Number(rgb[1]) * 299 + Number(rgb[2]) * 587 + Number(rgb[3]) * 114) / 1000;
  // On the section (theme rules) and on .reveal, where reveal.js puts it for the current slide.
  const contrast = brightness < 128 ? 'has-dark-background' : 'has-light-background';
  section.classList.add(contrast);
  frame.querySelector('.reveal')?.classList.add(contrast);
}

/** A slide frame at 1280x720. `slide` has its asset URLs already resolved. */
export function buildSlideFrame(slide: Slide, options: FrameOptions): HTMLElement {
  const frame = div('lectern-frame reveal-viewport');
  frame.dataset.lecternIndex = String(slide.index);
  const reveal = div('reveal');
  const background = div('lectern-frame-background');
  applySlideBackground(background, slide.attributes);
  const slides = div('slides');
  const section = presentSection(slide, options.step, {
    prepare: (s) => {
      // Ids in slide attributes would repeat on fragment pages; links use our own page anchors.
      s.removeAttribute('id');
      for (const img of s.querySelectorAll('img')) img.removeAttribute('loading');
    },
  });
  slides.append(section);
  reveal.append(background, slides);
  if (options.number) {
    // The audience view's own number element (renderer/audience), so it prints as it projects.
    const [current, total] = options.number.split('/');
    reveal.append(div('lectern-slide-number', `${current ?? ''} / ${total ?? ''}`));
  }
  frame.append(reveal);
  return frame;
}

/** A frame scaled into a box `width` px wide (16:9). Transforms keep text and math vector. */
export function buildThumbnail(frame: HTMLElement, width: number): HTMLElement {
  const box = div('lectern-thumb');
  box.style.width = `${width}px`;
  box.style.height = `${frameHeightAt(width)}px`;
  frame.style.transform = `scale(${widthScale(width)})`;
  box.append(frame);
  return box;
}
