// The check rules (unknown keys with did-you-mean; --strict warnings) and the splitting of long
// reference lists over slides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkBibliographyStrict,
  checkCitationKeys,
  citationExtension,
  citeForm,
  keyUses,
  DEFAULT_REFERENCE_LAYOUT,
  estimateReferenceHeight,
  mergeBibliographies,
  parseBibliography,
  splitReferences,
  suggestKey,
} from '../../electron/deck/citations/index';
import { createMarkdown } from '../../electron/deck/markdown';

const bib = parseBibliography(
  'refs.bib',
  [
    '@article{llovet2002, author = {Llovet and others}, journal = {Lancet}, year = 2002, volume = 359, pages = {1734}}',
    '@article{lo2002, author = {Lo and others}, journal = {Hepatology}, year = 2002}',
    '@article{devcic2014, journal = {J Nucl Med}, year = 2014, doi = {10.2967/jnumed.113.135855}}',
    '@article{noyear, journal = {J}, pmid = {123}}',
    '@article{nojournal, year = 2001, doi = {10.1000/x}}',
    '@book{abook, title = {B}, year = 2001, pmid = {5}}',
  ].join('\n'),
);
const entries = mergeBibliographies([bib.bibliography]);

test('an unknown key is an error at its use, with a did-you-mean for typos', () => {
  const d = checkCitationKeys(
    [
      { key: 'llovet2002', file: 'deck.md', line: 1, column: 1 },
      { key: 'llovet2020', file: 'deck.md', line: 4, column: 12 },
      { key: 'Devcic2014', file: 'inc/part.md', line: 2, column: 3 },
      { key: 'smith1999', file: 'deck.md', line: 9, column: 1 },
    ],
    entries,
  );
  assert.deepEqual(
    d.map((x) => [x.file, x.line, x.column, x.severity, x.code, x.message]),
    [
      ['deck.md', 4, 12, 'error', 'citation-unknown-key', '@llovet2020 is not in the bibliography; did you mean @llovet2002?'],
      ['inc/part.md', 2, 3, 'error', 'citation-unknown-key', '@Devcic2014 is not in the bibliography; did you mean @devcic2014?'],
      ['deck.md', 9, 1, 'error', 'citation-unknown-key', '@smith1999 is not in the bibliography'],
    ],
  );
  const none = checkCitationKeys([{ key: 'a', file: 'd.md', line: 1, column: 1 }], new Map());
  assert.match(none[0]!.message, /the deck has no bibliography/);
});

test('keyUses places each key at its @, across lines of a bracketed citation', () => {
  const md = createMarkdown();
  md.use({ extensions: [citationExtension] });
  const src = 'Trials [@llovet2020;\n@lo2002, p. 3] and @devcic2014.';
  const uses = keyUses(md.lexer(src), (raw) => {
    const i = src.indexOf(raw);
    if (i < 0) return null;
    const before = src.slice(0, i);
    return { file: 'deck.md', line: 10 + (before.match(/\n/g)?.length ?? 0), column: i - before.lastIndexOf('\n') };
  });
  assert.deepEqual(uses, [
    { key: 'llovet2020', file: 'deck.md', line: 10, column: 9 },
    { key: 'lo2002', file: 'deck.md', line: 11, column: 1 },
    { key: 'devcic2014', file: 'deck.md', line: 11, column: 20 },
  ]);
});

test('a suggestion for a key the bare syntax cannot write is given in braces', () => {
  assert.equal(citeForm('smith2001'), '@smith2001');
  assert.equal(citeForm('smith2001.'), '@{smith2001.}');
  const odd = mergeBibliographies([parseBibliography('o.bib', '@misc{smith2001., year = 2001}').bibliography]);
  assert.match(checkCitationKeys([{ key: 'smith2001', file: 'd.md', line: 1, column: 1 }], odd)[0]!.message, /did you mean @\{smith2001\.\}\?/);
});

test('suggestions: transpositions and small edits, nothing for distant keys', () => {
  const keys = ['llovet2002', 'lo2002', 'devcic2014'];
  assert.equal(suggestKey('lovet2002', keys), 'llovet2002');
  assert.equal(suggestKey('devicc2014', keys), 'devcic2014');
  assert.equal(suggestKey('lo2003', keys), 'lo2002');
  assert.equal(suggestKey('zzzzzz', keys), null);
});

test('--strict: uncited entries and entries without year, container title or DOI/PMID, at the entry', () => {
  const d = checkBibliographyStrict(entries, new Set(['llovet2002', 'lo2002', 'devcic2014', 'noyear']));
  assert.deepEqual(
    d.map((x) => [x.line, x.severity, x.code, x.message]),
    [
      [1, 'warning', 'bibliography-no-identifier', 'entry "llovet2002": has neither a DOI nor a PMID, so readers cannot look it up'],
      [2, 'warning', 'bibliography-no-identifier', 'entry "lo2002": has neither a DOI nor a PMID, so readers cannot look it up'],
      [4, 'warning', 'bibliography-no-year', 'entry "noyear": has no year'],
      [5, 'warning', 'bibliography-uncited', 'entry "nojournal": cited nowhere in the talk'],
      [5, 'warning', 'bibliography-no-container', 'entry "nojournal": has no journal or container title'],
      [6, 'warning', 'bibliography-uncited', 'entry "abook": cited nowhere in the talk'],
    ],
  );
});

test('splitting fills each slide up to the budget, in order, and never drops an entry', () => {
  const entries = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, text: 'x'.repeat(i % 3 === 0 ? 300 : 80) }));
  const pages = splitReferences(entries);
  assert.ok(pages.length > 1);
  assert.deepEqual(pages.flat().map((e) => e.key), entries.map((e) => e.key));
  for (const page of pages) {
    const h = page.reduce((s, e) => s + estimateReferenceHeight(e.text), 0);
    assert.ok(page.length === 1 || h <= DEFAULT_REFERENCE_LAYOUT.budget, `page of ${page.length} is ${h}px`);
  }
  // Greedy: the first entry of each next page would not have fitted on the page before.
  for (let i = 1; i < pages.length; i++) {
    const prev = pages[i - 1]!.reduce((s, e) => s + estimateReferenceHeight(e.text), 0);
    assert.ok(prev + estimateReferenceHeight(pages[i]![0]!.text) > DEFAULT_REFERENCE_LAYOUT.budget);
  }
});

test('splitting with measured heights; an entry taller than a slide gets its own; bad budgets throw', () => {
  const e = [{ text: 'a' }, { text: 'b' }, { text: 'huge' }, { text: 'c' }];
  const heights: Record<string, number> = { a: 100, b: 100, huge: 900, c: 50 };
  assert.deepEqual(splitReferences(e, 250, (x) => heights[x.text]!).map((p) => p.map((x) => x.text)), [['a', 'b'], ['huge'], ['c']]);
  assert.deepEqual(splitReferences([], 250), []);
  assert.throws(() => splitReferences(e, 0), /budget must be positive/);
});

test('the estimate grows with text length and shrinks with a wider line', () => {
  assert.ok(estimateReferenceHeight('x'.repeat(400)) > estimateReferenceHeight('x'.repeat(40)));
  const one = estimateReferenceHeight('x'.repeat(50));
  assert.ok(one > 20 && one < 40, `one line of references is ${one}px`);
});
