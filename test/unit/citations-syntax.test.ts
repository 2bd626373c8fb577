// Pandoc citation syntax through marked: what is a citation and what is not (code, math, e-mail,
// `\@`, links), with prefixes, locators and suppress-author.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdown } from '../../electron/deck/markdown';
import { citationExtension, citationsOf, readCitation, type Citation } from '../../electron/deck/citations/index';

const md = createMarkdown();
md.use({ extensions: [citationExtension] });
const cites = (src: string): Citation[] => citationsOf(md.lexer(src));
const raws = (src: string): string[] => cites(src).map((c) => c.raw);

test('bracketed citations: one key, a locator, several keys, suppress-author, prefixes', () => {
  assert.deepEqual(readCitation('[@llovet2002]', '')!.citation.works.map((w) => w.key), ['llovet2002']);
  const loc = readCitation('[@llovet2002, p. 1736]', '')!.citation.works[0]!;
  assert.equal(loc.locator, 'p. 1736');
  const two = readCitation('[@lo2002; @llovet2002]', '')!.citation;
  assert.deepEqual(two.works.map((w) => w.key), ['lo2002', 'llovet2002']);
  assert.equal(two.inText, false);
  const sup = readCitation('[-@devcic2014]', '')!.citation.works[0]!;
  assert.equal(sup.suppressAuthor, true);
  const pre = readCitation('[see @a, pp. 3-4; also @b chap. 2]', '')!.citation.works;
  assert.deepEqual(pre.map((w) => [w.prefix, w.key, w.locator]), [['see', 'a', 'pp. 3-4'], ['also', 'b', 'chap. 2']]);
});

test('running-text citations: @key, @key [p. 3], trailing punctuation is not part of the key', () => {
  assert.deepEqual(raws('As @llovet2002 showed.'), ['@llovet2002']);
  const c = cites('As @lo2002 [p. 1166] showed')[0]!;
  assert.equal(c.inText, true);
  assert.equal(c.works[0]!.locator, 'p. 1166');
  assert.deepEqual(raws('(@a, @b; @c:d.)'), ['@a', '@b', '@c:d']);
});

test('keys with internal punctuation and braced keys', () => {
  assert.deepEqual(cites('[@doi:10.1000/x.y-z]')[0]!.works[0]!.key, 'doi:10.1000/x.y-z');
  assert.deepEqual(cites('see @{key with spaces!} here')[0]!.works[0]!.key, 'key with spaces!');
  assert.deepEqual(cites('[@Müller_2019]')[0]!.works[0]!.key, 'Müller_2019');
});

test('not citations: code spans and blocks, math, e-mail addresses, \\@, links, plain brackets', () => {
  const src = [
    'Code `[@a]` and `@b`, mail sze@stanford.edu, escaped \\@c, math $x@y$ and $$[@d]$$.',
    '',
    '```',
    '[@e] @f',
    '```',
    '',
    '    [@g] indented code',
    '',
    'A [link @h](http://example.org), a [@i](http://example.org), [@j][ref], [just brackets] and [x@y.org].',
    '',
    '[ref]: http://example.org',
  ].join('\n');
  assert.deepEqual(raws(src), []);
});

test('citations in lists, tables, headings, emphasis and blockquotes are found in document order', () => {
  const src = '# Title [@h1]\n\n- item [@li]\n  - nested @nested\n\n| a | b |\n|---|---|\n| [@td] | *@em* |\n\n> quoted [-@bq]\n';
  assert.deepEqual(raws(src), ['[@h1]', '[@li]', '@nested', '[@td]', '@em', '[-@bq]']);
});

test('a bracket with any part lacking a key is text; a broken key is text', () => {
  assert.equal(readCitation('[no key; @a]', ''), null);
  assert.equal(readCitation('[@]', ''), null);
  assert.equal(readCitation('@-x', ''), null);
  assert.equal(readCitation('@a', 'x'), null, 'an @ after a word character is an address, not a citation');
});

test('hostile lengths end quickly: a 100 kB line of brackets and @ signs', () => {
  const src = '['.repeat(20_000) + '@a '.repeat(20_000) + ']'.repeat(100);
  const found = cites(src);
  assert.ok(found.length >= 1);
});

test('the renderer prints the source text until a talk annotated the token', () => {
  assert.equal(md.parser(md.lexer('x [@a] y')), '<p>x [@a] y</p>\n');
});
