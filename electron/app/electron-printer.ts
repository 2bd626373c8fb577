// The app's print engine: one hidden, sandboxed window as the PrintTarget of the one print
// sequence (electron/export/print-sequence.ts). It loads the print page from the app protocol
// (served with a print-only CSP), runs scripts with executeJavaScript and prints with Chromium's
// own pipeline (webContents.printToPDF). Pictures (PowerPoint and image export) are taken with
// Chromium's own screenshot command through webContents.debugger, on a window sized to the page
// with setContentSize. The window is given as a factory, so this runs in plain Node with a fake.
// No electron import.

import { randomUUID } from 'node:crypto';
import { pdfRequestFor, printPdfOn, type TaggingPolicy } from '../export/print-sequence';
import { screenshotParams, type PdfRequest, type PrintEngine, type PrintTarget } from '../export/print-target';
import type { PdfPrinter, PrintJob, PrintPageSize, PrintViewReport } from '../export/printer';
import { cssLengthToInches } from '../export/printer';
import { PAPER } from '../contract/frame';
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

/** The part of Electron's webContents.debugger the capture uses (the DevTools Protocol). */
export interface DebuggerLike {
  isAttached(): boolean;
  attach(protocolVersion?: string): void;
  sendCommand(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  /** Sizing and capture: a window without them prints PDFs but cannot take pictures. */
  setContentSize?(width: number, height: number): void;
  getContentSize?(): number[];
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PdfPrintOptions): Promise<Uint8Array>;
    debugger?: DebuggerLike;
  };
}

// Page.captureScreenshot, not webContents.capturePage: capturePage captures at the display's own
// scale factor, and the other way to a 3840x2160 picture, setZoomFactor, zooms every window of
// the app's origin (Chromium's zoom is per origin), the presenter's included.
export { screenshotParams };

const NAMED_PAGES: Record<string, { width: number; height: number }> = {
  a4: PAPER.a4.inches,
  letter: PAPER.letter.inches,
};

/** The page in inches: a CSS length each way, or `A4`/`Letter` as named pages. */
export function pageSizeInches(page: PrintPageSize): { width: number; height: number } {
  const named = NAMED_PAGES[page.width.trim().toLowerCase()];
  if (named) return named;
  return { width: cssLengthToInches(page.width), height: cssLengthToInches(page.height) };
}

/** The app's PDFs are always tagged: it prints whole, so nothing is joined. */
const APP_TAGGING: TaggingPolicy = { tagAlways: true };

/** printToPDF's options for a request of the print sequence. */
function electronPdfOptions(request: PdfRequest): PdfPrintOptions {
  return {
    printBackground: true,
    preferCSSPageSize: true,
    generateDocumentOutline: request.outlineFromTags,
    generateTaggedPDF: request.tagged,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    pageSize: pageSizeInches(request.page),
  };
}

/**
 * What printToPDF is asked for. The print view's @page size wins; pageSize is the fallback. The
 * app's PDFs are always tagged; the bookmarks are the exporter's, one per slide, as from the
 * command line, unless the view reports none.
 */
export function printOptionsFor(job: PrintJob, report: PrintViewReport = { pages: 0 }): PdfPrintOptions {
  return electronPdfOptions(pdfRequestFor(job, report, APP_TAGGING));
}

export class ElectronPrinter implements PrintEngine, PdfPrinter {
  /** One page prints at a time. */
  readonly concurrency = 1;
  private window: PrintWindowLike | null = null;
  /** The work before the next: the one window serves one job at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param createWindow a hidden BrowserWindow with the 'print' webPreferences
   * @param jobs the map the app protocol serves `/print/<id>.html` from
   */
  constructor(
    private readonly createWindow: () => PrintWindowLike,
    private readonly jobs: Map<string, string>,
  ) {}

  withTarget<T>(work: (target: PrintTarget) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (!this.window || this.window.isDestroyed()) this.window = this.createWindow();
      return work(this.targetOn(this.window));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  print(job: PrintJob): Promise<Uint8Array> {
    return this.withTarget((target) => printPdfOn(target, job, APP_TAGGING));
  }

  private targetOn(win: PrintWindowLike): PrintTarget {
    const target: PrintTarget = {
      load: async (html) => {
        const id = randomUUID();
        this.jobs.set(id, html);
        try {
          await win.loadURL(`${APP_ORIGIN}/print/${id}.html`);
        } finally {
          // Loaded (did-finish-load): the page is not fetched again.
          this.jobs.delete(id);
        }
      },
      evaluate: (script) => win.webContents.executeJavaScript(script),
      printPdf: async (request) => {
        const pdf = await win.webContents.printToPDF(electronPdfOptions(request));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      },
    };
    const devtools = win.webContents.debugger;
    const resize = win.setContentSize?.bind(win);
    if (devtools && resize) {
      // The window's own size, restored after the pictures (the next job may be a PDF).
      const [width, height] = win.getContentSize?.() ?? [];
      target.setViewport = async (size) => {
        if (size) resize(size.width, size.height);
        else if (width && height) resize(width, height);
      };
      target.capture = async (request) => {
        if (!devtools.isAttached()) devtools.attach('1.3');
        const shot = (await devtools.sendCommand('Page.captureScreenshot', screenshotParams(request))) as { data?: string };
        if (typeof shot?.data !== 'string') throw new Error('the print window returned no picture');
        return new Uint8Array(Buffer.from(shot.data, 'base64'));
      };
    }
    return target;
  }

  async close(): Promise<void> {
    const win = this.window;
    this.window = null;
    if (win && !win.isDestroyed()) win.destroy();
  }
}
