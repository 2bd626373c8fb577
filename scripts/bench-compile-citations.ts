// The whole compile with citations (issue 14): a 1,000-slide deck citing 2,000 times from a
// 500-entry BibTeX bibliography, through createDeckCompiler like the app and the CLI. Targets:
// cold < 1.5 s, recompile after a one-slide edit < 50 ms. Printed beside bench-compile.ts (the
// same compile without citations). Cold = a new compiler (no parsed bibliography, no citeproc
// engine, no formatted entries); the edits reuse the compiler, as the app does on save.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeckCompiler } from '../electron/deck/index';
import { benchBibliography, benchSlide, ENTRIES } from './bench-data/citations';

const SLIDES = 1000;
const RUNS = 5;



function deck(edit: (i: number) => string = () => ''): string {
  const parts = ['---', 'title: Bench', 'bibliography: refs.bib', 'citations: footer', '---'];
  for (let i = 0; i < SLIDES; i++) parts.push(benchSlide(i, edit(i)), '---');
  parts.push('<!-- references -->\n\nNote: the references');
  return parts.join('\n');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-cite-'));
const file = join(dir, 'bench.md');
writeFileSync(join(dir, 'refs.bib'), benchBibliography());
const text = deck();
writeFileSync(file, text);

const rows: Record<string, { wall: number[]; cpu: number[] }> = {};
function measure<T>(name: string, f: () => T): T {
  const c = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  const row = (rows[name] ??= { wall: [], cpu: [] });
  row.wall.push(wall);
  row.cpu.push((used.user + used.system) / 1000);
  return out;
}

let referenceSlides = 0;
let rendered = 0;
for (let r = 0; r < RUNS; r++) {
  const compiler = createDeckCompiler();
  const d = measure('cold compile (parse .bib, citeproc engine, format 500 entries)', () => compiler.compile(text, file));
  const errors = d.diagnostics.filter((x) => x.severity === 'error');
  if (errors.length) throw new Error(`bench deck has errors: ${errors[0]?.message}`);
  referenceSlides = d.slides.length - SLIDES;
  measure('recompile, one slide edited (numbering unchanged)', () => compiler.compile(deck((i) => (i === 500 + r ? ' (edited)' : '')), file));
  rendered = compiler.stats.rendered;
  // Slide 0 now cites two late keys first: every number after them shifts.
  const renumbered = text.replace('## Slide 0\n', '## Slide 0\n\nAlso [@key499; @key250]\n');
  measure('recompile, one slide edited so that all 2,000 citations renumber', () => compiler.compile(renumbered, file));
}
rmSync(dir, { recursive: true, force: true });

const TARGETS: Record<string, number> = { cold: 1500, recompile: 50 };
console.log(`deck: ${SLIDES} slides + ${referenceSlides} references slides, ${SLIDES * 2} citations, ${ENTRIES}-entry bibliography, vancouver, footers on; median of ${RUNS} runs`);
for (const [name, { wall, cpu }] of Object.entries(rows)) {
  const target = name.startsWith('cold') ? TARGETS.cold! : TARGETS.recompile!;
  const m = median(wall);
  console.log(`  ${name.padEnd(70)} ${m.toFixed(1).padStart(8)} ms wall ${median(cpu).toFixed(1).padStart(8)} ms cpu  target < ${target} ms ${m < target ? 'OK' : 'SLOW'}  (${wall.map((x) => x.toFixed(0)).join(', ')})`);
}
console.log(`  slides re-rendered after the one-slide edit: ${rendered}; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
