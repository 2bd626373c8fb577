// The study view's search: rows that match stay (with their hits highlighted), the others hide,
// and so does a section heading left with no row; the count says what was found.

import { queryWords, type SlideSearch } from '../search';
import type { Row } from './contents';
import { clearHighlights, highlightWords } from './highlight';

export function filterRows(query: string, search: SlideSearch, rows: readonly Row[], list: HTMLElement, count: HTMLElement): void {
  const words = queryWords(query);
  const hits = new Set(search.search(query).map((h) => h.slide.index));
  let marks = 0;
  for (const row of rows) {
    clearHighlights(row.element);
    const show = words.length === 0 || hits.has(row.slide.index);
    row.element.hidden = !show;
    row.tocItem.classList.toggle('miss', !show);
    if (show && words.length) marks += highlightWords(row.element, words);
  }
  list.querySelectorAll<HTMLElement>('.study-section').forEach((h) => {
    let next = h.nextElementSibling;
    let any = false;
    while (next && !next.classList.contains('study-section')) {
      if (!(next as HTMLElement).hidden) any = true;
      next = next.nextElementSibling;
    }
    h.hidden = !any;
  });
  count.textContent = words.length ? `${hits.size} slide${hits.size === 1 ? '' : 's'}, ${marks} hit${marks === 1 ? '' : 's'}` : `${rows.length} slides`;
}
