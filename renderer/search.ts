// Full-text search over slides (and notes): every word of the query must appear, case and
// accents ignored. Pure, no DOM: used by the audience's search box and the study view.

import type { Slide } from '../electron/deck/types';

export interface SearchHit {
  slide: Slide;
  /** Where the first word was found. */
  field: 'title' | 'text' | 'notes';
  /** A short excerpt around the first hit. */
  excerpt: string;
}

/** Lower case without diacritics, one char per char so offsets stay valid for short texts. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

function excerptAround(text: string, word: string): string {
  const folded = foldForSearch(text);
  const at = folded.indexOf(word);
  if (at < 0) return text.slice(0, 120);
  const start = Math.max(0, at - 50);
  const end = Math.min(text.length, at + word.length + 70);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

interface Prepared {
  slide: Slide;
  title: string;
  text: string;
  notes: string;
}

/** Folded texts are computed once per deck, not per keystroke. */
export class SlideSearch {
  private readonly prepared: Prepared[];

  constructor(slides: readonly Slide[], private readonly includeNotes: boolean) {
    this.prepared = slides.map((slide) => ({
      slide,
      title: foldForSearch(slide.title),
      text: foldForSearch(slide.text),
      notes: includeNotes ? foldForSearch(slide.notesText) : '',
    }));
  }

  search(query: string, limit = Infinity): SearchHit[] {
    const words = queryWords(query);
    const first = words[0];
    if (!first) return [];
    const hits: SearchHit[] = [];
    for (const p of this.prepared) {
      const all = `${p.title}\n${p.text}\n${p.notes}`;
      if (!words.every((w) => all.includes(w))) continue;
      let field: SearchHit['field'] = 'text';
      let source = p.slide.text;
      if (p.text.includes(first)) field = 'text';
      else if (p.title.includes(first)) {
        field = 'title';
        source = p.slide.title;
      } else if (this.includeNotes && p.notes.includes(first)) {
        field = 'notes';
        source = p.slide.notesText;
      }
      hits.push({ slide: p.slide, field, excerpt: excerptAround(source, first) });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
