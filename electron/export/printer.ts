// The seam between print layouts and the engine that turns them into PDF. Both printers are
// Chromium's own print pipeline: Electron's webContents.printToPDF in the app, Playwright's
// page.pdf on a system Chromium from the command line.

export interface PrintPageSize {
  /** CSS page size, e.g. '1280px 720px', 'A4', 'Letter'. Layouts also set it with @page. */
  width: string;
  height: string;
}

export interface PrintJob {
  /** A complete, self-contained HTML document (assets inlined) to print. */
  html: string;
  page: PrintPageSize;
  /** Document outline and metadata are added after printing by the exporter. */
}

export interface PdfPrinter {
  /** Prints one document and returns the PDF bytes. */
  print(job: PrintJob): Promise<Uint8Array>;
  /** Releases the engine (browser, hidden window). Safe to call twice. */
  close(): Promise<void>;
}
