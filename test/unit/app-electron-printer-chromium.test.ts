// The Electron printer end to end, with Chromium (Playwright) playing the hidden BrowserWindow:
// the print page is fetched through the app protocol handler, the shared ready handshake runs in
// the page, and the print options are mapped onto page.pdf. Exercises the real exporter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { chromium, type Browser, type Page } from 'playwright';
import { ElectronPrinter, type PrintWindowLike } from '../../electron/app/electron-printer';
import { createAppHandler } from '../../electron/app/protocols';
import { loadDeck } from '../../electron/deck/index';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from '../../electron/export/browser';
import { exportPdf } from '../../electron/export/pdf-export';
import { pdfOutlineTitles } from '../fixtures/export/support';

const RENDERER_DIR = resolve(__dirname, '..', '..', 'dist', 'renderer');

function chromiumWindow(page: Page, jobs: Map<string, string>): PrintWindowLike {
  const app = createAppHandler({ rendererDir: RENDERER_DIR, printJobs: jobs });
  let destroyed = false;
  return {
    loadURL: async (url) => {
      const response = await app(new Request(url));
      assert.equal(response.status, 200);
      await page.setContent(await response.text(), { waitUntil: 'load' });
    },
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
    },
    webContents: {
      executeJavaScript: (code) => page.evaluate(code),
      printToPDF: async (options: PrintToPDFOptions) => {
        const size = options.pageSize as { width: number; height: number };
        const pdf = await page.pdf({
          width: `${size.width}in`,
          height: `${size.height}in`,
          preferCSSPageSize: options.preferCSSPageSize,
          printBackground: options.printBackground,
          outline: options.generateDocumentOutline,
          tagged: options.generateTaggedPDF,
          margin: { top: '0', bottom: '0', left: '0', right: '0' },
        });
        return new Uint8Array(pdf);
      },
    },
  };
}

test('File > Export PDF path: the Electron printer prints the real print view through the app protocol', async (t) => {
  let executablePath: string;
  try {
    executablePath = findBrowser();
  } catch {
    return t.skip('no Chromium or Chrome on this machine');
  }
  const dir = mkdtempSync(join(tmpdir(), 'lectern-eprint-'));
  const deckFile = join(dir, 'talk.md');
  writeFileSync(deckFile, '---\ntitle: Printer test\n---\n\n# One\n\n$E = mc^2$\n\nNote: a\n\n---\n\n# Two\n\nNote: b\n\n---\n\n# Three\n\nNote: c\n');
  let browser: Browser | null = null;
  t.after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  browser = await chromium.launch({ executablePath, args: [...OFFLINE_CHROMIUM_ARGS] });
  const page = await browser.newPage();
  const jobs = new Map<string, string>();
  const printer = new ElectronPrinter(() => chromiumWindow(page, jobs), jobs);
  const phases: string[] = [];
  const target = join(dir, 'talk.pdf');
  await exportPdf({
    deck: loadDeck(deckFile),
    options: { format: 'slides' },
    printer,
    target,
    onProgress: (p) => phases.push(p.phase),
  });
  await printer.close();
  assert.ok(existsSync(target));
  const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
  assert.match(info, /Pages:\s+3\b/);
  assert.match(info, /Title:\s+Printer test/);
  assert.match(info, /Tagged:\s+yes/, 'the app prints tagged PDFs');
  assert.deepEqual(pdfOutlineTitles(target), ['One', 'Two', 'Three'], "the exporter's bookmarks, once each");
  assert.deepEqual(phases, ['layout', 'print', 'write', 'done']);
  assert.equal(jobs.size, 0);
});
