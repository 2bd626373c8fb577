// `npm run bench cli-start`: how long a CLI command takes to start and finish when it has little
// to do, which every command pays and an export pays on the same cores as Chromium. Times
// `lectern --version` and `lectern check` of the generated 30-slide bench deck (formulas, notes,
// no code, no citations) and of the same deck without its formulas, as whole processes: median
// wall time and median CPU time of the process (user + system, read by a --require hook as it
// exits) over BENCH_RUNS runs (default 10), with the load average.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDeck } from './bench-export';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin', 'lectern.js');

interface Run {
  wallMs: number;
  cpuMs: number;
}

function runOnce(hook: string, args: string[]): Run {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], { encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`lectern ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const cpu = /^LECTERN_BENCH_CPU_MS (\S+)$/m.exec(r.stderr);
  if (!cpu) throw new Error(`no CPU figure from lectern ${args.join(' ')}: ${r.stderr}`);
  return { wallMs, cpuMs: Number(cpu[1]) };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

function main(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('run `npm run build` first');
  const runs = Number(process.env.BENCH_RUNS ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-cli-start-'));
  try {
    const hook = join(dir, 'cpu-at-exit.cjs');
    writeFileSync(hook, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`LECTERN_BENCH_CPU_MS ${(u.user + u.system) / 1000}\\n`); });\n");
    const deck = generateDeck(30);
    writeFileSync(join(dir, 'deck.md'), deck);
    writeFileSync(join(dir, 'deck-no-math.md'), deck.replace(/\$\$[^$]*\$\$|\$[^$\n]*\$/g, 'x'));
    const cases: Array<[string, string[]]> = [
      ['lectern --version', ['--version']],
      ['CLI start: check of a 30-slide deck', ['check', join(dir, 'deck.md')]],
      ['check of the 30-slide deck without formulas', ['check', join(dir, 'deck-no-math.md')]],
    ];
    runOnce(hook, ['--version']); // warm the file cache
    for (const [label, args] of cases) {
      const samples = Array.from({ length: runs }, () => runOnce(hook, args));
      const load = loadavg().map((x) => x.toFixed(2)).join(' ');
      console.log(
        `${label}: ${median(samples.map((s) => s.wallMs)).toFixed(0)} ms wall, ${median(samples.map((s) => s.cpuMs)).toFixed(0)} ms CPU ` +
          `(medians of ${runs}; load average ${load})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
