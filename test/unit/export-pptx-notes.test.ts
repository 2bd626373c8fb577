// Notes for PowerPoint's notes pane from the compiler's own notes HTML: structure kept (paragraphs,
// nested and numbered lists), formulas as one line of readable text, nothing doubled by KaTeX's
// two renderings.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck } from '../../electron/deck';
import { linearTex, notesFromHtml } from '../../electron/export/pptx/notes-from-html';

function notesOf(markdownNotes: string) {
  const deck = compileDeck(`---\ntitle: T\n---\n## Slide\n\nBody\n\nNote:\n${markdownNotes}\n`, '/virtual/deck.md');
  return notesFromHtml(deck.slides[0]!.notesHtml);
}

test('paragraphs, bullets, nested and numbered lists keep their structure', () => {
  assert.deepEqual(notesOf('Open with **the question**.\n\n- first\n  - nested *item*\n- second\n\n1. one\n2. two\n\nClose.'), [
    { kind: 'paragraph', text: 'Open with the question.' },
    { kind: 'list', ordered: false, items: [{ text: 'first', children: [{ kind: 'list', ordered: false, items: [{ text: 'nested item' }] }] }, { text: 'second' }] },
    { kind: 'list', ordered: true, items: [{ text: 'one' }, { text: 'two' }] },
    { kind: 'paragraph', text: 'Close.' },
  ]);
});

test('formulas read as one line of text, once', () => {
  assert.deepEqual(notesOf('Decay $A(t) = A_0 e^{-\\lambda t}$ and $T_{1/2} = \\frac{\\ln 2}{\\lambda}$.\n\n$$D = \\frac{49.67\\,A}{M}$$'), [
    { kind: 'paragraph', text: 'Decay A(t) = A₀ e^(-λ t) and T₁/₂ = (ln 2)/λ.' },
    { kind: 'paragraph', text: 'D = (49.67 A)/M' },
  ]);
});

test('linear TeX: nested fractions and roots', () => {
  assert.equal(linearTex('\\frac{1}{2}'), '1/2');
  assert.equal(linearTex('\\frac{a+b}{\\frac{c}{d}}'), '(a+b)/(c/d)');
  assert.equal(linearTex('\\sqrt{x^2 + y^2}'), '√(x² + y²)');
  assert.equal(linearTex('\\dfrac{\\mu}{2}'), 'µ/2');
  assert.equal(linearTex('\\frac{1}'), '1', 'a broken fraction keeps its text');
});

test('line breaks, tables, code and images become text; empty notes give no blocks', () => {
  assert.deepEqual(notesFromHtml('<p>one<br>two</p><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><pre><code>x = 1\ny = 2\n</code></pre><p><img src="a.svg" alt="a diagram"></p>'), [
    { kind: 'paragraph', text: 'one\ntwo' },
    { kind: 'paragraph', text: 'a | b' },
    { kind: 'paragraph', text: '1 | 2' },
    { kind: 'paragraph', text: 'x = 1\ny = 2' },
    { kind: 'paragraph', text: '[a diagram]' },
  ]);
  assert.deepEqual(notesFromHtml(''), []);
  assert.deepEqual(notesFromHtml('<ul><li><p>loose</p><p>item</p></li></ul>'), [{ kind: 'list', ordered: false, items: [{ text: 'loose\nitem' }] }]);
});
