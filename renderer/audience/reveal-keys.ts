// The keys reveal.js's own keyboard controller acts on (reveal.js js/controllers/keyboard.js,
// linear navigation mode), so the audience key table refuses an entry that would silently fight
// it. reveal.js ignores Shift except on the arrows, Space, N, P and `?`, and treats Alt+key as key.

import { splitChord, type KeyOwner } from '../ui/keymap';

const PLAIN = new Set([
  // navigation
  'n', 'p', 'h', 'l', 'k', 'j', 'PageUp', 'PageDown', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Space',
  // pause (blackout), fullscreen, auto-slide, jump, close overlay, help
  'b', 'v', '.', ':', ';', '/', 'f', 'a', 'g', 'c', '?', 'F1',
  // overview on, off and pick
  'Escape', 'o', 'Enter',
]);
const WITH_SHIFT = new Set(['Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'n', 'p', '?']);

export const REVEAL_KEYS: KeyOwner = {
  name: 'reveal.js',
  owns(chord: string): boolean {
    const { mods, key } = splitChord(chord);
    if (mods.has('Mod')) return false;
    if (mods.has('Shift')) return WITH_SHIFT.has(key);
    return PLAIN.has(key);
  },
};
