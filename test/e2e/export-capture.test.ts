// The print sequence's second output: pictures of the laid-out pages (for image and PowerPoint
// export). Every slide of the fixture deck comes out as a 3840x2160 picture of that slide, off-screen
// pages included, one at a time; the page then prints PDFs as before.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadDeck } from '../../electron/deck/index';
import { ChromiumPrinter } from '../../electron/export/chromium-printer';
import { buildOfflineHtml } from '../../electron/export/offline-html';
import { normaliseExportOptions, printPageSize } from '../../electron/export/pdf-export';
import { capturePagesOn } from '../../electron/export/print-sequence';
import type { PrintTarget } from '../../electron/export/print-target';
import type { PrintJob } from '../../electron/export/printer';
import { EXPORT_FIXTURES, ROOT, noBrowserReason, pdfPages, pdfText } from '../fixtures/export/support';

const skip = noBrowserReason();
const dir = mkdtempSync(join(tmpdir(), 'lectern-capture-'));
after(() => rmSync(dir, { recursive: true, force: true }));
process.env.LECTERN_RENDERER_DIR ??= join(ROOT, 'dist', 'renderer');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const bytes = Buffer.from(png);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The picture's mean grey level, 0 (black) to 1 (white), by ImageMagick. */
function meanGrey(file: string): number {
  return Number(execFileSync('convert', [file, '-colorspace', 'Gray', '-format', '%[fx:mean]', 'info:'], { encoding: 'utf8' }));
}

describe('capturing pages', { skip }, () => {
  const deck = loadDeck(join(EXPORT_FIXTURES, 'deck.md'));
  const options = normaliseExportOptions({ format: 'slides' });
  const job = (): PrintJob => ({ html: buildOfflineHtml(deck, { view: 'print', print: options }), page: printPageSize(options) });

  test('every slide as a 3840x2160 picture of itself, in order, off-screen ones too; PDFs print as before', async () => {
    const printer = new ChromiumPrinter({ concurrency: 1 });
    const files: string[] = [];
    try {
      const before = await printer.print(job());
      const count = await printer.withTarget((target) =>
        capturePagesOn(target, job(), { scale: 3, format: 'png' }, (i, png) => {
          assert.equal(i, files.length, 'pictures arrive in page order');
          assert.deepEqual(pngSize(png), [3840, 2160]);
          const file = join(dir, `slide-${i + 1}.png`);
          writeFileSync(file, png);
          files.push(file);
        }),
      );
      assert.equal(count, deck.slides.length);
      assert.equal(files.length, 5);
      // Slides 1-4 are dark text on white; slide 5 has a dark background (and is far below the window).
      for (const file of files.slice(0, 4)) assert.ok(meanGrey(file) > 0.8, `${file} is a light slide`);
      assert.ok(meanGrey(files[4]!) < 0.3, 'the last slide is the dark one');
      // Not five pictures of one slide: the text slides differ.
      assert.notEqual(execFileSync('md5sum', [files[1]!], { encoding: 'utf8' }).split(' ')[0], execFileSync('md5sum', [files[2]!], { encoding: 'utf8' }).split(' ')[0]);

      // The page is left as it was: a PDF printed after capturing matches one printed before.
      const after = await printer.print(job());
      const [a, b] = [join(dir, 'before.pdf'), join(dir, 'after.pdf')];
      writeFileSync(a, before);
      writeFileSync(b, after);
      assert.equal(pdfPages(b), pdfPages(a));
      assert.equal(pdfText(b), pdfText(a));
    } finally {
      await printer.close();
    }
  });

  test('JPEG pictures, when asked for', async () => {
    const printer = new ChromiumPrinter({ concurrency: 1 });
    const heads: string[] = [];
    try {
      await printer.withTarget((target) =>
        capturePagesOn(target, job(), { scale: 1, format: 'jpeg', quality: 80 }, (_, jpeg) => {
          heads.push(Buffer.from(jpeg.subarray(0, 3)).toString('hex'));
        }),
      );
    } finally {
      await printer.close();
    }
    assert.deepEqual(heads, Array(5).fill('ffd8ff'));
  });
});

test('an engine that cannot capture says so before loading anything', async () => {
  const loaded: string[] = [];
  const target: PrintTarget = {
    load: async (html) => {
      loaded.push(html);
    },
    evaluate: async () => ({ pages: 1 }),
    printPdf: async () => new Uint8Array(0),
  };
  await assert.rejects(
    capturePagesOn(target, { html: 'x', page: { width: '1280px', height: '720px' } }, { scale: 1, format: 'png' }, () => undefined),
    /cannot capture pages as pictures/,
  );
  assert.deepEqual(loaded, []);
});
