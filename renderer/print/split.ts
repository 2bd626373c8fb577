// Splitting a notes body that overflows its page. The cut goes where the first line that does not
// fit begins: everything from there on moves into a continuation body, and the blocks the cut goes
// through (a paragraph at a line, a list between or inside items, a blockquote) are cloned so both
// halves keep their look. Text nodes are split, never copied: no text is lost or repeated.
// Everything is measured with the body laid out, after the fonts have loaded.

/** Kept whole: moved to the next page when they do not fit, scaled when taller than a page. */
const ATOMS = 'img, svg, video, canvas, iframe, object, pre, table, hr, .katex, .katex-display';
const HEADING = /^H[1-6]$/;

/** The first thing (a character or an atom) whose box reaches below a line, in reading order. */
interface Unit {
  node: Node;
  /** Character offset in a text node; null when `node` is an atom. */
  offset: number | null;
  rect: DOMRect;
}

/** A place between two units, as a DOM boundary point. */
interface Boundary {
  node: Node;
  offset: number;
}

export type Cut =
  | { kind: 'split'; at: Boundary }
  /** Not even the first line or atom fits; `atom` when that is a single atom (which can be scaled). */
  | { kind: 'nothing'; atom: HTMLElement | null };

const range = (): Range => document.createRange();

/** Offsets of the characters a line can start with (no spaces, no second half of a surrogate pair). */
function breakableOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) continue;
    out.push(i);
  }
  return out;
}

function charRect(text: Text, offset: number): DOMRect {
  const r = range();
  const c = text.data.charCodeAt(offset);
  r.setStart(text, offset);
  r.setEnd(text, offset + (c >= 0xd800 && c <= 0xdbff ? 2 : 1));
  return r.getBoundingClientRect();
}

function firstCharBelow(text: Text, y: number): Unit | null {
  if (!/\S/.test(text.data)) return null;
  const whole = range();
  whole.selectNodeContents(text);
  if (whole.getBoundingClientRect().bottom <= y) return null;
  const offsets = breakableOffsets(text.data);
  // Line bottoms grow with the offset: binary search for the first character below y.
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (charRect(text, offsets[mid]!).bottom > y) hi = mid;
    else lo = mid + 1;
  }
  if (lo === offsets.length) return null;
  const offset = offsets[lo]!;
  return { node: text, offset, rect: charRect(text, offset) };
}

/** The first unit inside `container` whose bottom is below `y` (viewport px). */
export function firstUnitBelow(container: Node, y: number): Unit | null {
  for (const child of container.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      const unit = firstCharBelow(child as Text, y);
      if (unit) return unit;
      continue;
    }
    if (!(child instanceof Element)) continue;
    const rect = child.getBoundingClientRect();
    if (child.matches(ATOMS)) {
      if ((rect.width > 0 || rect.height > 0) && rect.bottom > y) return { node: child, offset: null, rect };
      continue;
    }
    // A whole subtree above the line is skipped without looking inside.
    if (rect.height > 0 && rect.bottom <= y) continue;
    const unit = firstUnitBelow(child, y);
    if (unit) return unit;
  }
  return null;
}

function isEmpty(node: Node): boolean {
  return node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && !/\S/.test(node.textContent ?? ''));
}

/** Whether nothing but white space comes before the boundary inside its container. */
function atStartOf(at: Boundary): boolean {
  if (at.node.nodeType === Node.TEXT_NODE) {
    if (/\S/.test((at.node as Text).data.slice(0, at.offset))) return false;
    for (let n = at.node.previousSibling; n; n = n.previousSibling) if (!isEmpty(n)) return false;
    return true;
  }
  for (let i = 0; i < at.offset; i++) if (!isEmpty(at.node.childNodes[i]!)) return false;
  return true;
}

function before(node: Node): Boundary {
  const parent = node.parentNode!;
  return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, node) };
}

/** The boundary moved out of every block it would leave empty. */
function lifted(body: HTMLElement, at: Boundary): Boundary {
  while (at.node !== body && atStartOf(at)) at = before(at.node);
  return at;
}

const TEXT_BLOCKS = new Set(['P', 'LI', 'DD', 'DT']);
const INNER_BLOCKS = 'p, ul, ol, div, blockquote, li, table, pre, dl, h1, h2, h3, h4, h5, h6';

/**
 * Widows and orphans: a paragraph cut after its first line moves whole; one cut before its last
 * line leaves two lines for the next page (or moves whole when it has only three). Only plain text
 * blocks (uniform lines) are judged; a block that would leave its page empty is cut as it is.
 */
function keepTwoLines(body: HTMLElement, lineStart: Unit): Boundary | null {
  let block = lineStart.node.parentElement;
  while (block && block !== body && !TEXT_BLOCKS.has(block.tagName)) block = block.parentElement;
  if (!block || block === body || block.querySelector(ATOMS) || block.querySelector(INNER_BLOCKS)) return null;
  const lineHeight = parseFloat(getComputedStyle(block).lineHeight);
  const first = firstUnitBelow(block, -Infinity);
  if (!(lineHeight > 0) || !first) return null;
  const before = Math.round((lineStart.rect.top - first.rect.top) / lineHeight);
  const total = Math.round(block.getBoundingClientRect().height / lineHeight);
  const widow = total - before === 1;
  if (before === 1 || (widow && before < 3)) {
    const whole = lifted(body, { node: block, offset: 0 });
    return whole.node === body && atStartOf(whole) ? null : whole;
  }
  if (widow) {
    const previous = firstUnitBelow(block, lineStart.rect.top - lineHeight);
    const moved = previous && !(previous.node === lineStart.node && previous.offset === lineStart.offset);
    if (moved && previous.offset !== null) return { node: previous.node, offset: previous.offset };
  }
  return null;
}

/**
 * Where to cut `body` (a box of fixed height) so that what stays fits: null when everything fits.
 * The cut is lifted out of blocks it would leave empty, and a heading left last on the page goes
 * with what follows it.
 */
export function findCut(body: HTMLElement): Cut | null {
  const box = body.getBoundingClientRect();
  const limit = box.top + body.clientHeight;
  const over = firstUnitBelow(body, limit);
  if (!over) return null;
  // The overflowing line starts at the first unit that reaches below that line's top.
  const lineStart = firstUnitBelow(body, Math.min(over.rect.top, limit)) ?? over;
  let at: Boundary = lineStart.offset === null ? before(lineStart.node) : { node: lineStart.node, offset: lineStart.offset };
  if (lineStart.offset !== null) at = keepTwoLines(body, lineStart) ?? at;
  at = lifted(body, at);
  if (at.node === body) {
    // Keep a heading with the text it introduces.
    let previous = body.childNodes[at.offset - 1];
    while (previous && isEmpty(previous)) previous = previous.previousSibling ?? undefined;
    if (previous instanceof HTMLElement && HEADING.test(previous.tagName)) {
      const withHeading = before(previous);
      if (!atStartOf(withHeading)) at = withHeading;
    }
  }
  if (atStartOf(at) && at.node === body) {
    const atom = lineStart.offset === null && lineStart.node === over.node ? (lineStart.node as HTMLElement) : null;
    return { kind: 'nothing', atom };
  }
  return { kind: 'split', at };
}

/** The number an ordered list gives the item `li` (its start plus the items before it). */
function listValue(list: HTMLOListElement, li: Element | null): number {
  let value = list.hasAttribute('start') ? list.start : 1;
  for (const child of list.children) {
    if (child === li) break;
    if (child.tagName === 'LI') value++;
  }
  return value;
}

/**
 * Moves everything from `at` to the end of `body` into the returned fragment. Blocks the cut goes
 * through are cloned (class `lectern-continued`); an ordered list carries on with its numbering.
 */
export function splitAt(body: HTMLElement, at: Boundary): DocumentFragment {
  const chain: Element[] = [];
  for (let n: Node | null = at.node.nodeType === Node.TEXT_NODE ? at.node.parentNode : at.node; n && n !== body; n = n.parentNode) {
    chain.unshift(n as Element);
  }
  const starts = chain.map((el, i) => {
    if (!(el instanceof HTMLOListElement)) return null;
    // The item the cut is inside of, or the first item after the cut.
    const inner = chain[i + 1];
    let li: Element | null = inner?.tagName === 'LI' ? inner : null;
    if (!inner) {
      for (let k = at.offset; k < el.childNodes.length && !li; k++) {
        const child = el.childNodes[k];
        if (child instanceof Element && child.tagName === 'LI') li = child;
      }
    }
    return listValue(el, li);
  });
  const cut = range();
  cut.setStart(at.node, at.offset);
  cut.setEnd(body, body.childNodes.length);
  const fragment = cut.extractContents();
  // Each block the cut went through comes out as a partial clone holding the next one first.
  let clone: Node | null = fragment.firstChild;
  chain.forEach((_, i) => {
    if (!(clone instanceof Element)) return;
    clone.classList.add('lectern-continued');
    // One id, on the first half.
    clone.removeAttribute('id');
    const start = starts[i];
    if (start !== null && start !== undefined && clone instanceof HTMLOListElement) clone.start = start;
    clone = clone.firstChild;
  });
  return fragment;
}

/** Scales an atom taller than the room it has down to fit (zoom keeps it vector and sharp). */
export function scaleToFit(atom: HTMLElement, body: HTMLElement): boolean {
  const rect = atom.getBoundingClientRect();
  // The blocks around it may reach lower (an inline image sits on a baseline above the descent).
  let outer: Element = atom;
  while (outer.parentElement && outer.parentElement !== body) outer = outer.parentElement;
  const below = Math.max(0, outer.getBoundingClientRect().bottom - rect.bottom);
  const room = body.getBoundingClientRect().top + body.clientHeight - rect.top - below;
  if (rect.height <= 0 || room <= 0 || rect.height <= room) return false;
  const current = Number(atom.style.zoom || 1);
  atom.style.zoom = String(Math.floor(((current * room) / rect.height) * 1000) / 1000);
  atom.classList.add('lectern-scaled');
  return true;
}

/** Blocks that cannot wrap: a table or formula wider than the notes is scaled, not clipped. */
const UNWRAPPED = 'pre, table, .katex-display';

export function fitWidths(body: HTMLElement): void {
  const room = body.clientWidth;
  for (const block of body.querySelectorAll<HTMLElement>(UNWRAPPED)) {
    const width = Math.max(block.scrollWidth, block.getBoundingClientRect().width);
    if (width <= room + 0.5) continue;
    block.style.zoom = String(Math.floor((room / width) * 1000) / 1000);
    block.classList.add('lectern-scaled');
  }
}
