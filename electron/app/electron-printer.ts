// The app's PdfPrinter: a hidden, sandboxed window loads the print page from the app protocol
// (served with a print-only CSP), waits for the print view's ready handshake, and prints with
// Chromium's own pipeline (webContents.printToPDF). The window is given as a factory, so this
// runs in plain Node with a fake. No electron import.

import { randomUUID } from 'node:crypto';
import type { PrintToPDFOptions } from 'electron';
import type { PdfPrinter, PrintJob, PrintPageSize, PrintViewReport } from '../export/printer';
import { AWAIT_PRINT_READY_SCRIPT, PRINT_READY_TIMEOUT_MS } from '../export/printer';
import { APP_ORIGIN } from './security';

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
}

const UNITS_PER_INCH: Record<string, number> = { in: 1, px: 96, pt: 72, pc: 6, mm: 25.4, cm: 2.54 };
const NAMED_PAGES: Record<string, { width: number; height: number }> = {
  a4: { width: 210 / 25.4, height: 297 / 25.4 },
  letter: { width: 8.5, height: 11 },
};

/** A CSS length (`1280px`, `210mm`, `8.5in`) in inches; `A4`/`Letter` are named pages. */
export function cssLengthToInches(length: string): number {
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(in|px|pt|pc|mm|cm)\s*$/i.exec(length);
  if (!match) throw new Error(`not a CSS length: ${length}`);
  return Number(match[1]) / UNITS_PER_INCH[match[2]!.toLowerCase()]!;
}

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
export function printOptionsFor(job: PrintJob, report: PrintViewReport = { pages: 0 }): PrintToPDFOptions {
  return {
    printBackground: true,
    preferCSSPageSize: true,
    generateDocumentOutline: report.outline === undefined,
    generateTaggedPDF: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    pageSize: pageSizeInches(job.page),
  };
}

const READY_WITH_TIMEOUT = `Promise.race([${AWAIT_PRINT_READY_SCRIPT}, new Promise((_, reject) => setTimeout(() => reject(new Error('the print page did not become ready within ${PRINT_READY_TIMEOUT_MS / 1000} s')), ${PRINT_READY_TIMEOUT_MS}))])`;

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
      const report = (await win.webContents.executeJavaScript(READY_WITH_TIMEOUT)) as PrintViewReport;
      const script = await job.onLaidOut?.(report);
      if (typeof script === 'string') await win.webContents.executeJavaScript(script);
      if (job.layoutOnly) return new Uint8Array(0);
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
