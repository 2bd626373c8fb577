// `npm run bench pptx`: the PowerPoint writer on its own, on 30-, 300- and 1,000-slide decks of
// synthetic 3840x2160 pictures of ~1.1 MB (ten distinct files, read by path as the export path
// will hand them over), each size in a fresh process whose peak RSS the kernel reports; a
// 0-slide run gives the baseline of Node and the loaded modules. Streaming shows as a peak that
// does not grow with the deck (pptxgenjs, measured the same way: 0.57 GB at 100 slides,
// 1.57 GB at 300, 5.07 GB at 1,000).
//
// Lectern's whole `export --format pptx` against Marp CLI `--pptx` (the budget of issue 16) is
// `npm run bench picture` (bench-picture-export.ts): this one measures the writer alone.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePptx } from '../electron/export/pptx/pptx-writer';
import type { PptxSlide } from '../electron/export/pptx/types';
import { syntheticPng } from '../test/support/synthetic-png';

const DISTINCT_PICTURES = 10;

function* benchSlides(count: number, pictureDir: string): Generator<PptxSlide> {
  for (let i = 1; i <= count; i++) {
    yield {
      image: join(pictureDir, `slide-${i % DISTINCT_PICTURES}.png`),
      title: `Slide ${i}: dosimetry step ${i}`,
      altText: `Slide ${i}: dosimetry step ${i}\nActivity after t days: A(t) = A0 · e^(−λt)\nDose to tissue ${i}: D = 49.67 A / M Gy`,
      notes: [
        { kind: 'paragraph', text: `Slide ${i}: explain the decay law, then the dose formula D = 49.67 A / M.` },
        { kind: 'list', ordered: false, items: [{ text: 'tumour-to-normal ratio' }, { text: 'pause for questions' }] },
      ],
    };
  }
}

/** In the child: write one deck and report time, peak RSS and size. */
async function child(count: number, pictureDir: string, target: string): Promise<void> {
  const start = performance.now();
  const result = await writePptx({ target, deck: { title: 'Bench', author: 'Lectern bench' }, slideCount: count, slides: benchSlides(count, pictureDir) });
  const seconds = (performance.now() - start) / 1000;
  const usage = process.resourceUsage();
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ seconds, cpu, peakMb: usage.maxRSS / 1024, bytes: result.bytes }));
}

interface WriterRun {
  seconds: number;
  /** CPU seconds of the whole child (Node start included). */
  cpu: number;
  peakMb: number;
  bytes: number;
}

function runChild(count: number, pictureDir: string, target: string): WriterRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', String(count), pictureDir, target], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`writing ${count} slides failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as WriterRun;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bench-pptx-'));
  try {
    const started = performance.now();
    for (let i = 0; i < DISTINCT_PICTURES; i++) {
      writeFileSync(join(dir, `slide-${i}.png`), syntheticPng({ approxBytes: 1_100_000, seed: i + 1 }));
    }
    const pictureMb = statSync(join(dir, 'slide-0.png')).size / 1e6;
    console.log(`${DISTINCT_PICTURES} synthetic 3840x2160 pictures of ${pictureMb.toFixed(2)} MB made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log('slides   seconds   cpu s   peak RSS MB   file MB');
    for (const count of [0, 30, 300, 1000]) {
      const r = runChild(count, dir, join(dir, `deck-${count}.pptx`));
      console.log(`${String(count).padStart(6)}   ${r.seconds.toFixed(2).padStart(7)}   ${r.cpu.toFixed(1).padStart(5)}   ${r.peakMb.toFixed(0).padStart(11)}   ${(r.bytes / 1e6).toFixed(0).padStart(7)}`);
      rmSync(join(dir, `deck-${count}.pptx`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const run = args[0] === '--child' ? child(Number(args[1]), args[2]!, args[3]!) : main();
  run.catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
