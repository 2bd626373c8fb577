// `lectern check <deck.md | folder> [--strict] [--json]`: compiles decks and reports every
// diagnostic as `file:line:col: severity: message`, then a one-line summary.
// Exit: 0 clean (warnings allowed unless --strict), 1 errors (or warnings with --strict), 2 bad usage.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isDeckFile } from '../deck/deck-file';
import { findDecks } from '../deck/find-decks';
import { createDeckCompiler, defaultMediaCacheDir, loadDeckWithMedia, MediaLibrary, type Diagnostic } from '../deck/index';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { readRootOption } from './root-option';

export interface CheckOptions {
  strict: boolean;
  json: boolean;
  /** Check the deck as this talk length (a name from its `lengths:`); default the first. */
  length?: string;
  /** `--root`: the folder assets may come from (it must hold each deck's folder). */
  root?: string;
}


function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDiagnostic(d: Diagnostic, cwd: string = process.cwd()): string {
  const rel = relative(cwd, d.file) || d.file;
  return `${rel}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

export async function runCheck(path: string, opts: CheckOptions): Promise<number> {
  const rootOption = readRootOption(opts.root);
  if (rootOption.error) {
    process.stderr.write(`lectern check: ${rootOption.error}\n`);
    return EXIT_USAGE;
  }
  const target = resolve(path);
  let isDir: boolean;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    process.stderr.write(`lectern check: ${path}: no such file or folder\n`);
    return EXIT_USAGE;
  }
  if (!isDir && !isDeckFile(target)) {
    process.stderr.write(`lectern check: ${path}: not a Markdown deck (.md or .markdown) or a folder\n`);
    return EXIT_USAGE;
  }
  let files: string[];
  try {
    files = isDir ? findDecks(target) : [target];
  } catch (err) {
    process.stderr.write(`lectern check: ${(err as Error).message}\n`);
    return EXIT_FAILED;
  }
  if (files.length === 0) {
    process.stderr.write(`lectern check: ${path}: no decks (.md or .markdown files) in this folder\n`);
    return EXIT_USAGE;
  }

  const compiler = createDeckCompiler();
  // Converted DICOM frames go to the user's cache folder, never beside the deck.
  const media = new MediaLibrary(defaultMediaCacheDir());
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const decks: Array<{ file: string; slides: number; errors: number; warnings: number }> = [];
  let slides = 0;
  for (const file of files) {
    // Each deck is checked on its own, even when another deck includes it.
    const deck = await loadDeckWithMedia(file, { compiler, media, strictBibliography: opts.strict, length: opts.length, root: rootOption.root });
    slides += deck.slides.length;
    let errors = 0;
    let warnings = 0;
    for (const d of deck.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
      // A deck included by another reports the same problems twice: print them once.
      const key = `${d.file}\0${d.line}\0${d.column}\0${d.code}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
    decks.push({ file: deck.file, slides: deck.slides.length, errors, warnings });
  }
  const order = new Map<string, number>();
  for (const d of diagnostics) if (!order.has(d.file)) order.set(d.file, order.size);
  diagnostics.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);

  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.length - errorCount;
  const failed = errorCount > 0 || (opts.strict && warningCount > 0);
  const summary = `${plural(files.length, 'deck')}, ${plural(slides, 'slide')}: ${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}`;

  if (opts.json) {
    const report = { ok: !failed, strict: opts.strict, errors: errorCount, warnings: warningCount, slides, decks, diagnostics, summary };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const lines = diagnostics.map((d) => formatDiagnostic(d));
    lines.push(summary);
    process.stdout.write(lines.join('\n') + '\n');
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
