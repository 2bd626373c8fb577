// `npm run bench picture`: `lectern export --format pptx` and `--format png` (1920x1080) of the
// generated 30- and 300-slide bench decks (bench-export.ts) as whole processes: wall time (median
// of BENCH_RUNS, default 2), and from one sampled run the CPU seconds and the peak memory (summed
// PSS) of the whole process tree, browser included. CPU time is the figure to read on a shared,
// loaded machine. Marp CLI (`--pptx`, `--images png` at 1920x1080) on the same Markdown is
// measured the same way when it is installed, and `--pptx` once more at our 3840x2160 for a
// like-for-like figure: MARP_CLI=<marp-cli.js>, or /tmp/marp (npm install @marp-team/marp-cli
// there; CHROME_PATH=/usr/bin/chromium). Without it the comparison is skipped and says so. Issue 16's budget: at most half of Marp's time. BENCH_SLIDES=30 runs one deck.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDeck, measureProcessTree, median, type Sample } from './bench-export';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin', 'lectern.js');
const MARP_DEFAULT = '/tmp/marp/node_modules/@marp-team/marp-cli/marp-cli.js';

async function row(label: string, args: string[], env: NodeJS.ProcessEnv, runs: number, cleanup: () => void): Promise<Sample> {
  const sampled = await measureProcessTree(args, { env, sampled: true });
  cleanup();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push((await measureProcessTree(args, { env })).seconds);
    cleanup();
  }
  // BENCH_RUNS=0: the sampled run's wall time (slowed a little by the sampling) stands alone.
  const result = { ...sampled, seconds: median(times.length ? times : [sampled.seconds]) };
  console.log(`${label.padEnd(34)} ${result.seconds.toFixed(1).padStart(8)} ${result.cpu.toFixed(1).padStart(14)} ${result.treeMb.toFixed(0).padStart(14)}`);
  return result;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-pictures-'));
  const runs = Number(process.env.BENCH_RUNS ?? 2);
  const marp = process.env.MARP_CLI ?? (existsSync(MARP_DEFAULT) ? MARP_DEFAULT : undefined);
  const marpEnv = { CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' };
  try {
    console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; median of ${runs} timed runs, CPU and memory from one sampled run`);
    console.log(`${'export'.padEnd(34)} ${'wall s'.padStart(8)} ${'cpu s (tree)'.padStart(14)} ${'peak tree MB'.padStart(14)}`);
    const out = join(dir, 'out');
    const clean = () => rmSync(out, { recursive: true, force: true });
    const verdicts: string[] = [];
    // BENCH_SLIDES=30 for a quick look; the decks by default.
    for (const count of (process.env.BENCH_SLIDES ?? '30,300').split(',').map(Number)) {
      const deck = join(dir, `deck-${count}.md`);
      writeFileSync(deck, generateDeck(count));
      const pptx = await row(`lectern ${count} slides pptx 3840x2160`, [CLI, 'export', deck, '--format', 'pptx', '-o', `${out}.pptx`, '--quiet'], {}, runs, () => rmSync(`${out}.pptx`, { force: true }));
      const png = await row(`lectern ${count} slides png 1920x1080`, [CLI, 'export', deck, '--format', 'png', '--out-dir', out, '--quiet'], {}, runs, clean);
      if (!marp) continue;
      // Marp's own default for PowerPoint is 2x its 1280x720 slide (2560x1440); --images at 1.5x is 1920x1080.
      const marpPptx = await row(`marp ${count} slides --pptx 2560x1440`, [marp, '--no-stdin', '--pptx', '--allow-local-files', deck, '-o', `${out}.pptx`], marpEnv, runs, () => rmSync(`${out}.pptx`, { force: true }));
      // The same pixels as ours (3840x2160): what the budget's ratio would be against a Marp
      // doing the same work. Informational; the budget is against Marp's default.
      const marpPptx4k = await row(`marp ${count} slides --pptx 3840x2160`, [marp, '--no-stdin', '--pptx', '--image-scale', '3', '--allow-local-files', deck, '-o', `${out}.pptx`], marpEnv, runs, () => rmSync(`${out}.pptx`, { force: true }));
      const marpPng = await row(`marp ${count} slides --images png`, [marp, '--no-stdin', '--images', 'png', '--image-scale', '1.5', '--allow-local-files', deck, '-o', join(out, 'slide.png')], marpEnv, runs, clean);
      for (const [what, ours, theirs] of [['pptx', pptx, marpPptx], ['png', png, marpPng]] as const) {
        const ratio = ours.seconds / theirs.seconds;
        const cpuRatio = ours.cpu / theirs.cpu;
        verdicts.push(`${ratio <= 0.5 ? 'ok  ' : 'OVER'} ${count} slides ${what}: ${(ratio * 100).toFixed(0)}% of Marp's wall time, ${(cpuRatio * 100).toFixed(0)}% of its CPU (budget 50%)`);
      }
      verdicts.push(`     ${count} slides pptx against Marp at the same 3840x2160: ${((pptx.seconds / marpPptx4k.seconds) * 100).toFixed(0)}% of its wall time, ${((pptx.cpu / marpPptx4k.cpu) * 100).toFixed(0)}% of its CPU`);
    }
    if (!marp) console.log(`Marp CLI comparison skipped: not installed (set MARP_CLI to marp-cli.js, or npm install @marp-team/marp-cli in /tmp/marp)`);
    else console.log(`Marp CLI: ${marp}\n${verdicts.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
