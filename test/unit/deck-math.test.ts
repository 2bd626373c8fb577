// Math: inline and display KaTeX, mhchem, the reveal.js code-span convention, dollars that are
// not math, bad formulas as error boxes with located diagnostics, and KaTeX's safety settings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const FILE = '/tmp/lectern-math-test/deck.md';
const compile = (text: string): Deck => compileDeck(text, FILE);
const katexCount = (html: string): number => (html.match(/<span class="katex">/g) ?? []).length;

test('inline $..$ renders with KaTeX, keeping the TeX as MathML annotation', () => {
  const d = compile('Energy $E = mc^2$ here\nNote: n');
  const html = d.slides[0]!.html;
  assert.equal(katexCount(html), 1);
  assert.match(html, /<annotation encoding="application\/x-tex">E = mc\^2<\/annotation>/);
  assert.doesNotMatch(html, /katex-display/);
  assert.deepEqual(d.diagnostics, []);
});

test('display $$..$$ on one line, across lines, and inline in a paragraph', () => {
  const d = compile('$$a+b$$\n\n$$\n\\frac{1}{2}\n$$\n\ntext $$c$$ text\nNote: n');
  const html = d.slides[0]!.html;
  assert.equal((html.match(/class="katex-display"/g) ?? []).length, 3);
  assert.deepEqual(d.diagnostics, []);
});

test('mhchem nuclear equations render', () => {
  const d = compile('$\\ce{^{90}_{39}Y -> ^{90}_{40}Zr + e^- + \\bar{\\nu}_e}$\nNote: n');
  assert.equal(katexCount(d.slides[0]!.html), 1);
  assert.deepEqual(d.diagnostics, []);
  assert.doesNotMatch(d.slides[0]!.html, /lectern-math-error/);
});

test('$ in code is not math, but a code span that is exactly a formula is (reveal.js)', () => {
  const d = compile('`cost $5` and `$x^2$` and `$$y$$`\n\n```\n$z$\n```\nNote: n');
  const html = d.slides[0]!.html;
  assert.match(html, /<code>cost \$5<\/code>/);
  assert.match(html, /<pre><code>\$z\$\n<\/code><\/pre>/);
  assert.equal(katexCount(html), 2);
  assert.match(html, /katex-display/);
});

test('prices and escaped dollars are not math', () => {
  const d = compile('It costs $5 and $10, or \\$20.\nNote: n');
  assert.equal(katexCount(d.slides[0]!.html), 0);
  assert.match(d.slides[0]!.html, /It costs \$5 and \$10, or \$20\./);
});

test('math in notes renders too', () => {
  const d = compile('# A\nNote: the half-life $T_{1/2}$');
  assert.equal(katexCount(d.slides[0]!.notesHtml), 1);
  assert.equal(d.slides[0]!.notesText, 'the half-life T₁/₂');
});

test('a bad formula becomes a visible error box and an error at its line and column; the rest compiles', () => {
  const d = compile('# A\nNote: n\n---\n# B\n\nok $x$ then $\\frac{1}{$ end\nNote: n\n---\n# C\n$y$\nNote: n');
  assert.equal(d.slides.length, 3);
  const err = d.diagnostics.find((x) => x.code === 'katex-parse');
  assert.ok(err);
  assert.equal(err.severity, 'error');
  assert.equal(err.line, 6);
  assert.equal(err.column, 13);
  assert.match(d.slides[1]!.html, /class="lectern-math-error"/);
  assert.match(d.slides[1]!.html, /\$\\frac\{1\}\{\$/);
  assert.equal(katexCount(d.slides[1]!.html), 1);
  assert.equal(katexCount(d.slides[2]!.html), 1);
});

test('a bad display formula in a later line is located there', () => {
  const d = compile('# A\n\n$$\n\\begin{matrix} a \\end{pmatrix}\n$$\nNote: n');
  const err = d.diagnostics.find((x) => x.code === 'katex-parse');
  assert.ok(err);
  assert.equal(err.line, 3);
  assert.match(d.slides[0]!.html, /<div class="lectern-math-error"/);
});

test('KaTeX runs untrusted: \\href and \\url are refused, no link or javascript: survives', () => {
  const d = compile('$\\href{javascript:alert(1)}{x}$ $\\url{https://example.com}$ $\\htmlData{a=b}{x}$\nNote: n');
  const html = d.slides[0]!.html;
  assert.doesNotMatch(html, /<a /);
  assert.doesNotMatch(html, /href=/);
  // Refused commands render in KaTeX's error colour and are reported, never followed.
  assert.deepEqual(d.diagnostics.filter((x) => x.code === 'katex-untrusted').map((x) => x.column), [1, 33, 61]);
  assert.ok(d.diagnostics.every((x) => x.severity === 'warning'));
});

test('macro expansion and sizes are capped: a macro bomb is an error, not a hang', () => {
  const bomb = '$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{\\e\\e}\\def\\e{\\f\\f}\\def\\f{\\g\\g}\\def\\g{\\h\\h}\\def\\h{\\i\\i}\\def\\i{\\j\\j}\\def\\j{xx}\\a\\a\\a$';
  const d = compile(`${bomb}\n\n$\\rule{100000em}{100000em}$\nNote: n`);
  assert.ok(d.diagnostics.some((x) => x.code === 'katex-parse' && /expan/i.test(x.message)));
  assert.ok(d.slides[0]!.html.length < 200_000);
});

test('a \\gdef in one formula does not leak into another', () => {
  const d = compile('$\\gdef\\foo{x}\\foo$\n\n$\\foo$\nNote: n');
  assert.equal(d.diagnostics.filter((x) => x.code === 'katex-parse').length, 1);
});

test('non-fatal strict complaints are warnings, and the formula still renders', () => {
  const d = compile('$\\text{é} é$\nNote: n');
  assert.equal(katexCount(d.slides[0]!.html), 1);
  assert.ok(d.diagnostics.every((x) => x.severity === 'warning'));
});

test('a formula in image alt text keeps its TeX, not a placeholder', () => {
  const d = compile('![decay $\\lambda$](data:image/png;base64,iVBORw0KGgo=)\nNote: n');
  assert.match(d.slides[0]!.html, /alt="decay \\lambda"/);
  assert.doesNotMatch(d.slides[0]!.html, /data-lectern-math/);
});
