// The compile cache: after an edit only the changed slide is rendered again, the result equals a
// cold compile, diagnostics follow moved lines, and changed asset files invalidate their slides.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDeckCompiler } from '../../electron/deck/index';

const dir = mkdtempSync(join(tmpdir(), 'lectern-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'deck.md');
const slide = (i: number, extra = ''): string => `## Slide ${i}\n\n- $x_{${i}}$ point${extra}\n\nNote: n ${i}`;
const deckText = (n: number, edit?: { at: number; extra: string }): string =>
  Array.from({ length: n }, (_, i) => slide(i, edit && edit.at === i ? edit.extra : '')).join('\n---\n');

test('a one-slide edit re-renders that slide only, and equals a cold compile', () => {
  const compiler = createDeckCompiler();
  compiler.compile(deckText(20), FILE);
  assert.equal(compiler.stats.rendered, 20);
  const edited = deckText(20, { at: 7, extra: ' **edited**' });
  const warm = compiler.compile(edited, FILE);
  assert.deepEqual(compiler.stats, { rendered: 1, reused: 19 });
  assert.match(warm.slides[7]!.html, /<strong>edited<\/strong>/);
  const cold = createDeckCompiler().compile(edited, FILE);
  assert.deepEqual(warm, cold);
});

test('reused slides get the lines of where they now are, diagnostics included', () => {
  const compiler = createDeckCompiler();
  const text = '# A\nNote: n\n---\n## B\n\n![](missing.png)\n\nNote: n';
  const first = compiler.compile(text, FILE);
  assert.equal(first.diagnostics.find((x) => x.code === 'missing-asset')!.line, 6);
  const moved = compiler.compile('# A\n\nmore\nlines\nNote: n\n---\n## B\n\n![](missing.png)\n\nNote: n', FILE);
  assert.equal(compiler.stats.reused, 1);
  assert.equal(moved.diagnostics.find((x) => x.code === 'missing-asset')!.line, 9);
  assert.deepEqual(moved.slides[1]!.source, { file: FILE, startLine: 7, endLine: 11 });
  assert.deepEqual(moved, createDeckCompiler().compile('# A\n\nmore\nlines\nNote: n\n---\n## B\n\n![](missing.png)\n\nNote: n', FILE));
});

test('a slide whose image appears or changes is rendered again', () => {
  const compiler = createDeckCompiler();
  const text = '## Pic\n\n![Pic](pic.svg)\n\nNote: n';
  rmSync(join(dir, 'pic.svg'), { force: true });
  assert.equal(compiler.compile(text, FILE).diagnostics[0]!.code, 'missing-asset');
  writeFileSync(join(dir, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  const after = compiler.compile(text, FILE);
  assert.equal(compiler.stats.rendered, 1);
  assert.deepEqual(after.diagnostics, []);
  assert.match(after.slides[0]!.html, /lectern-asset:pic\.svg/);
});

test('the same text in another file or root is not reused', () => {
  const compiler = createDeckCompiler();
  compiler.compile(slide(1), FILE);
  compiler.compile(slide(1), join(dir, 'other.md'));
  assert.equal(compiler.stats.rendered, 1);
  compiler.compile(slide(1), FILE, { root: tmpdir() });
  assert.equal(compiler.stats.rendered, 1);
});

test('a cached deck does not share mutable objects between compiles', () => {
  const compiler = createDeckCompiler();
  const a = compiler.compile('<!-- .slide: class="x" -->\n# A\nNote: n', FILE);
  a.slides[0]!.attributes.class = 'mutated';
  const b = compiler.compile('<!-- .slide: class="x" -->\n# A\nNote: n', FILE);
  assert.equal(b.slides[0]!.attributes.class, 'x');
});
