// Bibliography loading: Zotero-shaped BibTeX/BibLaTeX and CSL-JSON, LaTeX accents, errors at the
// bibliography file's line:col (unbalanced braces, duplicate keys, bad JSON, invalid UTF-8),
// hostile sizes, and the content-hash cache. Nothing may touch the network.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BibliographyCache, MAX_BIBLIOGRAPHY_BYTES, parseBibliography } from '../../electron/deck/citations/index';

const FIX = join(__dirname, '../fixtures/citations');
const read = (name: string): Buffer => readFileSync(join(FIX, name));

test('a Zotero BibTeX export: keys, accents, month macros, BibLaTeX fields, PMID from note', () => {
  const { bibliography, diagnostics } = parseBibliography('refs.bib', read('zotero-export.bib'));
  assert.deepEqual(diagnostics, []);
  assert.deepEqual([...bibliography.entries.keys()], ['muller_transarterial_2019', 'smith_atlas_2010', 'Nguyen2021', 'key:with/odd.chars-1']);
  const muller = bibliography.entries.get('muller_transarterial_2019')!;
  assert.equal(muller.line, 5);
  assert.equal(muller.column, 1);
  assert.deepEqual(muller.item.author?.map((a) => a.family), ['Müller', 'Díaz', 'Berg']);
  assert.equal(muller.item.author?.[0]?.given, 'Jérôme');
  assert.equal(muller.item.author?.[1]?.given, 'Ana María');
  assert.equal(muller.item.DOI, '10.1000/example.2019.12');
  assert.equal(muller.item['container-title'], 'Journal of Examples');
  assert.deepEqual(muller.item.issued?.['date-parts'], [[2019, 5]]);
  const nguyen = bibliography.entries.get('Nguyen2021')!.item;
  assert.equal(nguyen['container-title'], 'Example Nuclear Medicine');
  assert.equal(nguyen.PMID, '33000001');
  assert.equal(nguyen.author?.[1]?.family, 'World Example Organization');
  assert.equal(muller.item.PMID, '31234567');
  assert.equal(muller.item.author?.[2]?.['non-dropping-particle'], 'van der');
  assert.equal(bibliography.entries.get('smith_atlas_2010')!.item.type, 'book');
});

test('a CSL-JSON export reads the same entries, located at their "id"', () => {
  const { bibliography, diagnostics } = parseBibliography('refs.json', read('zotero-export.json'));
  assert.deepEqual(diagnostics, []);
  const muller = bibliography.entries.get('muller_transarterial_2019')!;
  assert.equal(muller.line, 3);
  assert.equal(muller.item.PMID, '31234567');
  assert.equal(bibliography.entries.get("smith_atlas_2010")!.line, 20);
});

test('BibTeX "and others" is et al., not an author called Others', () => {
  const { bibliography } = parseBibliography('r.bib', '@article{k, author = {Llovet and others}, journal = {Lancet}, year = 2002}');
  assert.deepEqual(bibliography.entries.get('k')!.item.author, [{ family: 'Llovet' }, { literal: 'et al.' }]);
});

test('unbalanced braces: an error at the entry that never closes, not where the parser got lost', () => {
  const { diagnostics } = parseBibliography('unbalanced.bib', read('unbalanced.bib'));
  assert.equal(diagnostics.length, 1);
  const d = diagnostics[0]!;
  assert.equal(d.code, 'bibliography-syntax');
  assert.equal(d.severity, 'error');
  assert.equal(d.line, 7);
  assert.match(d.message, /unbalanced braces in entry "broken2002"/);
});

test('other syntax errors carry the parser line:col', () => {
  const { diagnostics } = parseBibliography('r.bib', '@article{a, title = {x}}\n\n@article{b title = {y}}\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.line, 3);
  assert.match(diagnostics[0]!.message, /BibTeX does not parse/);
});

test('duplicate keys are errors at the second key, naming the first line (BibTeX and CSL-JSON)', () => {
  const bib = parseBibliography('duplicate.bib', read('duplicate.bib'));
  assert.deepEqual(
    bib.diagnostics.map((d) => [d.code, d.line, d.column]),
    [['bibliography-duplicate-key', 11, 10]],
  );
  assert.match(bib.diagnostics[0]!.message, /"same2001" \(first defined at line 1\)/);
  assert.equal(bib.bibliography.entries.get('same2001')!.item.title, 'First');
  const json = parseBibliography('d.json', '[\n{"id": "a", "type": "book"},\n{"id": "a", "type": "book"}\n]');
  assert.deepEqual(json.diagnostics.map((d) => [d.code, d.line]), [['bibliography-duplicate-key', 3]]);
});

test('bad JSON is an error at its line', () => {
  const { diagnostics } = parseBibliography('bad.json', read('bad.json'));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.line, 3);
  assert.match(diagnostics[0]!.message, /CSL-JSON does not parse/);
  const notList = parseBibliography('x.json', '{"id": "a"}');
  assert.match(notList.diagnostics[0]!.message, /array of items/);
});

test('invalid UTF-8 is an error at the byte, with line and column; UTF-16 with a BOM is read', () => {
  const bytes = Buffer.concat([Buffer.from('@article{a,\n  title = {Caf\uFFFD and '), Buffer.from([0xe9, 0x20]), Buffer.from('more},\n}\n')]);
  const { diagnostics } = parseBibliography('latin1.bib', bytes);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.code, 'bibliography-encoding');
  assert.deepEqual([diagnostics[0]!.line, diagnostics[0]!.column], [2, 21]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('@article{b, title = {Ü}, year = 2001}', 'utf16le')]);
  const r = parseBibliography('utf16.bib', utf16);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.bibliography.entries.get('b')!.item.title, 'Ü');
});

test('a malformed DOI is dropped with a warning (it would break out of the link)', () => {
  const { bibliography, diagnostics } = parseBibliography('r.bib', '@article{a, doi = {10.1000/x"><script>}, pmid = {12ab}, year = 2001}\n@article{b, doi = {https://doi.org/10.1000/ok}, year = 2001}');
  assert.deepEqual(diagnostics.map((d) => d.code), ['bibliography-bad-identifier', 'bibliography-bad-identifier']);
  assert.equal(bibliography.entries.get('a')!.item.DOI, undefined);
  assert.equal(bibliography.entries.get('a')!.item.PMID, undefined);
  assert.equal(bibliography.entries.get('b')!.item.DOI, '10.1000/ok');
});

test('an entry with 10,000 authors parses (the style truncates it later)', () => {
  const authors = Array.from({ length: 10_000 }, (_, i) => `Author${i}, A.`).join(' and ');
  const { bibliography, diagnostics } = parseBibliography('many.bib', `@article{many, author = {${authors}}, title = {Many}, year = 2000}`);
  assert.deepEqual(diagnostics, []);
  assert.equal(bibliography.entries.get('many')!.item.author?.length, 10_000);
});

test('a 20 MB bibliography is refused up front with a clear error, not parsed for seconds', () => {
  const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
  const { bibliography, diagnostics } = parseBibliography('huge.bib', big);
  assert.equal(bibliography.entries.size, 0);
  assert.equal(diagnostics[0]!.code, 'bibliography-too-large');
  assert.match(diagnostics[0]!.message, /20\.0 MB; Lectern reads at most 8 MB/);
  assert.ok(MAX_BIBLIOGRAPHY_BYTES < big.length);
});

test('the cache returns the same parse for the same content and reparses changed content', () => {
  const cache = new BibliographyCache();
  const a = cache.load('r.bib', '@article{a, year = 2001}');
  assert.equal(cache.load('r.bib', Buffer.from('@article{a, year = 2001}')), a);
  const b = cache.load('r.bib', '@article{a, year = 2002}');
  assert.notEqual(b, a);
  assert.notEqual(b.bibliography.hash, a.bibliography.hash);
});

test('nothing is fetched: URL- and DOI-looking input is parsed as text, no network or child process', () => {
  const http = require('node:http') as typeof import('node:http');
  const https = require('node:https') as typeof import('node:https');
  const cp = require('node:child_process') as typeof import('node:child_process');
  const saved = { fetch: globalThis.fetch, get: http.get, req: http.request, sget: https.get, sreq: https.request, exec: cp.execFileSync, spawn: cp.spawnSync };
  const calls: string[] = [];
  const trap = (name: string) => (() => { calls.push(name); throw new Error(`${name} called`); }) as never;
  globalThis.fetch = trap('fetch');
  http.get = trap('http.get'); http.request = trap('http.request');
  https.get = trap('https.get'); https.request = trap('https.request');
  cp.execFileSync = trap('execFileSync'); cp.spawnSync = trap('spawnSync');
  try {
    for (const text of ['https://example.org/refs.bib', '10.1000/example.2019.12', 'Q42', '@article{a, url = {https://example.org}, doi = {10.1/x}, crossref = {https://example.org/b}}']) {
      parseBibliography('r.bib', text);
      parseBibliography('r.json', JSON.stringify([{ id: 'a', URL: text, DOI: text }]));
    }
  } finally {
    globalThis.fetch = saved.fetch;
    http.get = saved.get; http.request = saved.req;
    https.get = saved.sget; https.request = saved.sreq;
    cp.execFileSync = saved.exec; cp.spawnSync = saved.spawn;
  }
  assert.deepEqual(calls, []);
});
