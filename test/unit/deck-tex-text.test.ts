import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck } from '../../electron/deck/index';
import { texPlainText } from '../../electron/contract/tex-text';

test('formulas read as plain text', () => {
  assert.equal(texPlainText('^{90}\\text{Y}'), '⁹⁰Y');
  assert.equal(texPlainText('\\ce{^{90}_{39}Y -> ^{90}_{40}Zr + e^- + \\bar{\\nu}_e}'), '⁹⁰₃₉Y → ⁹⁰₄₀Zr + e⁻ + νₑ');
  assert.equal(texPlainText('T_{1/2} = 64\\,\\text{h}'), 'T₁/₂ = 64 h');
  assert.equal(texPlainText('\\beta^-'), 'β⁻');
  assert.equal(texPlainText('25\\text{-}35\\ \\mu\\text{m}'), '25-35 µm');
  assert.equal(texPlainText('\\frac{a}{b}'), 'a/b');
  assert.equal(texPlainText('e^{-\\lambda t}'), 'e^(-λ t)');
  assert.equal(texPlainText('x^{a^{2}}'), 'x^(a²)');
});

test('spacing and nested groups read as text, never as TeX (the decay-law formula)', () => {
  const tex = 'A(t) = A_0\\, e^{-\\lambda t}, \\qquad \\lambda = \\frac{\\ln 2}{T_{1/2}} \\approx 0.0108\\ \\mathrm{h}^{-1}';
  assert.equal(texPlainText(tex), 'A(t) = A₀ e^(-λ t), λ = (ln 2)/T₁/₂ ≈ 0.0108 h⁻¹');
});

test('the search text of a slide and its notes holds formulas as read, not their TeX', () => {
  const deck = compileDeck('# Decay\n\n- Half-life $T_{1/2}$ = 64 h, $^{90}$Y is a pure $\\beta$ emitter\n- `$\\gamma$` rays\n\n$$\\lambda = \\frac{\\ln 2}{T_{1/2}}, \\qquad x$$\n\nNote: $\\tau = T_{1/2} / \\ln 2$\n', '/tmp/deck.md');
  const slide = deck.slides[0]!;
  assert.match(slide.text, /Half-life T₁\/₂ = 64 h, ⁹⁰Y is a pure β emitter/);
  assert.match(slide.text, /γ rays/);
  assert.match(slide.text, /λ = \(ln 2\)\/T₁\/₂, x/);
  assert.equal(slide.notesText, 'τ = T₁/₂ / ln 2');
  for (const field of [slide.text, slide.notesText]) assert.doesNotMatch(field, /[\\^_{}$]/, field);
});

test('a heading with math gives a plain-text title, not raw TeX', () => {
  const deck = compileDeck('# $^{90}\\text{Y}$ formulations\n\nNote: the two products.\n', '/tmp/deck.md');
  assert.equal(deck.slides[0]?.title, '⁹⁰Y formulations');
});
