// Below 900 px the contents leave the side and open as a menu from the header: a button toggles
// them over the page, and choosing an entry, Esc or a click outside closes them.

import { el } from '../ui/dom';

export interface ContentsMenu {
  button: HTMLButtonElement;
  readonly open: boolean;
  close(): void;
}

export function contentsMenu(root: HTMLElement, toc: HTMLElement): ContentsMenu {
  toc.id ||= 'study-contents';
  const button = el('button', {
    className: 'lectern-button study-contents-button',
    text: '☰ Contents',
    attrs: { type: 'button', 'aria-controls': toc.id, 'aria-expanded': 'false', 'data-testid': 'study-contents-button' },
  });
  const set = (open: boolean): void => {
    root.classList.toggle('study-toc-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  const menu: ContentsMenu = {
    button,
    get open() {
      return root.classList.contains('study-toc-open');
    },
    close: () => set(false),
  };
  button.addEventListener('click', () => set(!menu.open));
  toc.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a')) set(false);
  });
  document.addEventListener('click', (e) => {
    if (menu.open && e.target instanceof Node && !toc.contains(e.target) && !button.contains(e.target)) set(false);
  });
  return menu;
}
