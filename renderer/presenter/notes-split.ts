// The split between the slides (current, next, clock) and the notes in the presenter view: a
// handle the presenter drags, remembered across sessions. On a laptop (1366x768, 1280x800) the
// default split leaves long notes below the fold; a speaker who reads notes gives them more room.

import { el } from '../ui/dom';

const STORAGE_KEY = 'lectern.notesShare';
/** The notes' share of the height by default (the former fixed 1 : 1.55 split). */
const DEFAULT_NOTES_SHARE = 1 / 2.55;
/** Limits that keep both the current slide and a few lines of notes readable. */
const MIN_NOTES_SHARE = 0.15;
const MAX_NOTES_SHARE = 0.8;

function clampNotesShare(share: number): number {
  if (!Number.isFinite(share)) return DEFAULT_NOTES_SHARE;
  return Math.min(MAX_NOTES_SHARE, Math.max(MIN_NOTES_SHARE, share));
}

export class NotesSplit {
  readonly handle: HTMLElement;
  private share: number;

  constructor(private readonly grid: HTMLElement) {
    this.share = readShare();
    this.handle = el('div', {
      className: 'notes-split',
      attrs: {
        role: 'separator',
        'aria-orientation': 'horizontal',
        'aria-label': 'Drag to share the height between slides and notes (double-click: default)',
        title: 'Drag to give the notes more or less room (double-click: default)',
        'data-testid': 'notes-split',
      },
    });
    this.handle.addEventListener('pointerdown', (event) => this.startDrag(event));
    this.handle.addEventListener('dblclick', () => this.set(DEFAULT_NOTES_SHARE, true));
    this.apply();
  }

  /** The notes' share of the grid's height (0..1). */
  get notesShare(): number {
    return this.share;
  }

  private startDrag(start: PointerEvent): void {
    start.preventDefault();
    this.handle.setPointerCapture(start.pointerId);
    this.handle.classList.add('dragging');
    const move = (event: PointerEvent): void => {
      const box = this.grid.getBoundingClientRect();
      if (box.height > 0) this.set((box.bottom - event.clientY) / box.height, false);
    };
    const end = (): void => {
      this.handle.removeEventListener('pointermove', move);
      this.handle.classList.remove('dragging');
      this.set(this.share, true);
    };
    this.handle.addEventListener('pointermove', move);
    this.handle.addEventListener('pointerup', end, { once: true });
    this.handle.addEventListener('pointercancel', end, { once: true });
  }

  private set(share: number, remember: boolean): void {
    this.share = clampNotesShare(share);
    this.apply();
    if (!remember) return;
    try {
      localStorage.setItem(STORAGE_KEY, String(this.share));
    } catch {
      // Not remembered, still applied.
    }
  }

  private apply(): void {
    this.grid.style.setProperty('--notes-share', `${this.share}fr`);
    this.grid.style.setProperty('--slides-share', `${1 - this.share}fr`);
    this.handle.setAttribute('aria-valuenow', String(Math.round(this.share * 100)));
  }
}

function readShare(): number {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === null ? DEFAULT_NOTES_SHARE : clampNotesShare(Number(stored));
  } catch {
    return DEFAULT_NOTES_SHARE;
  }
}
