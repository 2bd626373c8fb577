// The PDF exporter both front ends use (the CLI with Playwright, the app with printToPDF): the
// print page comes from the one offline HTML builder in its 'print' view, the printer turns it
// into a PDF in one pass, then the document information is set and the file lands atomically.

import type { ExportOptions, ExportProgress } from '../contract/ipc';
import type { Deck, Diagnostic } from '../deck/types';
import { PendingFile } from './atomic-file';
import { buildOfflineHtml } from './offline-html';
import { withPdfInfo } from './pdf-info';
import { hasOutline, withPdfOutline } from './pdf-outline';
import type { PdfPrinter, PrintPageSize, PrintViewReport } from './printer';

/** The slide frame every layout scales from (CSS px, 16:9). */
export const SLIDE_FRAME = { width: 1280, height: 720 } as const;

export interface ExportPdfRequest {
  deck: Deck;
  options: ExportOptions;
  printer: PdfPrinter;
  /** The PDF to write (replaced atomically). */
  target: string;
  onProgress?: (progress: ExportProgress) => void;
  /** Print a deck that has compile errors (they show as error boxes). Default false. */
  allowErrors?: boolean;
}

export class DeckHasErrorsError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(deck: Deck, errors: Diagnostic[]) {
    super(`${deck.file}: ${errors.length} compile error${errors.length === 1 ? '' : 's'}; not exported`);
    this.name = 'DeckHasErrorsError';
    this.diagnostics = errors;
  }
}

/** Options with every default filled in, as the print view receives them. */
export function normaliseExportOptions(options: ExportOptions): Required<ExportOptions> {
  return {
    format: options.format,
    perPage: options.perPage ?? 3,
    paper: options.paper ?? 'a4',
    lines: options.lines ?? false,
    fragments: options.fragments ?? false,
  };
}

/** The page size a printer should use (the print view also sets it with @page). */
export function printPageSize(options: ExportOptions): PrintPageSize {
  if (options.format === 'slides') return { width: `${SLIDE_FRAME.width}px`, height: `${SLIDE_FRAME.height}px` };
  return options.paper === 'letter' ? { width: '8.5in', height: '11in' } : { width: '210mm', height: '297mm' };
}

/** The file name for a deck's PDF: `talk.pdf`, `talk.notes.pdf`, `talk.handout.pdf`. */
export function pdfFileName(deckFile: string, format: ExportOptions['format']): string {
  const base = deckFile.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '');
  return format === 'slides' ? `${base}.pdf` : `${base}.${format}.pdf`;
}

export async function exportPdf(request: ExportPdfRequest): Promise<void> {
  const { deck, printer, target, onProgress } = request;
  const options = normaliseExportOptions(request.options);
  const total = deck.slides.length;
  const report = (phase: ExportProgress['phase'], done: number, message?: string) =>
    onProgress?.(message === undefined ? { phase, done, total } : { phase, done, total, message });

  const errors = deck.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !request.allowErrors) throw new DeckHasErrorsError(deck, errors);

  // Reserve the temp file first: an unwritable target fails before any printing.
  const file = new PendingFile(target);
  try {
    report('layout', 0);
    const html = buildOfflineHtml(deck, { view: 'print', print: options });
    let laidOut: PrintViewReport | undefined;
    const printed = await printer.print({
      html,
      page: printPageSize(options),
      onLaidOut: (view) => {
        laidOut = view;
        report('print', total);
      },
    });
    // A printer that skipped tagging left the bookmarks to us (see PrintViewReport.outline).
    const outline = laidOut?.outline;
    const pdf = outline && !hasOutline(printed) ? withPdfOutline(printed, outline) : printed;
    report('write', total);
    const meta = deck.meta;
    const withInfo = withPdfInfo(pdf, {
      title: meta.title,
      author: meta.author,
      subject: [meta.venue, meta.date].filter(Boolean).join(', ') || undefined,
      creator: 'Lectern',
    });
    file.commit(withInfo);
    report('done', total);
  } catch (err) {
    file.discard();
    report('failed', 0, err instanceof Error ? err.message : String(err));
    throw err;
  }
}
