import type { DeckSource, LoadedDeck } from '../sources/types';
export function startPresenter(_source: DeckSource, _loaded: LoadedDeck, root: HTMLElement): void {
  root.textContent = 'The presenter view is being built.';
}
