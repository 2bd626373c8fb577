// Decks written for reveal-md, reveal.js, Marp and Slidev (test/fixtures/foreign, README there):
// Lectern keeps the slides, notes and fragment steps reveal-md gives them, or the documented
// better reading where reveal-md loses notes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDeck, type Deck } from '../../electron/deck/index';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'foreign');

interface Expected { slides: number; notes: number; fragments: number; codes?: string[] }
/** reveal-md 6.1.4's counts (README), except where the README says Lectern reads more. */
const EXPECTED: Record<string, Expected> = {
  'course-vertical.md': { slides: 7, notes: 7, fragments: 3 },
  'custom-separators.md': { slides: 5, notes: 4, fragments: 1 },
  'blank-line-separators.md': { slides: 6, notes: 2, fragments: 0 },
  'notes-separator.md': { slides: 3, notes: 3, fragments: 0 },
  'backgrounds.md': { slides: 4, notes: 4, fragments: 0 },
  'hidden-slides.md': { slides: 3, notes: 3, fragments: 0 },
  'fragments.md': { slides: 3, notes: 3, fragments: 6 },
  'setext-and-dashes.md': { slides: 2, notes: 2, fragments: 0 },
  'merged-notes.md': { slides: 2, notes: 2, fragments: 0, codes: ['notes-look-like-slides'] },
  'marp.md': { slides: 3, notes: 2, fragments: 0, codes: ['foreign-dialect'] },
  'slidev.md': { slides: 3, notes: 2, fragments: 0, codes: ['foreign-dialect'] },
};

const structure = (d: Deck): Expected => ({
  slides: d.slides.length,
  notes: d.slides.filter((s) => s.notesText.trim() !== '').length,
  fragments: d.slides.reduce((n, s) => n + s.fragments, 0),
});

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`${name}: slides, notes and fragment steps as reveal-md counts them`, () => {
    const d = loadDeck(join(DIR, name));
    assert.deepEqual(structure(d), { slides: want.slides, notes: want.notes, fragments: want.fragments });
    assert.deepEqual(d.diagnostics.filter((x) => x.severity === 'error'), []);
    const codes = new Set(d.diagnostics.map((x) => x.code));
    for (const c of want.codes ?? []) assert.ok(codes.has(c), `${name} should report ${c}; got ${[...codes].join(', ')}`);
  });
}

test('course-vertical.md: ---- makes vertical slides under their --- slide', () => {
  const d = loadDeck(join(DIR, 'course-vertical.md'));
  assert.deepEqual(d.slides.map((s) => [s.h, s.v]), [[0, 0], [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [3, 0]]);
});

test('custom-separators.md: <!--s--> and <!--v--> from the front matter; one inside code stays code', () => {
  const d = loadDeck(join(DIR, 'custom-separators.md'));
  assert.deepEqual(d.slides.map((s) => [s.title, s.h, s.v]), [['Shipping a web service', 0, 0], ['Build', 1, 0], ['The build file', 1, 1], ['Deploy', 2, 0], ['Questions?', 3, 0]]);
  assert.match(d.slides[2]!.html, /---/);
});

test('setext-and-dashes.md: a -- under text is a heading, not a vertical separator', () => {
  const d = loadDeck(join(DIR, 'setext-and-dashes.md'));
  assert.match(d.slides[0]!.html, /<h2[^>]*>A setext heading<\/h2>/);
});

test('hidden-slides.md: hidden slides are left out, and an attribute stays on its slide', () => {
  const d = loadDeck(join(DIR, 'hidden-slides.md'));
  assert.deepEqual(d.slides.map((s) => [s.title, s.h, s.v, s.attributes['class'] ?? '']), [['Talk with a spare slide', 0, 0, ''], ['Results', 1, 0, ''], ['Last of the stack', 1, 1, '']]);
  const all = loadDeck(join(DIR, 'hidden-slides.md'), { includeHidden: true });
  assert.equal(all.slides.length, 5);
  assert.deepEqual(all.slides.map((s) => s.attributes['class'] ?? ''), ['', '', '', 'accent', '']);
});

test('marp.md: ![bg] becomes the slide background and _class its class', () => {
  const d = loadDeck(join(DIR, 'marp.md'));
  assert.equal(d.slides[0]!.attributes['class'], 'lead');
  assert.equal(d.slides[1]!.attributes['data-background-image'], 'lectern-asset:img/decay.svg');
  assert.equal(d.diagnostics.filter((x) => x.code === 'foreign-dialect').length, 1);
});

test('slidev.md: per-slide front matter is not a text slide', () => {
  const d = loadDeck(join(DIR, 'slidev.md'));
  assert.ok(d.slides.every((s) => !/layout:/.test(s.text)), d.slides.map((s) => s.text).join(' | '));
});
