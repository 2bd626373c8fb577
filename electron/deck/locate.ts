// Finds where a piece of rendered content came from in a slide's Markdown, for diagnostics.
// marked tokens carry no positions, but every token keeps its raw text, so searching the
// source in document order (a moving cursor) finds the right occurrence.
import type { SourceText } from './source';

export interface Position {
  line: number;
  column: number;
}

export class Locator {
  private cursor = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: SourceText) {
    for (let i = 0; i < src.text.length; i++) if (src.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Position of a character offset in the source text. */
  at(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const col = offset - (this.lineStarts[lo] ?? 0);
    return { line: this.src.line + lo, column: lo === 0 ? this.src.column + col : col + 1 };
  }

  start(): Position {
    return { line: this.src.line, column: this.src.column };
  }

  /** Finds the next occurrence of one of `needles` (tried in order) at or after the cursor. */
  find(...needles: string[]): Position {
    for (const needle of needles) {
      if (!needle) continue;
      let idx = this.src.text.indexOf(needle, this.cursor);
      if (idx < 0) idx = this.src.text.indexOf(needle);
      if (idx >= 0) {
        this.cursor = idx + 1;
        return this.at(idx);
      }
    }
    return this.start();
  }

  private lower: string | null = null;
  private readonly cursors = new Map<string, number>();
  private last = 0;

  /**
   * The next occurrence of `needle` after the one this method returned last time for the same
   * needle (HTML tags and attributes are reported in document order, so the nth report of
   * `<script` is at the nth `<script`). Null when the needle does not occur at all.
   */
  next(needle: string, insensitive = false): Position | null {
    if (!needle) return null;
    const hay = insensitive ? (this.lower ??= this.src.text.toLowerCase()) : this.src.text;
    const n = insensitive ? needle.toLowerCase() : needle;
    const key = (insensitive ? 'i' : 's') + n;
    // Reports come in document order: look after the last one first, then after this needle's
    // previous match, then anywhere.
    const from = this.cursors.get(key) ?? 0;
    let idx = hay.indexOf(n, Math.max(from, this.last));
    if (idx < 0) idx = hay.indexOf(n, from);
    if (idx < 0) idx = hay.indexOf(n);
    if (idx < 0) return null;
    this.cursors.set(key, idx + 1);
    this.last = idx;
    return this.at(idx);
  }
}
