// The deck format: separators, vertical slides, code fences, notes, titles, line ranges,
// attribute comments and fragments, line endings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const FILE = '/tmp/lectern-format-test/deck.md';
const compile = (text: string): Deck => compileDeck(text, FILE);
const codes = (d: Deck): string[] => d.diagnostics.map((x) => x.code);

test('--- separates horizontal slides, ---- and -- (after a blank line) vertical ones, with reveal.js coordinates', () => {
  const d = compile('# A\nNote: a\n---\n# B\nNote: b\n\n--\n# B2\nNote: b2\n----\n# B3\nNote: b3\n---\n# C\nNote: c');
  assert.deepEqual(
    d.slides.map((s) => [s.title, s.h, s.v, s.index]),
    [['A', 0, 0, 0], ['B', 1, 0, 1], ['B2', 1, 1, 2], ['B3', 1, 2, 3], ['C', 2, 0, 4]],
  );
});

test('separators inside fenced code (``` and ~~~) are text', () => {
  const d = compile('# A\n```\n---\n--\n```\n~~~~\n---\n~~~~\nNote: n\n---\n# B\nNote: n');
  assert.equal(d.slides.length, 2);
  assert.match(d.slides[0]!.html, /<pre><code>---\n--\n<\/code><\/pre>/);
});

test('an unclosed fence that swallows separators is a warning at the fence', () => {
  const d = compile('# A\nNote: n\n---\n```\ncode\n---\n# B');
  const w = d.diagnostics.find((x) => x.code === 'unclosed-code-fence');
  assert.ok(w, codes(d).join());
  assert.equal(w.line, 4);
});

test('Note: and Notes: start speaker notes to the end of the slide', () => {
  const d = compile('# A\n\nbody text\n\nNote: first *line*\nmore notes\n---\n# B\nNotes:\n- point');
  assert.equal(d.slides[0]!.text.includes('first'), false);
  assert.match(d.slides[0]!.notesHtml, /<p>first <em>line<\/em>\nmore notes<\/p>/);
  assert.equal(d.slides[0]!.notesText, 'first line\nmore notes');
  assert.match(d.slides[1]!.notesHtml, /<li>point<\/li>/);
});

test('a Note: line inside a code fence is code, not notes', () => {
  const d = compile('# A\n```\nNote: not notes\n```\nNote: real');
  assert.match(d.slides[0]!.html, /Note: not notes/);
  assert.equal(d.slides[0]!.notesText, 'real');
});

test('a slide without notes and an empty slide are warnings at their line', () => {
  const d = compile('# A\nNote: n\n---\n\n# B\n---\n\n---\n# C\nNote: c');
  const noNotes = d.diagnostics.filter((x) => x.code === 'slide-without-notes');
  assert.deepEqual(noNotes.map((x) => x.line), [5, 7]);
  const empty = d.diagnostics.filter((x) => x.code === 'empty-slide');
  assert.deepEqual(empty.map((x) => [x.line, x.severity]), [[7, 'warning']]);
  assert.ok(d.diagnostics.every((x) => x.file === FILE && x.column >= 1));
});

test('a leading or trailing separator does not make an empty slide', () => {
  const d = compile('---\n# A\nNote: n\n---\n');
  assert.equal(d.slides.length, 1);
  assert.deepEqual(codes(d), []);
});

test('source line ranges cover the slide content', () => {
  const d = compile('---\ntitle: T\n---\n\n# A\ntext\nNote: n\n\n---\n\n# B\nNote: n\n');
  assert.deepEqual(d.slides.map((s) => [s.source.startLine, s.source.endLine]), [[5, 7], [11, 12]]);
  assert.equal(d.slides[0]!.source.file, FILE);
});

test('the title is the first heading; the deck title falls back to it', () => {
  const d = compile('Intro text\n\n## The *real* title\n\n### Sub\nNote: n');
  assert.equal(d.slides[0]!.title, 'The real title');
  assert.equal(d.meta.title, 'The real title');
  assert.equal(compile('no headings\nNote: n').meta.title, 'deck');
});

test('.slide comments set slide attributes, unsafe ones are dropped', () => {
  const d = compile('<!-- .slide: data-background-color="#102030" class="center" id="intro" onclick="x()" -->\n# A\nNote: n');
  assert.deepEqual(d.slides[0]!.attributes, { 'data-background-color': '#102030', class: 'center', id: 'intro' });
  assert.ok(d.diagnostics.some((x) => x.code === 'removed-html' && /onclick/.test(x.message)));
  assert.doesNotMatch(d.slides[0]!.html, /slide:/);
});

test('.element comments attach to the element before them, as reveal.js does', () => {
  const d = compile(
    [
      '- one <!-- .element: class="fragment" -->',
      '- two **bold** <!-- .element: class="fragment highlight-red" -->',
      '',
      'Para',
      '<!-- .element: class="fragment" data-fragment-index="4" -->',
      '',
      '![alt](#) <!-- .element: width="50%" -->',
      'Note: n',
    ].join('\n'),
  );
  const html = d.slides[0]!.html;
  assert.match(html, /<li class="fragment">one <\/li>/);
  assert.match(html, /<strong class="fragment highlight-red">bold<\/strong>/);
  assert.match(html, /<p class="fragment" data-fragment-index="4">Para<\/p>/);
  assert.doesNotMatch(html, /\.element/);
});

test('fragments count steps as reveal.js does (shared indices are one step)', () => {
  const d = compile(
    [
      '- a <!-- .element: class="fragment" -->',
      '- b <!-- .element: class="fragment" data-fragment-index="2" -->',
      '- c <!-- .element: class="fragment" data-fragment-index="2" -->',
      '',
      '<p class="fragment">raw</p>',
      'Note: n',
      '---',
      '# none',
      'Note: n',
    ].join('\n'),
  );
  assert.equal(d.slides[0]!.fragments, 3);
  assert.equal(d.slides[1]!.fragments, 0);
});

test('CR and CRLF line endings and a BOM compile like LF', () => {
  const lf = compile('# A\nNote: n\n---\n# B\nNote: m');
  for (const text of ['\uFEFF# A\r\nNote: n\r\n---\r\n# B\r\nNote: m', '# A\rNote: n\r---\r# B\rNote: m']) {
    const d = compile(text);
    assert.deepEqual(d.slides.map((s) => [s.html, s.notesHtml, s.source.startLine]), lf.slides.map((s) => [s.html, s.notesHtml, s.source.startLine]));
  }
});

test('slide text is plain text for search', () => {
  const d = compile('# Title\n\n- **Bold** item with $x^2$\n\n| a | b |\n|---|---|\n| 1 | 2 |\nNote: n');
  assert.equal(d.slides[0]!.text, 'Title\nBold item with x²\na\tb\n1\t2');
});

test('a slide that is too long for the frame is an overflow warning; a normal one is not', () => {
  const bullets = (n: number): string => Array.from({ length: n }, (_, i) => `- Bullet point number ${i + 1} with some words`).join('\n');
  const normal = compile(`## Seven bullets\n\n${bullets(7)}\n\nNote: n`);
  assert.deepEqual(codes(normal), []);
  const long = compile(`## Thirty bullets\n\n${bullets(30)}\n\nNote: n`);
  const w = long.diagnostics.find((x) => x.code === 'overflow');
  assert.ok(w);
  assert.equal(w.severity, 'warning');
  assert.equal(w.line, 1);
});

test('raw markdown features: tables, task lists, links to fragments', () => {
  const d = compile('| a |\n|---|\n| 1 |\n\n- [x] done\n\n[up](#top)\nNote: n');
  assert.match(d.slides[0]!.html, /<table>/);
  assert.match(d.slides[0]!.html, /<input checked(?:="")? disabled(?:="")? type="checkbox"(?: \/)?>/);
  assert.match(d.slides[0]!.html, /<a href="#top">up<\/a>/);
});

test('.element after a raw HTML block applies to its first element; .slide inside HTML still counts', () => {
  const d = compile('<div class="box">\ntext\n</div>\n<!-- .element: class="fragment" -->\n\n<div>\n<!-- .slide: data-background-color="#000" -->\nx\n</div>\nNote: n');
  assert.match(d.slides[0]!.html, /<div class="box fragment">/);
  assert.equal(d.slides[0]!.fragments, 1);
  assert.deepEqual(d.slides[0]!.attributes, { 'data-background-color': '#000' });
});

test('math in the first line of notes is located after the Note: marker', () => {
  const d = compile('# T\nNote: the half-life $\\frac{$ x');
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.line, x.column]), [['katex-parse', 2, 21]]);
});
