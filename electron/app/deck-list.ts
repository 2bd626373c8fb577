// The start screen's list: the decks in slides/ (at the top or one folder deep) and
// the recent ones, summarised by compiling each (title, slide count, planned duration, errors).

import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DeckSummary } from '../contract/ipc';
import { isDeckFile } from '../deck/deck-file';
import { findDecks } from '../deck/find-decks';
import type { Deck } from '../deck/types';

export type LoadDeck = (file: string) => Promise<Deck>;

/** Deck files in `dir` and one level of subfolders (find-decks.ts), sorted by path. */
export function findDeckFiles(dir: string): string[] {
  return findDecks(dir, { maxDepth: 1, unreadable: 'skip' });
}

export function summarizeDeck(deck: Deck): DeckSummary {
  const summary: DeckSummary = {
    file: deck.file,
    title: deck.meta.title,
    slideCount: deck.slides.length,
    errors: deck.diagnostics.filter((d) => d.severity === 'error').length,
  };
  if (deck.meta.duration !== undefined) summary.duration = deck.meta.duration;
  return summary;
}

/** Summaries in the order given; a deck that cannot be read shows with one error. */
export async function summarizeDecks(files: readonly string[], load: LoadDeck): Promise<DeckSummary[]> {
  const out: DeckSummary[] = [];
  for (const file of files) {
    try {
      out.push(summarizeDeck(await load(file)));
    } catch {
      out.push({ file, title: basename(file), slideCount: 0, errors: 1 });
    }
  }
  return out;
}

/** An existing deck file by deck-file.ts's rule: what `deck:open` and Open Recent accept. */
export function isDeckPath(file: unknown): file is string {
  if (typeof file !== 'string' || file.includes('\0') || !isDeckFile(file)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
