// Backup slides: a slide holding only `<!-- backup -->` ends the talk; the slides after it are
// kept for questions and flagged, the marker itself is no slide.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';
import { mainSlides } from '../../electron/deck/types';

const FILE = '/tmp/lectern-backup-test/deck.md';
const compile = (text: string): Deck => compileDeck(text, FILE);

test('slides after a lone backup marker are backup slides; the marker takes no place', () => {
  const d = compile('# A\nNote: a\n---\n# B\nNote: b\n---\n<!-- backup -->\n---\n# X\nNote: x\n---\n# Y\nNote: y');
  assert.deepEqual(d.slides.map((s) => [s.title, s.index, s.h, s.backup ?? false]), [['A', 0, 0, false], ['B', 1, 1, false], ['X', 2, 2, true], ['Y', 3, 3, true]]);
  assert.deepEqual(mainSlides(d.slides).map((s) => s.title), ['A', 'B']);
  assert.equal(d.diagnostics.filter((x) => x.severity === 'error').length, 0);
  assert.ok(!d.diagnostics.some((x) => x.code === 'empty-slide'));
});

test('a backup marker beside other content is an error at its line, and marks nothing', () => {
  const d = compile('# A\nNote: a\n---\n# B\n\n<!-- backup -->\nNote: b\n---\n# C\nNote: c');
  const e = d.diagnostics.find((x) => x.code === 'backup-not-alone');
  assert.ok(e, d.diagnostics.map((x) => x.code).join());
  assert.equal(e.line, 6);
  assert.equal(e.severity, 'error');
  assert.ok(d.slides.every((s) => !s.backup));
});

test('a second marker is a warning; a deck without a marker has no backup slides', () => {
  const d = compile('# A\nNote: a\n---\n<!-- backup -->\n---\n# X\nNote: x\n---\n<!--backup-->\n---\n# Y\nNote: y');
  assert.deepEqual(d.slides.map((s) => [s.title, s.backup ?? false]), [['A', false], ['X', true], ['Y', true]]);
  const w = d.diagnostics.find((x) => x.code === 'backup-twice');
  assert.ok(w);
  assert.equal(w.line, 9);
  assert.ok(compile('# A\nNote: a\n---\n# B\nNote: b').slides.every((s) => s.backup === undefined));
});

test('a backup marker over a vertical stack: the stack below it starts a new column', () => {
  const d = compile('# A\nNote: a\n---\n<!-- backup -->\n\n--\n# X\nNote: x\n\n--\n# X2\nNote: x2');
  assert.deepEqual(d.slides.map((s) => [s.title, s.h, s.v, s.backup ?? false]), [['A', 0, 0, false], ['X', 1, 0, true], ['X2', 1, 1, true]]);
});
