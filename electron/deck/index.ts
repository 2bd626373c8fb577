// The deck compiler's public surface. Pure Node: no electron, no DOM, no file writes.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { MediaLibrary } from '../media/media-library';
import { createDeckCompiler, decodeDeckBytes, type CompileOptions, type DeckCompiler } from './compiler';
import type { Deck, Diagnostic } from './types';

export * from './types';
export { createDeckCompiler, type CompileOptions, type DeckCompiler } from './compiler';
export { mapAssetUrls, mimeOf } from './assets';
export { MediaLibrary } from '../media/media-library';

const shared = createDeckCompiler();

/** Compiles deck Markdown (`file` locates it: relative assets and includes). Never throws. */
export function compileDeck(text: string, file: string, options?: CompileOptions): Deck {
  return shared.compile(text, file, options);
}

/** Reads and compiles a deck file. Never throws: an unreadable file is a deck with an error. */
export function loadDeck(file: string, options?: CompileOptions & { compiler?: DeckCompiler }): Deck {
  const abs = resolve(file);
  const compiler = options?.compiler ?? shared;
  let bytes: Buffer;
  try {
    if (statSync(abs).isDirectory()) throw new Error('it is a folder, not a Markdown file');
    bytes = readFileSync(abs);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'file not found' : e.message;
    const diag: Diagnostic = { file: abs, line: 1, column: 1, severity: 'error', code: 'unreadable-deck', message: `cannot read the deck: ${why}` };
    return {
      file: abs,
      root: resolve(options?.root ?? dirname(abs)),
      meta: { title: basename(abs, extname(abs)), theme: 'light', sections: [], slideNumbers: true },
      slides: [],
      assets: [],
      diagnostics: [diag],
      dependencies: [abs],
    };
  }
  const decoded = decodeDeckBytes(bytes, abs);
  const deck = compiler.compile(decoded.text, abs, options);
  if (decoded.diagnostics.length) deck.diagnostics.unshift(...decoded.diagnostics);
  return deck;
}

/**
 * Compiles until the media layer has prepared every file the deck uses: a compile queues what it
 * has not seen (scans, DICOM conversions, posters), `settle` prepares it, the next compile uses it
 * (slides that waited are rendered again, the others come from the cache). Two rounds suffice
 * unless the deck changed in between; the cap keeps a changing deck from looping.
 */
export async function loadDeckWithMedia(file: string, options: CompileOptions & { compiler?: DeckCompiler; media: MediaLibrary }): Promise<Deck> {
  let deck = loadDeck(file, options);
  for (let round = 0; round < 3 && options.media.pending > 0; round++) {
    await options.media.settle();
    deck = loadDeck(file, options);
  }
  return deck;
}

/** The folder converted media are cached in: $LECTERN_CACHE_DIR, else the user's cache folder. */
export function defaultMediaCacheDir(): string {
  const env = process.env.LECTERN_CACHE_DIR;
  if (env) return resolve(env, 'media');
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && xdg.trim() ? xdg : process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local')) : join(homedir(), '.cache');
  return join(base, 'lectern', 'media');
}
