// The command line's printer: Playwright's page.pdf on a Chromium or Chrome found on the machine.
// One browser is launched lazily and reused for every job (a folder of decks pays for one launch).

import type { Browser } from 'playwright';
import { chromium } from 'playwright';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from './browser';
import type { PdfPrinter, PrintJob, PrintViewReport } from './printer';
import { AWAIT_PRINT_READY_SCRIPT, PRINT_READY_TIMEOUT_MS } from './printer';

export interface PlaywrightPrinterOptions {
  /** Browser executable; default findBrowser() (which throws BrowserNotFoundError). */
  executablePath?: string;
}

export class PlaywrightPrinter implements PdfPrinter {
  private browser: Promise<Browser> | undefined;
  private readonly executablePath: string;

  constructor(options: PlaywrightPrinterOptions = {}) {
    // Resolve now, so a missing browser is reported before any work starts.
    this.executablePath = options.executablePath ?? findBrowser();
  }

  /** Starts the browser ahead of the first job (overlaps its launch with deck compilation). */
  warmUp(): void {
    void this.launch().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.executablePath,
      args: [...OFFLINE_CHROMIUM_ARGS],
      // Our SIGINT handler cleans up and closes the browser itself.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return this.browser;
  }

  async print(job: PrintJob): Promise<Uint8Array> {
    const browser = await this.launch();
    // A fresh context per job: nothing (storage, caches) leaks from one deck into the next.
    // offline: with the page's CSP, no request can leave the machine.
    const context = await browser.newContext({ offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(job.html, { waitUntil: 'load' });
      const report = (await page.evaluate(
        `Promise.race([${AWAIT_PRINT_READY_SCRIPT}, new Promise((_, reject) => setTimeout(() => reject(new Error('the print page did not become ready within ${PRINT_READY_TIMEOUT_MS / 1000} s')), ${PRINT_READY_TIMEOUT_MS}))])`,
      )) as PrintViewReport;
      job.onLaidOut?.(report);
      const pdf = await page.pdf({
        width: job.page.width,
        height: job.page.height,
        preferCSSPageSize: true,
        printBackground: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
        // Bookmarks from the headings the print view marks as slide titles; tagging is what
        // Chromium builds the outline from (and makes the PDF accessible).
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
