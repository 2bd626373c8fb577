// Formatting through citeproc: vancouver numbering by first citation across slides (and
// includes), apa, a user .csl, refused .csl files, DOI/PMID links, footers, plain text, and
// the talk's own bibliography printed with exactly the talk's facts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMarkdown } from '../../electron/deck/markdown';
import {
  annotateCitations,
  BibliographyCache,
  bundledStyle,
  citationExtension,
  citationsOf,
  createTalkCitations,
  FormatterCache,
  parseBibliography,
  parseCslStyle,
  readCitation,
  referenceListHtml,
  resolveStyle,
  CitationFormatter,
  type TalkCitations,
} from '../../electron/deck/citations/index';
import { StyleEngine } from '../../electron/deck/citations/formatter';

const FIX = join(__dirname, '../fixtures/citations');
const ROOT = join(__dirname, '../..');
// One cache for the file, as in the app: formatters of one style share a citeproc engine.
const formatters = new FormatterCache();
const md = createMarkdown();
md.use({ extensions: [citationExtension] });

const BIB = `@article{a2001, author = {Alpha, A. and Beta, B. and Gamma, G.}, title = {First}, journal = {J A}, year = 2001, volume = 1, pages = {1--2}, doi = {10.1000/a}, pmid = {111}}
@article{b2002, author = {Beta, B.}, title = {Second}, journal = {J B}, year = 2002, pmid = {222}}
@article{c2003, author = {Gamma, G. and Delta, D.}, title = {Third}, journal = {J C}, year = 2003, doi = {10.1000/c}}
@book{d2004, author = {Delta, D.}, title = {Fourth}, publisher = {P}, year = 2004}`;
const load = parseBibliography('refs.bib', BIB);
const cite = (s: string) => readCitation(s, '')!.citation;

function talkOf(style: string, slides: string[][]): TalkCitations {
  const talk = createTalkCitations([load], bundledStyle(style)!, formatters);
  slides.forEach((cs, i) => talk.addSlide(`s${i}`, cs.map(cite)));
  return talk;
}

test('vancouver numbers by first citation across slides, collapses ranges, keeps numbers stable', () => {
  const talk = talkOf('vancouver', [['[@c2003]'], ['[@a2001; @c2003]', '[@b2002]'], ['[@a2001]']]);
  assert.deepEqual(talk.citedKeys(), ['c2003', 'a2001', 'b2002']);
  assert.match(talk.citationHtml(cite('[@c2003]')), />\(1\)</);
  assert.match(talk.citationHtml(cite('[@b2002; @a2001; @c2003]')), />\(1–3\)</);
  assert.match(talk.citationHtml(cite('[@a2001]')), />\(2\)</);
  assert.deepEqual(talk.references().map((e) => [e.key, e.number]), [['c2003', 1], ['a2001', 2], ['b2002', 3]]);
});

test('numbering follows the whole composed talk: a slide from an include cited first is number 1', () => {
  // The compiler registers slides in talk order, whatever file they came from.
  const talk = talkOf('vancouver', [['[@d2004]'], ['[@a2001]']]);
  assert.deepEqual(talk.references().map((e) => e.number), [1, 2]);
  const signature = talk.signature();
  const again = talkOf('vancouver', [['[@d2004]'], ['[@a2001]']]);
  assert.equal(again.signature(), signature, 'the same order gives the same signature (slide caches stay valid)');
  assert.notEqual(talkOf('vancouver', [['[@a2001]'], ['[@d2004]']]).signature(), signature);
});

test('two talks sharing one style engine keep their own numbering when used alternately', () => {
  const other = parseBibliography('other.bib', BIB.replace('Alpha', 'Omega'));
  const one = talkOf('vancouver', [['[@a2001]'], ['[@b2002]']]);
  const two = createTalkCitations([other], bundledStyle('vancouver')!, formatters);
  two.addSlide('s0', [cite('[@b2002]'), cite('[@a2001]')]);
  assert.match(one.citationHtml(cite('[@a2001]')), />\(1\)</);
  assert.match(two.citationHtml(cite('[@a2001]')), />\(2\)</);
  assert.deepEqual(two.references().map((e) => e.key), ['b2002', 'a2001']);
  assert.match(two.references()[1]!.text, /^Omega A/);
  assert.deepEqual(one.references().map((e) => e.key), ['a2001', 'b2002']);
  assert.match(one.citationHtml(cite('[@b2002]')), />\(2\)</);
  const three = talkOf('vancouver', [['[@b2002]'], ['[@a2001]']]);
  assert.match(three.citationHtml(cite('[@a2001]')), />\(2\)</);
  assert.match(one.citationHtml(cite('[@a2001]')), />\(1\)</, 'same bibliography and style, other order: still its own numbers');
});

test('a re-exported bibliography with one entry changed formats only that entry again', () => {
  const engine = new StyleEngine(bundledStyle('vancouver')!);
  const fmt = (text: string) => {
    const items = new Map([...parseBibliography('r.bib', text).bibliography.entries].map(([k, e]) => [k, e.item]));
    const f = new CitationFormatter(bundledStyle('vancouver')!, items, engine);
    f.setOrder(['a2001', 'b2002', 'c2003']);
    return f.entries();
  };
  fmt(BIB);
  assert.equal(engine.bodies.size, 3);
  const after = fmt(BIB.replace('title = {Second}', 'title = {Second, revised}'));
  assert.equal(engine.bodies.size, 4);
  assert.match(after[1]!.text, /Second, revised/);
});

test('an include cites against the top deck bibliography plus its own; the top deck wins a shared key', () => {
  const own = parseBibliography('chapter/own.bib', '@article{own2010, title = {Own}, year = 2010}\n@article{a2001, title = {Shadowed}, year = 1999}');
  const talk = createTalkCitations([load, own], bundledStyle('vancouver')!, formatters);
  talk.addSlide('x', [cite('[@own2010; @a2001]')]);
  assert.deepEqual(talk.references().map((e) => e.key), ['own2010', 'a2001']);
  assert.match(talk.references()[1]!.text, /First/);
  assert.equal(talk.entries.get('own2010')!.file, 'chapter/own.bib');
});

test('running text and suppress-author; apa author-date with locators and prefixes', () => {
  const v = talkOf('vancouver', [['@a2001']]);
  assert.match(v.citationHtml(cite('@a2001')), />Alpha et al\. \(1\)</);
  const apa = talkOf('apa', [['[@a2001; @b2002]']]);
  assert.equal(apa.style.numbered, false);
  assert.match(apa.citationHtml(cite('[see @b2002, p. 33]')), />\(see Beta, 2002, p\. 33\)</);
  assert.match(apa.citationHtml(cite('[-@b2002]')), />\(2002\)</);
  assert.match(apa.citationHtml(cite('@c2003')), />Gamma and Delta \(2003\)</);
  assert.deepEqual(apa.references().map((e) => e.number), [null, null, null], 'a citation formatted without addSlide is registered then');
});

test('reference entries: DOI and PMID links, plain text without tags, and the list HTML', () => {
  const talk = talkOf('vancouver', [['[@a2001; @b2002]']]);
  const [a, b] = talk.references();
  assert.match(a!.html, /<a href="https:\/\/doi\.org\/10\.1000\/a">10\.1000\/a<\/a>/);
  assert.match(a!.html, /<a href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/111\/">111<\/a>/);
  assert.match(b!.html, /pubmed\.ncbi\.nlm\.nih\.gov\/222\//);
  assert.equal(a!.text, 'Alpha A, Beta B, Gamma G. First. J A. 2001;1:1–2. doi:10.1000/a PubMed PMID: 111.');
  const list = referenceListHtml(talk.references(), true);
  assert.match(list, /^<ol class="lectern-references" start="1"><li class="lectern-reference" id="ref-a2001" value="1">/);
  const apa = talkOf('apa', [['[@a2001]']]);
  assert.match(apa.references()[0]!.html, /<a href="https:\/\/doi\.org\/10\.1000\/a">https:\/\/doi\.org\/10\.1000\/a<\/a> PMID: <a href="https:\/\/pubmed/);
});

test('per-slide footers list the short references cited on that slide; the plain text form too', () => {
  const talk = talkOf('vancouver', [['[@c2003]'], ['[@a2001]', '@c2003']]);
  const footer = talk.footerHtml('s1');
  assert.equal(
    footer,
    '<footer class="lectern-cite-footer"><ul><li data-cite="a2001"><span class="lectern-cite-number">2.</span> Alpha et al. J A 2001;1:1–2</li><li data-cite="c2003"><span class="lectern-cite-number">1.</span> Gamma and Delta. J C 2003</li></ul></footer>',
  );
  assert.equal(talk.footerHtml('nothing-cited'), '');
  assert.match(talk.footerText('s1'), /^2\. Alpha A, Beta B, Gamma G\. First\./);
});

test('a section references slide lists only the entries its slides cite, with global numbers', () => {
  const talk = talkOf('vancouver', [['[@a2001]'], ['[@b2002]'], ['[@c2003; @a2001]']]);
  assert.deepEqual(talk.referencesFor(['s2']).map((e) => [e.key, e.number]), [['a2001', 1], ['c2003', 3]]);
});

test('unknown keys print as written and are marked; HTML in the data is escaped', () => {
  const hostile = parseBibliography('h.bib', '@article{x, title = {<script>alert(1)</script>}, author = {<img src=x onerror=alert(1)>, A.}, journal = {J}, year = 2001}');
  const talk = createTalkCitations([hostile], bundledStyle('vancouver')!, formatters);
  talk.addSlide('s', [cite('[@x]')]);
  assert.equal(talk.citationHtml(cite('[@nope]')), '<span class="lectern-cite lectern-cite-unknown">[@nope]</span>');
  const html = talk.references()[0]!.html + talk.citationHtml(cite('[@x]')) + talk.footerHtml('s');
  assert.doesNotMatch(html, /<script|<img/);
});

test('annotateCitations fills the tokens marked renders; unannotated tokens stay source text', () => {
  const talk = talkOf('vancouver', []);
  const tokens = md.lexer('Trials [@b2002; @a2001] and `[@c2003]`.');
  talk.addSlide('s0', citationsOf(tokens));
  annotateCitations(tokens, talk);
  assert.equal(md.parser(tokens), '<p>Trials <span class="lectern-cite" data-cite="b2002 a2001" title="1. Beta B. Second. J B. 2002. PubMed PMID: 222.\n2. Alpha A, Beta B, Gamma G. First. J A. 2001;1:1–2. doi:10.1000/a PubMed PMID: 111." aria-label="(1,2)">(1,2)</span> and <code>[@c2003]</code>.</p>\n');
});

test('an entry with 10,000 authors formats as six and et al.', () => {
  const authors = Array.from({ length: 10_000 }, (_, i) => `Author${i}, A.`).join(' and ');
  const many = parseBibliography('many.bib', `@article{many, author = {${authors}}, title = {Many}, journal = {J}, year = 2000}`);
  const talk = createTalkCitations([many], bundledStyle('vancouver')!, formatters);
  talk.addSlide('s', [cite('[@many]')]);
  assert.match(talk.references()[0]!.text, /^Author0 A, Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, et al\. Many\./);
});

test('styles: bundled names, a user .csl, and refused .csl files with the reason', () => {
  const where = { file: 'deck.md', line: 3, column: 6 };
  const none = () => null;
  assert.equal(resolveStyle(undefined, where, none).style.name, 'vancouver');
  assert.equal(resolveStyle('APA', where, none).style.name, 'apa');
  const unknown = resolveStyle('chicago', where, none);
  assert.deepEqual(unknown.diagnostics.map((d) => [d.file, d.line, d.code]), [['deck.md', 3, 'citation-style']]);
  assert.match(unknown.diagnostics[0]!.message, /not a bundled style \(vancouver, apa\)/);
  assert.match(resolveStyle('missing.csl', where, none).diagnostics[0]!.message, /cannot read missing\.csl/);

  const readFix = (p: string) => ({ file: join(FIX, p), text: readFileSync(join(FIX, p), 'utf8') });
  const user = resolveStyle('brackets.csl', where, readFix);
  assert.deepEqual(user.diagnostics, []);
  assert.equal(user.style.numbered, true);
  const talk = createTalkCitations([load], user.style, formatters);
  talk.addSlide('s', [cite('[@b2002; @a2001]')]);
  assert.match(talk.citationHtml(cite('[@b2002; @a2001]')), />\[1,2\]</);
  assert.equal(talk.references()[0]!.text, 'Second (2002). PMID: 222.');

  const dependent = resolveStyle('dependent.csl', where, readFix);
  assert.equal(dependent.diagnostics[0]!.line, 6);
  assert.match(dependent.diagnostics[0]!.message, /dependent style: its layout is in the parent style http:\/\/www\.zotero\.org\/styles\/nlm-citation-sequence, which Lectern would have to fetch from the web.*csl: vancouver/);
  const xxe = parseCslStyle('x.csl', readFileSync(join(FIX, 'external-entity.csl'), 'utf8'));
  assert.equal(xxe.ok, false);
  if (!xxe.ok) {
    assert.equal(xxe.line, 2);
    assert.match(xxe.message, /DTDs and XML entities are refused/);
  }
  const notCsl = parseCslStyle('x.csl', '<html><body/></html>');
  assert.equal(notCsl.ok, false);
});

test("the talk's bibliographies carry exactly the talk's facts", () => {
  const load = (path: string) => new BibliographyCache().load(path, readFileSync(join(ROOT, path)));
  const tace = load('slides/04-tace/references.bib');
  const literature = load('slides/07-literature/references.bib');
  assert.deepEqual([...tace.diagnostics, ...literature.diagnostics], []);
  const talk = createTalkCitations([tace, literature], bundledStyle('vancouver')!, formatters);
  talk.addSlide('tace', [cite('[@llovet2002]'), cite('[@lo2002]')]);
  talk.addSlide('literature', [cite('[@devcic2014]')]);
  assert.deepEqual(
    talk.references().map((e) => e.text),
    [
      'Llovet JM, Real MI, Montaña X, et al. Arterial embolisation or chemoembolisation versus symptomatic treatment in patients with unresectable hepatocellular carcinoma: a randomised controlled trial. Lancet. 2002;359:1734–9.',
      'Lo CM, Ngan H, Tso WK, et al. Randomized controlled trial of transarterial lipiodol chemoembolization for unresectable hepatocellular carcinoma. Hepatology. 2002;35:1164–71.',
      'Devcic Z, Rosenberg J, Braat AJAT, Techasith T, Banerjee A, Sze DY, et al. The Efficacy of Hepatic 90Y Resin Radioembolization for Metastatic Neuroendocrine Tumors: A Meta-Analysis. J Nucl Med. 2014;55:1–7. doi:10.2967/jnumed.113.135855',
    ],
  );
  const devcic = talk.entries.get('devcic2014')!.item;
  assert.deepEqual(devcic.author?.map((a) => `${a.family} ${a.given?.replace(/[. ]/g, '')}`), ['Devcic Z', 'Rosenberg J', 'Braat AJAT', 'Techasith T', 'Banerjee A', 'Sze DY', 'Lam MGEH']);
  for (const key of ['llovet2002', 'lo2002']) {
    const item = talk.entries.get(key)!.item;
    assert.equal(item.DOI, undefined, 'no DOI where the talk gives none');
    assert.equal(item.PMID, undefined, 'no PMID where the talk gives none');
    assert.equal(item.keyword, 'lectern-no-identifier', 'the missing identifier is declared, not invented');
  }
  assert.equal(talk.footerText('tace').split('\n').length, 2);
  assert.deepEqual(talk.references().map((e) => e.shortText), ['Llovet et al. Lancet 2002;359:1734–1739', 'Lo et al. Hepatology 2002;35:1164–1171', 'Devcic et al. J Nucl Med 2014;55:1–7']);
});
