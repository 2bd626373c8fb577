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
