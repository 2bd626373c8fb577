// Ink keys in both views' tables (no clash with reveal.js or the views, listed in `?`, clicker
// keys untouched, Esc only while a tool is out) and the ink state both windows apply ops to.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audienceKeyTable, type AudienceKeyActions } from '../../renderer/audience/keys';
import { presenterKeys, type PresenterKeyActions } from '../../renderer/presenter/keys';
import { inkEscapeMode, inkKeyEntries } from '../../renderer/ink/ink-keys';
import { InkState } from '../../renderer/ink/ink-state';
import type { InkSession } from '../../renderer/ink/session';
import { KeyTable } from '../../renderer/ui/keymap';

const presenterActions = new Proxy({}, { get: () => () => true }) as PresenterKeyActions;
const audienceActions = new Proxy({}, { get: () => () => true }) as AudienceKeyActions;

function key(k: string, mods: { ctrl?: boolean; shift?: boolean } = {}): KeyboardEvent {
  return { key: k, ctrlKey: !!mods.ctrl, metaKey: false, altKey: false, shiftKey: !!mods.shift } as KeyboardEvent;
}

function fakeSession(tool: 'none' | 'pen' = 'none') {
  const calls: string[] = [];
  const session = {
    currentTool: tool,
    toggle: (t: string) => calls.push(`toggle:${t}`),
    nextColour: () => calls.push('colour'),
    zoomKey: () => calls.push('zoom'),
    undo: () => calls.push('undo'),
    clearSlide: () => (calls.push('clear'), true),
    toggleEarlier: () => calls.push('earlier'),
    escape: () => tool !== 'none' && (calls.push('escape'), true),
  };
  return { session: session as unknown as InkSession, calls };
}

const extras = { save: () => {}, saveLabel: 'Save the ink' };

test('ink keys fit both views without a clash and appear in the ? overlay', () => {
  const { session } = fakeSession();
  const audience = audienceKeyTable(audienceActions, inkKeyEntries(session, extras));
  const presenter = new KeyTable([...presenterKeys(presenterActions), ...inkKeyEntries(session, extras)]);
  for (const table of [audience, presenter]) {
    const rows = table.helpRows().map((r) => `${r.keys.join(' ')}: ${r.action}`);
    assert.ok(rows.some((r) => /^D: Pen on \/ off/.test(r)), 'pen row');
    assert.ok(rows.some((r) => /^R: Laser pointer/.test(r)), 'laser row');
    assert.ok(rows.some((r) => /^Z: Zoom/.test(r)), 'zoom row');
    assert.ok(rows.some((r) => /^U Ctrl\+Z: Undo/.test(r)), 'undo row');
  }
});

test('in the presenter R is the laser and Shift+R the rehearsal (R was both before the ink merge)', () => {
  const { session, calls } = fakeSession();
  const presenter = new KeyTable([...presenterKeys(presenterActions), ...inkKeyEntries(session, extras)]);
  assert.match(presenter.find(key('r'))?.description ?? '', /^Laser pointer/);
  assert.match(presenter.find(key('R', { shift: true }))?.description ?? '', /^Rehearse/);
  presenter.find(key('r'))!.action!(key('r'));
  assert.deepEqual(calls, ['toggle:laser']);
});

test("a clicker's keys keep their meaning while the pen is out; Esc first puts the tool away", () => {
  const { session, calls } = fakeSession('pen');
  const presenter = new KeyTable([...presenterKeys(presenterActions), ...inkKeyEntries(session, extras)]);
  assert.equal(presenter.find(key('PageDown'))?.description, 'Next step (fragment or slide)');
  assert.equal(presenter.find(key('PageUp'))?.description, 'Previous step');
  assert.match(presenter.find(key('b'))?.description ?? '', /Blackout/);
  const audience = audienceKeyTable(audienceActions, inkKeyEntries(session, extras));
  assert.match(audience.find(key('F5'))?.description ?? '', /clicker/);
  assert.equal(inkEscapeMode(session)(key('Escape')), true);
  assert.deepEqual(calls, ['escape']);
  // With no tool out, Esc is the view's (the audience's overview).
  assert.equal(inkEscapeMode(fakeSession('none').session)(key('Escape')), false);
});

test('E clears only while a tool is out (a stray E does nothing)', () => {
  const idle = fakeSession('none');
  const table = new KeyTable(inkKeyEntries(idle.session, extras));
  assert.equal(table.find(key('e'))!.action!(key('e')), false);
  assert.deepEqual(idle.calls, []);
  const pen = fakeSession('pen');
  new KeyTable(inkKeyEntries(pen.session, extras)).find(key('e'))!.action!(key('e'));
  assert.deepEqual(pen.calls, ['clear']);
});

const info = (key: string) => (key.startsWith('gone') ? undefined : { title: `T ${key}`, index: 1 });

test('draw ops grow one stroke; remove and restore undo each other and are remembered for saves', () => {
  const s = new InkState(info);
  const grown: number[] = [];
  s.onChange((_slide, stroke) => stroke && grown.push(stroke.points.length));
  s.apply({ kind: 'draw', slide: 'k', stroke: 'a-1', color: '#e53935', width: 4, points: [1, 2] });
  s.apply({ kind: 'draw', slide: 'k', stroke: 'a-1', color: '#e53935', width: 4, points: [3, 4] });
  assert.deepEqual(s.strokes('k')[0]!.points, [1, 2, 3, 4]);
  assert.deepEqual(grown, [2, 4]);
  const copy = { ...s.strokes('k')[0]!, points: [...s.strokes('k')[0]!.points] };
  s.apply({ kind: 'remove', slide: 'k', strokes: ['a-1'] });
  assert.equal(s.strokes('k').length, 0);
  assert.ok(s.removed.has('a-1'));
  // A late draw message for a removed stroke does not bring it back.
  s.apply({ kind: 'draw', slide: 'k', stroke: 'a-1', color: '#e53935', width: 4, points: [5, 6] });
  assert.equal(s.strokes('k').length, 0);
  s.apply({ kind: 'restore', slide: 'k', strokes: [copy] });
  assert.deepEqual(s.strokes('k')[0]!.points, [1, 2, 3, 4]);
  assert.ok(!s.removed.has('a-1'));
});

test('merging another window keeps both sides; ink of slides the deck lacks is orphaned, not dropped', () => {
  const s = new InkState(info);
  s.apply({ kind: 'draw', slide: 'k', stroke: 'mine', color: '#e53935', width: 4, points: [1, 1] });
  s.merge([{ key: 'k', title: 'x', index: 0, strokes: [{ id: 'theirs', color: '#1e88e5', width: 4, points: [2, 2] }] }, { key: 'gone-1', title: 'Old', index: 3, strokes: [{ id: 'old', color: '#1e88e5', width: 4, points: [3, 3] }] }], [], true);
  assert.deepEqual(s.strokes('k').map((st) => st.id).sort(), ['mine', 'theirs']);
  assert.deepEqual(s.orphans().map((o) => o.title), ['Old']);
  assert.ok(s.earlier.has('theirs') && !s.earlier.has('mine'));
  assert.deepEqual(s.all().map((x) => x.key).sort(), ['gone-1', 'k']);
});
