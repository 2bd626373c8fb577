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

  /** Case-insensitive search (HTML tag and attribute names), not moving the cursor. */
  findInsensitive(needle: string): Position {
    const idx = this.src.text.toLowerCase().indexOf(needle.toLowerCase());
    return idx >= 0 ? this.at(idx) : this.start();
  }
}
