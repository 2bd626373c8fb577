// Jump to a slide by typing its number, then Enter. The typed digits show in a small badge.

import { el } from './dom';

export class JumpBuffer {
  private digits = '';
  private readonly badge: HTMLElement;
  private clearTimer: number | undefined;

  constructor(parent: HTMLElement, private readonly go: (slideNumber: number) => boolean) {
    this.badge = el('div', { className: 'lectern-jump', attrs: { hidden: '', 'aria-live': 'polite' } });
    parent.append(this.badge);
  }

  get active(): boolean {
    return this.digits.length > 0;
  }

  /** Handles a key; true when it was consumed. */
  handleKey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if (/^[0-9]$/.test(event.key)) {
      if (this.digits.length < 5) this.digits += event.key;
      this.render();
      return true;
    }
    if (!this.active) return false;
    if (event.key === 'Enter') {
      const n = Number(this.digits);
      this.clear();
      if (!this.go(n)) this.flash(`No slide ${n}`);
      return true;
    }
    if (event.key === 'Backspace') {
      this.digits = this.digits.slice(0, -1);
      this.render();
      return true;
    }
    if (event.key === 'Escape') {
      this.clear();
      return true;
    }
    return false;
  }

  clear(): void {
    this.digits = '';
    this.render();
  }

  private render(): void {
    window.clearTimeout(this.clearTimer);
    this.badge.hidden = !this.active;
    this.badge.textContent = this.active ? `Go to slide ${this.digits} ⏎` : '';
    // Stray digits do not linger: the badge clears itself after a few seconds.
    if (this.active) this.clearTimer = window.setTimeout(() => this.clear(), 4000);
  }

  private flash(message: string): void {
    this.badge.hidden = false;
    this.badge.textContent = message;
    this.clearTimer = window.setTimeout(() => this.clear(), 1500);
  }
}
