// The PDF outline (bookmarks) is built by Chromium from the document's headings. We make it one
// flat entry per slide: the slide's title heading (its first heading, the same one the compiler
// takes the title from) becomes level 1 where the slide first appears; every other heading (the
// same slide on a fragment page, headings inside slides and notes) leaves the outline.

import type { Slide } from '../../electron/deck/types';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** Marks the headings inside `container`; `entry` says whether its first heading is the slide's bookmark. */
export function markOutline(container: ParentNode, entry: boolean): void {
  container.querySelectorAll(HEADINGS).forEach((heading, i) => {
    if (entry && i === 0) heading.setAttribute('aria-level', '1');
    else heading.setAttribute('role', 'none');
  });
}

/**
 * The bookmarks of a fixed-page layout: each marked title heading's slide title and the 0-based
 * index of the .lectern-page it sits on (the printed page, as every such element is one page).
 */
export function outlineEntries(root: ParentNode, slides: readonly Slide[]): Array<{ title: string; page: number }> {
  const pageIndex = new Map<Element, number>();
  root.querySelectorAll('.lectern-page').forEach((page, i) => pageIndex.set(page, i));
  const titles = new Map(slides.map((slide) => [slideAnchor(slide.index), slide.title]));
  const entries: Array<{ title: string; page: number }> = [];
  for (const heading of root.querySelectorAll('[aria-level="1"]')) {
    const title = titles.get(heading.closest('[id^="lectern-slide-"]')?.id ?? '');
    const page = pageIndex.get(heading.closest('.lectern-page') as Element);
    if (title && page !== undefined) entries.push({ title, page });
  }
  return entries;
}

/** The id of the first page element that shows a slide (the target of internal links). */
export function slideAnchor(index: number): string {
  return `lectern-slide-${index}`;
}

/** reveal.js internal links (`#/3`, `#/3/1`) point at the page that shows that slide. */
export function retargetInternalLinks(root: ParentNode, slides: readonly Slide[]): void {
  const byPosition = new Map<string, number>();
  for (const slide of slides) {
    byPosition.set(`${slide.h}/${slide.v}`, slide.index);
    if (slide.v === 0) byPosition.set(`${slide.h}`, slide.index);
  }
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const key = (link.getAttribute('href') ?? '').slice(2).replace(/\/$/, '');
    const index = byPosition.get(key);
    if (index !== undefined) link.setAttribute('href', `#${slideAnchor(index)}`);
  }
}
