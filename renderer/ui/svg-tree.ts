// SVG elements from an SvgNode tree (electron/contract/svg-model.ts): charts are computed as data
// by pure code and drawn here with createElementNS and textContent, so no text becomes markup.

import { SVG_NS, type SvgNode } from '../../electron/contract/svg-model';

export function svgFromTree(node: SvgNode): SVGElement {
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.append(svgFromTree(child));
  return element;
}
