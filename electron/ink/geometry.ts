// Stroke geometry in slide space: from a pointer on a scaled, transformed slide to slide
// coordinates and back, thinning points, SVG path data, and the zoom's rectangle and transform.

import { SLIDE_FRAME } from '../contract/frame';
import type { SlideRect } from './types';

/** Where an element showing the 1280x720 frame sits on screen (getBoundingClientRect()). */
export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A screen point as slide coordinates (rounded to 0.1 px: smaller than any screen shows). */
export function toSlideSpace(clientX: number, clientY: number, box: ScreenBox): [number, number] {
  const x = ((clientX - box.left) / box.width) * SLIDE_FRAME.width;
  const y = ((clientY - box.top) / box.height) * SLIDE_FRAME.height;
  return [round1(x), round1(y)];
}

/** A slide point as screen coordinates in the given box. */
export function toScreen(x: number, y: number, box: ScreenBox): [number, number] {
  return [box.left + (x / SLIDE_FRAME.width) * box.width, box.top + (y / SLIDE_FRAME.height) * box.height];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** True when (x, y) is on the slide. */
export function onSlide(x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x <= SLIDE_FRAME.width && y <= SLIDE_FRAME.height;
}

/** Whether a new point is far enough from the last kept one to keep (a still pen adds nothing). */
export function farEnough(points: readonly number[], x: number, y: number, minDistance = 1.5): boolean {
  const n = points.length;
  if (n < 2) return true;
  return Math.hypot(x - points[n - 2]!, y - points[n - 1]!) >= minDistance;
}

/** SVG path data for a flat point list: a dot for one point, straight segments otherwise. */
export function strokePath(points: readonly number[]): string {
  if (points.length < 2) return '';
  const parts = [`M${points[0]} ${points[1]}`];
  if (points.length === 2) parts.push(`l0.01 0`);
  for (let i = 2; i + 1 < points.length; i += 2) parts.push(`L${points[i]} ${points[i + 1]}`);
  return parts.join('');
}

/** The bounding box of a flat point list (null when empty). */
export function strokeBounds(points: readonly number[]): SlideRect | null {
  if (points.length < 2) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minY = Math.min(minY, points[i + 1]!);
    maxY = Math.max(maxY, points[i + 1]!);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The smallest region the zoom shows (8x magnification at most). */
const MIN_ZOOM_WIDTH = SLIDE_FRAME.width / 8;
/** A click (no drag) zooms 2.5x around the point. */
const CLICK_ZOOM = 2.5;

/**
 * The region to magnify from a drag between two slide points (or a click: a = b): grown to the
 * frame's 16:9 around its centre so nothing is distorted, at least MIN_ZOOM_WIDTH wide, moved
 * inside the slide.
 */
export function zoomRegion(a: readonly [number, number], b: readonly [number, number]): SlideRect {
  const W = SLIDE_FRAME.width;
  const H = SLIDE_FRAME.height;
  const dragged = Math.abs(a[0] - b[0]) > 8 || Math.abs(a[1] - b[1]) > 8;
  let width = dragged ? Math.abs(a[0] - b[0]) : W / CLICK_ZOOM;
  let height = dragged ? Math.abs(a[1] - b[1]) : H / CLICK_ZOOM;
  // Grow the short side to 16:9.
  if (width / height < W / H) width = (height * W) / H;
  else height = (width * H) / W;
  if (width < MIN_ZOOM_WIDTH) {
    width = MIN_ZOOM_WIDTH;
    height = (width * H) / W;
  }
  width = Math.min(width, W);
  height = Math.min(height, H);
  const cx = (a[0] + b[0]) / 2;
  const cy = (a[1] + b[1]) / 2;
  const x = Math.min(Math.max(cx - width / 2, 0), W - width);
  const y = Math.min(Math.max(cy - height / 2, 0), H - height);
  return { x: round1(x), y: round1(y), width: round1(width), height: round1(height) };
}

/** The CSS transform (origin top-left, in slide px) that makes `region` fill the frame. */
export function zoomTransform(region: SlideRect): string {
  const scale = SLIDE_FRAME.width / region.width;
  return `scale(${scale}) translate(${-region.x}px, ${-region.y}px)`;
}

/** A rectangle from slide space, checked (sync messages come from another window). */
export function isSlideRect(value: unknown): value is SlideRect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) && (r.width as number) > 0 && (r.height as number) > 0;
}

/**
 * Fewer points, the same line (Ramer-Douglas-Peucker): points closer than `tolerance` slide px to
 * the simplified line are dropped. A pen sampled at 125 Hz gives several points per pixel of a
 * slow stroke; 0.35 slide px is under one screen pixel even on a 4K projector (3 px per slide px).
 */
export function simplifyStroke(points: readonly number[], tolerance = 0.35): number[] {
  const n = points.length / 2;
  if (n <= 2) return [...points];
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: Array<[number, number]> = [[0, n - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ax = points[2 * a]!, ay = points[2 * a + 1]!;
    const dx = points[2 * b]! - ax, dy = points[2 * b + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = t2;
    for (let i = a + 1; i < b; i++) {
      const px = points[2 * i]! - ax, py = points[2 * i + 1]! - ay;
      // Distance to the segment (to the end point when the segment is a point).
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx, ey = py - t * dy;
        d = ex * ex + ey * ey;
      }
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[2 * i]!, points[2 * i + 1]!);
  return out;
}
