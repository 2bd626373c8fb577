// The one print sequence, whatever the engine (print-target.ts) and whatever the output: load the
// print page, wait for its view to be laid out (with a deadline Node keeps, since the page's own
// timer cannot fire while its main thread is stuck), run the job's after-layout hook, then make
// the output. A PDF is one output (printPdfOn, with the tagging policy); pictures of the laid-out
// pages are another (capturePagesOn), for image and PowerPoint export.

import type { CaptureRequest, PageRect, PdfRequest, PrintTarget } from './print-target';
import type { PrintJob, PrintViewReport } from './printer';
import { AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT, cssLengthToInches, PRINT_READY_TIMEOUT_MS } from './printer';

const cssLengthToPixels = (length: string): number => Math.round(cssLengthToInches(length) * 96);

/** `work`, or an error saying `why` once `ms` have passed without it settling. */
export function withDeadline<T>(work: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(why)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Runs `job` on `target`: loads its page, waits until the print view reports its layout, gives
 * the report to the job's onLaidOut hook and runs the script the hook returns (only a string is
 * one: a callback may return anything), then hands the laid-out page to `output`. A layout-only
 * job (counting pages) stops before the output and resolves undefined.
 */
export async function runPrintJob<T>(
  target: PrintTarget,
  job: PrintJob,
  output: (report: PrintViewReport) => Promise<T>,
): Promise<T | undefined> {
  const ready = target.load(job.html).then(() => target.evaluate(AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT));
  // Node's deadline is a little later than the page's, so a page that can still answer reports its own.
  const report = ((await withDeadline(ready, PRINT_READY_TIMEOUT_MS + 5_000, `the print page did not become ready within ${PRINT_READY_TIMEOUT_MS / 1000} s`)) ??
    { pages: 0 }) as PrintViewReport;
  const script = await job.onLaidOut?.(report);
  if (typeof script === 'string') await target.evaluate(script);
  if (job.layoutOnly) return undefined;
  return output(report);
}

export interface TaggingPolicy {
  /** Tag every PDF, even when nothing asks for it (the app: it prints whole, nothing is joined). */
  tagAlways?: boolean;
}

/**
 * The tagging policy. Tagging costs about a third of the print time and tag trees are not joined
 * (pdf/merge.ts), so a PDF is tagged only when asked for (--tagged), or when Chromium must build
 * the bookmarks from the tags because the view reports none (the exporter writes the rest).
 */
export function pdfRequestFor(job: PrintJob, report: PrintViewReport, policy: TaggingPolicy = {}): PdfRequest {
  const outlineFromTags = report.outline === undefined;
  return { page: job.page, tagged: policy.tagAlways === true || job.tagged === true || outlineFromTags, outlineFromTags };
}

/** Prints one job to PDF on `target`: empty bytes for a layout-only job. */
export async function printPdfOn(target: PrintTarget, job: PrintJob, policy: TaggingPolicy = {}): Promise<Uint8Array> {
  const pdf = await runPrintJob(target, job, (report) => target.printPdf(pdfRequestFor(job, report, policy)));
  return pdf ?? new Uint8Array(0);
}

/** Where each page of the laid-out print view is (each `.lectern-page` is one printed page). */
export const PRINT_PAGE_RECTS_SCRIPT = `[...document.querySelectorAll('.lectern-print > .lectern-page')].map((page) => {
  const r = page.getBoundingClientRect();
  return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
})`;

/** Scrolls a page into view and resolves, once a frame has painted it (pages off screen are
 *  skipped, content-visibility: auto, until they come near the view), with the value of
 *  `describe` (an expression), so what a page shows costs no round trip of its own. */
function scrollIntoViewScript(rect: PageRect, describe = 'true'): string {
  return `new Promise((resolve) => { window.scrollTo(${Number(rect.x)}, ${Number(rect.y)});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(${describe}))); })`;
}

export interface CaptureOptions {
  /** Device pixels per CSS pixel (3: a 1280x720 slide page becomes 3840x2160). */
  scale: number;
  format: CaptureRequest['format'];
  quality?: number;
  /** PNG encoded for speed, not size (CaptureRequest.fastEncoding). */
  fastEncoding?: boolean;
}

/**
 * Pictures of every page of one job's laid-out print view, in order, each handed to `onPage` before
 * the next is taken (a long deck never holds all its pictures). `describe` is an expression for
 * page `index` evaluated once the page is in view; its value reaches `onPage`. The window is the
 * job's page size while it works. Resolves with the page count.
 */
export async function capturePagesOn(
  target: PrintTarget,
  job: PrintJob,
  options: CaptureOptions,
  onPage: (index: number, image: Uint8Array, description: unknown) => void | Promise<void>,
  describe?: (index: number) => string,
): Promise<number> {
  const capture = target.capture?.bind(target);
  if (!capture || !target.setViewport) throw new Error('this printer cannot capture pages as pictures');
  await target.setViewport({ width: cssLengthToPixels(job.page.width), height: cssLengthToPixels(job.page.height) });
  try {
    const count = await runPrintJob(target, job, async () => {
      const rects = (await target.evaluate(PRINT_PAGE_RECTS_SCRIPT)) as PageRect[];
      for (const [i, clip] of rects.entries()) {
        const description = await target.evaluate(scrollIntoViewScript(clip, describe?.(i)));
        const request: CaptureRequest = { clip, scale: options.scale, format: options.format };
        if (options.quality !== undefined) request.quality = options.quality;
        if (options.fastEncoding) request.fastEncoding = true;
        await onPage(i, await capture(request), description);
      }
      return rects.length;
    });
    return count ?? 0;
  } finally {
    await target.setViewport(undefined);
  }
}
