// Finding a Chromium or Chrome already on the machine (no browser can be downloaded where Lectern
// runs offline) and the flags that keep it offline: for the command line's export, which drives it
// over its DevTools pipe (chromium-printer.ts), and for the browser tests (through Playwright).

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium refuses to start as root with its OS sandbox; everyone else keeps it, since the
 *  pages it renders come from decks we did not write. */
const NEEDS_NO_SANDBOX = process.platform === 'linux' && process.getuid?.() === 0;

/** Flags for a headless Chromium that must not touch the network. */
export const OFFLINE_CHROMIUM_ARGS: readonly string[] = [
  ...(NEEDS_NO_SANDBOX ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];

const CANDIDATE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const CANDIDATE_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class BrowserNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `no Chromium or Chrome found${detail}; install one (e.g. \`apt-get install chromium\`) ` +
        'or pass --browser PATH (or set LECTERN_BROWSER)',
    );
    this.name = 'BrowserNotFoundError';
  }
}

/**
 * The browser to drive: an explicit path, then $LECTERN_BROWSER, then the usual install places
 * and names on $PATH. Throws BrowserNotFoundError with what to do when there is none.
 */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const requested = explicit ?? env.LECTERN_BROWSER;
  if (requested) {
    if (isExecutable(requested)) return requested;
    throw new BrowserNotFoundError(` at ${requested}`);
  }
  for (const path of CANDIDATE_PATHS) if (isExecutable(path)) return path;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of CANDIDATE_NAMES) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  throw new BrowserNotFoundError('');
}
