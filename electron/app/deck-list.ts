// The start screen's list: the decks in slides/ (a .md at the top or one folder per deck) and
// the recent ones, summarised by compiling each (title, slide count, planned duration, errors).

import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DeckSummary } from '../contract/ipc';
import type { Deck } from '../deck/types';

export type LoadDeck = (file: string) => Promise<Deck>;

const isDeckName = (name: string): boolean => /\.(md|markdown)$/i.test(name) && !name.startsWith('.');

/** Deck files in `dir` and one level of subfolders, sorted by path. */
export function findDeckFiles(dir: string): string[] {
  const found: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    const full = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) {
      if (isDeckName(name)) found.push(full);
      continue;
    }
    let inner: string[] = [];
    try {
      inner = readdirSync(full).sort();
    } catch {
      continue;
    }
    for (const sub of inner) if (isDeckName(sub) && statSync(join(full, sub)).isFile()) found.push(join(full, sub));
  }
  return found;
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

/** An existing .md/.markdown file (what `deck:open` and Open Recent accept). */
export function isDeckPath(file: unknown): file is string {
  if (typeof file !== 'string' || file.includes('\0') || !/\.(md|markdown)$/i.test(file)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
