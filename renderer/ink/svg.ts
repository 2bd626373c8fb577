// Ink as SVG in slide space: one <svg viewBox="0 0 1280 720"> laid over a slide frame, one <path>
// per stroke. Used live (ink-layer.ts) and in print pages (print/ink.ts), so ink prints as drawn.

import { strokePath } from '../../electron/ink/geometry';
import type { InkStroke } from '../../electron/ink/types';
import { FRAME_HEIGHT, FRAME_WIDTH } from '../slide-frame';

const SVG = 'http://www.w3.org/2000/svg';

/** An empty layer covering a 1280x720 frame. */
export function inkSvg(className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', `0 0 ${FRAME_WIDTH} ${FRAME_HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}

/** One stroke's path (round caps and joins: a dot is a dot). */
export function strokeElement(stroke: Pick<InkStroke, 'id' | 'color' | 'width' | 'points'>): SVGPathElement {
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', strokePath(stroke.points));
  path.setAttribute('stroke', stroke.color);
  path.setAttribute('stroke-width', String(stroke.width));
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  path.dataset.stroke = stroke.id;
  return path;
}

export function svgElement<K extends keyof SVGElementTagNameMap>(name: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG, name);
}
