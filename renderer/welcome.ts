// The app's start screen: recent decks to present or study, and Open buttons.

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
  const openStudy = el('button', { className: 'lectern-button', text: 'Open for study…', attrs: { type: 'button' } });
  openStudy.addEventListener('click', () => void api?.invoke('deck:open', { study: true }));
  root.replaceChildren(
    el('main', { className: 'lectern-welcome' }, [
      el('h1', { text: 'Lectern' }),
      el('p', { text: 'Open a Markdown deck to present it, or to study it: slides beside their notes. Everything works offline.' }),
      el('div', { className: 'lectern-welcome-actions' }, [open, openStudy]),
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
        const study = el('button', { className: 'lectern-deck-study', text: 'Study', attrs: { type: 'button', title: `Study ${d.title}: slides beside their notes` } });
        study.addEventListener('click', () => void api.invoke('deck:open', { file: d.file, study: true }));
        return el('li', { className: 'lectern-deck-item' }, [button, study]);
      }),
    );
  });
}
