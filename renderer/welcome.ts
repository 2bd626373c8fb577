// The app's start screen: the open deck (if any), recent decks, and an Open button.

import type { DeckSummary } from '../electron/contract/ipc';
import { findAppApi } from './sources/app';
import { el } from './ui/dom';

function describe(d: DeckSummary): string {
  const parts = [`${d.slideCount} slide${d.slideCount === 1 ? '' : 's'}`];
  if (d.duration) parts.push(`${d.duration} min`);
  if (d.errors) parts.push(`${d.errors} error${d.errors === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

export function startWelcome(root: HTMLElement): void {
  const api = findAppApi(window);
  root.classList.add('lectern-welcome-root');
  const list = el('ul', { className: 'lectern-deck-list' });
  const open = el('button', { className: 'lectern-button primary', text: 'Open a deck…', attrs: { type: 'button' } });
  open.addEventListener('click', () => void api?.invoke('deck:open', {}));
  root.replaceChildren(
    el('main', { className: 'lectern-welcome' }, [
      el('h1', { text: 'Lectern' }),
      el('p', { text: 'Open a Markdown deck to present it. Everything works offline.' }),
      open,
      el('h2', { text: 'Recent decks' }),
      list,
    ]),
  );
  if (!api) return;
  void api.invoke('deck:recent').then((decks) => {
    if (decks.length === 0) {
      list.replaceChildren(el('li', { className: 'empty', text: 'None yet.' }));
      return;
    }
    list.replaceChildren(
      ...decks.map((d) => {
        const button = el('button', { className: 'lectern-deck', attrs: { type: 'button', title: d.file } }, [
          el('strong', { text: d.title }),
          el('span', { text: describe(d) }),
        ]);
        button.addEventListener('click', () => void api.invoke('deck:open', { file: d.file }));
        return el('li', {}, [button]);
      }),
    );
  });
}
