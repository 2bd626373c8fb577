// Backup slides (after a `<!-- backup -->` marker, flagged by the compiler) are outside the
// talk: outputs that stand for the talk (PDF exports) leave them out unless asked.
import { mainSlides, type Deck } from './types';

/** The deck without its backup slides (the same value when it has none). */
export function withoutBackup(deck: Deck): Deck {
  if (!deck.slides.some((s) => s.backup)) return deck;
  // Backup slides come last, so the talk's indices and coordinates stay as they are.
  return { ...deck, slides: mainSlides(deck.slides) };
}
