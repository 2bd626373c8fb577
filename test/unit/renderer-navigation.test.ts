// The presenter's navigation state (renderer/view/navigation.ts): where each key leads, clamping
// into the deck, and a reload keeping the position.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Slide } from '../../electron/deck/types';
import { indexSlides } from '../../renderer/model';
import { DeckNavigation } from '../../renderer/view/navigation';

function slide(index: number, h: number, v: number, fragments: number): Slide {
  return {
    index, key: `s${index}`, h, v, fragments, text: '', notesText: '', title: `S${index}`, html: '', notesHtml: '', attributes: {}, section: '',
    source: { file: 'x.md', startLine: 1, endLine: 1 },
  };
}

const deck = indexSlides([slide(0, 0, 0, 2), slide(1, 1, 0, 0), slide(2, 1, 1, 1), slide(3, 2, 0, 0)]);

test('steps walk fragments; slide moves skip them; first, last and numbers', () => {
  const nav = new DeckNavigation(deck);
  assert.deepEqual(nav.next(), { h: 0, v: 0, f: 0 });
  assert.deepEqual(nav.slideBeside(1), { h: 1, v: 0, f: -1 });
  assert.equal(nav.slideBeside(-1), null);
  assert.deepEqual(nav.last(), { h: 2, v: 0, f: -1 });
  assert.deepEqual(nav.number(3), { h: 1, v: 1, f: -1 });
  assert.equal(nav.number(9), null);
  assert.equal(nav.moveTo({ h: 1, v: 1, f: 0 }), true);
  assert.equal(nav.slide?.index, 2);
  assert.equal(nav.moveTo({ h: 1, v: 1, f: 0 }), false, 'no move to where it already is');
  assert.deepEqual(nav.first(), { h: 0, v: 0, f: -1 });
});

test('a position outside the deck is clamped, and a shorter reload keeps it inside', () => {
  const nav = new DeckNavigation(deck);
  nav.moveTo({ h: 2, v: 0, f: 5 });
  assert.deepEqual(nav.position, { h: 2, v: 0, f: -1 });
  nav.setIndex(indexSlides([slide(0, 0, 0, 0), slide(1, 1, 0, 0)]));
  assert.equal(nav.slide?.index, 1);
});

test('backup slides: Next stops at the end of the talk, End is the talk\'s last slide, the backup list jumps and returns', () => {
  const backup = (s: Slide): Slide => ({ ...s, backup: true });
  const nav = new DeckNavigation(indexSlides([slide(0, 0, 0, 0), slide(1, 1, 0, 1), backup(slide(2, 2, 0, 0)), backup(slide(3, 3, 0, 0))]));
  assert.deepEqual(nav.last(), { h: 1, v: 0, f: -1 });
  nav.moveTo({ h: 1, v: 0, f: 0 });
  assert.equal(nav.next(), null, 'the last step of the talk leads nowhere');
  assert.equal(nav.slideBeside(1), null);
  assert.deepEqual(nav.backupSlides.map((s) => s.index), [2, 3]);
  const first = nav.toggleBackup();
  assert.deepEqual(first, { h: 2, v: 0, f: -1 });
  nav.moveTo(first!);
  assert.deepEqual(nav.next(), { h: 3, v: 0, f: -1 }, 'backup slides lead to each other');
  assert.deepEqual(nav.previous(), { h: 1, v: 0, f: 0 });
  assert.deepEqual(nav.toggleBackup(), { h: 1, v: 0, f: 0 }, 'back to where the talk was');
  nav.moveTo({ h: 0, v: 0, f: -1 });
  assert.deepEqual(nav.backup(2), { h: 3, v: 0, f: -1 });
  assert.equal(nav.backup(3), null);
  nav.moveTo({ h: 3, v: 0, f: -1 });
  assert.deepEqual(nav.toggleBackup(), { h: 0, v: 0, f: -1 });
  assert.equal(new DeckNavigation(deck).toggleBackup(), null, 'no backup slides, no jump');
});
