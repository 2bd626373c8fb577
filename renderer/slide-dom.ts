// DOM for compiled slides: the reveal.js <section> tree (audience) and standalone slide frames
// (presenter previews, study view). Slide HTML is already sanitised by the compiler.

import type { Slide } from '../electron/deck/types';

/** Sets the slide's attributes (class, id, data-*) on its <section>; `class` adds to existing classes. */
export function applySlideAttributes(section: HTMLElement, slide: Slide): void {
  for (const [name, value] of Object.entries(slide.attributes)) {
    if (name === 'class') section.classList.add(...value.split(/\s+/).filter(Boolean));
    else if (name === 'id' || name.startsWith('data-')) section.setAttribute(name, value);
  }
}

/** A slide's <section>; its content is filled in later when `withContent` is false. */
export function buildSection(slide: Slide, withContent = true): HTMLElement {
  const section = document.createElement('section');
  applySlideAttributes(section, slide);
  section.dataset.lecternIndex = String(slide.index);
  if (withContent) section.innerHTML = slide.html;
  return section;
}

/**
 * reveal.js's tree: one <section> per horizontal position, nested ones for vertical stacks.
 * Without content, sections are empty shells (see audience/slide-window.ts).
 */
export function buildRevealSlides(slides: readonly Slide[], withContent = true): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const stacks = new Map<number, Slide[]>();
  for (const slide of slides) {
    const stack = stacks.get(slide.h);
    if (stack) stack.push(slide);
    else stacks.set(slide.h, [slide]);
  }
  for (const h of [...stacks.keys()].sort((a, b) => a - b)) {
    const stack = (stacks.get(h) ?? []).sort((a, b) => a.v - b.v);
    if (stack.length === 1 && stack[0]) {
      fragment.append(buildSection(stack[0], withContent));
    } else {
      const outer = document.createElement('section');
      for (const slide of stack) outer.append(buildSection(slide, withContent));
      fragment.append(outer);
    }
  }
  return fragment;
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
