// `lectern export --ink`: the sidecar's strokes over each printed slide frame, as vector SVG in
// the frame's own 1280x720 space (so a handout thumbnail scales them with the slide).

import type { Slide } from '../../electron/deck/types';
import type { InkStroke } from '../../electron/ink/types';
import { inkSvg, strokeElement } from '../ink/svg';

export function drawPrintInk(root: HTMLElement, slides: readonly Slide[], ink: Readonly<Record<string, InkStroke[]>>): number {
  const byIndex = new Map(slides.map((s) => [String(s.index), s]));
  let drawn = 0;
  for (const frame of root.querySelectorAll<HTMLElement>('.lectern-frame')) {
    const slide = byIndex.get(frame.dataset.lecternIndex ?? '');
    const strokes = slide ? ink[slide.key] : undefined;
    if (!strokes?.length) continue;
    const svg = inkSvg('lectern-ink lectern-print-ink');
    for (const stroke of strokes) svg.append(strokeElement(stroke));
    (frame.querySelector('.reveal') ?? frame).append(svg);
    drawn++;
  }
  return drawn;
}
