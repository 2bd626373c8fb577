// Citations' share of the compile budget (issue 14): 1,000 slides citing 2,000 times from a
// 500-entry bibliography. The targets are for the whole compile: cold < 1.5 s, after a
// one-slide edit < 50 ms. This measures only the citation work the compiler adds: the bibliography
// parse (once, then cached by content), the extra tokenizer, numbering, formatting, the reference
// list and its split, and the renumbering when an edit changes the order of first citation.
import { performance } from 'node:perf_hooks';
import { createMarkdown } from '../electron/deck/markdown';
import {
  annotateCitations,
  BibliographyCache,
  bundledStyle,
  citationExtension,
  citationsOf,
  createTalkCitations,
  FormatterCache,
  splitReferences,
  CitationFormatter,
  type Citation,
} from '../electron/deck/citations/index';
import { StyleEngine } from '../electron/deck/citations/formatter';
import type { Token } from 'marked';
import { benchBibliography, benchSlide, ENTRIES } from './bench-data/citations';

const SLIDES = 1000;
const RUNS = 5;



function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// CPU time as well as wall time: on a shared, loaded machine the wall clock mostly measures the
// neighbours.
const cpu: Record<string, number[]> = {};
let lastCpu = 0;
const time = (f: () => void): number => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const used = process.cpuUsage(c);
  lastCpu = (used.user + used.system) / 1000;
  return performance.now() - t;
};

const bibText = benchBibliography();
const style = bundledStyle('vancouver')!;
const plain = createMarkdown();
const md = createMarkdown();
md.use({ extensions: [citationExtension] });
const slides = Array.from({ length: SLIDES }, (_, i) => benchSlide(i));

const results: Record<string, number[]> = {};
const record = (name: string, ms: number): void => {
  (results[name] ??= []).push(ms);
  (cpu[name] ??= []).push(lastCpu);
};

for (let run = 0; run < RUNS; run++) {
  const bibs = new BibliographyCache();
  const formatters = new FormatterCache();
  let lexedPlain: Token[][] = [];
  record('lex 1,000 slides without citations (reference)', time(() => { lexedPlain = slides.map((s) => plain.lexer(s)); }));
  let lexed: Token[][] = [];
  record('lex 1,000 slides with the citation tokenizer', time(() => { lexed = slides.map((s) => md.lexer(s)); }));
  void lexedPlain;
  let load = bibs.load('refs.bib', bibText);
  record('parse 500-entry .bib (cold)', time(() => { load = new BibliographyCache().load('refs.bib', bibText); }));
  record('load .bib again (content-hash cache hit)', time(() => { load = bibs.load('refs.bib', bibText); bibs.load('refs.bib', bibText); }));
  let citations: Citation[][] = [];
  const cold = time(() => {
    const talk = createTalkCitations([bibs.load('refs.bib', bibText)], style, formatters);
    citations = lexed.map((t) => citationsOf(t));
    citations.forEach((c, i) => talk.addSlide(`s${i}`, c));
    for (const t of lexed) annotateCitations(t, talk);
    splitReferences(talk.references());
  });
  record('cold: engine + number + format 2,000 citations + 500 references + split', cold);

  // One-slide edit that keeps the order of first citation: only that slide is re-lexed and re-annotated.
  const edit = time(() => {
    const tokens = md.lexer(benchSlide(500, ' (edited)'));
    const talk = createTalkCitations([bibs.load('refs.bib', bibText)], style, formatters);
    citations.forEach((c, i) => talk.addSlide(`s${i}`, i === 500 ? citationsOf(tokens) : c));
    annotateCitations(tokens, talk);
    splitReferences(talk.references());
  });
  record('one-slide edit, numbering unchanged', edit);

  // An edit on slide 0 citing a new key first: every number shifts, every citing slide re-annotates.
  const renumber = time(() => {
    const tokens = md.lexer(`${benchSlide(0)}\n\nAlso [@key499; @key250]`);
    const talk = createTalkCitations([bibs.load('refs.bib', bibText)], style, formatters);
    citations.forEach((c, i) => talk.addSlide(`s${i}`, i === 0 ? citationsOf(tokens) : c));
    annotateCitations(tokens, talk);
    for (let i = 1; i < lexed.length; i++) annotateCitations(lexed[i]!, talk);
    splitReferences(talk.references());
  });
  record('one-slide edit that renumbers all 2,000 citations', renumber);
  // The .bib re-exported from Zotero with one entry changed: a new parse, entries reformatted only where changed.
  const changed = bibText.replace('Study {7} of', 'Study {7} (revised) of');
  record('bibliography re-exported with one entry changed (parse + 1 entry)', time(() => {
    const talk = createTalkCitations([bibs.load('refs.bib', changed)], style, formatters);
    citations.forEach((c, i) => talk.addSlide(`s${i}`, c));
    talk.references();
  }));
  // Put the original order back for the next run's "unchanged" edit.
  const restore = createTalkCitations([load], style, formatters);
  citations.forEach((c, i) => restore.addSlide(`s${i}`, c));
  restore.references();
}

// The cold run's parts, on their own formatter.
{
  const items = new Map([...new BibliographyCache().load('refs.bib', bibText).bibliography.entries].map(([k, e]) => [k, e.item]));
  let f: CitationFormatter | undefined;
  record('  part: build the vancouver citeproc engine', time(() => { f = new CitationFormatter(style, items, new StyleEngine(style)); }));
  record('  part: register 500 keys in order (updateItems)', time(() => { f!.setOrder([...items.keys()]); f!.formatCitation(citationsOf(md.lexer('[@key0]'))[0]!); }));
  record('  part: format 500 reference entries', time(() => f!.entries()));
  record('  part: format 2,000 distinct citations', time(() => { for (let i = 0; i < 2000; i++) f!.formatCitation({ raw: '', inText: false, works: [{ key: `key${(i * 7) % ENTRIES}`, prefix: '', locator: `p. ${i}`, suppressAuthor: false, offset: 0 }] }); }));
}
let apa = 0;
record('apa: build its citeproc engine (once per process)', (apa = time(() => { new StyleEngine(bundledStyle('apa')!); })));
void apa;

console.log(`citations: ${SLIDES} slides, ${SLIDES * 2} citations, ${ENTRIES}-entry bibliography, vancouver; median of ${RUNS} runs`);
console.log(`  ${''.padEnd(78)} ${'wall'.padStart(8)}    ${'cpu'.padStart(8)}`);
for (const [name, xs] of Object.entries(results)) console.log(`  ${name.padEnd(78)} ${median(xs).toFixed(1).padStart(8)} ms ${median(cpu[name] ?? []).toFixed(1).padStart(8)} ms`);
console.log(`  peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
