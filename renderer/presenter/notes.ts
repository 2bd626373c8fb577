// Speaker notes at a size the presenter chooses (buttons or +/-), remembered across sessions;
// scrolled by keys that leave the talk where it is, with a mark when more text is below.

import type { Slide } from '../../electron/deck/types';
import { el } from '../ui/dom';

const STORAGE_KEY = 'lectern.notesFontSize';
const SIZES = [14, 16, 18, 20, 22, 24, 28, 32, 36, 42, 48];
const DEFAULT_SIZE = 22;

export class NotesPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly sizeLabel: HTMLElement;
  private readonly more: HTMLElement;
  private size: number;
  private shown: Slide | undefined | null = null;

  constructor() {
    this.size = readSize();
    const smaller = el('button', { className: 'lectern-button subtle', text: 'A−', attrs: { type: 'button', title: 'Smaller notes (−)', 'data-testid': 'notes-smaller' } });
    const larger = el('button', { className: 'lectern-button subtle', text: 'A+', attrs: { type: 'button', title: 'Larger notes (+)', 'data-testid': 'notes-larger' } });
    this.sizeLabel = el('span', { className: 'notes-size' });
    smaller.addEventListener('click', () => this.zoom(-1));
    larger.addEventListener('click', () => this.zoom(1));
    this.body = el('div', { className: 'notes-body', attrs: { 'data-testid': 'notes' } });
    this.more = el('div', { className: 'notes-more', text: 'More below · Shift+↓', attrs: { hidden: '', 'aria-hidden': 'true', 'data-testid': 'notes-more' } });
    this.element = el('section', { className: 'notes-pane', attrs: { 'aria-label': 'Speaker notes' } }, [
      el('div', { className: 'notes-toolbar' }, [el('h2', { className: 'pane-label', text: 'Notes' }), smaller, this.sizeLabel, larger]),
      this.body,
      this.more,
    ]);
    this.body.addEventListener('scroll', () => this.markMore());
    new ResizeObserver(() => this.markMore()).observe(this.body);
    this.apply();
  }

  /**
   * Scrolls the notes by most of a screenful (one line stays in view for the eye to follow);
   * the talk does not move.
   */
  scroll(direction: 1 | -1): void {
    const lineHeight = this.size * 1.45;
    const page = Math.max(lineHeight, this.body.clientHeight - lineHeight);
    this.body.scrollTop += direction * page;
    this.markMore();
  }

  /** Shows the "more below" mark while text is hidden under the pane's bottom edge. */
  private markMore(): void {
    const hidden = this.body.scrollHeight - this.body.clientHeight - this.body.scrollTop;
    this.more.hidden = hidden <= 2;
  }

  show(slide: Slide | undefined): void {
    if (slide === this.shown) return;
    this.shown = slide;
    if (slide?.notesHtml) {
      this.body.innerHTML = slide.notesHtml;
      this.body.classList.remove('empty');
    } else {
      this.body.textContent = 'No notes for this slide.';
      this.body.classList.add('empty');
    }
    this.body.scrollTop = 0;
    this.markMore();
  }

  /** One step larger (+1) or smaller (-1). */
  zoom(direction: 1 | -1): void {
    const i = SIZES.findIndex((s) => s >= this.size);
    const at = i < 0 ? SIZES.length - 1 : i;
    this.size = SIZES[Math.min(SIZES.length - 1, Math.max(0, at + direction))] ?? DEFAULT_SIZE;
    try {
      localStorage.setItem(STORAGE_KEY, String(this.size));
    } catch {
      // Not remembered, still applied.
    }
    this.apply();
  }

  private apply(): void {
    this.body.style.fontSize = `${this.size}px`;
    this.sizeLabel.textContent = `${this.size}px`;
    this.markMore();
  }
}

function readSize(): number {
  try {
    const n = Number(localStorage.getItem(STORAGE_KEY));
    return SIZES.includes(n) ? n : DEFAULT_SIZE;
  } catch {
    return DEFAULT_SIZE;
  }
}
