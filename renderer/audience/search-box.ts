// Search across slides from the audience view (Ctrl/Cmd+F): type, pick a hit with ↑/↓ and
// Enter (or a click), and the presentation goes there. Slide text only: notes stay private.

import type { Slide } from '../../electron/deck/types';
import { SlideSearch } from '../search';
import { el } from '../ui/dom';

const MAX_HITS = 30;

export interface SearchBoxActions {
  /** A hit was picked: the presentation goes to its slide. */
  go(slide: Slide): void;
  /** A clicker's Page Down / Page Up while the box is open: it closes, and the talk steps. */
  step(direction: 1 | -1): void;
}

export class SearchBox {
  private readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLOListElement;
  private readonly status: HTMLElement;
  private search: SlideSearch;
  private hits: Slide[] = [];
  private selected = 0;

  constructor(parent: HTMLElement, slides: readonly Slide[], private readonly actions: SearchBoxActions) {
    this.search = new SlideSearch(slides, false);
    this.input = el('input', { className: 'lectern-search-input', attrs: { type: 'search', placeholder: 'Search slides…', 'aria-label': 'Search slides', spellcheck: 'false' } });
    this.list = el('ol', { className: 'lectern-search-hits', attrs: { role: 'listbox', 'aria-label': 'Matching slides' } });
    this.status = el('p', { className: 'hint' });
    this.element = el('div', { className: 'lectern-overlay lectern-search', attrs: { role: 'dialog', 'aria-label': 'Search slides', hidden: '' } }, [
      el('div', { className: 'lectern-overlay-panel' }, [this.input, this.status, this.list]),
    ]);
    this.input.addEventListener('input', () => this.update());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('click', (e) => {
      if (e.target === this.element) this.close();
    });
    parent.append(this.element);
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  setSlides(slides: readonly Slide[]): void {
    this.search = new SlideSearch(slides, false);
    if (this.open) this.update();
  }

  show(): void {
    this.element.hidden = false;
    this.input.focus();
    this.input.select();
    this.update();
  }

  close(): void {
    if (!this.open) return;
    this.element.hidden = true;
    this.input.blur();
  }

  private update(): void {
    const query = this.input.value;
    const found = this.search.search(query, MAX_HITS);
    this.hits = found.map((h) => h.slide);
    this.selected = 0;
    this.list.replaceChildren(
      ...found.map((hit, i) => {
        const item = el('li', { className: 'hit', attrs: { role: 'option', 'data-slide-index': String(hit.slide.index) } }, [
          el('span', { className: 'number', text: String(hit.slide.index + 1) }),
          el('span', { className: 'title', text: hit.slide.title || 'Untitled slide' }),
          el('span', { className: 'excerpt', text: hit.excerpt }),
        ]);
        item.addEventListener('click', () => this.choose(i));
        return item;
      }),
    );
    this.status.textContent = query.trim()
      ? found.length === 0
        ? 'No slide matches.'
        : `${found.length}${found.length === MAX_HITS ? '+' : ''} slide${found.length === 1 ? '' : 's'} — ↑/↓ to pick, Enter to go, Esc to close`
      : 'Type text to find, as it reads on the slides.';
    this.highlight();
  }

  private highlight(): void {
    [...this.list.children].forEach((child, i) => {
      child.classList.toggle('selected', i === this.selected);
      child.setAttribute('aria-selected', String(i === this.selected));
    });
    this.list.children[this.selected]?.scrollIntoView({ block: 'nearest' });
  }

  private choose(i: number): void {
    const slide = this.hits[i];
    if (!slide) return;
    this.close();
    this.actions.go(slide);
  }

  private onKey(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = this.hits.length;
      if (n > 0) this.selected = (this.selected + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      this.highlight();
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      // The field has no use for them, and a clicker has no other keys: close and step the talk.
      e.preventDefault();
      this.close();
      this.actions.step(e.key === 'PageDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.choose(this.selected);
    }
  }
}
