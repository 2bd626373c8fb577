// What the exporter hands a printer: a print job (one print page and its hooks) and the PdfPrinter
// that prints it, plus the print view's ready handshake. Every printer is Chromium's own print
// pipeline (Electron's webContents.printToPDF in the app, Page.printToPDF over the DevTools pipe
// from the command line), running the one sequence in print-sequence.ts on a print-target.ts engine.

import type { PrintViewReport } from '../contract/print';
import { PRINT_ERROR_ATTRIBUTE, PRINT_REPORT_ATTRIBUTE, PRINT_STATE_ATTRIBUTE } from '../contract/print';

export interface PrintPageSize {
  /** CSS page size, e.g. '1280px 720px', 'A4', 'Letter'. Layouts also set it with @page. */
  width: string;
  height: string;
}

export interface PrintJob {
  /** A complete, self-contained HTML document (assets inlined) to print. */
  html: string;
  page: PrintPageSize;
  /** Print a tagged PDF (structure for screen readers). Printers that always tag ignore it. */
  tagged?: boolean;
  /** Lay out and report (onLaidOut) only; print nothing and return no bytes (counting pages). */
  layoutOnly?: boolean;
  /**
   * Called once the print view is laid out, before printing. The printer waits for what it
   * returns, and runs a returned script in the page before printing: the parts of one export wait
   * there for each other, to number their pages (contract/print.ts numberPagesScript).
   */
  onLaidOut?: (report: PrintViewReport) => string | void | Promise<string | void>;
}

export interface PdfPrinter {
  /** How many jobs it prints at once (each in its own renderer process). An export splits a long
   *  deck into at most this many parts, which all lay out before any prints. */
  readonly concurrency: number;
  /** Prints one document and returns the PDF bytes. */
  print(job: PrintJob): Promise<Uint8Array>;
  /** Releases the engine (browser, hidden window). Safe to call twice. */
  close(): Promise<void>;
}

// The readiness handshake, shared by both printers. The print view (renderer/print) sets these
// attributes on <html> once its layout is final: fonts loaded (document.fonts.ready), images
// decoded. Printers wait for them instead of sleeping. The names live in contract/print.ts.

export type { PrintViewReport } from '../contract/print';
export { PRINT_STATE_ATTRIBUTE, PRINT_REPORT_ATTRIBUTE, PRINT_ERROR_ATTRIBUTE } from '../contract/print';

/**
 * A JavaScript expression to evaluate in the loaded print page (PrintTarget.evaluate): a Promise
 * of PrintViewReport that resolves when the view is ready and rejects with the view's error. Runs
 * in the page's main world.
 */
export const AWAIT_PRINT_READY_SCRIPT = `new Promise((resolve, reject) => {
  const root = document.documentElement;
  let observer;
  const check = () => {
    const state = root.getAttribute(${JSON.stringify(PRINT_STATE_ATTRIBUTE)});
    if (state === 'ready') {
      observer.disconnect();
      resolve(JSON.parse(root.getAttribute(${JSON.stringify(PRINT_REPORT_ATTRIBUTE)}) || '{"pages":0}'));
    } else if (state === 'error') {
      observer.disconnect();
      reject(new Error(root.getAttribute(${JSON.stringify(PRINT_ERROR_ATTRIBUTE)}) || 'the print view failed'));
    } else if (root.dataset.lecternReady === 'error') {
      // The renderer failed to boot before the print view could start.
      observer.disconnect();
      const detail = document.querySelector('.lectern-fatal pre');
      reject(new Error((detail && detail.textContent || 'the renderer failed to boot').split('\\n')[0]));
    }
  };
  observer = new MutationObserver(check);
  observer.observe(root, { attributes: true });
  check();
})`;

/** How long a printer waits for the print view before giving up (a broken page, not fonts). */
export const PRINT_READY_TIMEOUT_MS = 60_000;

/** AWAIT_PRINT_READY_SCRIPT, rejected after PRINT_READY_TIMEOUT_MS: what every printer evaluates. */
export const AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT = `Promise.race([${AWAIT_PRINT_READY_SCRIPT}, new Promise((_, reject) => setTimeout(() =>
  reject(new Error('the print page did not become ready within ${PRINT_READY_TIMEOUT_MS / 1000} s')), ${PRINT_READY_TIMEOUT_MS}))])`;

const UNITS_PER_INCH: Record<string, number> = { in: 1, px: 96, pt: 72, pc: 6, mm: 25.4, cm: 2.54 };

/** A CSS length (`1280px`, `210mm`, `8.5in`, `72pt`) in inches, for printToPDF's page size. */
export function cssLengthToInches(length: string): number {
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(in|px|pt|pc|mm|cm)\s*$/i.exec(length);
  if (!match) throw new Error(`unsupported page length: ${length} is not a CSS length`);
  return Number(match[1]) / UNITS_PER_INCH[match[2]!.toLowerCase()]!;
}
