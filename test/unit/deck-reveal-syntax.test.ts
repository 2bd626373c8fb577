// reveal.js Markdown constructs as reveal.js reads them (issue 12.9, 11.1): directive keywords at
// word boundaries, a fragment comment opening a list item, fragments that hide part of a line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const FILE = '/tmp/lectern-reveal-syntax-test/deck.md';
const compile = (text: string): Deck => compileDeck(text, FILE);
// Notes-less test slides: that warning is not what these tests are about.
const codes = (d: Deck): string[] => d.diagnostics.map((x) => x.code).filter((c) => c !== 'slide-without-notes');

test('a directive keyword matches at a word boundary only', () => {
  const d = compile('# A\n\n<!-- included later -->\n\n<!-- sections -->\n\ntext');
  assert.deepEqual(codes(d), []);
  assert.ok(!d.slides[0]!.section);
  assert.match(d.slides[0]!.html, /<p>text<\/p>/);
});

test('.slide and .element comments are read without a space after <!--', () => {
  const d = compile('<!--.slide: data-state="x" -->\n# A\n\npara\n<!--.element: class="fragment"-->');
  assert.equal(d.slides[0]!.attributes['data-state'], 'x');
  assert.match(d.slides[0]!.html, /<p class="fragment">para<\/p>/);
  assert.equal(d.slides[0]!.fragments, 1);
});

test('a fragment comment at the start of a list item applies to the item', () => {
  const d = compile('# A\n\n- <!-- .element: class="fragment" --> one **b**\n- two');
  const html = d.slides[0]!.html;
  assert.match(html, /<li class="fragment">one <strong>b<\/strong><\/li>/);
  assert.match(html, /<li>two<\/li>/);
  assert.equal(d.slides[0]!.fragments, 1);
  assert.deepEqual(codes(d), []);
});

test('a fragment comment at the start of an item with sub-items hides the item and its children', () => {
  const d = compile('# A\n\n- <!-- .element: class="fragment" --> **T** (glass)\n  - sub\n- other');
  assert.match(d.slides[0]!.html, /<li class="fragment"><strong>T<\/strong> \(glass\)\n?<ul>\n<li>sub<\/li>/);
});

test('a fragment that hides only a bold word of a visible line is a warning at the comment', () => {
  const d = compile('# A\n\n- The beads do **not** spread <!-- .element: class="fragment" -->\n- x');
  const w = d.diagnostics.find((x) => x.code === 'fragment-hides-part');
  assert.ok(w, codes(d).join());
  assert.equal(w.severity, 'warning');
  assert.equal(w.line, 3);
  assert.equal(w.column, 31);
  assert.match(w.message, /hides only "not"/);
  assert.match(w.message, /- <!-- \.element: class="fragment" --> text/);
  // Still rendered as reveal.js does: the bold word is the fragment.
  assert.match(d.slides[0]!.html, /<strong class="fragment">not<\/strong>/);
});

test('a paragraph whose last element is hidden gets the paragraph advice', () => {
  const d = compile('# A\n\nSee *this* <!-- .element: class="fragment" -->');
  const w = d.diagnostics.find((x) => x.code === 'fragment-hides-part');
  assert.ok(w);
  assert.match(w.message, /own line right after it/);
});

test('no warning when the hidden element is the whole line, or the class is not a fragment', () => {
  for (const src of [
    '# A\n\n- **alone** <!-- .element: class="fragment" -->',
    '# A\n\n![a](x.png) <!-- .element: class="fragment" -->',
    '# A\n\n- text **b** <!-- .element: class="highlight" -->',
    '# A\n\n- text **b**\n<!-- .element: class="fragment" -->',
  ]) {
    const d = compile(src);
    assert.equal(d.diagnostics.filter((x) => x.code === 'fragment-hides-part').length, 0, src);
  }
});
