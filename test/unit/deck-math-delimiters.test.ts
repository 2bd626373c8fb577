// Math the reveal.js way (issue 12.7, 12.11): formulas wrapped in backticks (also over several
// lines), LaTeX's \(..\) and \[..\], no unpaired $$ swallowing text, one-line KaTeX errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const FILE = '/tmp/lectern-math-delimiters-test/deck.md';
const compile = (text: string): Deck => compileDeck(text + '\nNote: n', FILE);
const tex = (html: string): string[] => [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1] ?? '');
const displays = (html: string): number => (html.match(/class="katex-display"/g) ?? []).length;

test('a backtick-wrapped $$ formula over several lines is one display formula (reveal.js docs)', () => {
  const d = compile('# A\n\n`$$\n\\begin{array}{cc}\na & b \\\\\nc & d\n\\end{array}\n$$`\n\ntext after');
  const html = d.slides[0]!.html;
  assert.equal(displays(html), 1);
  assert.match(tex(html)[0]!, /\\begin\{array\}\{cc\} a &amp; b \\\\ c &amp; d \\end\{array\}/);
  assert.match(html, /<p>text after<\/p>/);
  assert.deepEqual(d.diagnostics, []);
});

test('a backtick-wrapped formula on its own line, and inline `$..$`, `\\(..\\)`, `\\[..\\]`', () => {
  const d = compile('`$$ J(\\theta) = \\sum_i x_i $$`\n\nsee `$x^2$`, `\\(y\\)` and `\\[z\\]`');
  const html = d.slides[0]!.html;
  assert.deepEqual(tex(html), ['J(\\theta) = \\sum_i x_i', 'x^2', 'y', 'z']);
  assert.equal(displays(html), 2);
});

test('\\(..\\) is inline math and \\[..\\] display math, in text and on their own lines', () => {
  const d = compile('Mass \\(m_0\\) and \\[E=mc^2\\] here\n\n\\[\n\\frac{1}{2}\n\\]\n\nend');
  const html = d.slides[0]!.html;
  assert.deepEqual(tex(html), ['m_0', 'E=mc^2', '\\frac{1}{2}']);
  assert.equal(displays(html), 2);
  assert.match(html, /<p>end<\/p>/);
  assert.deepEqual(d.diagnostics, []);
});

test('an unpaired $$ is text and a warning at its line and column; it swallows nothing', () => {
  const d = compile('# A\n\n$$\nx + y\n\nThe next paragraph.\n\nCosts $$ more.\n\nlast $$z$$');
  const html = d.slides[0]!.html;
  assert.match(html, /<p>The next paragraph\.<\/p>/);
  assert.match(html, /Costs \$\$ more\./);
  assert.doesNotMatch(html, /lectern-math-error/);
  assert.deepEqual(tex(html), ['z']);
  const w = d.diagnostics.filter((x) => x.code === 'unpaired-math');
  assert.deepEqual(w.map((x) => [x.line, x.column]), [[3, 1], [8, 7]]);
  assert.match(w[0]!.message, /no closing \$\$/);
});

test('a $$ block never reaches across a blank line to a later $$', () => {
  const d = compile('$$\na\n\ntext\n\n$$b$$');
  assert.deepEqual(tex(d.slides[0]!.html), ['b']);
  assert.match(d.slides[0]!.html, /<p>text<\/p>/);
});

test('a KaTeX error is one line, formula breaks and all', () => {
  const d = compile('$$\n\\frac{1}{\n2\n$$');
  const e = d.diagnostics.find((x) => x.code === 'katex-parse');
  assert.ok(e);
  assert.doesNotMatch(e.message, /\n/);
  assert.equal(e.line, 1);
});
