// The PDF exporter both front ends use (the CLI's Chromium printer, the app's printToPDF): print
// pages come from the one offline HTML builder in its 'print' view, the printer turns them into
// PDF (a long deck as parts printed side by side, then joined), the exporter adds bookmarks and
// document information, and the file lands atomically.

import { withoutBackup } from '../deck/backup';
import { PAPER, SLIDE_FRAME } from '../contract/frame';
import type { ExportOptions, ExportProgress } from '../contract/ipc';
import { numberPagesScript, PART_LINK_PREFIX } from '../contract/print';
import type { Deck, Diagnostic } from '../deck/types';
import { readInkSidecar } from '../ink/file/sidecar-file';
import type { InkStroke } from '../ink/types';
import { PendingFile } from './atomic-file';
import { buildOfflineHtml, inlineDeckAssets } from './offline-html';
import { finishPdf, mergePdfs, nestBySection, type SlideOutlineEntry } from './pdf/index';
import { joinLayouts, planPrintParts, type JoinedLayout } from './print-parts';
import type { PdfPrinter, PrintJob, PrintPageSize, PrintViewReport } from './printer';
import { stripDeckExtension } from '../deck/deck-file';

/** The slide frame every layout scales from (kept exported here for existing importers). */
export { SLIDE_FRAME };

export interface ExportPdfRequest {
  deck: Deck;
  options: ExportOptions;
  printer: PdfPrinter;
  /** The PDF to write (replaced atomically). */
  target: string;
  onProgress?: (progress: ExportProgress) => void;
  /** Print a deck that has compile errors (they show as error boxes). Default false. */
  allowErrors?: boolean;
  /** Something the user should know that did not stop the export (an unusable ink sidecar). */
  onWarning?: (message: string) => void;
}

export class DeckHasErrorsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(deck: Deck, errors: Diagnostic[]) {
    super(`${deck.file}: ${errors.length} compile error${errors.length === 1 ? '' : 's'}; not exported`);
    this.name = 'DeckHasErrorsError';
    this.diagnostics = errors;
  }
}

/** Every exporter's first step: a deck with compile errors is refused unless the user allowed them. */
export function refuseDeckWithErrors(deck: Deck, allowErrors: boolean | undefined): void {
  const errors = deck.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !allowErrors) throw new DeckHasErrorsError(deck, errors);
}

/** Progress of an export of `total` pages, as every exporter reports it. */
export function exportProgressReporter(onProgress: ((progress: ExportProgress) => void) | undefined, total: number) {
  return (phase: ExportProgress['phase'], done: number, message?: string): void =>
    onProgress?.(message === undefined ? { phase, done, total } : { phase, done, total, message });
}

/** Options with every default filled in, as the print view receives them. */
export function normaliseExportOptions(options: ExportOptions): Required<ExportOptions> {
  return {
    format: options.format,
    perPage: options.perPage ?? 3,
    paper: options.paper ?? 'a4',
    lines: options.lines ?? false,
    fragments: options.fragments ?? false,
    tagged: options.tagged ?? false,
    ink: options.ink ?? false,
    backup: options.backup ?? false,
  };
}

/** The page size a printer should use (the print view also sets it with @page). */
export function printPageSize(options: ExportOptions): PrintPageSize {
  if (options.format === 'slides') return { width: `${SLIDE_FRAME.width}px`, height: `${SLIDE_FRAME.height}px` };
  return { ...PAPER[options.paper === 'letter' ? 'letter' : 'a4'].css };
}

/** The file name for a deck's PDF: `talk.pdf`, `talk.notes.pdf`, `talk.handout.pdf`. */
export function pdfFileName(deckFile: string, format: ExportOptions['format']): string {
  const base = stripDeckExtension(deckFile);
  return format === 'slides' ? `${base}.pdf` : `${base}.${format}.pdf`;
}

export async function exportPdf(request: ExportPdfRequest): Promise<void> {
  const { printer, target, onProgress } = request;
  const options = normaliseExportOptions(request.options);
  const deck = options.backup ? request.deck : withoutBackup(request.deck);
  const total = deck.slides.length;
  const report = exportProgressReporter(onProgress, total);

  refuseDeckWithErrors(deck, request.allowErrors);

  // Reserve the temp file first: an unwritable target fails before any printing.
  const file = new PendingFile(target);
  try {
    report('layout', 0);
    const ink = options.ink ? printableInk(deck, request.onWarning) : undefined;
    const { pdf, outline } = await printParts(deck, options, printer, () => report('print', total), ink);
    report('write', total);
    const meta = deck.meta;
    const finished = finishPdf(pdf, {
      // Nested after joining, so a section split between parts stays one entry.
      outline: nestBySection(outline),
      info: {
        title: meta.title,
        author: meta.author,
        subject: [meta.venue, meta.date].filter(Boolean).join(', ') || undefined,
        creator: 'Lectern',
      },
    });
    file.commit(finished);
    report('done', total);
  } catch (err) {
    file.discard();
    report('failed', 0, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/** The sidecar's strokes by slide key, for the slides the deck has (orphans are not printed). */
function printableInk(deck: Deck, onWarning?: (message: string) => void): Record<string, InkStroke[]> {
  const read = readInkSidecar(deck.file);
  if (read.problem) onWarning?.(`ink not printed: ${read.problem}`);
  const out: Record<string, InkStroke[]> = {};
  for (const [key, slide] of read.doc.slides) if (slide.strokes.length) out[key] = slide.strokes;
  return out;
}

/** The ink of a part's slides only (each print page carries what it draws). */
function inkOf(slides: readonly Deck['slides'][number][], ink: Record<string, InkStroke[]>): Record<string, InkStroke[]> {
  const out: Record<string, InkStroke[]> = {};
  for (const s of slides) if (ink[s.key]) out[s.key] = ink[s.key]!;
  return out;
}

/**
 * Prints the deck as one document or, when long, as parts printed side by side and joined
 * (contract/print.ts), with links between parts resolved. Returns the bookmarks to write.
 *
 * Notes footers count pages over the whole document, and notes pages are known only after layout:
 * when every part has a renderer of its own, the parts lay out, wait for each other, learn their
 * numbers and print; with more parts than renderers, a layout pass counts the pages first.
 */
async function printParts(
  deck: Deck,
  options: Required<ExportOptions>,
  printer: PdfPrinter,
  onFirstLaidOut: () => void,
  ink?: Record<string, InkStroke[]>,
): Promise<{ pdf: Uint8Array; outline: SlideOutlineEntry[] }> {
  const planned = planPrintParts(deck, options, printer.concurrency);
  // The deck's files are read once, whatever the number of parts and passes.
  const assets = inlineDeckAssets(deck);
  const pages = planned.map(({ slides, part }) => buildOfflineHtml({ ...deck, slides }, { view: 'print', print: options, printPart: part, assets, ...(ink ? { ink: inkOf(slides, ink) } : {}) }));
  const reports: PrintViewReport[] = new Array(planned.length);
  let laidOut = 0;
  const record = (i: number, view: PrintViewReport) => {
    if (laidOut === 0) onFirstLaidOut();
    reports[i] = view;
    return ++laidOut === planned.length;
  };
  const print = (i: number, rest: Pick<PrintJob, 'onLaidOut' | 'layoutOnly'>) =>
    printer.print({ html: pages[i]!, page: printPageSize(options), tagged: options.tagged, ...rest });

  const numberAfterLayout = options.format === 'notes' && planned.length > 1;
  let pdfs: Uint8Array[];
  if (!numberAfterLayout) {
    pdfs = await Promise.all(planned.map((_, i) => print(i, { onLaidOut: (view) => void record(i, view) })));
  } else if (planned.length <= printer.concurrency) {
    pdfs = await printWithBarrier(planned.length, (i, onLaidOut) => print(i, { onLaidOut }), record, () => joinLayouts(reports));
  } else {
    await Promise.all(planned.map((_, i) => print(i, { layoutOnly: true, onLaidOut: (view) => void record(i, view) })));
    const { numbering } = joinLayouts(reports);
    pdfs = await Promise.all(
      planned.map((_, i) => print(i, { onLaidOut: () => numberPagesScript(numbering[i]!.first, numbering[i]!.total) })),
    );
  }
  const layout = joinLayouts(reports);
  // One part has no links to other parts to resolve.
  if (pdfs.length === 1) return { pdf: pdfs[0]!, outline: layout.outline };
  const pdf = mergePdfs(pdfs, {
    resolveLink: (uri: string) => (uri.startsWith(PART_LINK_PREFIX) ? layout.anchors.get(Number(uri.slice(PART_LINK_PREFIX.length))) : undefined),
  });
  return { pdf, outline: layout.outline };
}

/**
 * Prints `count` parts at once; each, once laid out, waits until all are, then renumbers its
 * footers over the whole document and prints. A part that fails releases the others (they fail).
 */
async function printWithBarrier(
  count: number,
  print: (i: number, onLaidOut: NonNullable<PrintJob['onLaidOut']>) => Promise<Uint8Array>,
  /** Keeps a part's report; true once every part has reported. */
  record: (i: number, view: PrintViewReport) => boolean,
  join: () => JoinedLayout,
): Promise<Uint8Array[]> {
  let everyPartLaidOut!: (layout: JoinedLayout) => void;
  let abandon!: (err: unknown) => void;
  const joined = new Promise<JoinedLayout>((resolve, reject) => {
    everyPartLaidOut = resolve;
    abandon = reject;
  });
  joined.catch(() => undefined);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      try {
        return await print(i, async (view) => {
          if (record(i, view)) everyPartLaidOut(join());
          const { numbering } = await joined;
          return numberPagesScript(numbering[i]!.first, numbering[i]!.total);
        });
      } catch (err) {
        abandon(err);
        throw err;
      }
    }),
  );
}
