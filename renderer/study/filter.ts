// The study view's search: rows that match stay (with the phrase highlighted), the others hide,
// and so does a section heading left with no row; the count says what was found, and a search
// that finds nothing says so instead of leaving an empty page.

import { queryPhrase, type SlideSearch } from '../search';
import { el } from '../ui/dom';
import type { Row } from './contents';
import { clearHighlights, highlightPhrase } from './highlight';

export interface SearchResult {
  slides: number;
  hits: number;
}

/** The message shown in the list when nothing matches; hidden otherwise. */
export function noResultsMessage(): HTMLElement {
  return el('p', { className: 'study-empty', attrs: { 'data-testid': 'study-empty', role: 'status', hidden: '' } });
}

export function filterRows(query: string, search: SlideSearch, rows: readonly Row[], list: HTMLElement, count: HTMLElement, empty: HTMLElement): SearchResult {
  const phrase = queryPhrase(query);
  const found = new Set(search.search(query).map((h) => h.slide.index));
  let hits = 0;
  for (const row of rows) {
    clearHighlights(row.element);
    const show = phrase === '' || found.has(row.slide.index);
    row.element.hidden = !show;
    row.tocItem.classList.toggle('miss', !show);
    if (show && phrase) hits += highlightPhrase(row.element, phrase);
  }
  list.querySelectorAll<HTMLElement>('.study-section').forEach((h) => {
    let next = h.nextElementSibling;
    let any = false;
    while (next && !next.classList.contains('study-section')) {
      if (next.classList.contains('study-row') && !(next as HTMLElement).hidden) any = true;
      next = next.nextElementSibling;
    }
    h.hidden = !any;
  });
  const slides = found.size;
  count.textContent = phrase ? `${slides} slide${slides === 1 ? '' : 's'}, ${hits} hit${hits === 1 ? '' : 's'}` : `${rows.length} slides`;
  empty.hidden = phrase === '' || slides > 0;
  empty.textContent = empty.hidden ? '' : `No slide or note contains “${query.trim()}”. Try fewer words, or part of a word; Esc clears the search.`;
  return { slides, hits };
}
