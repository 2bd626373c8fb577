// reveal.js decks often put an `.element` comment on the line under a list item:
//
//   - First point
//   <!-- .element: class="fragment" -->
//   - Second point
//
// reveal.js's Markdown (an older marked) reads the comment as the rest of the item's text, so it
// lands inside the <li> and the item becomes the fragment: one list, revealed item by item.
// CommonMark, which Lectern's marked follows, lets a comment line end the list there, so the deck
// would become one list per item, each a fragment. Indenting such a comment line to the item's
// text keeps it in the item, as the author saw it in reveal.js. Only spaces are added at the
// start of those lines: every line keeps its number. Pure.

import { fencedLines } from './source';

/** A list item's first line: its indentation, marker and the spaces before its text. */
const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +)\S/;
/** A line that is nothing but an `.element` comment. */
const ELEMENT_COMMENT = /^ *<!--\s*\.element[\s:][\s\S]*?-->\s*$/;

/** `text` with every `.element` comment line that directly follows a list item's text indented
 *  to that item's text; `text` itself when there is none. */
export function keepElementCommentsInItems(text: string): string {
  if (!text.includes('.element')) return text; // most slides: nothing to look at
  const lines = text.split('\n');
  const { inFence } = fencedLines(lines, 0);
  /** Column of the text of the item the previous line belongs to; -1 when it belongs to none. */
  let itemText = -1;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inFence[i] || line.trim() === '') {
      // Code is left as written; after a blank line a comment at the margin is a block of its
      // own, in reveal.js too.
      itemText = -1;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const [, indent = '', marker = '', spaces = ''] = item;
      // Five or more spaces after the marker: the text starts one space after it (CommonMark).
      itemText = indent.length + marker.length + (spaces.length > 4 ? 1 : spaces.length);
      continue;
    }
    if (itemText < 0 || !ELEMENT_COMMENT.test(line)) continue;
    const own = line.length - line.trimStart().length;
    if (own < itemText) {
      lines[i] = ' '.repeat(itemText - own) + line;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}
