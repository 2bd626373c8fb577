// Highlights search words in rendered HTML by wrapping matching text in <mark>, leaving
// formulas (KaTeX) intact, and removes the highlights again.

import { foldForSearch } from '../search';

const SKIP = '.katex, script, style, mark.lectern-hit';

export function clearHighlights(container: HTMLElement): void {
  const marks = container.querySelectorAll('mark.lectern-hit');
  if (marks.length === 0) return;
  for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
  container.normalize();
}

/** Wraps every occurrence of each word (already folded) in `container`; returns the count. */
export function highlightWords(container: HTMLElement, words: readonly string[]): number {
  if (words.length === 0) return 0;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const folded = foldForSearch(text);
    // Folding can change lengths for rare characters; then offsets would be wrong: skip the node.
    if (folded.length !== text.length) continue;
    const ranges: Array<[number, number]> = [];
    for (const word of words) {
      let at = folded.indexOf(word);
      while (at >= 0) {
        ranges.push([at, at + word.length]);
        at = folded.indexOf(word, at + word.length);
      }
    }
    if (ranges.length === 0) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    const fragment = document.createDocumentFragment();
    let pos = 0;
    for (const [start, end] of merged) {
      if (start > pos) fragment.append(text.slice(pos, start));
      const mark = document.createElement('mark');
      mark.className = 'lectern-hit';
      mark.textContent = text.slice(start, end);
      fragment.append(mark);
      pos = end;
      count += 1;
    }
    if (pos < text.length) fragment.append(text.slice(pos));
    node.replaceWith(fragment);
  }
  return count;
}
