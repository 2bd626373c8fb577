// Colours in a printed PDF, as poppler paints them: the PDF tests compare pixels, not text.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Page `n` (1-based) of `pdf` rendered by pdftoppm at `dpi` (a binary PPM): its size and the [r, g, b] at a pixel. */
export function pdfPageImage(pdf: string, n: number, dpi: number): { width: number; height: number; rgb(x: number, y: number): number[] } {
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), pdf], { maxBuffer: 1 << 24 });
  const data = run.stdout;
  const header = data.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  assert.ok(header, 'a PPM from pdftoppm');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return {
    width,
    height,
    rgb: (x, y) => {
      const at = header[0].length + (y * width + x) * 3;
      return [data[at]!, data[at + 1]!, data[at + 2]!];
    },
  };
}

/** Each channel of `actual` lies within `tolerance` (exclusive) of `want`. */
export function assertNearColour(actual: number[], want: number[], label: string, tolerance: number): void {
  assert.ok(actual.every((c, i) => Math.abs(c - (want[i] ?? 0)) < tolerance), `${label}: rgb(${actual.join(',')}) is not near rgb(${want.join(',')})`);
}
