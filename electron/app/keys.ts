// Keys the main process handles itself in the presenting windows. `X` swaps the displays (as in
// Keynote), but never while the presenter types in a field (the slide search box).

/** The parts of Electron's `Input` (before-input-event) used here. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  isAutoRepeat?: boolean;
}

export function isSwapKey(input: KeyInput): boolean {
  return (
    input.type === 'keyDown' &&
    input.key.toLowerCase() === 'x' &&
    !input.control &&
    !input.meta &&
    !input.alt &&
    !input.isAutoRepeat
  );
}

/** Evaluated in the page: true when the key went to an editable element. */
export const FOCUS_IS_EDITABLE_SCRIPT = `(() => {
  const el = document.activeElement;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
})()`;
