// The views' key tables (renderer/ui/keymap.ts): a key claimed twice, or a reveal.js key claimed
// without saying so, is refused when the table is built; events find the most specific entry;
// the `?` overlay lists the table's rows.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audienceKeys, audienceKeyTable, type AudienceKeyActions } from '../../renderer/audience/keys';
import { REVEAL_KEYS } from '../../renderer/audience/reveal-keys';
import { presenterKeys, type PresenterKeyActions } from '../../renderer/presenter/keys';
import { studyKeyTable } from '../../renderer/study/keys';
import { eventChords, KeyCollisionError, KeyTable, normaliseKey, type KeyEntry } from '../../renderer/ui/keymap';

const presenterActions = new Proxy({}, { get: () => () => true }) as PresenterKeyActions;
const audienceActions = new Proxy({}, { get: () => () => true }) as AudienceKeyActions;

function key(k: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}): KeyboardEvent {
  return { key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, altKey: !!mods.alt, shiftKey: !!mods.shift } as KeyboardEvent;
}

const entry = (keys: string[], description: string): KeyEntry => ({ keys, description, action: () => {} });

test('keys are written one canonical way: letters in either case, Ctrl as Mod, Space by name', () => {
  assert.equal(normaliseKey('N'), 'n');
  assert.equal(normaliseKey('Ctrl+F'), 'Mod+f');
  assert.equal(normaliseKey('Shift+Alt+ArrowRight'), 'Alt+Shift+ArrowRight');
  assert.equal(normaliseKey(' '), 'Space');
  assert.equal(normaliseKey('+'), '+');
  assert.equal(normaliseKey('Shift++'), 'Shift++');
  assert.deepEqual(eventChords(key('?', { shift: true })), ['Shift+?', '?']);
  assert.deepEqual(eventChords(key(' ', { alt: true, shift: true })), ['Alt+Shift+Space', 'Alt+Space', 'Shift+Space', 'Space']);
  assert.deepEqual(eventChords(key('f', { ctrl: true })), ['Mod+f'], 'Ctrl is never dropped');
});

test('two entries claiming one key are refused when the table is built', () => {
  assert.throws(() => new KeyTable([entry(['B', '.'], 'Blackout'), entry(['b'], 'Pen')]), KeyCollisionError);
  assert.throws(() => new KeyTable([entry(['Mod+F'], 'Search'), entry(['Ctrl+f'], 'Find')]), /claimed twice: "Search" and "Find"/);
  assert.throws(() => new KeyTable([...presenterKeys(presenterActions), entry(['T'], 'Rehearse')]), KeyCollisionError);
  // A new feature on a free key is one more entry.
  const table = new KeyTable([...presenterKeys(presenterActions), entry(['Z'], 'Zoom')]);
  assert.equal(table.find(key('z'))?.description, 'Zoom');
});

test('a reveal.js key is refused in the audience table unless the entry says it takes it over', () => {
  const claim = (keys: string[], extra: Partial<KeyEntry> = {}) => () =>
    new KeyTable([...audienceKeys(audienceActions), { ...entry(keys, 'New feature'), ...extra }], [REVEAL_KEYS]);
  for (const k of ['G', 'C', 'V', 'A', 'Enter', 'Alt+G', 'Shift+ArrowDown', '/', 'F1']) {
    assert.throws(claim([k]), /reveal\.js's/, `${k} is reveal.js's`);
  }
  assert.doesNotThrow(claim(['G'], { overrides: 'reveal.js' }));
  // Keys reveal.js leaves alone: free for the next features (pointer, pen, zoom...).
  for (const k of ['X', 'Z', 'Shift+G', 'Mod+P', 'W']) assert.doesNotThrow(claim([k]), k);
  // Documenting a key nobody handles is refused too.
  assert.throws(() => new KeyTable([{ keys: ['X'], description: 'Nothing' }], [REVEAL_KEYS]), /no action/);
});

test('the three views build their tables without a collision', () => {
  assert.doesNotThrow(() => audienceKeyTable(audienceActions));
  assert.doesNotThrow(() => new KeyTable(presenterKeys(presenterActions)));
  assert.doesNotThrow(() => studyKeyTable({ focusSearch: () => {} }));
});

test('an event finds the most specific entry', () => {
  const presenter = new KeyTable(presenterKeys(presenterActions));
  assert.equal(presenter.find(key(' '))?.description, 'Next step (fragment or slide)');
  assert.equal(presenter.find(key(' ', { shift: true }))?.description, 'Previous step');
  assert.equal(presenter.find(key(' ', { alt: true }))?.description, 'Next step (fragment or slide)');
  assert.equal(presenter.find(key('ArrowRight', { alt: true }))?.description, 'Next slide, skipping fragments');
  assert.equal(presenter.find(key('ArrowRight', { shift: true }))?.description, 'Next step (fragment or slide)');
  assert.equal(presenter.find(key('+', { shift: true }))?.description, 'Larger notes');
  assert.equal(presenter.find(key('?', { shift: true }))?.description, 'This list of keys');
  assert.equal(presenter.find(key('ArrowRight', { ctrl: true })), undefined);
  // A clicker's B stays blackout; Shift+B is the backup slides.
  assert.match(presenter.find(key('B', { shift: true }))?.description ?? '', /^Backup slides/);
  assert.match(presenter.find(key('b'))?.description ?? '', /^Blackout/);
  const audience = audienceKeyTable(audienceActions);
  assert.equal(audience.find(key('ArrowLeft', { shift: true }))?.description, 'First slide');
  assert.equal(audience.find(key('F', { ctrl: true, shift: true }))?.description, 'Search slides');
  assert.equal(audience.find(key('ArrowLeft'))?.action, undefined, 'reveal.js handles the arrows');
  // Next is taken only at the end of the talk (the action says so), so reveal.js does not run into the backup slides.
  assert.equal(audience.find(key('ArrowRight'))?.overrides, 'reveal.js');
});

test('the help overlay lists the table rows with readable key names', () => {
  const rows = new KeyTable(presenterKeys(presenterActions)).helpRows();
  assert.deepEqual(rows[0], { keys: ['→', '↓', 'Space', 'Page Down', 'N'], action: 'Next step (fragment or slide)' });
  assert.deepEqual(rows[1]?.keys, ['←', '↑', 'Shift+Space', 'Page Up', 'P']);
  // Entries sharing a helpRow share a line: Home and End, Alt+→ and Alt+←, + and −.
  assert.deepEqual(rows[2], { keys: ['Alt+→', 'Alt+←'], action: 'Next / previous slide, skipping fragments' });
  assert.deepEqual(rows[3], { keys: ['Home', 'End'], action: 'First / last slide' });
  // Shift+↓ and Shift+↑ scroll the notes on one line (issue 11.4).
  assert.deepEqual(rows.find((r) => r.action.startsWith('Scroll the notes'))?.keys, ['Shift+↓', 'Shift+↑']);
  // ... and [ and ] (the image stack), one line; M (cine) its own.
  assert.deepEqual(rows.find((r) => r.action.startsWith('Image stack'))?.keys, ['[', ']']);
  assert.equal(rows.length, 16);
  const audience = audienceKeyTable(audienceActions).helpRows();
  assert.deepEqual(audience.find((r) => r.action.startsWith('Search'))?.keys, ['Ctrl+F', '⌘F']);
  assert.deepEqual(audience.find((r) => r.action.startsWith('Overview'))?.keys, ['Esc', 'O']);
  // reveal.js's F and our F5 on one line.
  assert.deepEqual(audience.find((r) => r.action.startsWith('Fullscreen'))?.keys, ['F', 'F5']);
});

test('Shift+↓ scrolls the notes, ↓ still moves the talk; F and Esc are ours in the audience', () => {
  const presenter = new KeyTable(presenterKeys(presenterActions));
  assert.equal(presenter.find(key('ArrowDown', { shift: true }))?.description, 'Scroll the notes down');
  assert.equal(presenter.find(key('ArrowUp', { shift: true }))?.description, 'Scroll the notes up');
  assert.match(presenter.find(key('ArrowDown'))?.description ?? '', /^Next step/);
  const audience = audienceKeyTable(audienceActions);
  // reveal.js's F only entered fullscreen and its Esc opened the overview even in fullscreen.
  assert.ok(audience.find(key('f'))?.action, 'F toggles through our table');
  assert.match(audience.find(key('Escape'))?.description ?? '', /^Leave fullscreen/);
  assert.match(audience.find(key('o'))?.description ?? '', /^Overview/);
});
