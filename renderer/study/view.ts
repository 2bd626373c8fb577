// The study view: for a resident reviewing a deck alone. Every slide beside its notes in one
// scrolling page, a table of contents from slide titles (grouped by section), full-text search
// over slides and notes with highlighted hits, and a link from each slide into the presentation.
// This controller wires the header, the contents (contents.ts, a menu when narrow:
// contents-menu.ts), the search (filter.ts), the place in the URL (place.ts), the thumbnails'
// scale and the keys (keys.ts).

import type { Deck } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { SlideSearch } from '../search';
import { widthScale } from '../slide-frame';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks } from '../ui/dom';
import { listenForKeys } from '../ui/key-listener';
import { enableCitationPopovers } from './citations';
import { buildStudyContents } from './contents';
import { contentsMenu } from './contents-menu';
import { filterRows, noResultsMessage } from './filter';
import { studyKeyTable } from './keys';
import { landOn, recordPlace, restorePlace } from './place';

function subtitle(deck: Deck): string {
  return [deck.meta.author, deck.meta.venue, deck.meta.date].filter(Boolean).join(' · ');
}

export function startStudy(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): void {
  const deck = loaded.deck;
  const slides = resolveSlideAssets(deck.slides, loaded.assetUrl);
  const search = new SlideSearch(slides, true);
  root.classList.add('lectern-study');

  const input = el('input', { className: 'study-search', attrs: { type: 'search', placeholder: 'Search slides and notes…', 'aria-label': 'Search slides and notes', 'data-testid': 'study-search' } });
  const count = el('span', { className: 'study-count', attrs: { 'data-testid': 'study-count', 'aria-live': 'polite' } });
  const present = el('button', { className: 'lectern-button primary', text: 'Present ▶', attrs: { type: 'button' } });
  present.addEventListener('click', () => source.presentFrom(0, 0));
  const { toc, list, rows } = buildStudyContents(slides, source);
  const menu = contentsMenu(root, toc);
  const header = el('header', { className: 'study-header' }, [
    menu.button,
    el('div', { className: 'study-titles' }, [el('h1', { text: deck.meta.title }), el('p', { text: subtitle(deck) })]),
    input,
    count,
    present,
  ]);
  const empty = noResultsMessage();
  list.prepend(empty);

  root.replaceChildren(header, el('div', { className: 'study-body' }, [toc, list]));
  interceptExternalLinks(list, (url) => source.openExternal(url));
  enableCitationPopovers(list, (url) => source.openExternal(url));

  // The header's height (it wraps on a phone) places the sticky contents and where rows land.
  new ResizeObserver(() => root.style.setProperty('--study-header-height', `${header.offsetHeight}px`)).observe(header);

  // Each thumbnail scales to its own width, measured when it is laid out: rows off screen are
  // not laid out (content-visibility), so one shared measurement went stale when the window
  // narrowed after scrolling.
  const thumbs = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const width = (entry.target as HTMLElement).clientWidth;
      if (width > 0) (entry.target as HTMLElement).style.setProperty('--study-scale', String(widthScale(width)));
    }
  });
  list.querySelectorAll<HTMLElement>('.study-thumb').forEach((thumb) => thumbs.observe(thumb));

  let pending: number | undefined;
  const run = (): void => {
    filterRows(input.value, search, rows, list, count, empty);
  };
  input.addEventListener('input', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(run, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      window.clearTimeout(pending);
      run();
      const first = rows.find((r) => !r.element.hidden);
      if (first) landOn(first.element, list);
    } else if (e.key === 'Escape') {
      input.value = '';
      run();
    }
  });
  listenForKeys(
    window,
    studyKeyTable({
      focusSearch: () => {
        input.focus();
        input.select();
      },
    }),
    { modes: [(e) => (e.key === 'Escape' && menu.open ? (menu.close(), true) : false)] },
  );
  run();
  history.scrollRestoration = 'manual';
  restorePlace(location.hash, list);
  recordPlace(rows, () => header.getBoundingClientRect().bottom);
}
