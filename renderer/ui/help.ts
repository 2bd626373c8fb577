// The `?` overlay: every key of the current view, listed from the view's key table (keymap.ts).

import { el } from './dom';

/** One row: the keys as shown, and what they do (a view's KeyTable.helpRows()). */
export interface KeyHelp {
  keys: string[];
  action: string;
}

/** Pressed alone these are half a chord (Shift+? is how ? is typed): they leave the overlay up. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export interface HelpAction {
  label: string;
  run: () => void;
}

export class HelpOverlay {
  private readonly element: HTMLElement;

  constructor(parent: HTMLElement, title: string, keys: KeyHelp[], actions: HelpAction[] = []) {
    const rows = keys.map((k) =>
      el('tr', {}, [
        el('td', { className: 'keys' }, k.keys.flatMap((key, i) => (i > 0 ? [' ', el('kbd', { text: key })] : [el('kbd', { text: key })]))),
        el('td', { text: k.action }),
      ]),
    );
    this.element = el('div', { className: 'lectern-overlay lectern-help', attrs: { role: 'dialog', 'aria-label': 'Keyboard shortcuts', hidden: '' } }, [
      el('div', { className: 'lectern-overlay-panel' }, [
        el('h2', { text: title }),
        el('table', {}, [el('tbody', {}, rows)]),
        el(
          'div',
          { className: 'help-actions' },
          actions.map((a) => {
            const button = el('button', { className: 'lectern-button primary', text: a.label, attrs: { type: 'button' } });
            button.addEventListener('click', () => {
              this.hide();
              a.run();
            });
            return button;
          }),
        ),
        el('p', { className: 'hint', text: 'Press ? or Esc to close; any other key closes this list and does its job.' }),
      ]),
    ]);
    this.element.addEventListener('click', (e) => {
      if (e.target === this.element) this.hide();
    });
    parent.append(this.element);
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    this.element.hidden = !this.element.hidden;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /**
   * A key mode: while open, Esc or ? closes the overlay and does nothing else. Any other key
   * closes it too and then does its usual job: the overlay is never modal, so a clicker's next
   * (which has no "close" button) both clears the projector and advances the talk the presenter
   * is speaking to, and a blackout is never hidden behind the list of keys.
   */
  closeOnKey(event: KeyboardEvent): boolean {
    if (!this.open || MODIFIER_KEYS.has(event.key)) return false;
    this.hide();
    return event.key === 'Escape' || event.key === '?';
  }
}
