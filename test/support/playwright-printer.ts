// The tests' reference printer: Playwright's page.pdf on the system Chromium, a third engine under
// the one print sequence (electron/export/print-sequence.ts) whose PDFs the command line's DevTools
// pipe must match page for page. As an oracle it keeps Playwright's own choices: every PDF tagged,
// bookmarks from the tags (Chromium's), a fresh browser context per job. Nothing ships with it:
// Playwright is a devDependency.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { chromium } from 'playwright';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from '../../electron/export/browser';
import { printPdfOn } from '../../electron/export/print-sequence';
import type { PrintEngine, PrintTarget } from '../../electron/export/print-target';
import type { PdfPrinter, PrintJob } from '../../electron/export/printer';

export interface PlaywrightPrinterOptions {
  /** Browser executable; default findBrowser() (which throws BrowserNotFoundError). */
  executablePath?: string;
}

export class PlaywrightPrinter implements PrintEngine, PdfPrinter {
  /** One page prints at a time. */
  readonly concurrency = 1;
  private browser: Promise<Browser> | undefined;
  private workDir: string | undefined;
  private jobs = 0;
  private readonly executablePath: string;

  constructor(options: PlaywrightPrinterOptions = {}) {
    this.executablePath = findBrowser(options.executablePath);
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.executablePath,
      args: [...OFFLINE_CHROMIUM_ARGS],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return this.browser;
  }

  async withTarget<T>(work: (target: PrintTarget) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    // A fresh context per job: nothing leaks from one deck into the next. offline: with the
    // page's CSP, no request can leave the machine.
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    this.workDir ??= mkdtempSync(join(tmpdir(), 'lectern-print-'));
    const file = join(this.workDir, `job-${++this.jobs}.html`);
    try {
      return await work(targetOn(page, file));
    } finally {
      rmSync(file, { force: true });
      await context.close().catch(() => undefined);
    }
  }

  print(job: PrintJob): Promise<Uint8Array> {
    return this.withTarget((target) => printPdfOn(target, job));
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
    this.workDir = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}

function targetOn(page: Page, file: string): PrintTarget {
  return {
    load: async (html) => {
      writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
    },
    evaluate: (script) => page.evaluate(script),
    printPdf: async (request) => {
      const pdf = await page.pdf({
        width: request.page.width,
        height: request.page.height,
        preferCSSPageSize: true,
        printBackground: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        // Playwright's defaults, whatever the policy asked: Chromium's tag tree and its outline.
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
  };
}
