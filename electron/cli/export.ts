// `lectern export <deck.md | folder>`: PDFs of slides, notes or handouts, a PowerPoint file, or
// one picture per slide, through a Chromium on this machine (driven over its DevTools pipe), one
// browser for every deck. Exit 0 when every deck was written, 1
// when any failed (missing deck, compile errors without --force, no browser, unwritable target).
// Each failure is one line on stderr; a progress bar shows only on a terminal.

import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { ExportOptions, ExportProgress, PdfFormat } from '../contract/ipc';
import { isDeckFile, stripDeckExtension } from '../deck/deck-file';
import { discardAllPending } from '../export/atomic-file';
import { exportPdf, pdfFileName } from '../export/pdf-export';
import { ChromiumPrinter } from '../export/chromium-printer';
import { discardAllStaging, exportImages } from '../export/image-export';
import { withoutBackup } from '../deck/backup';
import { discardAllSpools, exportPptx, pptxFileName } from '../export/pptx-export';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, exitForSignal } from './exit-codes';
import { readRootOption } from './root-option';
import { parseImageScale, parseJpegQuality, parseSlideRange, slidesInRange, type SlideRange } from '../export/pptx/index';

export type ExportFormat = PdfFormat | 'pptx' | 'png' | 'jpeg';

export interface ExportCliOptions {
  format: ExportFormat;
  /** Images: multiplies 1920x1080 (text as typed, checked here). */
  scale?: string;
  /** PowerPoint and images: slides such as 3-7,12. */
  range?: string;
  /** JPEG quality 1-100. */
  quality?: string;
  perPage: 1 | 2 | 3 | 4 | 6;
  paper: 'a4' | 'letter';
  lines: boolean;
  fragments: boolean;
  tagged: boolean;
  /** Draw the ink saved beside each deck (`<deck>.lectern-ink.json`). */
  ink?: boolean;
  output?: string;
  outDir?: string;
  browser?: string;
  force: boolean;
  /** Keep slides marked data-visibility="hidden" (left out by default, as reveal.js does). */
  includeHidden?: boolean;
  /** Print the backup slides too (left out by default). */
  backup?: boolean;
  /** The talk length (a name from the deck's `lengths:`); default the first. */
  length?: string;
  /** `--root`: the folder assets may come from (it must hold each deck's folder). */
  root?: string;
  quiet: boolean;
}


/** LECTERN_TRACE=1: phase timings on stderr (for the benchmark and slow-export reports). */
const traceStart = performance.now();
function trace(what: string): void {
  if (process.env.LECTERN_TRACE) process.stderr.write(`[${Math.round(performance.now() - traceStart)} ms] ${what}\n`);
}

function fail(message: string): void {
  process.stderr.write(`lectern export: ${message}\n`);
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
}

const isImageFormat = (format: ExportFormat): format is 'png' | 'jpeg' => format === 'png' || format === 'jpeg';

/** Where a deck's PDF or .pptx goes: -o, else mirrored under --out-dir, else beside the deck;
 *  for images, the folder: --out-dir (a folder of decks: mirrored, one folder per deck), else
 *  `<deck>-images` beside the deck. */
export function pdfTarget(deckFile: string, inputRoot: string, opts: Pick<ExportCliOptions, 'format' | 'output' | 'outDir'>, oneDeck = true): string {
  const base = stripDeckExtension(deckFile);
  if (isImageFormat(opts.format)) {
    if (!opts.outDir) return join(dirname(deckFile), `${base}-images`);
    return oneDeck ? resolve(opts.outDir) : join(resolve(opts.outDir), relative(inputRoot, dirname(deckFile)), base);
  }
  if (opts.output) return resolve(opts.output);
  const name = opts.format === 'pptx' ? pptxFileName(deckFile) : pdfFileName(deckFile, opts.format);
  if (!opts.outDir) return join(dirname(deckFile), name);
  // Mirror the folder structure: decks in different folders may share a name (deck.md).
  return join(resolve(opts.outDir), relative(inputRoot, dirname(deckFile)), name);
}

/** A progress bar on a terminal; nothing otherwise. */
function progressReporter(quiet: boolean, decks: number): { update(i: number, p: ExportProgress, name: string): void; stop(): void } {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: 'exporting [{bar}] {percentage}% | {deck} {phase}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
  );
  const weight: Record<ExportProgress['phase'], number> = { layout: 0.1, print: 0.7, write: 0.9, done: 1, failed: 1 };
  bar.start(decks * 100, 0, { deck: '', phase: '' });
  return {
    update(i, p, name) {
      // Pictures report each one taken: the bar moves through the print phase with them.
      const within = p.phase === 'print' && p.total > 0 && p.done < p.total ? 0.1 + (0.8 * p.done) / p.total : weight[p.phase];
      const phase = p.phase === 'print' ? (p.done < p.total ? `printing ${p.done}/${p.total}` : 'printing') : p.phase;
      bar.update(Math.round((i + within) * 100), { deck: name, phase });
    },
    stop: () => bar.stop(),
  };
}

/** The image options, checked before any work: a usage error (exit 2) names the option. */
function checkPictureOptions(opts: ExportCliOptions): { error?: string; scale?: number; quality?: number; range?: SlideRange } {
  const images = isImageFormat(opts.format);
  const misplaced = [
    ...(!images && opts.scale !== undefined ? ['--scale'] : []),
    // PDFs print whole: a PDF's bookmarks, links and handout pages are laid out over the whole deck.
    ...(!images && opts.format !== 'pptx' && opts.range !== undefined ? ['--range'] : []),
    ...(opts.format !== 'jpeg' && opts.quality !== undefined ? ['--quality'] : []),
    ...(images && opts.output !== undefined ? ['-o (images go into --out-dir)'] : []),
  ];
  if (misplaced.length > 0) return { error: `${misplaced.join(', ')} cannot be used with --format ${opts.format}` };
  const out: { scale?: number; quality?: number; range?: SlideRange } = {};
  for (const [text, parse, key] of [
    [opts.scale, parseImageScale, 'scale'],
    [opts.quality, parseJpegQuality, 'quality'],
  ] as const) {
    if (text === undefined) continue;
    const parsed = parse(text);
    if (!parsed.ok) return { error: parsed.error };
    out[key] = parsed.value;
  }
  if (opts.range !== undefined) {
    const parsed = parseSlideRange(opts.range);
    if (!parsed.ok) return { error: parsed.error };
    out.range = parsed.value;
  }
  return out;
}

export async function runExport(path: string, opts: ExportCliOptions): Promise<number> {
  const pictureOptions = checkPictureOptions(opts);
  if (pictureOptions.error) {
    fail(pictureOptions.error);
    return EXIT_USAGE;
  }
  const rootOption = readRootOption(opts.root);
  if (rootOption.error) {
    fail(rootOption.error);
    return EXIT_USAGE;
  }
  const input = resolve(path);
  let isDir: boolean;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    fail(`${path}: no such deck or folder`);
    return EXIT_FAILED;
  }
  if (!isDir && !isDeckFile(input)) {
    fail(`${path}: not a deck file (.md or .markdown) or a folder`);
    return EXIT_FAILED;
  }
  let printer: ChromiumPrinter;
  try {
    printer = new ChromiumPrinter({ executablePath: opts.browser, capturesPictures: isImageFormat(opts.format) || opts.format === 'pptx' });
  } catch (err) {
    fail(describe(err));
    return EXIT_FAILED;
  }
  // Chromium starts first: it launches while the compiler (KaTeX, marked) loads and decks compile.
  trace('start');
  printer.warmUp();
  const { formatDiagnostic } = await import('./check');
  const { findDecks } = await import('../deck/find-decks');
  const { createDeckCompiler, defaultMediaCacheDir, loadDeckWithMedia, MediaLibrary } = await import('../deck/index');

  let decks: string[];
  try {
    decks = isDir ? findDecks(input) : [input];
  } catch (err) {
    await printer.close();
    fail(describe(err));
    return EXIT_FAILED;
  }
  const usage = decks.length === 0 ? `${path}: no decks (.md or .markdown files) in this folder` : opts.output && decks.length > 1
    ? `-o names one file but ${path} holds ${decks.length} decks; use --out-dir` : undefined;
  if (usage) {
    await printer.close();
    fail(usage);
    return decks.length === 0 ? EXIT_FAILED : EXIT_USAGE;
  }

  let interrupted = false;
  const onInterrupt = (signal: NodeJS.Signals) => {
    // The previous PDF stays as it was: only our temp files go. The deck loop may still reserve
    // the next temp file while the browser closes, so it stops at the flag and we discard again.
    interrupted = true;
    discardAllPending();
    discardAllStaging();
    discardAllSpools();
    void printer.close().finally(() => {
      discardAllPending();
      process.exit(exitForSignal(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM'));
    });
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);

  const options: ExportOptions = {
    format: opts.format === 'notes' || opts.format === 'handout' ? opts.format : 'slides',
    perPage: opts.perPage,
    paper: opts.paper,
    lines: opts.lines,
    fragments: opts.fragments,
    tagged: opts.tagged,
    ...(opts.ink ? { ink: true } : {}),
    backup: !!opts.backup,
  };
  const inputRoot = isDir ? input : dirname(input);
  const compiler = createDeckCompiler();
  const media = new MediaLibrary(defaultMediaCacheDir());
  const progress = progressReporter(opts.quiet, decks.length);
  const written: Array<{ file: string; note?: string }> = [];
  let failures = 0;
  let usageFailures = 0;
  try {
    for (const [i, file] of decks.entries()) {
      if (interrupted) break;
      const name = relative(process.cwd(), file) || file;
      trace(`compile ${name}`);
      const deck = await loadDeckWithMedia(file, { compiler, media, includeHidden: !!opts.includeHidden, length: opts.length, root: rootOption.root });
      trace(`compiled (${deck.slides.length} slides)`);
      const errors = deck.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 && !opts.force) {
        progress.stop();
        for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
        fail(`${name}: ${errors.length} error${errors.length === 1 ? '' : 's'}; not exported (--force exports anyway)`);
        failures++;
        continue;
      }
      const target = pdfTarget(file, inputRoot, opts, !isDir);
      // Pictures and PowerPoint stand for the talk like a PDF: backup slides only with --backup
      // (exportPdf leaves them out itself from the print options).
      const talk = opts.backup ? deck : withoutBackup(deck);
      let slideNumbers: number[] | undefined;
      if (pictureOptions.range) {
        const chosen = slidesInRange(pictureOptions.range, talk.slides.length);
        if (!chosen.ok) {
          progress.stop();
          fail(`${name}: ${chosen.error}`);
          usageFailures++;
          continue;
        }
        slideNumbers = chosen.value;
      }
      const onProgress = (p: ExportProgress) => {
        trace(`${p.phase} ${p.done}/${p.total}`);
        progress.update(i, p, name);
      };
      const onWarning = (message: string) => {
        progress.stop();
        process.stderr.write(`lectern export: ${name}: ${message}\n`);
      };
      try {
        if (opts.outDir && !isImageFormat(opts.format)) mkdirSync(dirname(target), { recursive: true });
        if (opts.format === 'pptx') {
          await exportPptx({ deck: talk, engine: printer, target, fragments: opts.fragments, ...(slideNumbers ? { slideNumbers } : {}), allowErrors: opts.force, onProgress, onWarning });
          written.push({ file: target });
        } else if (isImageFormat(opts.format)) {
          const { files } = await exportImages({
            deck: talk,
            engine: printer,
            outDir: target,
            format: opts.format,
            ...(pictureOptions.scale !== undefined ? { scale: pictureOptions.scale } : {}),
            ...(pictureOptions.quality !== undefined ? { quality: pictureOptions.quality } : {}),
            ...(slideNumbers ? { slideNumbers } : {}),
            fragments: opts.fragments,
            overwrite: opts.force,
            allowErrors: opts.force,
            onProgress,
          });
          written.push({ file: target, note: `${files.length} picture${files.length === 1 ? '' : 's'}` });
        } else {
          await exportPdf({
            deck,
            options,
            printer,
            target,
            allowErrors: opts.force,
            onWarning,
            onProgress,
          });
          written.push({ file: target });
        }
      } catch (err) {
        progress.stop();
        fail(`${name}: ${describe(err)}`);
        failures++;
      }
    }
  } finally {
    progress.stop();
    await printer.close();
    trace('browser closed');
    process.removeListener('SIGINT', onInterrupt);
    process.removeListener('SIGTERM', onInterrupt);
  }
  if (!opts.quiet) {
    for (const { file, note } of written) process.stdout.write(`${relative(process.cwd(), file) || file}${note ? `  (${note})` : ''}\n`);
  }
  return failures > 0 ? EXIT_FAILED : usageFailures > 0 ? EXIT_USAGE : EXIT_OK;
}
