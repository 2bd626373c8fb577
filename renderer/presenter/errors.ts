// Compile and live-reload errors, shown to the presenter only (never on the projector).

import type { Diagnostic } from '../../electron/deck/types';
import { el } from '../ui/dom';

export class ErrorList {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly heading: HTMLElement;

  constructor() {
    this.heading = el('strong');
    this.list = el('ul');
    this.element = el('div', { className: 'presenter-errors', attrs: { hidden: '', role: 'status', 'data-testid': 'errors' } }, [this.heading, this.list]);
  }

  show(errors: readonly Diagnostic[]): void {
    this.element.hidden = errors.length === 0;
    this.heading.textContent = `${errors.length} error${errors.length === 1 ? '' : 's'} in the deck (the audience does not see this):`;
    this.list.replaceChildren(
      ...errors.slice(0, 20).map((d) => el('li', { text: `${d.file}:${d.line}:${d.column}: ${d.message}` })),
    );
  }
}
