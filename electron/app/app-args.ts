// Which deck the command line asks for: `electron dist/main.js deck.md`, `electron . deck.md`,
// a packaged `Lectern deck.md`, or the argv a second instance forwards. Chromium switches and
// the app path are skipped; the last Markdown argument wins. `--root=<dir>` (or `--root <dir>`)
// names the wider asset root for that deck (`lectern present deck.md --root ..`).

import { isAbsolute, resolve } from 'node:path';
import { isDeckFile } from '../deck/deck-file';

const ROOT_SWITCH = '--root';

export function deckFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-') || !isDeckFile(arg) || argv[i - 1] === ROOT_SWITCH) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

/** The folder `--root` names (the last one given), absolute; null when none. */
export function rootFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    const value = arg.startsWith(`${ROOT_SWITCH}=`) ? arg.slice(ROOT_SWITCH.length + 1) : arg === ROOT_SWITCH ? argv[i + 1] : undefined;
    if (value !== undefined && value !== '') return resolve(cwd, value);
  }
  return null;
}
