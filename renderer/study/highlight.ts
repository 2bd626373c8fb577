// Highlights a search phrase in rendered HTML, where a reader sees it: across markup ("90Y" is
// `<sup>90</sup>Y`, a phrase may run through `<strong>`), in formulas (matched by their
// plain-text reading), in images' alt text and in the works a citation cites, each marked whole: a
// formula is never cut by a highlight, and the index holds alt text and cited works, so a slide
// found by them shows why.

import { texPlainText } from '../../electron/contract/tex-text';
import { foldWithOrigins } from '../search';

const HIT = 'lectern-hit';
/** A formula or an image the phrase touches: marked as a whole. */
const WHOLE_HIT = 'lectern-hit-whole';
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);
// Elements that do not break a line: text on both sides runs together. Any other element is a
// boundary, read as a space (as the search index joins blocks).
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'I', 'INS', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

/** A piece of the page's text: a text node, or a formula or an image read as one piece. */
type Piece = { kind: 'text'; node: Text } | { kind: 'whole'; element: HTMLElement; text: string };

export function clearHighlights(container: HTMLElement): void {
  for (const whole of container.querySelectorAll(`.${WHOLE_HIT}`)) whole.classList.remove(WHOLE_HIT);
  const marks = container.querySelectorAll(`mark.${HIT}`);
  if (marks.length === 0) return;
  for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
  container.normalize();
}

function formulaText(element: HTMLElement): string {
  const tex = element.querySelector('annotation[encoding="application/x-tex"]')?.textContent;
  return tex ? texPlainText(tex) : (element.querySelector('.katex-html')?.textContent ?? '');
}

/** The container's text in reading order, as pieces with boundaries between blocks. */
function collectPieces(container: HTMLElement): Array<Piece | 'boundary'> {
  const out: Array<Piece | 'boundary'> = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push({ kind: 'text', node: node as Text });
      return;
    }
    if (!(node instanceof HTMLElement) || SKIP.has(node.tagName)) return;
    if (node.classList.contains('katex')) {
      out.push({ kind: 'whole', element: node, text: formulaText(node) });
      return;
    }
    // A citation is found by the work it cites (its full reference is its title): marked whole.
    if (node.classList.contains('lectern-cite') && node.title.trim()) {
      out.push('boundary', { kind: 'whole', element: node, text: node.title }, 'boundary');
      return;
    }
    if (node instanceof HTMLImageElement) {
      if (node.alt.trim()) out.push('boundary', { kind: 'whole', element: node, text: node.alt }, 'boundary');
      return;
    }
    if (node.tagName === 'BR') {
      out.push('boundary');
      return;
    }
    const block = !INLINE.has(node.tagName);
    if (block) out.push('boundary');
    for (const child of node.childNodes) visit(child);
    if (block) out.push('boundary');
  };
  for (const child of container.childNodes) visit(child);
  return out;
}

interface Located {
  piece: number;
  offset: number;
}

/**
 * Wraps each occurrence of `phrase` (already folded, see queryPhrase) in `container` in
 * <mark>, and marks the formulas and images it touches; returns how many occurrences were found.
 */
export function highlightPhrase(container: HTMLElement, phrase: string): number {
  if (!phrase) return 0;
  const pieces = collectPieces(container);
  // One folded string over every piece, each character traced to its piece and offset.
  let text = '';
  const where: Located[] = [];
  const realPieces: Piece[] = [];
  for (const piece of pieces) {
    const afterSpace = text === '' || text.endsWith(' ');
    if (piece === 'boundary') {
      if (!afterSpace) {
        text += ' ';
        where.push({ piece: -1, offset: 0 });
      }
      continue;
    }
    const source = piece.kind === 'text' ? piece.node.data : piece.text;
    const folded = foldWithOrigins(source, afterSpace);
    realPieces.push(piece);
    const index = realPieces.length - 1;
    for (let i = 0; i < folded.text.length; i++) where.push({ piece: index, offset: folded.origin[i] ?? 0 });
    text += folded.text;
  }

  // Ranges to mark per text node ([start, end) in its data), and formulas touched.
  const ranges = new Map<number, Array<[number, number]>>();
  const formulas = new Set<number>();
  let count = 0;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
    count += 1;
    for (let i = at; i < at + phrase.length; i++) {
      const w = where[i];
      if (!w || w.piece < 0) continue;
      const piece = realPieces[w.piece];
      if (!piece) continue;
      if (piece.kind === 'whole') {
        formulas.add(w.piece);
        continue;
      }
      const list = ranges.get(w.piece) ?? [];
      const data = piece.node.data;
      const end = w.offset + charLength(data, w.offset);
      const last = list[list.length - 1];
      // Folding collapsed a run of spaces: one mark still covers the whole run.
      if (last && w.offset >= last[0] && /^\s*$/.test(data.slice(last[1], w.offset))) last[1] = Math.max(last[1], end);
      else list.push([w.offset, end]);
      ranges.set(w.piece, list);
    }
  }

  for (const index of formulas) {
    const piece = realPieces[index];
    if (piece?.kind === 'whole') piece.element.classList.add(WHOLE_HIT);
  }
  for (const [index, list] of ranges) {
    const piece = realPieces[index];
    if (piece?.kind === 'text') wrap(piece.node, list);
  }
  return count;
}

/** Length in UTF-16 units of the character at `offset` (2 for an astral one). */
function charLength(text: string, offset: number): number {
  const code = text.codePointAt(offset);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

function wrap(node: Text, ranges: ReadonlyArray<[number, number]>): void {
  const text = node.data;
  const fragment = document.createDocumentFragment();
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start > pos) fragment.append(text.slice(pos, start));
    const mark = document.createElement('mark');
    mark.className = HIT;
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    pos = end;
  }
  if (pos < text.length) fragment.append(text.slice(pos));
  node.replaceWith(fragment);
}
