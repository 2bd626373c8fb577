// One window's ink surface: an SVG in slide space laid over a slide frame (the presenter's
// current-slide preview, or the audience's reveal.js slide), showing one slide's strokes, the
// laser dot and the zoom's rubber band, and turning pointer input into slide coordinates.

import { strokePath, toSlideSpace } from '../../electron/ink/geometry';
import type { InkStroke, SlideRect } from '../../electron/ink/types';
import { inkSvg, strokeElement, svgElement } from './svg';

export type LayerInput = 'none' | 'pen' | 'laser' | 'zoom';

export interface LayerPointer {
  down(at: [number, number]): void;
  move(at: [number, number]): void;
  up(at: [number, number]): void;
  leave(): void;
}

export class InkLayer {
  readonly svg = inkSvg('lectern-ink');
  private readonly strokesGroup = svgElement('g');
  private readonly laser = svgElement('circle');
  private readonly band = svgElement('rect');
  private readonly paths = new Map<string, SVGPathElement>();
  private input: LayerInput = 'none';
  private pointerId: number | null = null;

  constructor(host: HTMLElement, private readonly pointer: LayerPointer) {
    this.laser.setAttribute('class', 'lectern-laser');
    this.laser.setAttribute('r', '9');
    this.laser.style.display = 'none';
    this.band.setAttribute('class', 'lectern-zoom-band');
    this.band.style.display = 'none';
    this.svg.append(this.strokesGroup, this.band, this.laser);
    host.append(this.svg);
    this.svg.addEventListener('pointerdown', (e) => this.onDown(e));
    this.svg.addEventListener('pointermove', (e) => this.onMove(e));
    this.svg.addEventListener('pointerup', (e) => this.onUp(e));
    this.svg.addEventListener('pointercancel', (e) => this.onUp(e));
    // reveal.js swipes on touch: while a tool is out, touches draw instead.
    this.svg.addEventListener('touchstart', (e) => {
      if (this.input !== 'none') e.stopPropagation();
    }, { passive: true });
    this.svg.addEventListener('pointerleave', () => {
      if (this.pointerId === null) this.pointer.leave();
    });
  }

  /** What pointer input on the layer does; 'none' lets clicks through to the slide. */
  setInput(input: LayerInput): void {
    this.input = input;
    this.svg.dataset.input = input;
  }

  private at(e: PointerEvent): [number, number] {
    return toSlideSpace(e.clientX, e.clientY, this.svg.getBoundingClientRect());
  }

  private onDown(e: PointerEvent): void {
    if (this.input === 'none' || e.button !== 0) return;
    e.preventDefault();
    this.pointerId = e.pointerId;
    try {
      // Keeps the stroke when the pen leaves the slide; a pointer the browser does not know
      // (a synthetic event) cannot be captured, and the stroke works without it.
      this.svg.setPointerCapture(e.pointerId);
    } catch {
      /* not capturable */
    }
    this.pointer.down(this.at(e));
  }

  private onMove(e: PointerEvent): void {
    if (this.input === 'none') return;
    if (this.pointerId !== null && e.pointerId !== this.pointerId) return;
    // Every sample the pointer made since the last frame, so a fast stroke keeps its shape.
    const samples = this.pointerId !== null && typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    if (samples.length > 1) for (const s of samples) this.pointer.move(this.at(s));
    else this.pointer.move(this.at(e));
  }

  private onUp(e: PointerEvent): void {
    if (this.pointerId === null || e.pointerId !== this.pointerId) return;
    this.pointerId = null;
    this.pointer.up(this.at(e));
  }

  /** Shows a slide's strokes (replacing what was shown). */
  show(strokes: readonly InkStroke[]): void {
    this.paths.clear();
    this.strokesGroup.replaceChildren(
      ...strokes.map((s) => {
        const p = strokeElement(s);
        this.paths.set(s.id, p);
        return p;
      }),
    );
  }

  /** A stroke grew (drawn here or in the other window): only its path changes. */
  grow(stroke: InkStroke): void {
    const p = this.paths.get(stroke.id);
    if (p) p.setAttribute('d', strokePath(stroke.points));
    else {
      const np = strokeElement(stroke);
      this.paths.set(stroke.id, np);
      this.strokesGroup.append(np);
    }
  }

  showLaser(at: readonly [number, number] | null): void {
    if (!at) {
      this.laser.style.display = 'none';
      return;
    }
    this.laser.setAttribute('cx', String(at[0]));
    this.laser.setAttribute('cy', String(at[1]));
    this.laser.style.display = '';
  }

  showBand(rect: SlideRect | null): void {
    if (!rect) {
      this.band.style.display = 'none';
      return;
    }
    this.band.setAttribute('x', String(rect.x));
    this.band.setAttribute('y', String(rect.y));
    this.band.setAttribute('width', String(rect.width));
    this.band.setAttribute('height', String(rect.height));
    this.band.style.display = '';
  }
}
