// Zoom: the region of the slide (slide space) fills the frame. Two ways to get there, one per
// kind of frame: the presenter's preview scales its own 1280x720 layers; the audience scales the
// whole reveal.js viewport in screen space so the region fills the slide's on-screen box.

import { SLIDE_FRAME } from '../../electron/contract/frame';
import { toScreen, zoomTransform } from '../../electron/ink/geometry';
import type { SlideRect } from '../../electron/ink/types';

export interface ZoomTarget {
  apply(region: SlideRect | null): void;
}

/** Layers that are 1280x720 at their own origin (the preview frame's children). */
export class FrameZoom implements ZoomTarget {
  constructor(private readonly layers: () => HTMLElement[] | Element[]) {}

  apply(region: SlideRect | null): void {
    for (const layer of this.layers()) {
      const style = (layer as HTMLElement).style;
      if (!style) continue;
      style.transformOrigin = region ? '0 0' : '';
      style.transform = region ? zoomTransform(region) : '';
    }
  }
}

/** A viewport (`viewport`) holding the slide whose unzoomed screen box `box()` gives. */
export class ViewportZoom implements ZoomTarget {
  private region: SlideRect | null = null;

  constructor(private readonly viewport: HTMLElement, private readonly box: () => DOMRect) {}

  apply(region: SlideRect | null): void {
    this.region = region;
    this.viewport.style.transform = '';
    this.viewport.style.transformOrigin = '';
    if (!region) return;
    const box = this.box();
    const view = this.viewport.getBoundingClientRect();
    // Magnification in slide terms: the region's width becomes the frame's.
    const scale = SLIDE_FRAME.width / region.width;
    const [rx, ry] = toScreen(region.x, region.y, box);
    const tx = box.left - view.left - (rx - view.left) * scale;
    const ty = box.top - view.top - (ry - view.top) * scale;
    this.viewport.style.transformOrigin = '0 0';
    this.viewport.style.transform = `translate(${tx}px, ${ty}px) scale(${scale})`;
  }

  /** After a resize: measure again without the zoom, then zoom again. */
  refresh(): void {
    this.apply(this.region);
  }
}
