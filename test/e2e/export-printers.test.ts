// Both command-line drivers print the same print page (the layouts live in one place, only the
// last call differs): Chromium over its DevTools pipe and Playwright's page.pdf agree page for
// page. One browser serves several jobs, and a print view that fails is reported, not waited on.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadDeck } from '../../electron/deck/index';
import { ChromiumPrinter } from '../../electron/export/chromium-printer';
import { exportPdf } from '../../electron/export/pdf-export';
import { PlaywrightPrinter } from '../support/playwright-printer';
import { EXPORT_FIXTURES, ROOT, noBrowserReason, pdfInfo, pdfPages, pdfText } from '../fixtures/export/support';

const skip = noBrowserReason();
const dir = mkdtempSync(join(tmpdir(), 'lectern-printers-'));
after(() => rmSync(dir, { recursive: true, force: true }));
process.env.LECTERN_RENDERER_DIR ??= join(ROOT, 'dist', 'renderer');

describe('printers', { skip }, () => {
  const deck = loadDeck(join(EXPORT_FIXTURES, 'deck.md'));

  test('the DevTools-pipe printer and Playwright print the same pages', async () => {
    const viaPipe = join(dir, 'pipe.pdf');
    const viaPlaywright = join(dir, 'playwright.pdf');
    const pipe = new ChromiumPrinter();
    const playwright = new PlaywrightPrinter();
    try {
      for (const format of ['slides', 'notes'] as const) {
        await exportPdf({ deck, options: { format }, printer: pipe, target: viaPipe });
        await exportPdf({ deck, options: { format }, printer: playwright, target: viaPlaywright });
        assert.equal(pdfPages(viaPipe), pdfPages(viaPlaywright), `${format}: same page count`);
        assert.equal(pdfText(viaPipe), pdfText(viaPlaywright), `${format}: same text`);
        assert.equal(pdfInfo(viaPlaywright).Author, 'Zoë Example, MD');
      }
    } finally {
      await pipe.close();
      await playwright.close();
    }
  });

  test('one browser serves several jobs; progress is reported in order', async () => {
    const printer = new ChromiumPrinter();
    const phases: string[] = [];
    try {
      for (const [i, perPage] of ([1, 6] as const).entries()) {
        const target = join(dir, `job-${i}.pdf`);
        await exportPdf({ deck, options: { format: 'handout', perPage }, printer, target, onProgress: (p) => phases.push(p.phase) });
        assert.equal(pdfPages(target), Math.ceil(5 / perPage));
      }
    } finally {
      await printer.close();
    }
    assert.deepEqual(phases, ['layout', 'print', 'write', 'done', 'layout', 'print', 'write', 'done']);
  });

  test('a deck with errors is refused by the exporter unless allowed', async () => {
    const broken = loadDeck(join(EXPORT_FIXTURES, 'errors.md'));
    const printer = new ChromiumPrinter();
    try {
      await assert.rejects(
        exportPdf({ deck: broken, options: { format: 'slides' }, printer, target: join(dir, 'broken.pdf') }),
        /1 compile error; not exported/,
      );
      assert.equal(existsSync(join(dir, 'broken.pdf')), false);
    } finally {
      await printer.close();
    }
  });

  test('a renderer that fails to boot is reported with the first line of its error', async () => {
    const fake = join(dir, 'fake-boot');
    mkdirSync(fake);
    writeFileSync(
      join(fake, 'renderer.js'),
      "const box = document.createElement('div'); box.className = 'lectern-fatal';" +
        "box.innerHTML = '<pre>no deck: bad config\\n    at boot</pre>'; document.body.append(box);" +
        "document.documentElement.dataset.lecternReady = 'error';",
    );
    writeFileSync(join(fake, 'renderer.css'), '');
    const saved = process.env.LECTERN_RENDERER_DIR;
    process.env.LECTERN_RENDERER_DIR = fake;
    const printer = new ChromiumPrinter();
    try {
      await assert.rejects(
        exportPdf({ deck, options: { format: 'slides' }, printer, target: join(dir, 'boot.pdf') }),
        (err: Error) => err.message.endsWith('no deck: bad config'),
      );
    } finally {
      process.env.LECTERN_RENDERER_DIR = saved;
      await printer.close();
    }
  });

  test("a print view that fails is reported with its message at once, and nothing is written", async () => {
    // A stand-in renderer bundle whose print view fails.
    const fake = join(dir, 'fake-renderer');
    mkdirSync(fake);
    writeFileSync(
      join(fake, 'renderer.js'),
      "document.documentElement.setAttribute('data-lectern-print-error', 'layout exploded');" +
        "document.documentElement.setAttribute('data-lectern-print', 'error');",
    );
    writeFileSync(join(fake, 'renderer.css'), '');
    const saved = process.env.LECTERN_RENDERER_DIR;
    process.env.LECTERN_RENDERER_DIR = fake;
    const printer = new ChromiumPrinter();
    const target = join(dir, 'failed.pdf');
    const phases: string[] = [];
    try {
      const started = Date.now();
      await assert.rejects(
        exportPdf({ deck, options: { format: 'slides' }, printer, target, onProgress: (p) => phases.push(p.phase) }),
        /layout exploded/,
      );
      assert.ok(Date.now() - started < 30_000, 'not the 60 s readiness timeout');
      assert.equal(existsSync(target), false);
      assert.equal(phases.at(-1), 'failed');
    } finally {
      process.env.LECTERN_RENDERER_DIR = saved;
      await printer.close();
    }
  });
});
