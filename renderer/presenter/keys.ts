// The presenter view's keys: one table drives both the keydown handler and the `?` overlay.
// A new presenter feature's key is one more entry here (and one more action in PresenterKeyActions).

import type { KeyEntry } from '../ui/keymap';
import { DIGITS, DIGITS_LABEL, ENDS_ROW as ENDS, SKIP_ROW as SKIP } from '../ui/navigation-keys';

export interface PresenterKeyActions {
  next(): void;
  previous(): void;
  nextSlide(): void;
  previousSlide(): void;
  first(): void;
  last(): void;
  /** A digit of a slide number (the jump buffer); false when it does not take the key. */
  jumpDigit(event: KeyboardEvent): boolean;
  toggleBlackout(): void;
  /** To the backup slides (remembering the talk's place), or back to the talk. */
  toggleBackup(): void;
  toggleTimer(): void;
  /** Start a rehearsal run here, or end it (saved, then reported). */
  toggleRehearsal(): void;
  /** The next talk length (`lengths:` in the front matter), where the view can switch. */
  nextLength(): void;
  toggleFullscreen(): void;
  /** False when the window is not fullscreen (the key is then not ours). */
  leaveFullscreen(): boolean;
  notesLarger(): void;
  notesSmaller(): void;
  /** Scrolls the notes a screenful down (1) or up (-1); the talk stays where it is. */
  scrollNotes(direction: 1 | -1): void;
  toggleHelp(): void;
  /** Clinical media on the audience's slide: stack image back / forward, pause / resume. */
  stackPrevious(): void;
  stackNext(): void;
  togglePlay(): void;
}

const NOTES = 'Larger / smaller notes';
const FULLSCREEN = 'Fullscreen on / off (Esc leaves it)';
const SCROLL = 'Scroll the notes down / up (the talk stays where it is)';
const STACK = 'Image stack: previous / next image';

export function presenterKeys(a: PresenterKeyActions): KeyEntry[] {
  return [
    { keys: ['ArrowRight', 'ArrowDown', 'Space', 'PageDown', 'N'], description: 'Next step (fragment or slide)', action: a.next },
    { keys: ['ArrowLeft', 'ArrowUp', 'Shift+Space', 'PageUp', 'P'], description: 'Previous step', action: a.previous },
    { keys: ['Alt+ArrowRight', 'Alt+ArrowDown', 'Alt+PageDown', 'Alt+N'], labels: ['Alt+→'], description: 'Next slide, skipping fragments', helpRow: SKIP, action: a.nextSlide },
    { keys: ['Alt+ArrowLeft', 'Alt+ArrowUp', 'Alt+PageUp', 'Alt+P'], labels: ['Alt+←'], description: 'Previous slide, skipping fragments', helpRow: SKIP, action: a.previousSlide },
    { keys: ['Home'], description: 'First slide', action: a.first, helpRow: ENDS },
    { keys: ['End'], description: 'Last slide', action: a.last, helpRow: ENDS },
    { keys: DIGITS, labels: [DIGITS_LABEL], description: 'Jump to slide number', action: a.jumpDigit },
    { keys: ['B', '.'], description: 'Blackout (press again to return)', action: a.toggleBlackout },
    { keys: ['Shift+B'], description: 'Backup slides: to the first one, or back to the talk', action: a.toggleBackup },
    { keys: ['T'], description: 'Pause / resume the timer', action: a.toggleTimer },
    // Shift+R, not R: R is the laser pointer (ink keys, both views).
    { keys: ['Shift+R'], description: 'Rehearse: record time per slide; Shift+R again ends, saves and reports (app: View > Rehearse Timings)', action: a.toggleRehearsal },
    { keys: ['F'], description: 'Fullscreen on / off', action: a.toggleFullscreen, helpRow: FULLSCREEN },
    { keys: ['Escape'], labels: ['Esc'], description: 'Leave fullscreen', action: a.leaveFullscreen, helpRow: FULLSCREEN },
    { keys: ['L'], description: 'Next talk length (offline file; in the app: File > Talk Length)', action: a.nextLength },
    { keys: ['+', '='], labels: ['+'], description: 'Larger notes', action: a.notesLarger, helpRow: NOTES },
    { keys: ['-', '_'], labels: ['−'], description: 'Smaller notes', action: a.notesSmaller, helpRow: NOTES },
    // Shift+↓/↑, not a letter: the notes hand is on the arrows already; plain ↓/↑ move the talk.
    { keys: ['Shift+ArrowDown'], labels: ['Shift+↓'], description: 'Scroll the notes down', action: () => a.scrollNotes(1), helpRow: SCROLL },
    { keys: ['Shift+ArrowUp'], labels: ['Shift+↑'], description: 'Scroll the notes up', action: () => a.scrollNotes(-1), helpRow: SCROLL },
    { keys: ['['], description: 'Image stack: previous image', action: a.stackPrevious, helpRow: STACK },
    { keys: [']'], description: 'Image stack: next image', action: a.stackNext, helpRow: STACK },
    { keys: ['M'], description: 'Pause / resume the cine loops and videos on the slide', action: a.togglePlay },
    { keys: ['?'], description: 'This list of keys', action: a.toggleHelp },
  ];
}
