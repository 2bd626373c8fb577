// Finds the decks in a folder by the rules in deck-file.ts: the one folder search behind
// `lectern check|export <folder>` and the start screen's list of slides/.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isListedDeckName, isSkippedFolderName } from './deck-file';

export interface FindDecksOptions {
  /** How many folder levels below `folder` to enter (default: all). The start screen uses 1. */
  maxDepth?: number;
  /**
   * A folder that exists but cannot be read: 'throw' (the command line: permission problems
   * are the user's to fix, not "no decks here") or 'skip' (the start screen lists what it can).
   */
  unreadable?: 'throw' | 'skip';
}

/**
 * Deck files under `folder`, depth first in name order (a folder's decks where its name sorts).
 * A missing folder holds no decks.
 */
export function findDecks(folder: string, options: FindDecksOptions = {}): string[] {
  const maxDepth = options.maxDepth ?? Infinity;
  const out: string[] = [];
  const visit = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || options.unreadable === 'skip') return;
      throw new Error(`cannot read ${dir}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(err)}`);
    }
    for (const name of names) {
      const full = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (depth < maxDepth && !isSkippedFolderName(name)) visit(full, depth + 1);
      } else if (isListedDeckName(name)) out.push(full);
    }
  };
  visit(folder, 0);
  return out;
}
