// The print view: the one place print pages are laid out, for both printers (Playwright's
// page.pdf from the CLI, Electron's printToPDF in the app). It builds the pages for the chosen
// format, waits until they are printable, then tells the printer through attributes on <html>
// (see electron/export/printer.ts: PRINT_STATE_ATTRIBUTE and AWAIT_PRINT_READY_SCRIPT).

import './print.css';
import type { ExportOptions } from '../../electron/contract/ipc';
import type { Deck } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { FRAME_HEIGHT, FRAME_WIDTH, markBackgroundContrast } from './frame';
import { fitHandoutNotes, layoutHandout, layoutNotes, layoutSlides, NOTES_MARGIN_MM } from './layouts';
import { outlineEntries, retargetInternalLinks } from './outline';
import { paperSize } from './paper';
import { whenPrintable } from './ready';

import {
  PRINT_ERROR_ATTRIBUTE as ERROR,
  PRINT_REPORT_ATTRIBUTE as REPORT,
  PRINT_STATE_ATTRIBUTE as STATE,
  type PrintViewReport,
} from '../../electron/contract/print';

function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/** The @page rule for a format (margin boxes carry the notes footer). */
export function pageRule(deck: Deck, options: ExportOptions): string {
  if (options.format === 'slides') return `@page { size: ${FRAME_WIDTH}px ${FRAME_HEIGHT}px; margin: 0; }`;
  const paper = paperSize(options.paper ?? 'a4');
  if (options.format === 'handout') return `@page { size: ${paper.css}; margin: 0; }`;
  const m = NOTES_MARGIN_MM;
  const footer = 'font-family: var(--slide-font), sans-serif; font-size: 8pt; color: #5a6470;';
  return (
    `@page { size: ${paper.css}; margin: ${m.top}mm ${m.side}mm ${m.bottom}mm; ` +
    `@bottom-left { content: ${cssString(deck.meta.title)}; ${footer} } ` +
    `@bottom-right { content: "page " counter(page) " of " counter(pages); ${footer} } }`
  );
}

export async function renderPrintView(
  deck: Deck,
  options: ExportOptions,
  root: HTMLElement,
  assetUrl: (ref: string) => string,
): Promise<void> {
  const html = document.documentElement;
  try {
    html.dataset.view = 'print';
    // Turns off reveal.js's own @media print styles (its "paper" mode restyles every slide).
    html.classList.add('print-pdf');
    const style = document.createElement('style');
    style.textContent = pageRule(deck, options);
    document.head.append(style);
    root.replaceChildren();
    root.classList.add('lectern-print', `lectern-print-${options.format}`);
    const slides = resolveSlideAssets(deck.slides, assetUrl);
    const layout = options.format === 'notes' ? layoutNotes : options.format === 'handout' ? layoutHandout : layoutSlides;
    const pages = layout(deck, slides, options, root);
    retargetInternalLinks(root, deck.slides);
    // Marks for profiling a slow export (performance.getEntriesByType('mark')).
    performance.mark('lectern-print-built');
    await whenPrintable(root);
    performance.mark('lectern-print-loaded');
    for (const frame of root.querySelectorAll<HTMLElement>('.lectern-frame')) markBackgroundContrast(frame);
    // Fitting measures text, so it waits for the final fonts.
    if (options.format === 'handout' && !options.lines) fitHandoutNotes(root);
    const report: PrintViewReport = { pages };
    // Slides and handout pages are fixed, so each title's page is known before printing;
    // notes flow onto continuation pages, so their outline stays Chromium's.
    if (options.format !== 'notes') report.outline = outlineEntries(root, deck.slides);
    html.setAttribute(REPORT, JSON.stringify(report));
    html.setAttribute(STATE, 'ready');
  } catch (err) {
    html.setAttribute(ERROR, err instanceof Error ? err.message : String(err));
    html.setAttribute(STATE, 'error');
    throw err;
  }
}
