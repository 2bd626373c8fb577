// The print view: the one place print pages are laid out, for every printer (Chromium's
// Page.printToPDF over its DevTools pipe from the CLI, Electron's printToPDF in the app). It
// builds the pages for the chosen format, waits until they are printable, then tells the printer
// through attributes on <html> (see electron/export/printer.ts: AWAIT_PRINT_READY_SCRIPT, run by
// print-sequence.ts).

import './print.css';
import type { ExportOptions } from '../../electron/contract/ipc';
import type { Deck } from '../../electron/deck/types';
import type { InkStroke } from '../../electron/ink/types';
import { resolveSlideAssets } from '../assets';
import { printCineVideos, withoutFrameLists } from '../media/print-media';
import { FRAME_HEIGHT, FRAME_WIDTH, markBackgroundContrast } from './frame';
import { fitHandoutNotes, layoutHandout, layoutSlides } from './layouts';
import { drawPrintInk } from './ink';
import { layoutNotes } from './notes';
import { retargetInternalLinks, slideLocations } from './outline';
import { printContext } from './page-parts';
import { listenForPageNumbers, numberPages } from './page-numbers';
import { paperSize } from './paper';
import { whenPrintable } from './ready';

import {
  PRINT_ERROR_ATTRIBUTE as ERROR,
  PRINT_REPORT_ATTRIBUTE as REPORT,
  PRINT_STATE_ATTRIBUTE as STATE,
  type PrintPart,
  type PrintViewReport,
} from '../../electron/contract/print';

/** The @page rule for a format: every layout is fixed pages that carry their own margins. */
export function pageRule(options: ExportOptions): string {
  if (options.format === 'slides') return `@page { size: ${FRAME_WIDTH}px ${FRAME_HEIGHT}px; margin: 0; }`;
  return `@page { size: ${paperSize(options.paper ?? 'a4').css}; margin: 0; }`;
}

/**
 * Lays out `deck` for print. With `part`, `deck.slides` is one part of a longer export (see
 * contract/print.ts): numbers, links and footers are the whole deck's.
 */
export async function renderPrintView(
  deck: Deck,
  options: ExportOptions,
  root: HTMLElement,
  assetUrl: (ref: string) => string,
  part?: PrintPart,
  ink?: Readonly<Record<string, InkStroke[]>>,
): Promise<void> {
  const html = document.documentElement;
  try {
    html.dataset.view = 'print';
    // Turns off reveal.js's own @media print styles (its "paper" mode restyles every slide).
    html.classList.add('print-pdf');
    const style = document.createElement('style');
    style.textContent = pageRule(options);
    document.head.append(style);
    root.replaceChildren();
    root.classList.add('lectern-print', `lectern-print-${options.format}`);
    const slides = resolveSlideAssets(withoutFrameLists(deck.slides), assetUrl);
    const context = printContext(deck, part);
    let finish: (() => void) | undefined;
    if (options.format === 'notes') finish = layoutNotes(deck, slides, options.paper ?? 'a4', context, root).paginate;
    else if (options.format === 'handout') {
      layoutHandout(deck, slides, options, context, root);
      if (!options.lines) finish = () => fitHandoutNotes(root);
    } else layoutSlides(deck, slides, options, context, root);
    if (ink) drawPrintInk(root, slides, ink);
    retargetInternalLinks(root, deck.slides, part);
    await printCineVideos(root);
    // Marks for profiling a slow export (performance.getEntriesByType('mark')).
    performance.mark('lectern-print-built');
    await whenPrintable(root);
    performance.mark('lectern-print-loaded');
    for (const frame of root.querySelectorAll<HTMLElement>('.lectern-frame')) markBackgroundContrast(frame);
    // Fitting and paginating measure text, so they wait for the final fonts.
    finish?.();
    performance.mark('lectern-print-fitted');
    const pages = root.querySelectorAll(':scope > .lectern-page').length;
    numberPages(root, part?.firstPage ?? 1, part?.totalPages ?? pages);
    listenForPageNumbers(root);
    const report: PrintViewReport = { pages, ...slideLocations(root, deck.slides) };
    html.setAttribute(REPORT, JSON.stringify(report));
    html.setAttribute(STATE, 'ready');
  } catch (err) {
    html.setAttribute(ERROR, err instanceof Error ? err.message : String(err));
    html.setAttribute(STATE, 'error');
    throw err;
  }
}
