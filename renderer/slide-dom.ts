// DOM for compiled slides, shared by the views: sections with their attributes, reveal.js's
// fragment numbering and state, and slide backgrounds outside reveal.js (presenter previews,
// study thumbnails, print frames). Slide HTML is already sanitised by the compiler.

import type { Slide } from '../electron/deck/types';

/** Sets the slide's attributes (class, id, data-*) on its <section>; `class` adds to existing classes. */
export function applySlideAttributes(section: HTMLElement, slide: Slide): void {
  for (const [name, value] of Object.entries(slide.attributes)) {
    if (name === 'class') section.classList.add(...value.split(/\s+/).filter(Boolean));
    else if (name === 'id' || name.startsWith('data-')) section.setAttribute(name, value);
  }
}

/** A slide's <section> for reveal.js; without content it is an empty shell filled in later. */
export function buildSection(slide: Slide, withContent = true): HTMLElement {
  const section = document.createElement('section');
  applySlideAttributes(section, slide);
  section.dataset.lecternIndex = String(slide.index);
  if (withContent) section.innerHTML = slide.html;
  return section;
}

/**
 * Fragment steps as reveal.js numbers them: explicit data-fragment-index values first, in order,
 * then unnumbered fragments in document order; steps are renumbered 0..n-1.
 */
export function fragmentSteps(container: ParentNode): HTMLElement[][] {
  const fragments = [...container.querySelectorAll<HTMLElement>('.fragment')];
  const ordered = new Map<number, HTMLElement[]>();
  const unordered: HTMLElement[][] = [];
  for (const el of fragments) {
    const raw = el.getAttribute('data-fragment-index');
    const n = raw === null ? NaN : Number(raw);
    if (Number.isFinite(n)) {
      const group = ordered.get(n);
      if (group) group.push(el);
      else ordered.set(n, [el]);
    } else {
      unordered.push([el]);
    }
  }
  return [...[...ordered.entries()].sort((a, b) => a[0] - b[0]).map(([, els]) => els), ...unordered];
}

/** Shows fragments up to step f (-1: none; a large f: all), as reveal.js marks them. */
export function applyFragmentState(container: ParentNode, f: number): void {
  fragmentSteps(container).forEach((group, step) => {
    for (const el of group) {
      el.classList.toggle('visible', step <= f);
      el.classList.toggle('current-fragment', step === f);
    }
  });
}

const IMAGE_LIKE = /^(data:image\/|blob:|file:|https?:|\/\/)|\.(svg|png|jpe?g|gif|bmp|webp)([?#\s]|$)/i;

/** reveal.js's background attributes as CSS on a layer behind a slide (outside reveal.js). */
export function applySlideBackground(layer: HTMLElement, attributes: Readonly<Record<string, string>>): void {
  layer.removeAttribute('style');
  const shorthand = attributes['data-background'];
  const shorthandIsImage = shorthand !== undefined && IMAGE_LIKE.test(shorthand);
  if (shorthand && !shorthandIsImage) layer.style.background = shorthand;
  const color = attributes['data-background-color'];
  const image = attributes['data-background-image'] ?? (shorthandIsImage ? shorthand : undefined);
  const gradient = attributes['data-background-gradient'];
  if (color) layer.style.backgroundColor = color;
  if (gradient) layer.style.backgroundImage = gradient;
  if (image) {
    layer.style.backgroundImage = `url(${JSON.stringify(image)})`;
    layer.style.backgroundSize = attributes['data-background-size'] ?? 'cover';
    layer.style.backgroundPosition = attributes['data-background-position'] ?? 'center';
    layer.style.backgroundRepeat = attributes['data-background-repeat'] ?? 'no-repeat';
  }
  const video = attributes['data-background-video'];
  layer.replaceChildren();
  if (video) layer.append(backgroundVideo(video, attributes));
  const opacity = attributes['data-background-opacity'];
  if (opacity !== undefined && (image || gradient || video)) layer.style.opacity = opacity;
}

/**
 * reveal.js's video background outside reveal.js: muted, covering the layer, showing its first
 * frame (printing waits for it, see print/ready.ts). `data-background-video` may list several
 * sources separated by commas, as in reveal.js.
 */
function backgroundVideo(sources: string, attributes: Readonly<Record<string, string>>): HTMLVideoElement {
  const video = document.createElement('video');
  video.className = 'lectern-background-video';
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  video.loop = attributes['data-background-video-loop'] !== undefined;
  video.style.cssText = `width:100%;height:100%;object-fit:${attributes['data-background-size'] === 'contain' ? 'contain' : 'cover'}`;
  // A data: URL holds a comma of its own (renderer/assets.ts makes such videos blob: URLs).
  for (const src of sources.startsWith('data:') ? [sources] : sources.split(',')) {
    const source = document.createElement('source');
    source.src = src.trim();
    video.append(source);
  }
  return video;
}

/**
 * reveal.js's contrast class for a slide on a coloured background (brightness < 128 of 255 is
 * dark), so themes flip the text colour; null when the colour cannot be read.
 */
export function backgroundContrast(attributes: Readonly<Record<string, string>>): 'has-dark-background' | 'has-light-background' | null {
  const color = (attributes['data-background-color'] ?? attributes['data-background'] ?? '').trim();
  let rgb: number[] | null = null;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else {
    const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color);
    if (m) rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!rgb) return null;
  const [r = 0, g = 0, b = 0] = rgb;
  return (r * 299 + g * 587 + b * 114) / 1000 < 128 ? 'has-dark-background' : 'has-light-background';
}
