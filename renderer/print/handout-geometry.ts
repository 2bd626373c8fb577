// Where things go on a handout page, in CSS px: pure arithmetic, unit-tested without a browser.
// 1 slide: large, notes below. 2: two large slides stacked, notes below each. 3, 4, 6: one row per
// slide, the slide on the left and its notes or writing lines beside it.

import type { Paper } from '../../electron/contract/ipc';
import { FRAME_HEIGHT, FRAME_WIDTH } from './frame';
import { paperSize, PX_PER_MM } from './paper';

export type PerPage = 1 | 2 | 3 | 4 | 6;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HandoutSlot {
  slide: Box;
  notes: Box;
}

export interface HandoutGeometry {
  page: { width: number; height: number; css: string };
  slots: HandoutSlot[];
  footer: Box;
}

const MARGIN = 12 * PX_PER_MM;
const FOOTER = 8 * PX_PER_MM;
const GAP = 6 * PX_PER_MM;
const ASPECT = FRAME_HEIGHT / FRAME_WIDTH;

export function handoutGeometry(paper: Paper, perPage: PerPage): HandoutGeometry {
  const page = paperSize(paper);
  const left = MARGIN;
  const top = MARGIN;
  const width = page.width - 2 * MARGIN;
  const bottom = page.height - MARGIN - FOOTER - GAP / 2;
  const height = bottom - top;
  const slotHeight = (height - (perPage - 1) * GAP) / perPage;
  const slots: HandoutSlot[] = [];
  for (let i = 0; i < perPage; i++) {
    const y = top + i * (slotHeight + GAP);
    if (perPage <= 2) {
      // Slide on top (leaving at least a third of the slot for notes), centred; notes below.
      const slideH = Math.min(width * ASPECT, slotHeight * (perPage === 1 ? 0.5 : 0.72));
      const slideW = slideH / ASPECT;
      const slide = { x: left + (width - slideW) / 2, y, w: slideW, h: slideH };
      const notesY = y + slideH + GAP / 2;
      slots.push({ slide, notes: { x: left, y: notesY, w: width, h: y + slotHeight - notesY } });
    } else {
      const slideW = Math.min(slotHeight / ASPECT, width * 0.52);
      const slide = { x: left, y, w: slideW, h: slideW * ASPECT };
      const notesX = left + slideW + GAP;
      slots.push({ slide, notes: { x: notesX, y, w: left + width - notesX, h: slotHeight } });
    }
  }
  return {
    page: { width: page.width, height: page.height, css: page.css },
    slots,
    footer: { x: left, y: page.height - MARGIN - FOOTER, w: width, h: FOOTER },
  };
}
