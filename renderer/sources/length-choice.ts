// The talk length an offline HTML file shows (its deck carries the other lengths' decks,
// BootConfig.lengthDecks): chosen in the presenter view, remembered per deck in localStorage,
// and followed by every window of the file (a change reloads them all on the same length).

import type { Deck } from '../../electron/deck/types';

const keyOf = (file: string): string => `lectern.length:${file}`;

/** The length chosen for this deck earlier, or null (the file's own). */
function storedLength(file: string): string | null {
  try {
    return localStorage.getItem(keyOf(file));
  } catch {
    return null;
  }
}

/** The deck to show: the stored length's, when the file carries it; else the file's own. */
export function deckForStoredLength(deck: Deck, others: Readonly<Record<string, Deck>> | undefined): Deck {
  const name = storedLength(deck.file);
  if (!name || name === deck.meta.length || !others) return deck;
  return others[name] ?? deck;
}

/** The length after `current` in the deck's list (wrapping), or null when it has fewer than two. */
export function nextLength(deck: Pick<Deck, 'meta'>): string | null {
  const names = (deck.meta.lengths ?? []).map((l) => l.name);
  if (names.length < 2) return null;
  const at = names.indexOf(deck.meta.length ?? '');
  return names[(at + 1) % names.length] ?? null;
}

/** Stores the choice and reloads this window; the others follow through the storage event. */
export function chooseStoredLength(file: string, name: string): void {
  try {
    localStorage.setItem(keyOf(file), name);
  } catch {
    return; // no storage: the file keeps its own length
  }
  location.reload();
}

/** Reloads this window when another window of the file picks a length. */
export function followLengthChoice(file: string): void {
  window.addEventListener('storage', (event) => {
    if (event.key === keyOf(file)) location.reload();
  });
}
