// data-lengths on an include slide (issue 15 item 2): the whole included part is in those lengths
// only; a slide inside it with its own data-lengths is in the lengths both name; budgets, names
// nobody declared and attributes an include slide cannot take are reported at their line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const root = mkdtempSync(join(tmpdir(), 'lectern-include-lengths-'));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'parts'), { recursive: true });
const write = (name: string, text: string): string => {
  const p = join(root, name);
  writeFileSync(p, text);
  return p;
};
const EXTRA = write('parts/extra.md', [
  '---', //                                              1
  'title: Extra cases', //                               2
  '---', //                                              3
  '## E1', //                                            4
  'Note: n', //                                          5
  '---', //                                              6
  '<!-- .slide: data-lengths="short full" -->', //       7
  '## E2', //                                            8
  'Note: n', //                                          9
  '---', //                                              10
  '## E3', //                                            11
  'Note: n', //                                          12
].join('\n'));
const MAIN = join(root, 'main.md');
const FRONT = ['---', 'lengths: {short: 20, full: 45, long: 60}', 'sections:', '  Extra cases: {short: 1, full: 10}', '---'];
const deckWith = (includeSlide: string[]): string => [...FRONT, '# Talk', 'Note: n', '---', ...includeSlide, '---', '# End', 'Note: n'].join('\n');
const compile = (text: string, length?: string): Deck => compileDeck(text, MAIN, length === undefined ? {} : { length });
const titles = (d: Deck): string[] => d.slides.map((s) => s.title);
const problems = (d: Deck): Array<[string, string, number]> => d.diagnostics.map((x) => [x.code, x.file.replace(`${root}/`, ''), x.line]);

test('an include slide with data-lengths puts its whole part in those lengths; budgets follow', () => {
  // The attribute comment before or after the include comment, on a line of its own.
  for (const slide of [['<!-- .slide: data-lengths="full long" -->', '<!-- include: parts/extra.md -->'], ['<!-- include: parts/extra.md -->', '<!-- .slide: data-lengths="full long" -->']]) {
    const text = deckWith(slide);
    const short = compile(text);
    assert.deepEqual(problems(short), [], 'the part\'s budget is for a section only another length shows: no warning');
    assert.equal(short.meta.length, 'short');
    assert.deepEqual(titles(short), ['Talk', 'End']);
    assert.deepEqual(short.slides.map((s) => s.h), [0, 1]);
    const full = compile(text, 'full');
    assert.deepEqual(problems(full), []);
    // E2 says "short full", its include "full long": it is in full only. E1 and E3 follow the include.
    assert.deepEqual(titles(full), ['Talk', 'E1', 'E2', 'E3', 'End']);
    assert.deepEqual(full.slides.map((s) => s.section), ['', 'Extra cases', 'Extra cases', 'Extra cases', '']);
    assert.equal(full.meta.sections.find((s) => s.title === 'Extra cases')?.minutes, 10);
    assert.deepEqual(titles(compile(text, 'long')), ['Talk', 'E1', 'E3', 'End'], 'E2 is in short and full only');
  }
});

test('includes nest: a part in a part is in the lengths every include slide above it names', () => {
  write('parts/outer.md', '## O1\nNote: n\n---\n<!-- .slide: data-lengths="full long" -->\n<!-- include: extra.md -->');
  const text = deckWith(['<!-- .slide: data-lengths="full" -->', '<!-- include: parts/outer.md -->']);
  assert.deepEqual(titles(compile(text)), ['Talk', 'End']);
  assert.deepEqual(titles(compile(text, 'full')), ['Talk', 'O1', 'E1', 'E2', 'E3', 'End']);
  assert.deepEqual(titles(compile(text, 'long')), ['Talk', 'End']);
});

test('a slide that shares no length with its include slide is in none, and says so at its line', () => {
  const text = deckWith(['<!-- .slide: data-lengths="long" -->', '<!-- include: parts/extra.md -->']);
  const long = compile(text, 'long');
  assert.deepEqual(titles(long), ['Talk', 'E1', 'E3', 'End']);
  assert.deepEqual(problems(long), [['lengths-disjoint', 'parts/extra.md', 7]]);
  assert.match(long.diagnostics[0]!.message, /\(short full\) shares no length with its include slide's \(long\)/);
});

test('an undeclared length on an include slide is an error at its line; other attributes are ignored with a warning', () => {
  const bad = compile(deckWith(['<!-- .slide: data-lengths="ful" -->', '<!-- include: parts/extra.md -->']));
  assert.deepEqual(problems(bad).filter(([code]) => code === 'unknown-length'), [['unknown-length', 'main.md', 9]]);
  assert.match(bad.diagnostics.find((x) => x.code === 'unknown-length')!.message, /"ful".*short, full, long/);
  const other = compile(deckWith(['<!-- include: parts/extra.md -->', '<!-- .slide: data-background-color="#000" data-lengths="full" -->']), 'full');
  assert.deepEqual(problems(other), [['include-attributes-ignored', 'main.md', 10]]);
  assert.match(other.diagnostics[0]!.message, /data-background-color is ignored/);
  assert.deepEqual(titles(other), ['Talk', 'E1', 'E2', 'E3', 'End']);
});

test('an include beside other content is still an error: only attribute comments may share its slide', () => {
  const mixed = compile(deckWith(['<!-- .slide: data-lengths="full" -->', '<!-- include: parts/extra.md -->', 'Some text']));
  assert.deepEqual(problems(mixed).filter(([code]) => code.startsWith('include')), [['include-not-alone', 'main.md', 10]]);
  // A deck without lengths: the include works as before.
  const plain = compileDeck('# A\nNote: n\n---\n<!-- include: parts/extra.md -->', MAIN);
  assert.deepEqual(titles(plain), ['A', 'E1', 'E2', 'E3']);
  assert.ok(plain.diagnostics.every((x) => x.code === 'unknown-length'), 'E2 names lengths this deck does not declare');
});
