import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck } from '../../electron/deck/index';
import { texPlainText } from '../../electron/deck/tex-text';

test('formulas read as plain text', () => {
  assert.equal(texPlainText('^{90}\\text{Y}'), '⁹⁰Y');
  assert.equal(texPlainText('\\ce{^{90}_{39}Y -> ^{90}_{40}Zr}'), '⁹⁰₃₉Y -> ⁹⁰₄₀Zr');
  assert.equal(texPlainText('T_{1/2} = 64\\,\\text{h}'), 'T_(1/2) = 64 h');
  assert.equal(texPlainText('\\beta^-'), 'β⁻');
  assert.equal(texPlainText('25\\text{-}35\\ \\mu\\text{m}'), '25-35 µm');
  assert.equal(texPlainText('\\frac{a}{b}'), 'ab');
});

test('a heading with math gives a plain-text title, not raw TeX', () => {
  const deck = compileDeck('# $^{90}\\text{Y}$ formulations\n\nNote: the two products.\n', '/tmp/deck.md');
  assert.equal(deck.slides[0]?.title, '⁹⁰Y formulations');
});
