// A small SVG tree as plain data: charts are computed by pure functions (tested in Node, timed in
// `npm run bench`) and turned into elements by the renderer (createElementNS, never innerHTML) or
// into markup here. Text is data, never markup: a slide title cannot inject an element.

export type SvgTag = 'svg' | 'g' | 'rect' | 'line' | 'polyline' | 'text' | 'title' | 'desc';

export interface SvgNode {
  tag: SvgTag;
  attrs?: Record<string, string | number>;
  /** Text content (title, desc, text). */
  text?: string;
  children?: SvgNode[];
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** Rounds coordinates to 0.1 so the markup (and the DOM) stays small. */
export function svgNumber(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The tree as SVG markup (a standalone file when it is an <svg>). */
export function svgMarkup(node: SvgNode): string {
  const attrs = Object.entries(node.attrs ?? {}).map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('');
  const xmlns = node.tag === 'svg' ? ` xmlns="${SVG_NS}"` : '';
  const inner = `${node.text !== undefined ? escapeText(node.text) : ''}${(node.children ?? []).map(svgMarkup).join('')}`;
  return inner ? `<${node.tag}${xmlns}${attrs}>${inner}</${node.tag}>` : `<${node.tag}${xmlns}${attrs}/>`;
}

/** Every node of the tree that passes `test`, in document order (tests and counts). */
export function svgFind(node: SvgNode, test: (n: SvgNode) => boolean): SvgNode[] {
  const out: SvgNode[] = [];
  const walk = (n: SvgNode): void => {
    if (test(n)) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(node);
  return out;
}
