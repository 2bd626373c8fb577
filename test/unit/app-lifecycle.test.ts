// The app lifecycle, whole: every state against every event, as a table a reader can check line
// by line, plus the rules the table must keep (windows opened and closed match the states, display
// sleep is blocked exactly while a talk runs, quitting is final).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INITIAL_STATE,
  LIFECYCLE_EVENTS,
  LIFECYCLE_STATES,
  transition,
  type LifecycleEffect,
  type LifecycleEvent,
  type LifecycleState,
  type LifecycleWindow,
} from '../../electron/app/lifecycle';

const stateName = (s: LifecycleState): string =>
  s.phase === 'deck' ? `deck(${[s.talk && 'talk', s.study && 'study'].filter(Boolean).join('+')})` : s.phase;
const eventName = (e: LifecycleEvent): string =>
  e.type === 'deck-opened' ? `deck-opened:${e.mode}` : e.type === 'window-closed' ? `closed:${e.window}` : e.type;
const effectName = (e: LifecycleEffect): string => ('window' in e ? `${e.type}:${e.window}` : e.type);

/** [state, event, next state, effects in order]: the lifecycle written down. */
const TABLE: ReadonlyArray<readonly [string, string, string, string]> = [
    ['idle', 'show-start', 'start', 'open-window:start'],
    ['idle', 'deck-opened:present', 'deck(talk)', 'open-talk block-display-sleep menu-changed'],
    ['idle', 'deck-opened:study', 'deck(study)', 'open-window:study menu-changed'],
    ['idle', 'present', 'idle', ''],
    ['idle', 'study', 'idle', ''],
    ['idle', 'close-deck', 'start', 'open-window:start menu-changed'],
    ['idle', 'closed:start', 'idle', ''],
    ['idle', 'closed:study', 'idle', ''],
    ['idle', 'closed:presenter', 'idle', ''],
    ['idle', 'closed:audience', 'idle', ''],
    ['idle', 'quit', 'quitting', ''],
    ['start', 'show-start', 'start', 'focus-window:start'],
    ['start', 'deck-opened:present', 'deck(talk)', 'open-talk block-display-sleep close-window:start menu-changed'],
    ['start', 'deck-opened:study', 'deck(study)', 'open-window:study close-window:start menu-changed'],
    ['start', 'present', 'start', ''],
    ['start', 'study', 'start', ''],
    ['start', 'close-deck', 'start', 'focus-window:start menu-changed'],
    ['start', 'closed:start', 'idle', 'quit-app'],
    ['start', 'closed:study', 'start', ''],
    ['start', 'closed:presenter', 'start', ''],
    ['start', 'closed:audience', 'start', ''],
    ['start', 'quit', 'quitting', ''],
    ['deck(talk)', 'show-start', 'deck(talk)', ''],
    ['deck(talk)', 'deck-opened:present', 'deck(talk)', 'refresh-views menu-changed'],
    ['deck(talk)', 'deck-opened:study', 'deck(talk+study)', 'refresh-views open-window:study menu-changed'],
    ['deck(talk)', 'present', 'deck(talk)', ''],
    ['deck(talk)', 'study', 'deck(talk+study)', 'open-window:study menu-changed'],
    ['deck(talk)', 'close-deck', 'start', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter unload-deck open-window:start menu-changed'],
    ['deck(talk)', 'closed:start', 'deck(talk)', ''],
    ['deck(talk)', 'closed:study', 'deck(talk)', ''],
    ['deck(talk)', 'closed:presenter', 'start', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter unload-deck open-window:start menu-changed'],
    ['deck(talk)', 'closed:audience', 'start', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter unload-deck open-window:start menu-changed'],
    ['deck(talk)', 'quit', 'quitting', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter unload-deck'],
    ['deck(study)', 'show-start', 'deck(study)', ''],
    ['deck(study)', 'deck-opened:present', 'deck(talk+study)', 'refresh-views open-talk block-display-sleep menu-changed'],
    ['deck(study)', 'deck-opened:study', 'deck(study)', 'refresh-views focus-window:study menu-changed'],
    ['deck(study)', 'present', 'deck(talk+study)', 'open-talk block-display-sleep menu-changed'],
    ['deck(study)', 'study', 'deck(study)', 'focus-window:study'],
    ['deck(study)', 'close-deck', 'start', 'close-window:study unload-deck open-window:start menu-changed'],
    ['deck(study)', 'closed:start', 'deck(study)', ''],
    ['deck(study)', 'closed:study', 'start', 'unload-deck open-window:start menu-changed'],
    ['deck(study)', 'closed:presenter', 'deck(study)', ''],
    ['deck(study)', 'closed:audience', 'deck(study)', ''],
    ['deck(study)', 'quit', 'quitting', 'unload-deck'],
    ['deck(talk+study)', 'show-start', 'deck(talk+study)', ''],
    ['deck(talk+study)', 'deck-opened:present', 'deck(talk+study)', 'refresh-views menu-changed'],
    ['deck(talk+study)', 'deck-opened:study', 'deck(talk+study)', 'refresh-views focus-window:study menu-changed'],
    ['deck(talk+study)', 'present', 'deck(talk+study)', ''],
    ['deck(talk+study)', 'study', 'deck(talk+study)', 'focus-window:study'],
    ['deck(talk+study)', 'close-deck', 'start', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter close-window:study unload-deck open-window:start menu-changed'],
    ['deck(talk+study)', 'closed:start', 'deck(talk+study)', ''],
    ['deck(talk+study)', 'closed:study', 'deck(talk)', ''],
    ['deck(talk+study)', 'closed:presenter', 'deck(study)', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter menu-changed'],
    ['deck(talk+study)', 'closed:audience', 'deck(study)', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter menu-changed'],
    ['deck(talk+study)', 'quit', 'quitting', 'save-ink release-displays allow-display-sleep close-window:audience close-window:presenter unload-deck'],
    ['quitting', 'show-start', 'quitting', ''],
    ['quitting', 'deck-opened:present', 'quitting', ''],
    ['quitting', 'deck-opened:study', 'quitting', ''],
    ['quitting', 'present', 'quitting', ''],
    ['quitting', 'study', 'quitting', ''],
    ['quitting', 'close-deck', 'quitting', ''],
    ['quitting', 'closed:start', 'quitting', ''],
    ['quitting', 'closed:study', 'quitting', ''],
    ['quitting', 'closed:presenter', 'quitting', ''],
    ['quitting', 'closed:audience', 'quitting', ''],
    ['quitting', 'quit', 'quitting', ''],
];

test('the table covers every state and event, and the transition follows it row by row', () => {
  assert.equal(TABLE.length, LIFECYCLE_STATES.length * LIFECYCLE_EVENTS.length);
  let row = 0;
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      const { state: next, effects } = transition(state, event);
      const actual = [stateName(state), eventName(event), stateName(next), effects.map(effectName).join(' ')];
      assert.deepEqual(actual, TABLE[row], `row ${row + 1}`);
      row++;
    }
  }
});

/** The windows a state has open. */
function windowsOf(s: LifecycleState): Set<LifecycleWindow> {
  if (s.phase === 'start') return new Set(['start']);
  if (s.phase !== 'deck') return new Set();
  const open = new Set<LifecycleWindow>();
  if (s.talk) open.add('presenter').add('audience');
  if (s.study) open.add('study');
  return open;
}

test('every transition lands in a known state; a deck always has a window', () => {
  const known = new Set(LIFECYCLE_STATES.map(stateName));
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      const { state: next } = transition(state, event);
      assert.ok(known.has(stateName(next)), `${stateName(state)} + ${eventName(event)}`);
      if (next.phase === 'deck') assert.ok(next.talk || next.study);
    }
  }
  assert.deepEqual(INITIAL_STATE, { phase: 'idle' });
});

test('effects open exactly the windows the next state adds and close the ones it drops', () => {
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      const { state: next, effects } = transition(state, event);
      const label = `${stateName(state)} + ${eventName(event)}`;
      const before = windowsOf(state);
      // A window the event reports closed is already gone.
      if (event.type === 'window-closed') before.delete(event.window);
      const after = windowsOf(next);
      const opened = new Set<LifecycleWindow>();
      for (const e of effects) {
        if (e.type === 'open-window') opened.add(e.window);
        if (e.type === 'open-talk') opened.add('presenter').add('audience');
      }
      const closed = new Set(effects.flatMap((e) => (e.type === 'close-window' && before.has(e.window) ? [e.window] : [])));
      for (const w of after) assert.ok(before.has(w) || opened.has(w), `${label}: ${w} opens`);
      for (const w of opened) assert.ok(!before.has(w) && after.has(w), `${label}: ${w} opened once`);
      if (next.phase !== 'quitting') {
        for (const w of before) assert.ok(after.has(w) || closed.has(w), `${label}: ${w} closes`);
      }
      for (const e of effects) {
        if (e.type === 'focus-window') assert.ok(after.has(e.window), `${label}: focus an open window`);
      }
    }
  }
});

test('display sleep is blocked while, and only while, a talk runs', () => {
  const talking = (s: LifecycleState) => s.phase === 'deck' && s.talk;
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      const { state: next, effects } = transition(state, event);
      const label = `${stateName(state)} + ${eventName(event)}`;
      const types = effects.map((e) => e.type);
      assert.equal(types.includes('block-display-sleep'), !talking(state) && talking(next), label);
      assert.equal(types.includes('allow-display-sleep'), talking(state) && !talking(next), label);
      assert.equal(types.includes('release-displays'), talking(state) && !talking(next), label);
      assert.equal(types.includes('unload-deck'), state.phase === 'deck' && next.phase !== 'deck', label);
    }
  }
});

test('the app quits only when its last window, the start screen, closes; quitting is final', () => {
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      const { state: next, effects } = transition(state, event);
      const quits = effects.some((e) => e.type === 'quit-app');
      assert.equal(quits, state.phase === 'start' && event.type === 'window-closed' && event.window === 'start');
      if (state.phase === 'quitting') assert.deepEqual({ next, effects }, { next: state, effects: [] });
    }
  }
});

test('present with a talk length: the length is chosen first, then the talk opens (or stays) and the menu follows', () => {
  const names = (state: LifecycleState) => transition(state, { type: 'present', length: 'full' }).effects.map((e) => ('length' in e ? `${e.type}:${e.length}` : effectName(e))).join(' ');
  assert.equal(names({ phase: 'deck', talk: true, study: false }), 'choose-length:full menu-changed');
  assert.equal(names({ phase: 'deck', talk: false, study: true }), 'choose-length:full open-talk block-display-sleep menu-changed');
  assert.equal(names({ phase: 'start' }), '', 'no deck, nothing to choose');
});

test('ink is saved before a talk window is closed by an effect or the deck is unloaded', () => {
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      const { effects } = transition(state, event);
      const label = `${stateName(state)} + ${eventName(event)}`;
      const names = effects.map(effectName);
      const save = names.indexOf('save-ink');
      const talkWindowsOpen = state.phase === 'deck' && state.talk;
      const closesTalk = names.some((n) => n === 'close-window:presenter' || n === 'close-window:audience');
      assert.equal(save >= 0, talkWindowsOpen && closesTalk, `${label}: save-ink exactly when a running talk ends`);
      if (save < 0) continue;
      for (const [i, n] of names.entries()) {
        if (n === 'close-window:presenter' || n === 'close-window:audience' || n === 'unload-deck' || n === 'refresh-views') assert.ok(save < i, `${label}: ${n} after save-ink`);
      }
    }
  }
});
