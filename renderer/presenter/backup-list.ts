// The presenter's list of backup slides (after the deck's `<!-- backup -->` marker), for
// questions: each row shows the slide's number (type it to jump) and title, a click jumps,
// the slide on screen is marked. Hidden when the deck has none.

import type { Slide } from '../../electron/deck/types';
import { el } from '../ui/dom';

export class BackupList {
  readonly element = el('section', { className: 'backup-list', attrs: { 'aria-label': 'Backup slides', 'data-testid': 'backup-list', hidden: '' } });
  private readonly items = el('ol', { className: 'backup-items' });
  private shownKey = '';

  /** `go`: the presenter picked backup slide n (1-based in this list). */
  constructor(private readonly go: (n: number) => void) {
    this.element.append(el('h2', { className: 'pane-label', text: 'Backup slides (Shift+B, or type the number)' }), this.items);
  }

  show(backup: readonly Slide[], current: Slide | undefined): void {
    this.element.hidden = backup.length === 0;
    const key = backup.map((s) => `${s.index}\0${s.title}`).join('\0');
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.items.replaceChildren(
        ...backup.map((slide, i) => {
          const button = el('button', { className: 'lectern-button subtle', text: `${slide.index + 1}  ${slide.title || '(untitled)'}`, attrs: { type: 'button', 'data-index': String(slide.index) } });
          button.addEventListener('click', () => this.go(i + 1));
          return el('li', {}, [button]);
        }),
      );
    }
    for (const button of this.items.querySelectorAll<HTMLElement>('button')) {
      button.classList.toggle('is-current', current !== undefined && button.dataset.index === String(current.index));
    }
  }
}
