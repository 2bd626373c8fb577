// Citations through the compiler: front matter, numbering across includes, footers, references
// slides (placed, per section, generated at the end, split over pages), the check's messages,
// and cached slides renumbered after an edit.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileDeck, createDeckCompiler, type Deck } from '../../electron/deck/index';

const root = mkdtempSync(join(tmpdir(), 'lectern-cite-'));
after(() => rmSync(root, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const p = join(root, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const entry = (key: string, author: string, year: number, extra = ''): string =>
  `@article{${key},\n  author = {${author}},\n  title = {Study ${key}},\n  journal = {J Test},\n  year = {${year}},\n  volume = {1},\n  pages = {1--9},\n  doi = {10.1000/${key}},${extra}\n}\n`;
write('refs.bib', entry('alpha', 'Alpha, A.', 2001) + entry('beta', 'Beta, B.', 2002) + entry('gamma', 'Gamma, G.', 2003));
write('part/own.bib', entry('delta', 'Delta, D.', 2004));
write('part/section.md', '---\ntitle: Part\nbibliography: own.bib\n---\n\n## Part one\n\nSee [@delta] and [@alpha].\n\nNote: n\n');
write('sibling/section.md', '---\ntitle: Sibling\n---\n\n## Sibling\n\nCites [@delta], which only part/ knows.\n\nNote: n\n');
const MAIN = join(root, 'main.md');
const compile = (text: string, options = {}): Deck => compileDeck(text, MAIN, options);
const errors = (d: Deck) => d.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.file.slice(root.length + 1)}:${x.line}:${x.column}: ${x.message}`);

test('without a bibliography, @handles and [@x] stay text', () => {
  const d = compile('## Hi\n\nMail @someone or see [@key].\n\nNote: n');
  assert.match(d.slides[0]!.html, /Mail @someone or see \[@key\]\./);
  assert.deepEqual(errors(d), []);
});

test('citations are numbered by first citation across includes; an include resolves against the top deck plus its own', () => {
  const d = compile('---\nbibliography: refs.bib\n---\n\n## One\n\n[@beta; @gamma]\n\nNote: n\n\n---\n\n<!-- include: part/section.md -->\n\n---\n\n## Two\n\nAgain @beta, p. 3 and [-@alpha, p. 4].\n\nNote: n\n');
  assert.deepEqual(errors(d), []);
  const html = d.slides.map((s) => s.html).join('\n');
  assert.match(d.slides[0]!.html, /data-cite="beta gamma"[^>]*>\(1,2\)</);
  assert.match(d.slides[1]!.html, /data-cite="delta"[^>]*>\(3\)<[\s\S]*data-cite="alpha"[^>]*>\(4\)</);
  assert.match(html, /title="1\. Beta B\. Study beta\. J Test\. 2002;1:1–9\. doi:10\.1000\/beta"/);
  // Nothing cited after the last references slide (there is none): one generated at the end.
  const last = d.slides[d.slides.length - 1]!;
  assert.equal(last.title, 'References');
  assert.deepEqual([...last.html.matchAll(/id="ref-(\w+)" value="(\d+)"/g)].map((m) => `${m[2]}:${m[1]}`), ['1:beta', '2:gamma', '3:delta', '4:alpha']);
  assert.match(last.html, /<a href="https:\/\/doi\.org\/10\.1000\/delta">/);
  assert.match(last.text, /Delta D\. Study delta/, 'search finds authors and titles');
  assert.match(d.slides[0]!.text, /Gamma G\. Study gamma/, 'a citing slide carries its references in its searchable text');
  assert.ok(d.dependencies.some((f) => f.endsWith('own.bib')) && d.dependencies.some((f) => f.endsWith('refs.bib')));
});

test("an include cannot cite a sibling include's bibliography", () => {
  const d = compile('---\nbibliography: refs.bib\n---\n\n<!-- include: part/section.md -->\n\n---\n\n<!-- include: sibling/section.md -->\n');
  assert.deepEqual(errors(d), ['sibling/section.md:7:8: @delta is not in the bibliography']);
});

test('unknown keys: an error at file:line:col with a did-you-mean', () => {
  const d = compile('---\nbibliography: refs.bib\n---\n\n## One\n\nText [@alpah] and\n  more @gamm.\n\nNote: see [@zzz].\n');
  assert.deepEqual(errors(d), [
    'main.md:7:7: @alpah is not in the bibliography; did you mean @alpha?',
    'main.md:8:8: @gamm is not in the bibliography; did you mean @gamma?',
    'main.md:10:12: @zzz is not in the bibliography',
  ]);
});

test('a missing, unparseable or duplicate-keyed bibliography is an error where it can be fixed', () => {
  const missing = compile('---\nbibliography:\n  - refs.bib\n  - nope.bib\n---\n\n## A\n\n[@alpha]\n\nNote: n');
  assert.deepEqual(errors(missing), ['main.md:4:5: bibliography nope.bib: file not found: nope.bib']);
  const outside = compile('---\nbibliography: ../x.bib\n---\n\n## A\n\nNote: n');
  assert.match(errors(outside)[0] ?? '', /^main\.md:2:15: bibliography \.\.\/x\.bib: .* outside the deck's folder/);
  write('bad.bib', entry('alpha', 'Alpha, A.', 2001) + '@article{broken,\n  title = {Unbalanced {brace},\n}\n' + entry('alpha', 'Again, A.', 2009));
  const bad = errors(compile('---\nbibliography: bad.bib\n---\n\n## A\n\n[@alpha]\n\nNote: n'));
  assert.ok(bad.some((e) => /^bad\.bib:\d+:\d+: /.test(e)), bad.join('\n'));
  assert.ok(bad.some((e) => /^bad\.bib:13:10: duplicate key "alpha"/.test(e)), bad.join('\n'));
});

test('--strict: uncited entries and entries a reader cannot look up are warnings; lectern-no-identifier opts out', () => {
  write('strict.bib', entry('alpha', 'Alpha, A.', 2001) + '@article{old,\n  author = {Old, O.},\n  journal = {J Old},\n  year = {1950},\n}\n@article{declared,\n  author = {Dec, D.},\n  journal = {J Dec},\n  year = {1960},\n  keywords = {lectern-no-identifier},\n}\n');
  const text = '---\nbibliography: strict.bib\n---\n\n## A\n\n[@old; @declared]\n\nNote: n';
  assert.deepEqual(compile(text).diagnostics, []);
  const strict = compile(text, { strictBibliography: true }).diagnostics.map((d) => `${d.line}:${d.code}`);
  assert.deepEqual(strict.sort(), ['1:bibliography-uncited', '10:bibliography-no-identifier'].sort());
});

test('citations: footer prints the short references of the slide under it', () => {
  const d = compile('---\nbibliography: refs.bib\ncitations: footer\n---\n\n## A\n\n[@gamma] and [@alpha]\n\nNote: cites [@beta] in the notes only.\n');
  const html = d.slides[0]!.html;
  assert.match(html, /<footer class="lectern-cite-footer"><ul><li data-cite="gamma"><span class="lectern-cite-number">1\.<\/span> Gamma\. J Test 2003;1:1–9<\/li><li data-cite="alpha">/);
  assert.doesNotMatch(html, /data-cite="beta"><span/, 'notes citations stay out of the audience footer');
  assert.match(d.slides[0]!.notesHtml, /data-cite="beta"[^>]*>\(3\)</);
});

test('a references slide lists what was cited since the previous one; the rest goes to the end', () => {
  const d = compile('---\nbibliography: refs.bib\n---\n\n## A\n\n[@alpha]\n\nNote: n\n\n---\n\n## Sources for A\n\n<!-- references -->\n\nNote: said aloud\n\n---\n\n## B\n\n[@beta] and [@alpha]\n\nNote: n\n');
  assert.deepEqual(errors(d), []);
  assert.deepEqual(d.slides.map((s) => s.title), ['A', 'Sources for A', 'B', 'References']);
  assert.equal(d.slides[1]!.notesText.trim(), 'said aloud');
  assert.match(d.slides[1]!.attributes.class ?? '', /lectern-references-slide/);
  const keys = (html: string) => [...html.matchAll(/id="ref-(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(keys(d.slides[1]!.html), ['alpha']);
  assert.deepEqual(keys(d.slides[3]!.html), ['alpha', 'beta']);
  assert.deepEqual(d.slides.map((s) => [s.h, s.v]), [[0, 0], [1, 0], [2, 0], [3, 0]]);
});

test('a long reference list splits over as many slides as it needs, numbers running on', () => {
  const many = Array.from({ length: 40 }, (_, i) => entry(`k${i}`, `Author${i}, A. and Second, B. and Third, C.`, 1990 + (i % 30))).join('');
  write('many.bib', many);
  const cites = Array.from({ length: 40 }, (_, i) => `[@k${i}]`).join(' ');
  const d = compile(`---\nbibliography: many.bib\n---\n\n## All\n\n${cites}\n\nNote: n\n\n---\n\n<!-- references -->\n\nNote: n\n\n---\n\n## After\n\nNote: n\n`);
  assert.deepEqual(errors(d), []);
  const pages = d.slides.filter((s) => /lectern-references-slide/.test(s.attributes.class ?? ''));
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  assert.equal(pages[0]!.title, 'References');
  assert.equal(pages[1]!.title, `References (2/${pages.length})`);
  const numbers = pages.flatMap((p) => [...p.html.matchAll(/value="(\d+)"/g)].map((m) => Number(m[1])));
  assert.deepEqual(numbers, Array.from({ length: 40 }, (_, i) => i + 1));
  assert.match(pages[1]!.html, /<ol class="lectern-references" start="\d+"/);
  assert.equal(d.slides[d.slides.length - 1]!.title, 'After');
  assert.deepEqual(d.slides.map((s) => s.v), d.slides.map(() => 0));
});

test('a references comment with other content, or without a bibliography, is an error', () => {
  const mixed = compile('---\nbibliography: refs.bib\n---\n\n## R\n\n<!-- references -->\n\nMore text.\n\nNote: n');
  assert.deepEqual(errors(mixed).map((e) => e.replace(/:.*?: /, ': ')), ['main.md: a references slide holds only <!-- references --> (and at most a heading): the reference list fills it; move the rest to another slide']);
  const none = compile('## R\n\n<!-- references -->\n\nNote: n');
  assert.match(errors(none)[0] ?? '', /^main\.md:3:1: references slide, but the deck declares no bibliography/);
});

test('csl: apa formats author-date; an unknown style is an error at its line', () => {
  const apa = compile('---\nbibliography: refs.bib\ncsl: apa\n---\n\n## A\n\n[@beta] and @alpha\n\nNote: n');
  assert.deepEqual(errors(apa), []);
  assert.match(apa.slides[0]!.html, />\(Beta, 2002\)</);
  assert.match(apa.slides[0]!.html, />Alpha \(2001\)</);
  const bad = compile('---\nbibliography: refs.bib\ncsl: chicago\n---\n\n## A\n\nNote: n');
  assert.match(errors(bad)[0] ?? '', /^main\.md:3:6: csl: "chicago" is not a bundled style/);
});

test('an edit re-renders one slide; cached slides are renumbered', () => {
  const compiler = createDeckCompiler();
  const slides = (first: string) => `---\nbibliography: refs.bib\n---\n\n## A\n\n${first}\n\nNote: n\n\n---\n\n## B\n\n[@alpha] [@beta]\n\nNote: n\n`;
  compiler.compile(slides('[@alpha]'), MAIN);
  const d = compiler.compile(slides('[@gamma]'), MAIN);
  assert.deepEqual(compiler.stats, { rendered: 1, reused: 1 });
  assert.match(d.slides[1]!.html, /data-cite="alpha"[^>]*>\(2\)<[\s\S]*data-cite="beta"[^>]*>\(3\)</);
});

test('hostile inputs through the compiler: invalid UTF-8, a dependent or entity-laden .csl, each an error in its own file', () => {
  writeFileSync(join(root, 'latin1.bib'), Buffer.concat([Buffer.from('@article{x,\n  author = {M'), Buffer.from([0xfc]), Buffer.from('ller, J.},\n  year = {2001},\n}\n')]));
  const bad = compile('---\nbibliography: latin1.bib\n---\n\n## A\n\nNote: n');
  assert.deepEqual(errors(bad), ['latin1.bib:2:14: invalid UTF-8 at byte 25: save the file as UTF-8']);
  write('dependent.csl', '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n  <info><title>Dep</title><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info>\n</style>\n');
  const dep = errors(compile('---\nbibliography: refs.bib\ncsl: dependent.csl\n---\n\n## A\n\n[@alpha]\n\nNote: n'));
  assert.equal(dep.length, 1, dep.join('\n'));
  assert.match(dep[0]!, /^dependent\.csl:3:\d+: this is a dependent style: .*Lectern fetches nothing\. That parent is bundled: write "csl: apa"\./);
  write('xxe.csl', '<?xml version="1.0"?>\n<!DOCTYPE style [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<style/>\n');
  const xxe = errors(compile('---\nbibliography: refs.bib\ncsl: xxe.csl\n---\n\n## A\n\nNote: n'));
  assert.match(xxe[0] ?? '', /^xxe\.csl:2:\d+: .*DTDs and XML entities are refused/);
});
