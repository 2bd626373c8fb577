// DICOM stack conversion (issue 13): a 300-image 512 x 512 16-bit CT series must convert cold
// in < 3 s and come back from the cache in < 100 ms. Cold = list, read, parse, window, PNG-encode
// and store every frame (CPU time also printed, since wall time on a shared machine mostly
// measures the queue for a core); warm = the same request on the next compile (stat fingerprint hit), and
// warm+read = also reading every PNG frame back from the cache folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { directoryCache } from '../electron/media/content-cache';
import { dicomStackCached } from '../electron/media/dicom/cached-stack';
import { dicomStackRequest } from '../electron/media/dicom/dicom-files';
import { ctSeries } from './clinical-fixtures/dicom-fixtures';

const IMAGES = 300;
const SIZE = 512;
const RUNS = 3;
/** CT-like quantum noise, so PNGs compress like real slices (a clean phantom compresses 50x better). */
const NOISE_HU = 12;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'lectern-bench-dicom-'));
  try {
    const folder = join(root, 'series');
    mkdirSync(folder);
    let bytes = 0;
    for (const file of ctSeries(IMAGES, SIZE, NOISE_HU)) {
      writeFileSync(join(folder, file.name), file.bytes);
      bytes += file.bytes.length;
    }
    const cold: number[] = [];
    const coldCpu: number[] = [];
    const warm: number[] = [];
    const warmRead: number[] = [];
    let frames = 0;
    let pngBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const cache = directoryCache(join(root, `cache-${run}`));
      let t = performance.now();
      const cpu = process.cpuUsage();
      const request = await dicomStackRequest(folder, 'series/');
      if (!request.ok) throw new Error(request.error.message);
      const stack = await dicomStackCached(request.value, {}, cache);
      if (!stack.ok) throw new Error(stack.error.message);
      cold.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      coldCpu.push((used.user + used.system) / 1000);
      frames = stack.value.frameKeys.length;
      t = performance.now();
      const again = await dicomStackRequest(folder, 'series/');
      if (!again.ok) throw new Error(again.error.message);
      const hit = await dicomStackCached(again.value, {}, cache);
      if (!hit.ok) throw new Error(hit.error.message);
      warm.push(performance.now() - t);
      t = performance.now();
      const pngs = await Promise.all(hit.value.frameKeys.map((key) => cache.read(key)));
      pngBytes = pngs.reduce((sum, png) => sum + (png?.length ?? 0), 0);
      warmRead.push(performance.now() - t + warm[warm.length - 1]!);
    }
    const rss = process.memoryUsage().rss;
    console.log(`series: ${IMAGES} x ${SIZE}x${SIZE} 16-bit, ${(bytes / 1e6).toFixed(0)} MB; ${frames} frames; load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
    console.log(`cold conversion        median ${median(cold).toFixed(0)} ms  (runs ${cold.map((v) => v.toFixed(0)).join(', ')})  target < 3000 ms`);
    // CPU time (all threads, zlib pool included) tells the work apart from waiting on a busy machine.
    console.log(`cold CPU time          median ${median(coldCpu).toFixed(0)} ms  (wall time above includes waiting for a core)`);
    console.log(`warm (manifest)        median ${median(warm).toFixed(1)} ms  (runs ${warm.map((v) => v.toFixed(1)).join(', ')})  target < 100 ms`);
    console.log(`warm + read all PNGs   median ${median(warmRead).toFixed(1)} ms`);
    console.log(`PNG bytes per frame    ${(pngBytes / frames / 1e3).toFixed(0)} kB`);
    console.log(`peak-ish RSS ${(rss / 1e6).toFixed(0)} MB`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
