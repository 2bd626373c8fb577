import type { DeckSource, LoadedDeck } from '../sources/types';
export function startStudy(_source: DeckSource, _loaded: LoadedDeck, root: HTMLElement): void {
  root.textContent = 'The study view is being built.';
}
