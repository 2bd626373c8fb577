// The seam between print layouts and the engine that turns them into PDF. Both printers are
// Chromium's own print pipeline: Electron's webContents.printToPDF in the app, Playwright's
// page.pdf on a system Chromium from the command line.

import type { OutlineEntry } from './pdf-outline';

export interface PrintPageSize {
  /** CSS page size, e.g. '1280px 720px', 'A4', 'Letter'. Layouts also set it with @page. */
  width: string;
  height: string;
}

export interface PrintJob {
  /** A complete, self-contained HTML document (assets inlined) to print. */
  html: string;
  page: PrintPageSize;
  /** Called once the print view is laid out, before printing (for progress). Optional. */
  onLaidOut?: (report: PrintViewReport) => void;
  /** The outline comes from the headings the print view marks (print with the document
   *  outline and tagging on) unless the view reports its own (PrintViewReport.outline), which
   *  the exporter then writes; metadata is added after printing by the exporter. */
}

export interface PdfPrinter {
  /** Prints one document and returns the PDF bytes. */
  print(job: PrintJob): Promise<Uint8Array>;
  /** Releases the engine (browser, hidden window). Safe to call twice. */
  close(): Promise<void>;
}

// The readiness handshake, shared by both printers. The print view (renderer/print) sets these
// attributes on <html> once its layout is final: fonts loaded (document.fonts.ready), images
// decoded. Printers wait for them instead of sleeping.

/** 'ready' or 'error' once the print view is done. */
export const PRINT_STATE_ATTRIBUTE = 'data-lectern-print';
/** On 'ready': the number of pages the view laid out (informational, for progress). */
export const PRINT_PAGES_ATTRIBUTE = 'data-lectern-print-pages';
/** On 'ready', for layouts whose pages are fixed: JSON of OutlineEntry[] (title, 0-based page). */
export const PRINT_OUTLINE_ATTRIBUTE = 'data-lectern-print-outline';
/** On 'error': what went wrong. */
export const PRINT_ERROR_ATTRIBUTE = 'data-lectern-print-error';

export interface PrintViewReport {
  pages: number;
  /** Where each slide title lands, when the view knows (slides and handout layouts): the
   *  printer may then skip tagging and the exporter writes the outline itself. */
  outline?: OutlineEntry[];
}

/**
 * A JavaScript expression to evaluate in the loaded print page (Playwright `page.evaluate`,
 * Electron `webContents.executeJavaScript`): a Promise of PrintViewReport that resolves when the
 * view is ready and rejects with the view's error. Runs in the page's main world.
 */
export const AWAIT_PRINT_READY_SCRIPT = `new Promise((resolve, reject) => {
  const root = document.documentElement;
  let observer;
  const check = () => {
    const state = root.getAttribute(${JSON.stringify(PRINT_STATE_ATTRIBUTE)});
    if (state === 'ready') {
      observer.disconnect();
      const outline = root.getAttribute(${JSON.stringify(PRINT_OUTLINE_ATTRIBUTE)});
      const pages = Number(root.getAttribute(${JSON.stringify(PRINT_PAGES_ATTRIBUTE)})) || 0;
      resolve(outline === null ? { pages } : { pages, outline: JSON.parse(outline) });
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
