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

test('a keyword may end right at the comment\'s -->, but a hyphenated word is still no keyword', () => {
  const d = compile('# A\nNote: a\n---\n<!--backup-->\n---\n# B\n\n<!-- section-two -->\n\ntext\nNote: b');
  assert.deepEqual(d.slides.map((s) => [s.title, s.backup ?? false]), [['A', false], ['B', true]]);
  assert.ok(!d.slides[1]!.section);
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

test('a fragment comment on the line under a list item applies to the item: one list, item by item', () => {
  const d = compile('## Before\n\n- one\n<!-- .element class="fragment" -->\n- two\n<!-- .element: class="fragment" -->\n- three\n');
  const html = d.slides[0]!.html;
  assert.equal(html.match(/<ul>/g)?.length, 1, html);
  assert.equal(html.match(/<li class="fragment">/g)?.length, 2, html);
  assert.match(html, /<li>three<\/li>/);
  assert.equal(d.slides[0]!.fragments, 2);
  assert.deepEqual(codes(d), []);
});

test('numbered and nested items keep their comment; after a blank line it is the whole list\'s', () => {
  const nested = compile('1. one\n<!-- .element: class="fragment" -->\n2. two\n   - detail\n   <!-- .element: class="fragment" -->\n').slides[0]!.html;
  assert.match(nested, /<ol>\s*<li class="fragment">one<\/li>\s*<li>two<ul>\s*<li class="fragment">detail<\/li>/);
  const whole = compile('- one\n- two\n\n<!-- .element: class="fragment" -->\n').slides[0]!.html;
  assert.match(whole, /<ul class="fragment">\s*<li>one<\/li>\s*<li>two<\/li>/);
  const fenced = compile('```md\n- one\n<!-- .element: class="fragment" -->\n```\n').slides[0]!.html;
  assert.match(fenced, /^<pre><code[^>]*>.*one\n&lt;!-- .element: class=&quot;fragment&quot; --&gt;\n<\/code><\/pre>/, 'code is left as written');
});

test('the comment lines are moved, not the lines after them: positions stay where they were', () => {
  const d = compile('- one\n<!-- .element: class="fragment" -->\n- two\n\n![scan](missing.png)\n');
  const missing = d.diagnostics.find((x) => x.message.includes('missing.png'));
  assert.ok(missing, JSON.stringify(d.diagnostics));
  assert.deepEqual([missing.line, missing.column], [5, 9]);
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

test('inline SVG keeps its shapes, text, gradients and internal references', () => {
  const d = compile('# A\n\n<svg viewBox="0 0 200 100" width="400"><defs><linearGradient id="g"><stop offset="0" stop-color="#1f5fa8"/></linearGradient>' +
    '<marker id="m" refX="5" orient="auto"><path d="M0,0 L10,5 z"/></marker></defs>' +
    '<rect x="1" y="2" width="80" height="40" fill="url(#g)"/><line x1="0" y1="0" x2="9" y2="9" marker-end="url(#m)"/>' +
    '<text x="5" y="35" font-size="12" text-anchor="middle">Liver</text><use href="#m"/><title>Diagram</title></svg>\n\nNote: n');
  const html = d.slides[0]!.html;
  for (const part of ['<svg viewbox="0 0 200 100" width="400">', '<lineargradient id="g">', 'stop-color="#1f5fa8"', 'fill="url(#g)"', 'marker-end="url(#m)"', 'text-anchor="middle">Liver</text>', '<use href="#m"></use>', '<title>Diagram</title>']) {
    assert.ok(html.includes(part), `${part} in ${html}`);
  }
  assert.deepEqual(codes(d), []);
});

test('inline SVG loses scripts, foreignObject, handlers, animation and outside references, each reported', () => {
  const d = compile('# A\n\n<svg onload="x()"><script>alert(1)</script><foreignObject><div>html</div></foreignObject>' +
    '<rect fill="url(http://example.com/p.svg#a)" onclick="x()"/><use xlink:href="other.svg#a"/><use href="javascript:alert(1)"/>' +
    '<animate attributeName="href" to="javascript:x"/><set attributeName="href"/><image href="x.png"/><style>@import url(http://e/x.css);</style></svg>\n\nNote: n');
  const html = d.slides[0]!.html;
  assert.doesNotMatch(html, /script|alert|foreignobject|<div>|html<|onload|onclick|http:|other\.svg|javascript|<animate|<set|<image|@import/i);
  assert.match(html, /<svg><rect><\/rect><use><\/use><use><\/use><\/svg>/);
  const removed = d.diagnostics.filter((x) => x.code === 'removed-html').map((x) => x.message);
  for (const what of ['onload', '<script>', '<foreignobject>', 'url(http://example.com', 'onclick', 'other.svg', 'javascript:alert', '<animate>', '<set>', '<image>', '<style>']) {
    assert.ok(removed.some((m) => m.includes(what)), `${what} reported: ${removed.join(' | ')}`);
  }
});

test('<font color> keeps its colour as a span; a colour that is not one is dropped', () => {
  const d = compile('# A\n\nSee <font color="#c62828">red</font>, <font color="green" face="Arial">green</font>, <font color="0f0">hex</font> and <font color="x:expression(1)">bad</font>.\n\nNote: n');
  const html = d.slides[0]!.html;
  assert.match(html, /<span style="color: #c62828">red<\/span>/);
  assert.match(html, /<span style="color: green">green<\/span>/);
  assert.match(html, /<span style="color: #0f0">hex<\/span>/);
  assert.match(html, /<span>bad<\/span>/);
  assert.doesNotMatch(html, /<font|face=|expression/);
});

test('<aside class="notes"> is read as speaker notes, after the Note: ones', () => {
  const d = compile('# A\n\nbody\n\n<aside class="notes">Say <b>this</b> &amp; that.</aside>\n\nNote: first');
  const s = d.slides[0]!;
  assert.doesNotMatch(s.html, /aside|Say/);
  assert.match(s.notesHtml, /<p>first<\/p>\nSay <b>this<\/b> &amp; that\./);
  assert.equal(s.notesText, 'first\nSay this & that.');
  const alone = compile('# B\n\n<aside class="notes">only notes</aside>');
  assert.equal(alone.slides[0]!.notesText, 'only notes');
  assert.ok(!alone.diagnostics.some((x) => x.code === 'slide-without-notes'));
});
