// compileDeck never throws or hangs: binary garbage, NUL bytes, absurd nesting, pathological
// Markdown. (The full hostile-input suite lives elsewhere; these are the compiler's own floor.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileDeck, loadDeck } from '../../electron/deck/index';

const FILE = '/tmp/lectern-robust-test/deck.md';

const inputs: Array<[string, () => string]> = [
  ['binary garbage', () => randomBytes(100_000).toString('latin1')],
  ['NUL bytes', () => '# a\0b\n\0$x\0$\nNote: \0\n---\n\0'],
  ['10,000-deep nested list (compact)', () => '- '.repeat(10_000) + 'x'],
  ['10,000-deep nested list (indented)', () => Array.from({ length: 10_000 }, (_, i) => ' '.repeat(Math.min(i, 400) * 2) + '- x').join('\n')],
  ['10,000-deep blockquote', () => '>'.repeat(10_000) + ' x'],
  ['10,000 nested divs', () => '<div>'.repeat(10_000) + 'x'],
  ['unbalanced brackets', () => '['.repeat(20_000) + 'x' + ']('.repeat(20_000)],
  ['many dollars', () => '$'.repeat(20_000) + '\n' + '$a'.repeat(10_000)],
  ['many comments', () => '<!--'.repeat(10_000) + '<!-- .slide: ' + 'a="b" '.repeat(5_000)],
  ['20,000 separators', () => '---\n--\n'.repeat(10_000)],
  ['unterminated fence', () => '```\n'.repeat(3) + 'x\n---\n'.repeat(100)],
  ['only front matter marker', () => '---'],
  ['empty', () => ''],
  ['lone surrogates', () => '# \uD800 \uDFFF\nNote: \uDBFF'],
  ['private-use math marker chars', () => '\uE000 0\uE001 $x$ <span data-lectern-math="0"></span>\nNote: n'],
];

for (const [name, make] of inputs) {
  test(`never throws: ${name}`, () => {
    const text = make();
    const d = compileDeck(text, FILE);
    assert.ok(Array.isArray(d.slides));
    assert.ok(d.diagnostics.every((x) => x.line >= 1 && x.column >= 1 && x.file.length > 0));
    // The deck is plain data: it survives JSON, as IPC and exported HTML need.
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(d)));
    for (const s of d.slides) assert.doesNotMatch(s.html, /<script/i);
  });
}

test('too-deep nesting is an error on that slide; the other slides render', () => {
  const d = compileDeck('# Fine\nNote: n\n---\n' + '- '.repeat(5_000) + 'x\nNote: n\n---\n# Also fine\nNote: n', FILE);
  assert.deepEqual(d.slides.map((s) => s.title), ['Fine', '', 'Also fine']);
  const e = d.diagnostics.find((x) => x.code === 'render-failed');
  assert.ok(e);
  assert.equal(e.line, 4);
  assert.match(d.slides[1]!.html, /^<pre class="lectern-render-error">/);
});

test('loadDeck on invalid UTF-8 and binary files does not throw', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-robust-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const f = join(dir, 'bin.md');
  writeFileSync(f, randomBytes(50_000));
  const d = loadDeck(f);
  assert.ok(d.diagnostics.some((x) => x.code === 'invalid-utf8'));
});
