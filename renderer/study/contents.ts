// The study view's contents: each slide as a row (number, title, "Present from here", the slide
// as a thumbnail, its notes) in one list, and a table of contents grouped by section.

import type { Slide } from '../../electron/deck/types';
import { ALL_FRAGMENTS, SlideFrame } from '../slide-frame';
import type { DeckSource } from '../sources/types';
import { el } from '../ui/dom';
import { landOn } from './place';

export interface Row {
  slide: Slide;
  element: HTMLElement;
  tocItem: HTMLElement;
}

function thumbnail(slide: Slide): HTMLElement {
  const frame = new SlideFrame('lectern-preview-frame study-frame');
  frame.show(slide, ALL_FRAGMENTS);
  return el('div', { className: 'study-thumb' }, [frame.element]);
}

export interface StudyContents {
  toc: HTMLElement;
  list: HTMLElement;
  rows: Row[];
}

export function buildStudyContents(slides: readonly Slide[], source: Pick<DeckSource, 'presentFrom'>): StudyContents {
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
      landOn(element, list);
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

  return { toc, list, rows };
}
