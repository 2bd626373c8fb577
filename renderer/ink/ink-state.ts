// The ink of one deck in one window: strokes by slide key, changed only through InkOps (drawn
// here or received from the other window), so both windows apply the same operations and agree.
// Undo and clear are operations too (remove, restore): nothing is destroyed while the window is
// open, and `removed` tells a save which strokes this session took away. No DOM: unit-tested.

import { mergeInk } from '../../electron/ink/sidecar-format';
import type { InkDocument, InkOp, InkSlide, InkStroke } from '../../electron/ink/types';

/** What a slide key is now (title and index, stored with the ink to recognise orphans). */
export type SlideInfo = (key: string) => { title: string; index: number } | undefined;

export class InkState {
  private slides = new Map<string, InkSlide>();
  /** Strokes this session removed (undo, clear) that a save must not bring back from the file. */
  readonly removed = new Set<string>();
  /** Strokes from an earlier talk (storage), shown only when the presenter asks. */
  readonly earlier = new Set<string>();
  private readonly listeners: Array<(slide: string, stroke?: InkStroke) => void> = [];
  /** Changes since the last save. */
  dirty = false;

  constructor(private readonly info: SlideInfo) {}

  /** Called with the slide that changed, and the stroke when only that stroke grew. */
  onChange(listener: (slide: string, stroke?: InkStroke) => void): void {
    this.listeners.push(listener);
  }

  private changed(slide: string, stroke?: InkStroke): void {
    this.dirty = true;
    for (const l of this.listeners) l(slide, stroke);
  }

  strokes(slide: string): readonly InkStroke[] {
    return this.slides.get(slide)?.strokes ?? [];
  }

  private slideFor(key: string): InkSlide {
    let s = this.slides.get(key);
    if (!s) {
      const info = this.info(key);
      s = { key, title: info?.title ?? '', index: info?.index ?? -1, strokes: [] };
      this.slides.set(key, s);
    }
    return s;
  }

  apply(op: InkOp): void {
    const slide = this.slideFor(op.slide);
    switch (op.kind) {
      case 'draw': {
        let stroke = slide.strokes.find((s) => s.id === op.stroke);
        if (!stroke) {
          if (this.removed.has(op.stroke)) return;
          stroke = { id: op.stroke, color: op.color, width: op.width, points: [] };
          slide.strokes.push(stroke);
        }
        stroke.points.push(...op.points);
        this.changed(op.slide, stroke);
        return;
      }
      case 'remove': {
        const gone = new Set(op.strokes);
        for (const id of gone) this.removed.add(id);
        slide.strokes = slide.strokes.filter((s) => !gone.has(s.id));
        this.changed(op.slide);
        return;
      }
      case 'restore': {
        const have = new Set(slide.strokes.map((s) => s.id));
        for (const s of op.strokes) {
          this.removed.delete(s.id);
          if (!have.has(s.id)) slide.strokes.push({ ...s, points: [...s.points] });
        }
        this.changed(op.slide);
        return;
      }
    }
  }

  /** Everything, for a save or a window that just joined. */
  all(): InkSlide[] {
    return [...this.slides.values()].filter((s) => s.strokes.length > 0).map((s) => {
      const info = this.info(s.key);
      return info ? { ...s, title: info.title, index: info.index } : s;
    });
  }

  /** Ink from storage or another window, merged with what this window has (nothing is lost). */
  merge(slides: readonly InkSlide[], removed: readonly string[], earlier: boolean): void {
    const mine: InkDocument = { deck: '', slides: this.slides };
    const theirs: InkDocument = { deck: '', slides: new Map(slides.map((s) => [s.key, s])) };
    for (const id of removed) this.removed.add(id);
    if (earlier) for (const s of slides) for (const st of s.strokes) this.earlier.add(st.id);
    // Strokes from storage or a message are fresh copies (parsed, structured-cloned): kept as they are.
    this.slides = mergeInk(theirs, mine, this.removed).slides;
    for (const key of new Set([...slides.map((s) => s.key)])) this.changed(key);
  }

  /** Slide keys with ink that the deck does not have (the slide was edited away or deleted). */
  orphans(): InkSlide[] {
    return this.all().filter((s) => !this.info(s.key));
  }
}
