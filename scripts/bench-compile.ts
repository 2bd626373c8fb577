// Deck compiler speed (issue 2): a generated 1,000-slide deck with 2,000 formulas must compile
// cold in < 1 s, and recompile after a one-slide edit in < 50 ms. Prints medians and peak RSS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeckCompiler } from '../electron/deck/index';
import { clearMathCache } from '../electron/deck/math';

const SLIDES = 1000;
const RUNS = 5;

function slide(i: number, variant = 0): string {
  // Formulas vary per slide, so the KaTeX cache cannot make the cold run cheap.
  return [
    `## Slide ${i}: dose and decay ${variant ? '(edited)' : ''}`,
    '',
    `- The activity falls as $A(t) = A_0 e^{-\\lambda t}$ with $\\lambda = \\ln 2 / ${(64.1 + i / 100).toFixed(2)}\\,\\text{h}$`,
    `- Point ${i}: **bold**, *italic*, \`code\` and a [local link](#s${i})`,
    `- Another bullet with some text that makes the line reasonably long, as slides have`,
    '',
    '<!-- .element: class="fragment" -->',
    '',
    `Note: Speak about slide ${i}; the decay constant sets the pace.`,
  ].join('\n');
}

function deck(edited = -1): string {
  const parts = ['---', 'title: Bench', 'duration: 45', '---'];
  for (let i = 0; i < SLIDES; i++) {
    parts.push(slide(i, i === edited ? 1 : 0));
    if (i < SLIDES - 1) parts.push('---');
  }
  return parts.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
const file = join(dir, 'bench.md');
const text = deck();
writeFileSync(file, text);
const formulas = (text.match(/\$/g)?.length ?? 0) / 2;

const cold: number[] = [];
const coldCpu: number[] = [];
const warm: number[] = [];
const warmCpu: number[] = [];
let rendered = 0;
for (let r = 0; r < RUNS; r++) {
  clearMathCache();
  const compiler = createDeckCompiler();
  let t = performance.now();
  const cpu = process.cpuUsage();
  const d = compiler.compile(text, file);
  cold.push(performance.now() - t);
  // CPU time (user + system, all threads) is less distorted than wall time on a shared machine.
  const used = process.cpuUsage(cpu);
  coldCpu.push((used.user + used.system) / 1000);
  if (d.slides.length !== SLIDES) throw new Error(`expected ${SLIDES} slides, got ${d.slides.length}`);
  const errors = d.diagnostics.filter((x) => x.severity === 'error');
  if (errors.length) throw new Error(`bench deck has errors: ${errors[0]?.message}`);
  // One-slide edit, as an author saving in the editor while the app watches the file.
  const edited = deck(500 + r);
  t = performance.now();
  const cpu2 = process.cpuUsage();
  compiler.compile(edited, file);
  warm.push(performance.now() - t);
  const used2 = process.cpuUsage(cpu2);
  warmCpu.push((used2.user + used2.system) / 1000);
  rendered = compiler.stats.rendered;
}
rmSync(dir, { recursive: true, force: true });

const peak = process.resourceUsage().maxRSS / 1024;
const coldMs = median(cold);
const warmMs = median(warm);
console.log(`deck: ${SLIDES} slides, ${formulas} formulas, ${(text.length / 1024).toFixed(0)} KiB`);
console.log(`cold compile:           median ${coldMs.toFixed(0)} ms of ${RUNS} runs (${cold.map((x) => x.toFixed(0)).join(', ')}) target < 1000 ms ${coldMs < 1000 ? 'OK' : 'SLOW'}`);
console.log(`recompile, 1 slide edit: median ${warmMs.toFixed(1)} ms of ${RUNS} runs (${warm.map((x) => x.toFixed(1)).join(', ')}) target < 50 ms ${warmMs < 50 ? 'OK' : 'SLOW'}; slides re-rendered: ${rendered}`);
console.log(`cold compile CPU time:   median ${median(coldCpu).toFixed(0)} ms (${coldCpu.map((x) => x.toFixed(0)).join(', ')}); load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
console.log(`recompile CPU time:      median ${median(warmCpu).toFixed(1)} ms (${warmCpu.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`first compile in this process (JIT and caches cold): ${cold[0]?.toFixed(0)} ms`);
console.log(`peak RSS: ${peak.toFixed(0)} MiB`);
