// Signs that several slides ran together into one: separators Lectern did not read (a reveal.js
// template's data-separator, a typo) leave whole slides in one slide's body or in its notes. The
// compiler warns at the line where the next slide seems to start. Pure.

import { fencedLines } from './source';

const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * What in a slide's notes looks like slide content: a heading, another `Note:` line, a rule
 * followed by a heading, or several images or code blocks. Everything after `Note:` to the next
 * separator is notes, so a separator Lectern did not read moves whole slides there.
 */
export function notesLookLikeSlides(notes: string): { what: string; lineOffset: number } | null {
  const lines = notes.split('\n');
  let fence = false;
  let images = 0;
  let codeBlocks = 0;
  let ruleAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      if (!fence) codeBlocks++;
      fence = !fence;
      if (codeBlocks >= 2 && !fence) return { what: 'several code blocks', lineOffset: i };
      continue;
    }
    if (fence) continue;
    if (/^\s{0,3}#{1,6}\s+\S/.test(line)) return { what: ruleAt >= 0 ? 'a horizontal rule followed by a heading' : 'a heading', lineOffset: ruleAt >= 0 ? ruleAt : i };
    if (i > 0 && /^\s{0,3}notes?:/i.test(line)) return { what: 'a second Note: line', lineOffset: i };
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) ruleAt = i;
    images += (line.match(/!\[[^\]]*\]\(|<img\b/g) ?? []).length;
    if (images >= 2) return { what: 'several images', lineOffset: i };
  }
  return null;
}

/** A heading of level 1 or 2: `#`/`##`, or a line of text underlined with `===`, or with `--`
 *  (the one underline a deck keeps: `---` and `----` separate slides). */
const TOP_HEADING = /^\s{0,3}#{1,2}\s+\S/;
const UNDERLINE = /^\s{0,3}(=+|--)\s*$/;

/** Fewest top-level headings that mark a slide as several: a title slide has a title and a
 *  subtitle, and an agenda slide may name a part; three is a deck. */
export const MERGED_SLIDE_HEADINGS = 3;

/**
 * A slide body holding MERGED_SLIDE_HEADINGS or more headings of level 1-2 (outside code): how
 * many, and the line (0-based) of the one that makes it several slides. Null otherwise.
 */
export function bodyLooksLikeSlides(body: string): { headings: number; lineOffset: number } | null {
  const lines = body.split('\n');
  const { inFence } = fencedLines(lines, 0);
  let headings = 0;
  let thirdAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inFence[i]) continue;
    const above = lines[i - 1] ?? '';
    const underlined = i > 0 && !inFence[i - 1] && UNDERLINE.test(line) && above.trim() !== '' && !TOP_HEADING.test(above);
    if (TOP_HEADING.test(line) || underlined) {
      headings++;
      if (headings === MERGED_SLIDE_HEADINGS) thirdAt = underlined ? i - 1 : i;
    }
  }
  return headings >= MERGED_SLIDE_HEADINGS ? { headings, lineOffset: thirdAt } : null;
}
