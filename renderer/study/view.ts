// The study view: for a resident reviewing a deck alone. Every slide beside its notes in one
// scrolling page, a table of contents from slide titles (grouped by section), full-text search
// over slides and notes with highlighted hits, and a link from each slide into the presentation.
// This controller wires the header, the contents (contents.ts), the search (filter.ts), the
// thumbnails' shared scale and the keys (keys.ts).

import type { Deck } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { SlideSearch } from '../search';
import { widthScale } from '../slide-frame';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks } from '../ui/dom';
import { listenForKeys } from '../ui/key-listener';
import { enableCitationPopovers } from './citations';
import { buildStudyContents } from './contents';
import { filterRows } from './filter';
import { studyKeyTable } from './keys';

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
  const header = el('header', { className: 'study-header' }, [
    el('div', { className: 'study-titles' }, [el('h1', { text: deck.meta.title }), el('p', { text: subtitle(deck) })]),
    input,
    count,
    present,
  ]);

  const { toc, list, rows } = buildStudyContents(slides, source);

  root.replaceChildren(header, el('div', { className: 'study-body' }, [toc, list]));
  interceptExternalLinks(list, (url) => source.openExternal(url));
  enableCitationPopovers(list, (url) => source.openExternal(url));

  // All thumbnails share one width: one observer sets the scale for all of them.
  const firstThumb = list.querySelector<HTMLElement>('.study-thumb');
  if (firstThumb) {
    new ResizeObserver(() => {
      const width = firstThumb.clientWidth;
      if (width > 0) root.style.setProperty('--study-scale', String(widthScale(width)));
    }).observe(firstThumb);
  }

  let pending: number | undefined;
  const run = (): void => filterRows(input.value, search, rows, list, count);
  input.addEventListener('input', () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(run, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      window.clearTimeout(pending);
      run();
      rows.find((r) => !r.element.hidden)?.element.scrollIntoView({ block: 'start' });
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
  );
  run();
  const target = /^#study\/(\d+)$/.exec(location.hash);
  if (target) document.getElementById(`slide-${target[1]}`)?.scrollIntoView({ block: 'start' });
}
