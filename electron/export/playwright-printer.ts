// The command line's printer: Playwright's page.pdf on a Chromium or Chrome found on the machine.
// One browser is launched lazily and reused for every job (a folder of decks pays for one launch);
// the next job's page is opened ahead of time so it overlaps deck compilation.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright';
import { chromium } from 'playwright';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from './browser';
import type { PdfPrinter, PrintJob, PrintViewReport } from './printer';
import { afterLayout, AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT } from './printer';

export interface PlaywrightPrinterOptions {
  /** Browser executable; default findBrowser() (which throws BrowserNotFoundError). */
  executablePath?: string;
}

interface FreshPage {
  context: BrowserContext;
  page: Page;
}

export class PlaywrightPrinter implements PdfPrinter {
  /** One page prints at a time. */
  readonly concurrency = 1;
  private browser: Promise<Browser> | undefined;
  private nextPage: Promise<FreshPage> | undefined;
  private workDir: string | undefined;
  private jobs = 0;
  private readonly executablePath: string;

  constructor(options: PlaywrightPrinterOptions = {}) {
    // Resolve now, so a missing browser is reported before any work starts.
    this.executablePath = findBrowser(options.executablePath);
  }

  /** Starts the browser and opens a page ahead of the first job. */
  warmUp(): void {
    this.nextPage ??= this.openPage();
    this.nextPage.catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.executablePath,
      args: [...OFFLINE_CHROMIUM_ARGS],
      // The CLI's own SIGINT handler cleans up and closes the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return this.browser;
  }

  private async openPage(): Promise<FreshPage> {
    const browser = await this.launch();
    // A fresh context per job: nothing leaks from one deck into the next. offline: with the
    // page's CSP, no request can leave the machine.
    const context = await browser.newContext({ offline: true });
    return { context, page: await context.newPage() };
  }

  async print(job: PrintJob): Promise<Uint8Array> {
    const fresh = await (this.nextPage ?? this.openPage());
    this.nextPage = undefined;
    // Loading a file is about twice as fast as setContent for a megabyte page (no document.write).
    this.workDir ??= mkdtempSync(join(tmpdir(), 'lectern-print-'));
    const file = join(this.workDir, `job-${++this.jobs}.html`);
    try {
      writeFileSync(file, job.html);
      await fresh.page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
      const report = (await fresh.page.evaluate(AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT)) as PrintViewReport;
      if (!(await afterLayout(job, report, (script) => fresh.page.evaluate(script)))) return new Uint8Array(0);
      const pdf = await fresh.page.pdf({
        width: job.page.width,
        height: job.page.height,
        preferCSSPageSize: true,
        printBackground: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        // Bookmarks from the headings the print view marks as slide titles; Chromium builds the
        // outline from the tagged structure (which also makes the PDF accessible).
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      rmSync(file, { force: true });
      await fresh.context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    this.nextPage = undefined;
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
    this.workDir = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
