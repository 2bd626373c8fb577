// Property-based: generated Markdown (separators, notes, math, code fences, lists, HTML
// fragments, attribute comments, random unicode, any line ending) fed to compileDeck never
// throws, keeps every slide's source lines inside the file, in order and without overlap,
// reports diagnostics at real lines, produces inert HTML, and gives the same deck every time,
// from a warm cache or a fresh compiler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { compileDeck, createDeckCompiler } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { deckProblems } from './hostile-harness';

const FILE = join(tmpdir(), 'lectern-property', 'deck.md');
const RUNS = 200;

const fixedLines = fc.constantFrom(
  '---',
  '--',
  '---   ',
  '',
  '',
  '# Heading',
  '## Sub *heading*',
  'Note:',
  'Notes: what I say',
  'note: lower case',
  '$x^2$ inline',
  'cost $5 and $10',
  '$$',
  '$$\\frac{a}{b}$$',
  '\\frac{1}{2}',
  '$\\frac{1}{$',
  '$\\ce{H2O}$',
  '`$x$`',
  '```',
  '```js',
  '~~~',
  '````',
  '- item',
  '  - nested',
  '1. first',
  '    indented code',
  '> quote',
  '| a | b |',
  '|---|---|',
  '![alt](img/missing.svg)',
  '[link](https://example.org/)',
  '<div class="columns">',
  '</div>',
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<!-- .slide: class="center" data-background-color="#102030" -->',
  '<!-- .element: class="fragment" -->',
  '<!-- section: Part -->',
  '<!-- include: other.md -->',
  '<!--',
  '-->',
  'title: not front matter',
  '***',
  '___',
  // Markdown-only attacks: slides without raw HTML are rendered on a separate path.
  '[x](javascript:alert(1))',
  '[x](JaVaScript&#58;alert(1))',
  '<javascript:alert(1)>',
  '[r]: javascript:alert(1)',
  '[r][r]',
  '[t](#a "x\\" onmouseover=\\"y")',
  '![i](https://evil.example/a.png)',
  '![i](data:text/html,x)',
  '<!-- .element: onclick="alert(1)" data-src="javascript:alert(1)" -->',
  '<!-- .element: data-src="https://evil.example/" -->',
  '<!-- .slide: data-background-iframe="https://evil.example/" data-background-image="//evil.example/b.png" -->',
);

const unicodeLine = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyLine = fc.oneof({ weight: 5, arbitrary: fixedLines }, { weight: 2, arbitrary: unicodeLine }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });

const frontMatter = fc.option(
  fc
    .array(fc.constantFrom('title: T', 'duration: 45', 'theme: dark', 'durtion: 3', 'sections:', '  Part: 5', 'bad: [', 'slideNumbers: nope'), { maxLength: 5 })
    .map((lines) => ['---', ...lines, '---']),
  { nil: undefined },
);

const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

const deckText = fc.tuple(frontMatter, fc.array(anyLine, { maxLength: 60 }), eol, fc.boolean()).map(([fm, body, ending, bom]) => {
  const text = [...(fm ?? []), ...body].join(ending);
  return bom ? `\uFEFF${text}` : text;
});

function lineCountOf(text: string): number {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
}

function rangeProblems(deck: Deck, text: string): string[] {
  const lines = lineCountOf(text);
  const out: string[] = [];
  let previousEnd = 0;
  for (const slide of deck.slides) {
    const { file, startLine, endLine } = slide.source;
    const where = `slide ${slide.index} [${startLine}, ${endLine}]`;
    if (file !== FILE) out.push(`${where}: file ${file}`);
    if (!Number.isInteger(startLine) || !Number.isInteger(endLine)) out.push(`${where}: not integers`);
    if (startLine < 1 || endLine > lines) out.push(`${where}: outside lines 1..${lines}`);
    if (startLine > endLine) out.push(`${where}: start after end`);
    if (startLine <= previousEnd) out.push(`${where}: overlaps or precedes the previous slide (ended at ${previousEnd})`);
    previousEnd = endLine;
  }
  deck.slides.forEach((s, i) => {
    if (s.index !== i) out.push(`slide at ${i} has index ${s.index}`);
  });
  for (const d of deck.diagnostics) {
    if (d.file === FILE && (d.line < 1 || d.line > lines || d.column < 1)) out.push(`diagnostic ${d.code} at ${d.line}:${d.column} outside the file`);
  }
  return out;
}

test('compileDeck never throws, and slides keep their source lines, in order, without overlap', () => {
  fc.assert(
    fc.property(deckText, (text) => {
      const deck = compileDeck(text, FILE);
      assert.deepEqual(rangeProblems(deck, text), []);
    }),
    { numRuns: RUNS },
  );
});

test('compiling twice, or with a fresh compiler, gives the same deck', () => {
  fc.assert(
    fc.property(deckText, (text) => {
      const first = compileDeck(text, FILE);
      const again = compileDeck(text, FILE);
      const fresh = createDeckCompiler().compile(text, FILE);
      assert.deepEqual(again, first);
      assert.deepEqual(fresh, first);
    }),
    { numRuns: RUNS },
  );
});

test('whatever the Markdown, the HTML is inert', () => {
  fc.assert(
    fc.property(deckText, (text) => {
      assert.deepEqual(deckProblems(compileDeck(text, FILE)), []);
    }),
    { numRuns: RUNS },
  );
});

test('a slide without separators inside spans exactly its lines (the ranges tile the body)', () => {
  // With only plain lines and `---` separators, the slides' ranges cover every line that has
  // content: nothing is lost between slides.
  const plain = fc.array(fc.constantFrom('text', '- item', '# Title', '', 'Note: n', '---'), { minLength: 1, maxLength: 40 });
  fc.assert(
    // Starts with a text line, so no front matter can be detected (that case is tested below).
    fc.property(plain, (rest) => {
      const lines = ['intro', ...rest];
      const text = lines.join('\n');
      const deck = compileDeck(text, FILE);
      const covered = new Set<number>();
      for (const s of deck.slides) for (let l = s.source.startLine; l <= s.source.endLine; l++) covered.add(l);
      lines.forEach((line, i) => {
        if (line !== '---' && line.trim() !== '') assert.ok(covered.has(i + 1), `line ${i + 1} (${JSON.stringify(line)}) belongs to a slide`);
      });
    }),
    { numRuns: RUNS },
  );
});

// Found by the property above (a front matter of only `# ...` lines swallowed the title slide).
test('a deck opening with ---, a heading and --- keeps that heading as a slide', () => {
  const deck = compileDeck('---\n# Title\n---\n\nbody\n', FILE);
  assert.equal(deck.slides[0]?.title, 'Title');
});

// data-src is a resource (reveal.js lazy-loads it): a remote value is refused like src.
test('a remote data-src from an attribute comment is refused like src', () => {
  const deck = compileDeck('para\n<!-- .element: data-src="https://evil.example/a.png" -->\n\n<!-- .slide: data-src="https://evil.example/b.png" -->\n', FILE);
  assert.deepEqual(deckProblems(deck), []);
});
