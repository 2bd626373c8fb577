// The study view: for a resident reviewing a deck alone. Every slide beside its notes in one
// scrolling page, a table of contents from slide titles (grouped by section), full-text search
// over slides and notes with highlighted hits, and a link from each slide into the presentation.

import type { Deck, Slide } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { SlideSearch, queryWords } from '../search';
import { ALL_FRAGMENTS, SlideFrame, widthScale } from '../slide-frame';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks } from '../ui/dom';
import { listenForKeys } from '../ui/key-listener';
import { clearHighlights, highlightWords } from './highlight';
import { studyKeyTable } from './keys';

interface Row {
  slide: Slide;
  element: HTMLElement;
  tocItem: HTMLElement;
}

function thumbnail(slide: Slide): HTMLElement {
  const frame = new SlideFrame('lectern-preview-frame study-frame');
  frame.show(slide, ALL_FRAGMENTS);
  return el('div', { className: 'study-thumb' }, [frame.element]);
}

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

  const toc = el('nav', { className: 'study-toc', attrs: { 'aria-label': 'Contents' } });
  const list = el('main', { className: 'study-list' });
  const rows: Row[] = [];
  let currentSection: string | null = null;
  let tocList = el('ol');
  toc.append(el('h2', { text: 'Contents' }), tocList);

  for (const slide of slides) {
    if (slide.section !== currentSection) {
      currentSection = slide.section;
      if (slide.section) {
        tocList = el('ol');
        toc.append(el('h3', { text: slide.section }), tocList);
        list.append(el('h2', { className: 'study-section', text: slide.section }));
      }
    }
    const number = slide.index + 1;
    const label = slide.title || `Slide ${number}`;
    const link = el('a', { text: label, attrs: { href: `#study/${number}` } });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      element.scrollIntoView({ block: 'start' });
    });
    const tocItem = el('li', { attrs: { value: String(number) } }, [link]);
    tocList.append(tocItem);

    const presentLink = el('a', { className: 'present-from', text: 'Present from here ▶', attrs: { href: `#/${slide.h}/${slide.v}`, 'data-testid': 'present-from' } });
    presentLink.addEventListener('click', (e) => {
      e.preventDefault();
      source.presentFrom(slide.h, slide.v);
    });
    const notes = el('div', { className: 'study-notes' });
    if (slide.notesHtml) notes.innerHTML = slide.notesHtml;
    else notes.append(el('p', { className: 'empty', text: 'No notes for this slide.' }));
    const element = el('article', { className: 'study-row', attrs: { id: `slide-${number}`, 'data-slide-index': String(slide.index) } }, [
      el('div', { className: 'study-slide' }, [
        el('div', { className: 'study-slide-head' }, [el('span', { className: 'study-number', text: `${number}` }), el('span', { className: 'study-title', text: label }), presentLink]),
        thumbnail(slide),
      ]),
      notes,
    ]);
    list.append(element);
    rows.push({ slide, element, tocItem });
  }

  root.replaceChildren(header, el('div', { className: 'study-body' }, [toc, list]));
  interceptExternalLinks(list, (url) => source.openExternal(url));

  // All thumbnails share one width: one observer sets the scale for all of them.
  const firstThumb = list.querySelector<HTMLElement>('.study-thumb');
  if (firstThumb) {
    new ResizeObserver(() => {
      const width = firstThumb.clientWidth;
      if (width > 0) root.style.setProperty('--study-scale', String(widthScale(width)));
    }).observe(firstThumb);
  }

  let pending: number | undefined;
  const run = (): void => {
    const query = input.value;
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
  };
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
