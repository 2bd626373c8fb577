// Full-text search over slides (and notes): the query is found as a phrase, like a browser's
// find ("ln 2" finds "ln 2", not every "2"), with case, accents, spacing and Unicode forms
// ignored ("90Y" finds "⁹⁰Y", "T1/2" finds "T₁/₂"). Pure, no DOM: used by the audience's
// search box and the study view (whose highlighter folds the page's text the same way).

import type { Slide } from '../electron/deck/types';

export interface SearchHit {
  slide: Slide;
  /** Where the phrase was found. */
  field: 'title' | 'text' | 'notes';
  /** A short excerpt around the first hit. */
  excerpt: string;
}

/** Text folded for matching, and where each of its characters came from. */
export interface FoldedText {
  text: string;
  /** `origin[i]`: index in the source of folded character i; one extra entry, the source length. */
  origin: number[];
}

// Function application, invisible times/separator/plus (MathML) and every space read as one space.
const SPACE = /[\s\u2061-\u2064\u200b]/;

/**
 * Folds text for matching: compatibility forms decomposed (superscript and subscript digits,
 * ligatures), accents dropped, lower case, each run of space one space. Offsets map back to the
 * source, so a match can be shown or highlighted where it is.
 */
export function foldWithOrigins(source: string, startsAfterSpace = false): FoldedText {
  let text = '';
  const origin: number[] = [];
  let lastWasSpace = startsAfterSpace;
  let at = 0;
  for (const char of source) {
    if (SPACE.test(char)) {
      if (!lastWasSpace) {
        text += ' ';
        origin.push(at);
      }
      lastWasSpace = true;
    } else {
      const folded = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      for (const c of folded) {
        text += c;
        origin.push(at);
      }
      if (folded.length > 0) lastWasSpace = false;
    }
    at += char.length;
  }
  origin.push(source.length);
  return { text, origin };
}

export function foldForSearch(text: string): string {
  return foldWithOrigins(text).text;
}

/** The phrase a query asks for, folded; '' when the query is blank. */
export function queryPhrase(query: string): string {
  return foldForSearch(query).trim();
}

function excerptAround(source: string, folded: FoldedText, phrase: string): string {
  const at = folded.text.indexOf(phrase);
  if (at < 0) return source.slice(0, 120);
  const hitStart = folded.origin[at] ?? 0;
  const hitEnd = folded.origin[at + phrase.length] ?? source.length;
  const start = Math.max(0, hitStart - 50);
  const end = Math.min(source.length, hitEnd + 70);
  return `${start > 0 ? '…' : ''}${source.slice(start, end).replace(/\s+/g, ' ').trim()}${end < source.length ? '…' : ''}`;
}

interface Prepared {
  slide: Slide;
  title: FoldedText;
  text: FoldedText;
  notes: FoldedText;
}

/** Folded texts are computed once per deck, not per keystroke. */
export class SlideSearch {
  private readonly prepared: Prepared[];

  constructor(slides: readonly Slide[], private readonly includeNotes: boolean) {
    this.prepared = slides.map((slide) => ({
      slide,
      title: foldWithOrigins(slide.title),
      text: foldWithOrigins(slide.text),
      notes: foldWithOrigins(includeNotes ? slide.notesText : ''),
    }));
  }

  search(query: string, limit = Infinity): SearchHit[] {
    const phrase = queryPhrase(query);
    if (!phrase) return [];
    const hits: SearchHit[] = [];
    for (const p of this.prepared) {
      let hit: SearchHit | null = null;
      if (p.text.text.includes(phrase)) hit = { slide: p.slide, field: 'text', excerpt: excerptAround(p.slide.text, p.text, phrase) };
      else if (p.title.text.includes(phrase)) hit = { slide: p.slide, field: 'title', excerpt: excerptAround(p.slide.title, p.title, phrase) };
      else if (this.includeNotes && p.notes.text.includes(phrase)) hit = { slide: p.slide, field: 'notes', excerpt: excerptAround(p.slide.notesText, p.notes, phrase) };
      if (!hit) continue;
      hits.push(hit);
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
