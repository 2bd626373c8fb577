// Where slides land in a print view: bookmarks and link targets the exporter writes into the PDF
// (printed untagged), and internal links retargeted to the pages. The heading marks are for a
// tagged print, where Chromium builds the outline from the headings: one flat entry per slide,
// its title heading where the slide first appears; every other heading leaves the outline.

import { PART_LINK_PREFIX, type PrintPart, type PrintViewReport } from '../../electron/contract/print';
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
 * Where each slide lands: its bookmark (the slide's title, or "Slide N" when it has none, so every
 * slide has one, and its section, which the exporter nests it under) and its link target, at the 0-based index of the `.lectern-page` that first shows
 * it (every such element is one printed page).
 */
export function slideLocations(root: ParentNode, slides: readonly Slide[]): Required<Omit<PrintViewReport, 'pages'>> {
  const pageIndex = new Map<Element, number>();
  root.querySelectorAll('.lectern-page').forEach((page, i) => pageIndex.set(page, i));
  const anchors = new Map<string, Element>();
  for (const el of root.querySelectorAll('[id^="lectern-slide-"]')) anchors.set(el.id, el);
  const located: Array<{ slide: Slide; page: number }> = [];
  for (const slide of slides) {
    const page = pageIndex.get(anchors.get(slideAnchor(slide.index))?.closest('.lectern-page') as Element);
    if (page !== undefined) located.push({ slide, page });
  }
  located.sort((a, b) => a.page - b.page);
  return {
    outline: located.map(({ slide, page }) => {
      const title = slide.title || `Slide ${slide.index + 1}`;
      return slide.section ? { title, page, section: slide.section } : { title, page };
    }),
    anchors: located.map(({ slide, page }) => [slide.index, page]),
  };
}

/** The id of the first page element that shows a slide (the target of internal links). */
export function slideAnchor(index: number): string {
  return `lectern-slide-${index}`;
}

/**
 * reveal.js internal links (`#/3`, `#/3/1`) point at the page that shows that slide; in a part of
 * a long export, a slide laid out in another part is PART_LINK_PREFIX + its index (the exporter
 * resolves those once the parts are joined).
 */
export function retargetInternalLinks(root: ParentNode, slides: readonly Slide[], part?: PrintPart): void {
  const positions: Array<[number, number, number]> = part
    ? part.positions.map(([h, v], index) => [h, v, index])
    : slides.map((slide) => [slide.h, slide.v, slide.index]);
  const byPosition = new Map<string, number>();
  for (const [h, v, index] of positions) {
    byPosition.set(`${h}/${v}`, index);
    if (v === 0) byPosition.set(`${h}`, index);
  }
  const shown = new Set(slides.map((slide) => slide.index));
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const key = (link.getAttribute('href') ?? '').slice(2).replace(/\/$/, '');
    const index = byPosition.get(key);
    if (index === undefined) continue;
    link.setAttribute('href', shown.has(index) ? `#${slideAnchor(index)}` : `${PART_LINK_PREFIX}${index}`);
  }
}
