// `lectern html <deck.md> -o talk.html`: one self-contained offline HTML file that presents the
// deck (audience, #presenter, #study). A deck with compile errors is refused (each error printed
// as file:line:col) unless --force, which writes it with the error boxes on their slides. The
// file is written to a temp file beside the target and renamed into place when complete.

import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isDeckFile } from '../deck/deck-file';
import { defaultMediaCacheDir, loadDeckWithMedia, MediaLibrary } from '../deck/index';
import { formatDiagnostic } from './check';
import { FileNotWritableError, PendingFile } from '../export/atomic-file';
import { buildOfflineHtml, embedWarnings } from '../export/offline-html';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { readRootOption } from './root-option';

export interface HtmlOptions {
  output: string;
  force: boolean;
  /** Keep slides marked data-visibility="hidden". */
  includeHidden?: boolean;
  /** The talk length (a name from the deck's `lengths:`); default the first. */
  length?: string;
  /** `--root`: the folder assets may come from (it must hold the deck's folder). */
  root?: string;
}


export async function runHtml(deckPath: string, opts: HtmlOptions): Promise<number> {
  const rootOption = readRootOption(opts.root);
  if (rootOption.error) {
    process.stderr.write(`lectern: ${rootOption.error}\n`);
    return EXIT_USAGE;
  }
  const file = resolve(deckPath);
  if (!existsSync(file)) {
    process.stderr.write(`lectern: ${deckPath}: no such deck\n`);
    return EXIT_FAILED;
  }
  if (!isDeckFile(file)) {
    process.stderr.write(`lectern: ${deckPath}: not a deck file (give a .md or .markdown file)\n`);
    return 1;
  }
  const target = resolve(opts.output);
  if (existsSync(target) && statSync(target).isDirectory()) {
    process.stderr.write(`lectern: ${opts.output} is a folder; give the HTML file to write (-o talk.html)\n`);
    return EXIT_FAILED;
  }
  const media = new MediaLibrary(defaultMediaCacheDir());
  const deck = await loadDeckWithMedia(file, { media, includeHidden: !!opts.includeHidden, length: opts.length, root: rootOption.root });
  const errors = deck.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (errors.length > 0 && !opts.force) {
    process.stderr.write(
      `lectern: ${deckPath} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} or pass --force to write the file with the error boxes\n`,
    );
    return EXIT_FAILED;
  }
  let pending: PendingFile;
  try {
    pending = new PendingFile(target);
  } catch (err) {
    process.stderr.write(`lectern: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILED;
  }
  try {
    for (const warning of embedWarnings(deck)) process.stderr.write(`lectern: warning: ${warning}\n`);
    // Every other talk length goes along, so the presenter can switch in the file (L).
    const lengthDecks = await Promise.all(
      (deck.meta.lengths ?? []).filter((l) => l.name !== deck.meta.length).map((l) => loadDeckWithMedia(file, { media, includeHidden: !!opts.includeHidden, length: l.name, root: rootOption.root })),
    );
    const html = buildOfflineHtml(deck, { view: 'audience', lengthDecks });
    pending.commit(Buffer.from(html, 'utf8'));
  } catch (err) {
    pending.discard();
    const message = err instanceof FileNotWritableError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`lectern: ${message}\n`);
    return EXIT_FAILED;
  }
  process.stdout.write(`${relative(process.cwd(), target) || target}: ${deck.slides.length} slides${errors.length ? `, ${errors.length} errors shown as error boxes` : ''}\n`);
  return EXIT_OK;
}
