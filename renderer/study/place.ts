// The reader's place in the study view, kept in the URL (#study/N, N the slide number) as they
// scroll, so Back from "Present from here", a reload or a shared link returns to that slide.
// replaceState: scrolling adds no history entries, and fires no hashchange (which re-boots).

import type { Slide } from '../../electron/deck/types';

/** What the place needs of a study row (contents.ts builds them; a type here keeps the two acyclic). */
interface PlacedRow {
  slide: Pick<Slide, 'index'>;
  element: HTMLElement;
}

function studyHash(slideNumber: number): string {
  return `#study/${slideNumber}`;
}

/** The slide number in `#study/N`, or null. */
function parseStudyHash(hash: string): number | null {
  const m = /^#study\/(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** The first shown row under the header: the one being read. */
function rowBeingRead(rows: readonly PlacedRow[], top: number): PlacedRow | undefined {
  for (const row of rows) {
    if (row.element.hidden) continue;
    if (row.element.getBoundingClientRect().bottom > top + 2) return row;
  }
  return undefined;
}

/** Records the place on every scroll (once a frame); returns a function that stops it. */
export function recordPlace(rows: readonly PlacedRow[], headerBottom: () => number): () => void {
  let scheduled = false;
  const record = (): void => {
    scheduled = false;
    // "Present from here" has just set the audience's hash: writing ours over it would cancel it.
    if (location.hash !== '' && parseStudyHash(location.hash) === null && location.hash !== '#study') return;
    const row = rowBeingRead(rows, headerBottom());
    const hash = row ? studyHash(row.slide.index + 1) : '#study';
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  };
  const onScroll = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(record);
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  return () => window.removeEventListener('scroll', onScroll);
}

/**
 * Scrolls to the slide the URL names (false when it names none), and keeps it there while the
 * page settles: rows off screen have estimated heights (content-visibility) and fonts arrive
 * late, so the first scroll can land a few rows off. The first thing the reader does ends it.
 */
export function restorePlace(hash: string, list: HTMLElement): boolean {
  const n = parseStudyHash(hash);
  const target = n === null ? null : document.getElementById(`slide-${n}`);
  if (!target) return false;
  landOn(target, list);
  return true;
}

/** Scrolls `target` to the top and holds it there while the rows around it lay out. */
export function landOn(target: HTMLElement, list: HTMLElement): void {
  const land = (): void => target.scrollIntoView({ block: 'start' });
  land();
  const settling = new ResizeObserver(land);
  settling.observe(list);
  void document.fonts.ready.then(land);
  const stop = (): void => {
    settling.disconnect();
    for (const type of READER_INPUT) window.removeEventListener(type, stop, true);
  };
  // Listeners added after the current event (a click on a contents entry) has been dispatched.
  window.setTimeout(() => {
    for (const type of READER_INPUT) window.addEventListener(type, stop, { capture: true, passive: true });
  });
  window.setTimeout(stop, SETTLE_MS);
}

const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
// Long enough for fonts and the rows around the target to lay out on a slow machine.
const SETTLE_MS = 3000;
