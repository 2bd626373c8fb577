import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Slide } from '../../electron/deck/types';
import { clampPosition, indexSlides, nextPosition, positionOfNumber, previousPosition } from '../../renderer/model';
import { SlideSearch, foldForSearch } from '../../renderer/search';
import { assetUrlFromBase, assetUrlFromMap, mapAssetUrls } from '../../renderer/assets';

function slide(index: number, h: number, v: number, fragments: number, text = '', notesText = ''): Slide {
  return {
    index, key: `s${index}`, h, v, fragments, text, notesText, title: `S${index}`, html: '', notesHtml: '', attributes: {}, section: '',
    source: { file: 'x.md', startLine: 1, endLine: 1 },
  };
}

// 0: (0,0) 2 fragments; 1: (1,0); 2: (1,1) 1 fragment; 3: (2,0)
const deck = indexSlides([slide(0, 0, 0, 2), slide(1, 1, 0, 0), slide(2, 1, 1, 1), slide(3, 2, 0, 0)]);

test('next walks fragments, then slides in reading order including vertical ones', () => {
  const steps = [];
  let p: ReturnType<typeof nextPosition> = { h: 0, v: 0, f: -1 };
  while (p) {
    steps.push(`${p.h}/${p.v}/${p.f}`);
    p = nextPosition(deck, p);
  }
  assert.deepEqual(steps, ['0/0/-1', '0/0/0', '0/0/1', '1/0/-1', '1/1/-1', '1/1/0', '2/0/-1']);
});

test('previous hides fragments, then lands on the previous slide fully built', () => {
  assert.deepEqual(previousPosition(deck, { h: 1, v: 0, f: -1 }), { h: 0, v: 0, f: 1 });
  assert.deepEqual(previousPosition(deck, { h: 0, v: 0, f: 1 }), { h: 0, v: 0, f: 0 });
  assert.equal(previousPosition(deck, { h: 0, v: 0, f: -1 }), null);
});

test('slide numbers map to positions, out of range is null', () => {
  assert.deepEqual(positionOfNumber(deck, 3), { h: 1, v: 1, f: -1 });
  assert.equal(positionOfNumber(deck, 0), null);
  assert.equal(positionOfNumber(deck, 5), null);
  assert.equal(positionOfNumber(deck, 1.5), null);
});

test('positions are clamped after a reload changed the deck', () => {
  assert.deepEqual(clampPosition(deck, { h: 0, v: 0, f: 9 }), { h: 0, v: 0, f: 1 });
  assert.deepEqual(clampPosition(deck, { h: 1, v: 7, f: 0 }), { h: 1, v: 1, f: -1 });
  assert.deepEqual(clampPosition(deck, { h: 99, v: 0, f: 0 }), { h: 2, v: 0, f: -1 });
});

test('search finds the phrase, ignores case and accents, and searches notes only when asked', () => {
  const slides = [slide(0, 0, 0, 0, 'Yttrium-90 Radioembolization', 'mention the résumé'), slide(1, 1, 0, 0, 'TACE with lipiodol', '')];
  const withNotes = new SlideSearch(slides, true);
  assert.deepEqual(withNotes.search('90 RADIO').map((h) => h.slide.index), [0]);
  assert.deepEqual(withNotes.search('resume').map((h) => h.field), ['notes']);
  assert.deepEqual(new SlideSearch(slides, false).search('resume'), []);
  assert.deepEqual(withNotes.search('tace yttrium'), []);
  assert.deepEqual(withNotes.search('   '), []);
  assert.equal(foldForSearch('Éé'), 'ee');
});

test('a query is one phrase: "ln 2" is not every "2", and spacing does not matter', () => {
  const slides = [slide(0, 0, 0, 0, 'τ = T₁/₂ / ln 2 ≈ 92.5 h'), slide(1, 1, 0, 0, '2 beads, ln of the dose'), slide(2, 2, 0, 0, 'ln\n  2 over the half-life')];
  const search = new SlideSearch(slides, false);
  assert.deepEqual(search.search('ln 2').map((h) => h.slide.index), [0, 2]);
  assert.deepEqual(search.search('  LN   2 ').map((h) => h.slide.index), [0, 2]);
});

test('text is found as displayed: "90Y" finds ⁹⁰Y, "T1/2" finds T₁/₂, and the excerpt shows the hit as written', () => {
  const long = `${'Background words. '.repeat(8)}Half-life T₁/₂ = 64 h of ⁹⁰Y, a pure β emitter`;
  const search = new SlideSearch([slide(0, 0, 0, 0, long)], false);
  for (const q of ['90Y', 't1/2', 'T₁/₂ = 64', 'β emitter']) assert.equal(search.search(q).length, 1, q);
  const [hit] = search.search('t1/2 = 64');
  assert.ok(hit?.excerpt.startsWith('…'), hit?.excerpt);
  assert.ok(hit?.excerpt.includes('Half-life T₁/₂ = 64 h of ⁹⁰Y'), hit?.excerpt);
});

test('folding keeps a map back to the source, also where one character becomes several', async () => {
  const { foldWithOrigins } = await import('../../renderer/search');
  const folded = foldWithOrigins('½ of ⁹⁰Y  x');
  assert.equal(folded.text, '1⁄2 of 90y x');
  assert.equal(folded.origin.length, folded.text.length + 1);
  assert.equal(folded.origin[folded.text.indexOf('90y')], '½ of '.length);
  assert.equal(folded.origin[folded.text.indexOf('x')], '½ of ⁹⁰Y  '.length);
});

test('asset refs map to inlined data or a protocol URL, never left unresolved', () => {
  const html = '<img src="lectern-asset:img/a%20b.svg"><div style="background:url(lectern-asset:x.png)">';
  assert.equal(
    mapAssetUrls(html, assetUrlFromMap({ 'img/a b.svg': 'data:image/svg+xml;base64,AA==' })),
    '<img src="data:image/svg+xml;base64,AA=="><div style="background:url(data:,)">',
  );
  assert.equal(assetUrlFromBase('lectern-deck://deck/')('img/a%20b.svg'), 'lectern-deck://deck/img/a%20b.svg');
});

test('the mounted window of stacks follows the talk and only re-centres near inner edges', async () => {
  const { StackWindow } = await import('../../renderer/audience/stack-range');
  const w = new StackWindow(100, 10, 3);
  assert.deepEqual(w.around(0), { start: 0, end: 11 });
  assert.deepEqual(w.around(50), { start: 40, end: 61 });
  assert.deepEqual(w.around(99), { start: 89, end: 100 });
  assert.deepEqual(w.around(500), { start: 89, end: 100 });
  const r = w.around(50);
  assert.equal(w.nearInnerEdge(r, 50), false);
  assert.equal(w.nearInnerEdge(r, 57), false);
  assert.equal(w.nearInnerEdge(r, 58), true);
  assert.equal(w.nearInnerEdge(r, 42), true);
  assert.equal(w.nearInnerEdge(r, 70), true, 'outside the window');
  // The deck's own edges never call for a re-centre.
  assert.equal(w.nearInnerEdge(w.around(0), 0), false);
  assert.equal(w.nearInnerEdge(w.around(99), 99), false);
  const small = new StackWindow(5, 10, 3);
  assert.deepEqual(small.around(2), { start: 0, end: 5 });
  assert.equal(small.nearInnerEdge(small.around(2), 4), false);
});

test('position hashes read and write as reveal.js spells them', async () => {
  const { parsePositionHash, positionHash } = await import('../../renderer/model');
  assert.deepEqual(parsePositionHash('#/3'), { h: 3, v: 0, f: -1 });
  assert.deepEqual(parsePositionHash('#/3/1'), { h: 3, v: 1, f: -1 });
  assert.deepEqual(parsePositionHash('#/3/1/2'), { h: 3, v: 1, f: 2 });
  assert.equal(parsePositionHash('#presenter'), null);
  assert.equal(parsePositionHash('#/x'), null);
  for (const p of [{ h: 0, v: 0, f: -1 }, { h: 4, v: 2, f: -1 }, { h: 4, v: 0, f: 1 }]) assert.deepEqual(parsePositionHash(positionHash(p)), p);
});

test('background contrast follows reveal.js brightness rule', async () => {
  const { backgroundContrast } = await import('../../renderer/slide-dom');
  assert.equal(backgroundContrast({ 'data-background-color': '#102030' }), 'has-dark-background');
  assert.equal(backgroundContrast({ 'data-background-color': '#eef4fb' }), 'has-light-background');
  assert.equal(backgroundContrast({ 'data-background': '#fff' }), 'has-light-background');
  assert.equal(backgroundContrast({ 'data-background-color': 'rgb(10, 10, 10)' }), 'has-dark-background');
  assert.equal(backgroundContrast({ 'data-background-color': 'teal' }), null);
  assert.equal(backgroundContrast({}), null);
});
