// Which deck the command line asks for: `electron dist/main.js deck.md`, `electron . deck.md`,
// a packaged `Lectern deck.md`, or the argv a second instance forwards. Chromium switches and
// the app path are skipped; the last Markdown argument wins.

import { isAbsolute, resolve } from 'node:path';
import { isDeckFile } from '../deck/deck-file';

export function deckFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-') || !isDeckFile(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
