// The audience view's keys: one table drives both our keydown handler (which runs before
// reveal.js's) and the `?` overlay. Entries without an action document keys reveal.js handles;
// entries with one that take a reveal.js key say so (`overrides`), and any other claim on a
// reveal.js key is refused when the table is built (reveal-keys.ts).

import { KeyTable, type KeyEntry } from '../ui/keymap';
import { DIGITS, DIGITS_LABEL, ENDS_ROW as ENDS, SKIP_ROW as SKIP } from '../ui/navigation-keys';
import { REVEAL_KEYS } from './reveal-keys';

export interface AudienceKeyActions {
  /**
   * A Next key at the talk's last step: taken (and nothing happens), so reveal.js does not run
   * into the backup slides. False everywhere else: reveal.js steps as usual.
   */
  endOfTalk(event: KeyboardEvent): boolean;
  /** First / last slide of the whole deck (reveal.js only holds a window of it). */
  first(event: KeyboardEvent): boolean;
  last(event: KeyboardEvent): boolean;
  overview(event: KeyboardEvent): boolean;
  /** Esc: leaves fullscreen when the page is fullscreen, else opens the overview. */
  escape(event: KeyboardEvent): boolean;
  jumpDigit(event: KeyboardEvent): boolean;
  toggleFullscreen(): void;
  fullscreenFromClicker(): void;
  search(): void;
  openPresenter(event: KeyboardEvent): boolean;
  toggleHelp(): void;
  /** DICOM stack on the slide: previous / next image; false when the slide has none. */
  stackPrevious(): boolean;
  stackNext(): boolean;
  /** Cine loops and videos on the slide: pause / resume; false when the slide has none. */
  togglePlay(): boolean;
}

const FULLSCREEN = "Fullscreen on / off (a clicker's start button sends F5: it only enters, never reloads)";
const OVERVIEW = 'Overview of all slides (Enter or a click picks one); Esc leaves fullscreen first';
const REVEAL = REVEAL_KEYS.name;
const STACK = 'Image stack: previous / next image (or the mouse wheel)';

export function audienceKeys(a: AudienceKeyActions): KeyEntry[] {
  return [
    { keys: ['ArrowRight', 'ArrowDown', 'Space', 'PageDown', 'N'], description: 'Next step (fragment or slide)', action: a.endOfTalk, overrides: REVEAL },
    { keys: ['ArrowLeft', 'ArrowUp', 'Shift+Space', 'PageUp', 'P'], description: 'Previous step' },
    { keys: ['Alt+ArrowRight'], labels: ['Alt+→'], description: 'Next slide, skipping fragments', helpRow: SKIP, action: a.endOfTalk, overrides: REVEAL },
    { keys: ['Alt+ArrowLeft'], labels: ['Alt+←'], description: 'Previous slide, skipping fragments', helpRow: SKIP },
    { keys: ['Home', 'Shift+ArrowLeft', 'Shift+H'], labels: ['Home'], description: 'First slide', action: a.first, overrides: REVEAL, helpRow: ENDS },
    { keys: ['End', 'Shift+ArrowRight', 'Shift+L'], labels: ['End'], description: 'Last slide', action: a.last, overrides: REVEAL, helpRow: ENDS },
    { keys: DIGITS, labels: [DIGITS_LABEL], description: 'Jump to slide number', action: a.jumpDigit },
    { keys: ['B', '.'], description: 'Blackout (press again to return)' },
    { keys: ['Escape'], description: 'Leave fullscreen; when not fullscreen, the overview', action: a.escape, overrides: REVEAL, helpRow: OVERVIEW },
    { keys: ['O'], description: 'Overview of all slides (Enter or a click picks one)', action: a.overview, overrides: REVEAL, helpRow: OVERVIEW },
    { keys: ['F'], description: 'Fullscreen on / off', action: a.toggleFullscreen, overrides: REVEAL, helpRow: FULLSCREEN },
    { keys: ['F5', 'Mod+F5'], labels: ['F5'], description: 'Fullscreen from a clicker (its start button sends F5)', action: a.fullscreenFromClicker, helpRow: FULLSCREEN },
    { keys: ['Mod+F'], labels: ['Ctrl+F', '⌘F'], description: 'Search slides', action: a.search },
    { keys: ['S'], description: 'Open the presenter view (notes, timer) in a second window', action: a.openPresenter },
    { keys: ['['], description: 'Image stack: previous image (or the mouse wheel)', action: a.stackPrevious, helpRow: STACK },
    { keys: [']'], description: 'Image stack: next image (or the mouse wheel)', action: a.stackNext, helpRow: STACK },
    { keys: ['M'], description: 'Pause / resume the cine loops and videos on the slide', action: a.togglePlay },
    { keys: ['?'], description: 'This list of keys', action: a.toggleHelp, overrides: REVEAL },
  ];
}

/** `extra`: entries of features that share the view (pen, laser, zoom: renderer/ink/ink-keys.ts). */
export function audienceKeyTable(a: AudienceKeyActions, extra: readonly KeyEntry[] = []): KeyTable {
  return new KeyTable([...audienceKeys(a), ...extra], [REVEAL_KEYS]);
}
