// The seam between Lectern's print sequence and the browser engine that runs it. An engine (the
// CLI's Chromium over its DevTools pipe, the app's hidden Electron window, Playwright in the tests)
// is a pool of targets; a target is one page that can load a print page, run a script in it and
// turn it into PDF bytes or pictures. Everything that is the same for every engine (the ready
// handshake with its deadline, the after-layout hook, the tagging policy) is print-sequence.ts,
// written once over these few operations.

import type { PrintPageSize } from './printer';

/** What Chromium's print pipeline is asked for, in engine-neutral terms. */
export interface PdfRequest {
  /** The fallback page size; the print view's @page size wins (preferCSSPageSize). */
  page: PrintPageSize;
  /** Write the tag tree (structure for screen readers). Costs about a third of the print time. */
  tagged: boolean;
  /** Let Chromium build bookmarks from the tags (only when the view reports none of its own). */
  outlineFromTags: boolean;
}

/** A rectangle of the loaded page in CSS pixels, document coordinates. */
export interface PageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CaptureRequest {
  clip: PageRect;
  /** Device pixels per CSS pixel: 3 turns a 1280x720 slide into 3840x2160 (twice 1920x1080). */
  scale: number;
  format: 'png' | 'jpeg';
  /** JPEG quality, 0-100. */
  quality?: number;
  /** PNG: encode for speed (Chromium's optimizeForSpeed: zlib level 1, no filters). The same
   *  pixels; a 3840x2160 slide costs ~45 ms less CPU (of ~200) and its file is ~65% larger. */
  fastEncoding?: boolean;
}

/** Page.captureScreenshot's parameters for a capture request: the one DevTools command both the
 *  command line's Chromium (cdp-target.ts) and the app's window (app/electron-printer.ts) run. */
export function screenshotParams(request: CaptureRequest): Record<string, unknown> {
  // Document coordinates, within the view (the sequence scrolled the page there).
  const params: Record<string, unknown> = { format: request.format, clip: { ...request.clip, scale: request.scale }, fromSurface: true };
  if (request.format === 'jpeg' && request.quality !== undefined) params.quality = request.quality;
  if (request.format === 'png' && request.fastEncoding) params.optimizeForSpeed = true;
  return params;
}

/** One browser page a print sequence runs on. Each operation acts on the page last loaded. */
export interface PrintTarget {
  /** Loads a complete, self-contained print page; resolves once its document is parsed. */
  load(html: string): Promise<void>;
  /** Runs `script` in the page's main world and resolves with its value (a promise it returns is
   *  awaited); rejects with the page's own error message. */
  evaluate(script: string): Promise<unknown>;
  /** Prints the page with Chromium's own print pipeline. */
  printPdf(request: PdfRequest): Promise<Uint8Array>;
  /** A picture of one region of the page (PNG or JPEG bytes), which the caller has scrolled into
   *  view (engines paint only what is in view). Engines that cannot capture omit it. */
  capture?(request: CaptureRequest): Promise<Uint8Array>;
  /** Sizes the page's window in CSS pixels before a load (a slide page is laid out as wide as
   *  the window); undefined restores the engine's own size. Needed with capture. */
  setViewport?(size: { width: number; height: number } | undefined): Promise<void>;
}

/** A pool of targets: how many can work at once, and one lent to each piece of work. */
export interface PrintEngine {
  /** Targets that work at once, each in its own renderer process. */
  readonly concurrency: number;
  /** Runs `work` on a target of its own (waiting for one to come free). An engine may replace a
   *  target whose work threw (the command line's does: its page may have crashed or hung). */
  withTarget<T>(work: (target: PrintTarget) => Promise<T>): Promise<T>;
  /** Releases the engine (browser, hidden window). Safe to call twice. */
  close(): Promise<void>;
}
