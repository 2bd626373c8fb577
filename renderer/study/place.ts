// The reader's place in the study view, kept in the URL (#study/N, N the slide number) as they
// scroll, so Back from "Present from here", a reload or a shared link returns to that slide.
// replaceState: scrolling adds no history entries, and fires no hashchange (which re-boots).

import type { Row } from './contents';

export function studyHash(slideNumber: number): string {
  return `#study/${slideNumber}`;
}

/** The slide number in `#study/N`, or null. */
export function parseStudyHash(hash: string): number | null {
  const m = /^#study\/(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** The first shown row under the header: the one being read. */
function rowBeingRead(rows: readonly Row[], top: number): Row | undefined {
  for (const row of rows) {
    if (row.element.hidden) continue;
    if (row.element.getBoundingClientRect().bottom > top + 2) return row;
  }
  return undefined;
}

/** Records the place on every scroll (once a frame); returns a function that stops it. */
export function recordPlace(rows: readonly Row[], headerBottom: () => number): () => void {
  let scheduled = false;
  const record = (): void => {
    scheduled = false;
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

/** Scrolls to the slide the URL names; false when it names none. */
export function restorePlace(hash: string): boolean {
  const n = parseStudyHash(hash);
  const target = n === null ? null : document.getElementById(`slide-${n}`);
  if (!target) return false;
  target.scrollIntoView({ block: 'start' });
  return true;
}
