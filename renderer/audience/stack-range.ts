// Which horizontal stacks of the deck reveal.js holds. reveal.js touches every <section> it has
// on each step (classes, hidden attributes, backgrounds), so a long deck is mounted as a window
// of stacks around the current one and re-centred as the talk moves: each step's work stays
// the same whatever the deck's length. Pure arithmetic, no DOM.

export interface StackRange {
  /** First mounted stack (global h). */
  start: number;
  /** One past the last mounted stack. */
  end: number;
}

export class StackWindow {
  constructor(
    /** Number of horizontal stacks in the deck. */
    readonly stackCount: number,
    /** Stacks mounted on each side of the centre. */
    readonly radius: number,
    /** Re-centre once the current stack is this close to an inner edge. */
    readonly margin: number,
  ) {}

  around(h: number): StackRange {
    const centre = Math.min(Math.max(0, h), Math.max(0, this.stackCount - 1));
    return { start: Math.max(0, centre - this.radius), end: Math.min(this.stackCount, centre + this.radius + 1) };
  }

  all(): StackRange {
    return { start: 0, end: this.stackCount };
  }

  contains(range: StackRange, h: number): boolean {
    return h >= range.start && h < range.end;
  }

  /** True when the talk at `h` is close to an edge of `range` that is not the deck's own edge. */
  nearInnerEdge(range: StackRange, h: number): boolean {
    if (!this.contains(range, h)) return true;
    const nearStart = range.start > 0 && h - range.start < this.margin;
    const nearEnd = range.end < this.stackCount && range.end - 1 - h < this.margin;
    return nearStart || nearEnd;
  }
}
