// How an export splits a long deck into print parts and joins their page reports.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseExportOptions } from '../../electron/export/pdf-export';
import { joinLayouts, MAX_PART_SLIDES, MIN_PART_SLIDES, planPrintParts } from '../../electron/export/print-parts';
import { fixtureDeck } from '../support/fixture-deck';

const deckOf = (extraSlides: number) => fixtureDeck({ extraSlides });

test('a short deck prints whole, however many pages can print at once', () => {
  const deck = deckOf(20);
  const parts = planPrintParts(deck, normaliseExportOptions({ format: 'slides' }), 4);
  assert.equal(parts.length, 1);
  assert.equal(parts[0]!.slides, deck.slides);
  assert.equal(parts[0]!.part.totalSlides, deck.slides.length);
});

test('one page at a time means one part, however long the deck', () => {
  assert.equal(planPrintParts(deckOf(500), normaliseExportOptions({ format: 'slides' }), 1).length, 1);
});

test('a long deck: as many parts as can print at once, each at least MIN_PART_SLIDES, covering every slide once in order', () => {
  for (const [extra, concurrency, expected] of [[300, 2, 2], [300, 4, 4], [2 * MIN_PART_SLIDES, 4, 2]] as const) {
    const deck = deckOf(extra);
    const parts = planPrintParts(deck, normaliseExportOptions({ format: 'notes' }), concurrency);
    assert.equal(parts.length, Math.min(expected, Math.floor(deck.slides.length / MIN_PART_SLIDES)));
    assert.deepEqual(parts.flatMap((p) => p.slides.map((s) => s.index)), deck.slides.map((s) => s.index));
    for (const { slides, part } of parts) {
      assert.ok(slides.length >= MIN_PART_SLIDES);
      assert.equal(part.totalSlides, deck.slides.length);
      assert.equal(part.positions.length, deck.slides.length);
      assert.deepEqual(part.positions[slides[0]!.index], [slides[0]!.h, slides[0]!.v]);
      assert.equal(part.totalPages, undefined, 'notes pages are numbered after layout');
    }
  }
});

test('a very long deck: parts of at most MAX_PART_SLIDES, a whole number of rounds of the renderers', () => {
  const deck = deckOf(1000);
  const parts = planPrintParts(deck, normaliseExportOptions({ format: 'slides' }), 2);
  assert.equal(parts.length % 2, 0);
  assert.equal(parts.length, 2 * Math.ceil(Math.ceil(deck.slides.length / MAX_PART_SLIDES) / 2));
  for (const { slides } of parts) assert.ok(slides.length <= MAX_PART_SLIDES);
  assert.deepEqual(parts.flatMap((p) => p.slides.map((s) => s.index)), deck.slides.map((s) => s.index));
});

test('a tagged PDF prints whole (tag trees are not joined)', () => {
  assert.equal(planPrintParts(deckOf(1000), normaliseExportOptions({ format: 'slides', tagged: true }), 4).length, 1);
});

test('handout parts hold whole pages and know their page numbers', () => {
  const deck = deckOf(301);
  const perPage = 4;
  const parts = planPrintParts(deck, normaliseExportOptions({ format: 'handout', perPage }), 2);
  assert.equal(parts.length, 2);
  const pages = Math.ceil(deck.slides.length / perPage);
  assert.equal(parts[0]!.slides.length % perPage, 0);
  assert.equal(parts[0]!.part.firstPage, 1);
  assert.equal(parts[1]!.part.firstPage, parts[0]!.slides.length / perPage + 1);
  for (const { part } of parts) assert.equal(part.totalPages, pages);
});

test('part reports join: page offsets on bookmarks and link targets, numbering over the whole document', () => {
  const joined = joinLayouts([
    { pages: 3, outline: [{ title: 'A', page: 0 }, { title: 'B', page: 2 }], anchors: [[0, 0], [1, 2]] },
    { pages: 4, outline: [{ title: 'C', page: 0 }, { title: 'D', page: 3 }], anchors: [[2, 0], [3, 3]] },
  ]);
  assert.deepEqual(joined.numbering, [{ first: 1, total: 7 }, { first: 4, total: 7 }]);
  assert.deepEqual(joined.outline.map((e) => [e.title, e.page]), [['A', 0], ['B', 2], ['C', 3], ['D', 6]]);
  assert.deepEqual([...joined.anchors], [[0, 0], [1, 2], [2, 3], [3, 6]]);
});
