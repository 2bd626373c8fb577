// The audience's position in the URL (#/h/v/f, deck coordinates): it survives a reload and a
// link can point into the talk. reveal.js must not read it (its indices are local to its window).

import type { SlidePosition } from '../../electron/contract/ipc';
import { parsePositionHash } from '../model';

/** The position the page was opened at; the hash is cleared so reveal.js never sees it. */
export function takeInitialPosition(): SlidePosition {
  const initial = parsePositionHash(location.hash) ?? { h: 0, v: 0, f: -1 };
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return initial;
}

/** A hash typed or followed later moves the presentation there. */
export function followPositionHash(goTo: (p: SlidePosition) => void): void {
  window.addEventListener('hashchange', () => {
    const p = parsePositionHash(location.hash);
    if (p) goTo(p);
  });
}
