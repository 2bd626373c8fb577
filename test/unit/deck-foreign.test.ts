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
  'math-forms.md': { slides: 6, notes: 6, fragments: 3 },
  // Line-highlight steps are fragments in reveal.js too (README): four here, and one bullet.
  'code-steps.md': { slides: 7, notes: 7, fragments: 5, codes: ['fragment-hides-part'] },
  'reveal-html.md': { slides: 5, notes: 5, fragments: 4 },
  'scripts.md': { slides: 5, notes: 5, fragments: 2 },
  'course/lecture-03/slides.md': { slides: 5, notes: 5, fragments: 2 },
  'fragment-lines.md': { slides: 5, notes: 5, fragments: 9 },
  // Its separators live in a reveal.js template, which neither tool sees (README).
  'template-separators.md': { slides: 1, notes: 1, fragments: 0, codes: ['slides-look-merged'] },
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

test('fragment-lines.md: a fragment comment under a list item keeps one list, revealed item by item, as in reveal.js', () => {
  const d = loadDeck(join(DIR, 'fragment-lines.md'));
  assert.deepEqual(d.slides.map((s) => s.fragments), [0, 2, 3, 3, 1]);
  assert.equal(d.slides[2]!.html.match(/<ul>/g)?.length, 1);
  assert.equal(d.slides[2]!.html.match(/<li class="fragment">/g)?.length, 3);
  assert.match(d.slides[3]!.html, /<li class="fragment">Observer with no other task<ul>\s*<li class="fragment">documents/);
  assert.match(d.slides[0]!.html, /<h1>Sedation checklist<\/h1>/, 'Markdown indented inside a layout div');
});

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

test('math-forms.md: every reveal.js math form is a formula, none is left as code or text', () => {
  const d = loadDeck(join(DIR, 'math-forms.md'));
  assert.deepEqual(d.slides.map((s) => (s.html.match(/class="katex"/g) ?? []).length), [0, 3, 3, 2, 3, 2]);
  for (const s of d.slides) {
    assert.doesNotMatch(s.html, /<code/, s.title);
    assert.doesNotMatch(s.text, /\$|\\\[|\\\(/, s.title);
  }
  assert.match(d.slides[2]!.notesHtml, /class="katex"/, 'math in the notes too');
});

test('code-steps.md: line numbers (also from a later line) and highlight steps as stacked fragment copies', () => {
  const d = loadDeck(join(DIR, 'code-steps.md'));
  assert.deepEqual(d.slides.map((s) => s.fragments), [0, 0, 2, 0, 1, 2, 0]);
  assert.match(d.slides[3]!.html, /<pre class="lectern-code line-numbers"/);
  assert.match(d.slides[4]!.html, /data-ln-start-from="12"/);
  assert.equal((d.slides[2]!.html.match(/<code class="[^"]*\bfragment\b/g) ?? []).length, 2);
});

test('reveal-html.md: aside notes, comments without a space, a fragment comment at the start of an item, inline SVG, <font color>', () => {
  const d = loadDeck(join(DIR, 'reveal-html.md'));
  assert.match(d.slides[0]!.notesText, /how does glucose get in/);
  assert.doesNotMatch(d.slides[0]!.html, /glucose|<aside/);
  assert.equal(d.slides[1]!.attributes['data-background-color'], '#fdf6e3');
  assert.equal((d.slides[1]!.html.match(/<li class="fragment">/g) ?? []).length, 3);
  assert.match(d.slides[1]!.html, /<li class="fragment"><strong>Pumps<\/strong>[^]*sodium–potassium[^]*<\/li>/, 'the item, its sub-item included');
  assert.match(d.slides[2]!.html, /<svg [^>]*aria-label="Two rows of lipid heads[^>]*>[^]*<circle[^]*<\/svg>/);
  assert.equal(d.slides[3]!.attributes['class'], 'compact');
  assert.match(d.slides[3]!.html, /<span style="color: ?#dc322f">aquaporins<\/span>/);
  assert.match(d.slides[3]!.html, /<p class="fragment">A channel/);
});

test('scripts.md: Cyrillic and Greek text stays as written, in titles, slides and notes', () => {
  const d = loadDeck(join(DIR, 'scripts.md'));
  assert.equal(d.meta.title, 'Лекция 4. Структура белка');
  assert.deepEqual(d.slides.map((s) => s.title), ['Структура белка', 'Вторичная структура', 'Углы φ и ψ', 'Ἀρχή', 'Итоги']);
  assert.match(d.slides[3]!.text, /Ἡ ἀρχὴ ἥμισυ παντός/);
  assert.match(d.slides[1]!.notesText, /греческими буквами/);
});

test('course/lecture-03: the shared ../_assets image, background and theme file under root: ..', () => {
  const d = loadDeck(join(DIR, 'course', 'lecture-03', 'slides.md'));
  assert.equal(d.root, join(DIR, 'course'));
  assert.deepEqual(d.diagnostics, []);
  assert.deepEqual(d.assets.map((a) => a.ref).sort(), ['_assets/dark.png', '_assets/liver.png']);
  assert.equal(d.slides[3]!.attributes['data-background-image'], 'lectern-asset:_assets/dark.png');
  assert.match(d.meta.themeCss ?? '', /url\(lectern-asset:_assets\/dark\.png\)/);
});
