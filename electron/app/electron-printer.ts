// The app's PdfPrinter: a hidden, sandboxed window loads the print page from the app protocol
// (served with a print-only CSP), waits for the print view's ready handshake, and prints with
// Chromium's own pipeline (webContents.printToPDF). The window is given as a factory, so this
// runs in plain Node with a fake. No electron import.

import { randomUUID } from 'node:crypto';
import type { PdfPrinter, PrintJob, PrintPageSize, PrintViewReport } from '../export/printer';
import { afterLayout, AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT, cssLengthToInches } from '../export/printer';
import { APP_ORIGIN } from './security';

/** The printToPDF options this printer sets (a subset of Electron's PrintToPDFOptions; main.ts,
 *  the one file that imports Electron, is where the compiler checks the two agree). */
export interface PdfPrintOptions {
  printBackground: boolean;
  preferCSSPageSize: boolean;
  generateDocumentOutline: boolean;
  generateTaggedPDF: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  /** In inches. */
  pageSize: { width: number; height: number };
}

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PdfPrintOptions): Promise<Uint8Array>;
  };
}

const NAMED_PAGES: Record<string, { width: number; height: number }> = {
  a4: { width: 210 / 25.4, height: 297 / 25.4 },
  letter: { width: 8.5, height: 11 },
};

/** The page in inches: a CSS length each way, or `A4`/`Letter` as named pages. */
export function pageSizeInches(page: PrintPageSize): { width: number; height: number } {
  const named = NAMED_PAGES[page.width.trim().toLowerCase()];
  if (named) return named;
  return { width: cssLengthToInches(page.width), height: cssLengthToInches(page.height) };
}

/**
 * What printToPDF is asked for. The print view's @page size wins; pageSize is the fallback. The
 * app's PDFs are always tagged (it prints whole, so nothing is joined); the bookmarks are the
 * exporter's, one per slide, as from the command line, unless the view reports none.
 */
export function printOptionsFor(job: PrintJob, report: PrintViewReport = { pages: 0 }): PdfPrintOptions {
  return {
    printBackground: true,
    preferCSSPageSize: true,
    generateDocumentOutline: report.outline === undefined,
    generateTaggedPDF: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    pageSize: pageSizeInches(job.page),
  };
}

export class ElectronPrinter implements PdfPrinter {
  /** One page prints at a time. */
  readonly concurrency = 1;
  private window: PrintWindowLike | null = null;

  /**
   * @param createWindow a hidden BrowserWindow with the 'print' webPreferences
   * @param jobs the map the app protocol serves `/print/<id>.html` from
   */
  constructor(
    private readonly createWindow: () => PrintWindowLike,
    private readonly jobs: Map<string, string>,
  ) {}

  async print(job: PrintJob): Promise<Uint8Array> {
    if (!this.window || this.window.isDestroyed()) this.window = this.createWindow();
    const win = this.window;
    const id = randomUUID();
    this.jobs.set(id, job.html);
    try {
      await win.loadURL(`${APP_ORIGIN}/print/${id}.html`);
      const report = (await win.webContents.executeJavaScript(AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT)) as PrintViewReport;
      if (!(await afterLayout(job, report, (script) => win.webContents.executeJavaScript(script)))) return new Uint8Array(0);
      const pdf = await win.webContents.printToPDF(printOptionsFor(job, report));
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      this.jobs.delete(id);
    }
  }

  async close(): Promise<void> {
    const win = this.window;
    this.window = null;
    if (win && !win.isDestroyed()) win.destroy();
  }
}
