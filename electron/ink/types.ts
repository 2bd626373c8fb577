// Ink: what the presenter draws on slides, as plain data shared by the renderer (drawing,
// sync between windows), the app and the CLI (the sidecar file, print). Coordinates are in
// slide space, the 1280x720 frame (electron/contract/frame.ts), so a stroke lands on the same
// spot of the slide at any window size or projector resolution. No Node, no DOM.

/** One pen stroke. `points` is flat [x0, y0, x1, y1, ...] in slide space (0..1280, 0..720). */
export interface InkStroke {
  /** Unique across windows and sessions (`<window>-<counter>`), so merges never duplicate. */
  id: string;
  /** A CSS colour from INK_COLOURS (the sidecar accepts any #rgb/#rrggbb a hand edit gives). */
  color: string;
  /** Line width in slide px. */
  width: number;
  points: number[];
}

/** The ink of one slide, with enough of the slide to recognise it if it is gone. */
export interface InkSlide {
  /** The slide's key (Slide.key). */
  key: string;
  /** The slide's title and 0-based index when the ink was last saved (for orphans). */
  title: string;
  index: number;
  strokes: InkStroke[];
}

/** All the ink of one deck, by slide key. */
export interface InkDocument {
  /** The deck file's name (not its path: the sidecar moves with the deck folder). */
  deck: string;
  slides: Map<string, InkSlide>;
}

/** A rectangle in slide space. */
export interface SlideRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Changes to ink, as they travel between windows (SyncMessage 'ink'). */
export type InkOp =
  /** Points appended to a stroke (created on its first points): sent while the pen moves. */
  | { kind: 'draw'; slide: string; stroke: string; color: string; width: number; points: number[] }
  /** Strokes put back (undoing a clear, or a whole stroke). */
  | { kind: 'restore'; slide: string; strokes: InkStroke[] }
  /** Strokes taken away (undo, clear slide). */
  | { kind: 'remove'; slide: string; strokes: string[] };

/** The pen's colours: red, yellow, green, blue (readable on light and dark slides and on CT greys). */
export const INK_COLOURS = ['#e53935', '#fdd835', '#43a047', '#1e88e5'] as const;
export const INK_WIDTH = 4;
