// What the app shows before a deck is open: recent decks and an Open button.

import type { DeckSource } from './sources/types';
import { findAppApi } from './sources/app';
import { el } from './ui/dom';

export function startWelcome(_source: DeckSource, root: HTMLElement): void {
  const api = findAppApi(window);
  const list = el('ul', { className: 'lectern-deck-list' });
  const open = el('button', { className: 'lectern-button primary', text: 'Open a deck…' });
  open.addEventListener('click', () => void api?.invoke('deck:open', {}));
  root.replaceChildren(
    el('main', { className: 'lectern-welcome' }, [el('h1', { text: 'Lectern' }), el('p', { text: 'Open a Markdown deck to present it.' }), open, list]),
  );
  if (!api) return;
  void api.invoke('deck:list').then((decks) => {
    list.replaceChildren(
      ...decks.map((d) => {
        const button = el('button', { className: 'lectern-button', text: `${d.title} — ${d.slideCount} slides${d.errors ? `, ${d.errors} errors` : ''}` });
        button.addEventListener('click', () => void api.invoke('deck:open', { file: d.file }));
        return el('li', {}, [button]);
      }),
    );
  });
}
