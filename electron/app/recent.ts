// The recent-decks list, kept between runs as JSON in userData. Written to a temp file and
// renamed into place, so a crash mid-write never leaves a half-written list.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export const RECENT_LIMIT = 10;

interface RecentFile {
  version: 1;
  decks: string[];
}

export class RecentDecks {
  private decks: string[] = [];

  constructor(private readonly file: string, private readonly limit: number = RECENT_LIMIT) {
    this.decks = this.read();
  }

  private read(): string[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = JSON.parse(text) as Partial<RecentFile>;
      if (!Array.isArray(parsed.decks)) throw new Error('no decks array');
      return parsed.decks.filter((d): d is string => typeof d === 'string').slice(0, this.limit);
    } catch {
      // Keep the unreadable file for inspection rather than silently overwriting it.
      try {
        renameSync(this.file, `${this.file}.corrupt`);
      } catch {
        // nothing to keep
      }
      return [];
    }
  }

  list(): readonly string[] {
    return this.decks;
  }

  /** Moves (or puts) a deck at the top and saves. */
  add(deck: string): readonly string[] {
    const path = resolve(deck);
    this.decks = [path, ...this.decks.filter((d) => d !== path)].slice(0, this.limit);
    this.save();
    return this.decks;
  }

  remove(deck: string): readonly string[] {
    const path = resolve(deck);
    this.decks = this.decks.filter((d) => d !== path);
    this.save();
    return this.decks;
  }

  clear(): void {
    this.decks = [];
    this.save();
  }

  private save(): void {
    const data: RecentFile = { version: 1, decks: this.decks };
    writeJsonAtomic(this.file, data);
  }
}
