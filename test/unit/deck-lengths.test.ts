// Talk lengths: `lengths:` in the front matter, `data-lengths` on slides, per-length section
// budgets, and names nobody declared reported at their line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const FILE = '/tmp/lectern-lengths-test/deck.md';
const DECK = [
  '---', //                                            1
  'title: T', //                                       2
  'lengths: {short: 20, full: "45 min"}', //           3
  'sections:', //                                      4
  '  Intro: {short: 2, full: 5}', //                   5
  '  Results: 10', //                                  6
  '---', //                                            7
  '<!-- section: Intro -->', //                        8
  '# Always', //                                       9
  'Note: n', //                                        10
  '---', //                                            11
  '<!-- .slide: data-lengths="full" -->', //           12
  '# Only full', //                                    13
  'Note: n', //                                        14
  '---', //                                            15
  '<!-- section: Results -->', //                      16
  '<!-- .slide: data-lengths="short full" -->', //     17
  '# Both', //                                         18
  'Note: n', //                                        19
].join('\n');
const compile = (text: string, length?: string): Deck => compileDeck(text, FILE, length === undefined ? {} : { length });
const errors = (d: Deck) => d.diagnostics.filter((x) => x.severity === 'error');

test('the first length is the default: its slides, its minutes, its budgets', () => {
  const d = compile(DECK);
  assert.deepEqual(errors(d), []);
  assert.deepEqual(d.slides.map((s) => [s.title, s.index, s.h]), [['Always', 0, 0], ['Both', 1, 1]]);
  assert.equal(d.meta.length, 'short');
  assert.equal(d.meta.duration, 20);
  assert.deepEqual(d.meta.lengths, [{ name: 'short', minutes: 20 }, { name: 'full', minutes: 45 }]);
  assert.deepEqual(d.meta.sections, [{ title: 'Results', minutes: 10 }, { title: 'Intro', minutes: 2 }]);
});

test('another length by name: its slides, minutes and budgets', () => {
  const d = compile(DECK, 'full');
  assert.deepEqual(d.slides.map((s) => s.title), ['Always', 'Only full', 'Both']);
  assert.equal(d.meta.duration, 45);
  assert.equal(d.meta.sections.find((s) => s.title === 'Intro')?.minutes, 5);
});

test('an undeclared length is an error at its line: on a slide, in a budget, or asked for', () => {
  const onSlide = compile(DECK.replace('data-lengths="full"', 'data-lengths="ful"'));
  const e = errors(onSlide);
  assert.equal(e.length, 1, JSON.stringify(e));
  assert.equal(e[0]!.code, 'unknown-length');
  assert.equal(e[0]!.line, 12);
  assert.match(e[0]!.message, /"ful".*short, full/);
  const inBudget = errors(compile(DECK.replace('full: 5}', 'long: 5}')));
  assert.deepEqual(inBudget.map((x) => [x.code, x.line]), [['unknown-length', 5]]);
  const asked = errors(compile(DECK, 'medium'));
  assert.deepEqual(asked.map((x) => [x.code, x.line]), [['unknown-length', 3]]);
});

test('data-lengths without lengths in the front matter is an error; a deck without either is unchanged', () => {
  const d = compile('# A\nNote: n\n---\n<!-- .slide: data-lengths="short" -->\n# B\nNote: n');
  assert.deepEqual(errors(d).map((x) => [x.code, x.line]), [['unknown-length', 4]]);
  const plain = compile('---\nduration: 30\n---\n# A\nNote: n');
  assert.equal(plain.meta.duration, 30);
  assert.equal(plain.meta.length, undefined);
  assert.equal(plain.meta.lengths, undefined);
});

test('a bad lengths value is an error at its line', () => {
  const d = compile('---\nlengths: {short: soon}\n---\n# A\nNote: n');
  assert.deepEqual(errors(d).map((x) => [x.code, x.line]), [['front-matter-type', 2]]);
});
