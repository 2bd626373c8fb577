// The app's lifecycle as one pure transition: (state, event) -> (state, effects). Which windows a
// talk, a study session and the start screen own, and what closing one of them means, is decided
// here and nowhere else; the controller only carries out the effects. A window closed by an effect
// reports 'window-closed' after the state already says it is gone, so that report changes nothing:
// no "closing" flags are needed.

import type { ViewRole } from '../contract/ipc';

/** What the app is doing. `deck` always has a talk or a study window open (or both). */
export type LifecycleState =
  | { readonly phase: 'idle' } // no deck and no window (before launch, after the start screen closed)
  | { readonly phase: 'start' } // the start screen, no deck
  | { readonly phase: 'deck'; readonly talk: boolean; readonly study: boolean }
  | { readonly phase: 'quitting' };

/** The windows a lifecycle decision opens or closes: one per view role (the hidden print window
 *  is the export's, not the lifecycle's). */
export type LifecycleWindow = ViewRole;

export type LifecycleEvent =
  | { readonly type: 'show-start' }
  /** A deck file was read and is being watched; present it or study it. */
  | { readonly type: 'deck-opened'; readonly mode: 'present' | 'study' }
  /** Present the deck; `length`: as that talk length (a name from its `lengths:`), reloading it. */
  | { readonly type: 'present'; readonly length?: string }
  | { readonly type: 'study' }
  | { readonly type: 'close-deck' }
  /** A window went away, closed by the user, the system or an effect. */
  | { readonly type: 'window-closed'; readonly window: LifecycleWindow }
  | { readonly type: 'quit' };

export type LifecycleEffect =
  | { readonly type: 'open-window'; readonly window: 'start' | 'study' } // created and shown
  /** Presenter and audience windows, placed on the displays, presenter focused. */
  | { readonly type: 'open-talk' }
  | { readonly type: 'focus-window'; readonly window: LifecycleWindow }
  | { readonly type: 'close-window'; readonly window: LifecycleWindow }
  | { readonly type: 'block-display-sleep' }
  | { readonly type: 'allow-display-sleep' }
  | { readonly type: 'release-displays' }
  /** Ask the open talk windows to save their ink and wait (a bounded time) for them, before any
   *  later effect closes them or unloads the deck: a talk that ends, or a quit, never loses ink. */
  | { readonly type: 'save-ink' }
  /** A new deck in windows already open: same windows, new content. */
  | { readonly type: 'refresh-views' }
  /** Compile the open deck as this talk length from now on (and show it in the open windows). */
  | { readonly type: 'choose-length'; readonly length: string }
  /** Stop watching the deck and forget it. */
  | { readonly type: 'unload-deck' }
  | { readonly type: 'menu-changed' }
  | { readonly type: 'quit-app' };

export interface Transition {
  readonly state: LifecycleState;
  readonly effects: readonly LifecycleEffect[];
}

export const INITIAL_STATE: LifecycleState = { phase: 'idle' };

/** Every state, for tests that walk the whole table. */
export const LIFECYCLE_STATES: readonly LifecycleState[] = [
  { phase: 'idle' },
  { phase: 'start' },
  { phase: 'deck', talk: true, study: false },
  { phase: 'deck', talk: false, study: true },
  { phase: 'deck', talk: true, study: true },
  { phase: 'quitting' },
];

/** Every event, for the same tests. */
export const LIFECYCLE_EVENTS: readonly LifecycleEvent[] = [
  { type: 'show-start' },
  { type: 'deck-opened', mode: 'present' },
  { type: 'deck-opened', mode: 'study' },
  { type: 'present' },
  { type: 'study' },
  { type: 'close-deck' },
  { type: 'window-closed', window: 'start' },
  { type: 'window-closed', window: 'study' },
  { type: 'window-closed', window: 'presenter' },
  { type: 'window-closed', window: 'audience' },
  { type: 'quit' },
];

const same = (state: LifecycleState): Transition => ({ state, effects: [] });

/** The talk's windows save their ink and close, and the machine may sleep again. */
const END_TALK: readonly LifecycleEffect[] = [
  { type: 'save-ink' },
  { type: 'release-displays' },
  { type: 'allow-display-sleep' },
  { type: 'close-window', window: 'audience' },
  { type: 'close-window', window: 'presenter' },
];

/** Windows open on a deck, given the state's flags, as a state (never a deck with no window). */
function deckState(talk: boolean, study: boolean): LifecycleState {
  return { phase: 'deck', talk, study };
}

function startTalk(state: LifecycleState, fromStart: boolean): Transition {
  const study = state.phase === 'deck' && state.study;
  return {
    state: deckState(true, study),
    effects: [
      { type: 'open-talk' },
      { type: 'block-display-sleep' },
      ...(fromStart ? [{ type: 'close-window', window: 'start' } as const] : []),
      { type: 'menu-changed' },
    ],
  };
}

function openStudy(state: LifecycleState, fromStart: boolean): Transition {
  const talk = state.phase === 'deck' && state.talk;
  return {
    state: deckState(talk, true),
    effects: [
      { type: 'open-window', window: 'study' },
      ...(fromStart ? [{ type: 'close-window', window: 'start' } as const] : []),
      { type: 'menu-changed' },
    ],
  };
}

/** `next` with the `first` effects carried out before its own, and the menu told last (once). */
function preceded(first: readonly LifecycleEffect[], next: Transition): Transition {
  const effects = next.effects.filter((effect) => effect.type !== 'menu-changed');
  return { state: next.state, effects: [...first, ...effects, { type: 'menu-changed' }] };
}

/** Closing the deck: every deck window goes, the deck is unloaded, the start screen returns. */
function closeDeck(state: LifecycleState): Transition {
  if (state.phase === 'start') return { state, effects: [{ type: 'focus-window', window: 'start' }, { type: 'menu-changed' }] };
  const effects: LifecycleEffect[] = [];
  if (state.phase === 'deck') {
    if (state.talk) effects.push(...END_TALK);
    if (state.study) effects.push({ type: 'close-window', window: 'study' });
    effects.push({ type: 'unload-deck' });
  }
  effects.push({ type: 'open-window', window: 'start' }, { type: 'menu-changed' });
  return { state: { phase: 'start' }, effects };
}

export function transition(state: LifecycleState, event: LifecycleEvent): Transition {
  // Quitting is final: windows close as the app goes, and nothing reopens them.
  if (state.phase === 'quitting') return same(state);
  switch (event.type) {
    case 'show-start':
      if (state.phase === 'idle') return { state: { phase: 'start' }, effects: [{ type: 'open-window', window: 'start' }] };
      if (state.phase === 'start') return { state, effects: [{ type: 'focus-window', window: 'start' }] };
      return same(state); // a deck is open: its windows are the app's face
    case 'deck-opened': {
      // Windows already showing a deck switch to the new one before any window opens.
      const refresh: LifecycleEffect[] = state.phase === 'deck' ? [{ type: 'refresh-views' }] : [];
      return preceded(refresh, event.mode === 'study' ? studyOn(state) : presentOn(state));
    }
    case 'present': {
      if (state.phase !== 'deck') return same(state);
      const next = presentOn(state);
      if (event.length === undefined) return next;
      // The length first: the talk windows open (or stay) on the deck compiled for it.
      return preceded([{ type: 'choose-length', length: event.length }], next);
    }
    case 'study':
      return state.phase === 'deck' ? studyOn(state) : same(state);
    case 'close-deck':
      return closeDeck(state);
    case 'window-closed':
      return windowClosed(state, event.window);
    case 'quit':
      return {
        state: { phase: 'quitting' },
        effects: [...(state.phase === 'deck' && state.talk ? END_TALK : []), ...(state.phase === 'deck' ? [{ type: 'unload-deck' } as const] : [])],
      };
  }
}

/** Present the deck (the deck is loaded): a running talk stays as it is. */
function presentOn(state: LifecycleState): Transition {
  if (state.phase === 'deck' && state.talk) return same(state);
  return startTalk(state, state.phase === 'start');
}

/** Study the deck (the deck is loaded): an open study window comes forward. */
function studyOn(state: LifecycleState): Transition {
  if (state.phase === 'deck' && state.study) return { state, effects: [{ type: 'focus-window', window: 'study' }] };
  return openStudy(state, state.phase === 'start');
}

function windowClosed(state: LifecycleState, window: LifecycleWindow): Transition {
  switch (state.phase) {
    case 'start':
      // The last app window closed: quit (a hidden print window must not keep the app alive).
      return window === 'start' ? { state: { phase: 'idle' }, effects: [{ type: 'quit-app' }] } : same(state);
    case 'deck':
      if ((window === 'presenter' || window === 'audience') && state.talk) {
        // Either talk window ends the talk; the deck stays open in a study window, else it closes.
        if (state.study) return { state: deckState(false, true), effects: [...END_TALK, { type: 'menu-changed' }] };
        return closeDeck(state);
      }
      // The study window closing with no talk running closes the deck; beside a talk it is only a window.
      if (window === 'study' && state.study) return state.talk ? same(deckState(true, false)) : closeDeck(deckState(false, false));
      return same(state);
    default:
      return same(state);
  }
}
