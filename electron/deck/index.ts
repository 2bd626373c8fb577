// The deck compiler's public surface. Pure Node: no electron, no DOM, no file writes.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { createDeckCompiler, decodeDeckBytes, type CompileOptions, type DeckCompiler } from './compiler';
import type { Deck, Diagnostic } from './types';

export * from './types';
export { createDeckCompiler, type CompileOptions, type DeckCompiler } from './compiler';
export { mapAssetUrls, mimeOf } from './assets';

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
