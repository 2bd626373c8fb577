// Launching the real app under Playwright's `_electron`, where an Electron binary exists.
// The binary is found from files on disk (never `require('electron')`, which would download).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { findElectronBinary } from '../../electron/cli/electron-binary';

export const ROOT = resolve(__dirname, '..', '..');
export const MAIN_JS = join(ROOT, 'dist', 'main.js');
export const BINARY = findElectronBinary(ROOT);

/** Why these tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  return BINARY.found ? null : `no Electron binary: ${BINARY.reason}`;
}

export interface TempDeck {
  dir: string;
  file: string;
  write(text: string): void;
  cleanup(): void;
}

export const SMALL_DECK = `---
title: Electron test deck
duration: 5
---

# First slide

Energy: $E = mc^2$

![The dual blood supply](img/dual.svg)

Note: Say hello.

---

# Second slide

- one
- two

Note: The middle.

---

# Third slide

Note: The end.
`;

export function tempDeck(text: string = SMALL_DECK): TempDeck {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-electron-'));
  mkdirSync(join(dir, 'img'));
  writeFileSync(
    join(dir, 'img', 'dual.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><title>dual</title><rect width="200" height="100" fill="#369"/></svg>',
  );
  const file = join(dir, 'talk.md');
  writeFileSync(file, text);
  return {
    dir,
    file,
    write: (next) => writeFileSync(file, next),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Running {
  app: ElectronApplication;
  userData: string;
  close(): Promise<void>;
}

export async function launch(deck: string | null, extraEnv: Record<string, string> = {}): Promise<Running> {
  if (!BINARY.found) throw new Error(BINARY.reason);
  const userData = mkdtempSync(join(tmpdir(), 'lectern-userdata-'));
  const args = [MAIN_JS, ...(deck ? [deck] : [])];
  // Chromium refuses to run as root with its sandbox on (containers, CI).
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await _electron.launch({
    executablePath: BINARY.path,
    args,
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), LECTERN_USER_DATA: userData, ...extraEnv },
    timeout: 60_000,
  });
  return {
    app,
    userData,
    close: async () => {
      await app.close().catch(() => undefined);
      rmSync(userData, { recursive: true, force: true });
    },
  };
}

export async function viewOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.view);
}

/** The window showing `view` once the renderer has booted it. */
export async function windowFor(app: ElectronApplication, view: string, timeout = 30_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of app.windows()) {
      try {
        const ready = await page.evaluate(() => document.documentElement.dataset.lecternReady);
        if (ready === 'true' && (await viewOf(page)) === view) return page;
      } catch {
        // the window is still loading or already closed
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${view} window within ${timeout} ms (windows: ${app.windows().length})`);
}

/** The app launched on a fresh temporary deck; both are closed and removed when the test ends. */
export async function launchOnTempDeck(
  t: { after(fn: () => Promise<void>): void },
  text?: string,
): Promise<{ run: Running; deck: TempDeck }> {
  const deck = tempDeck(text);
  const run = await launch(deck.file);
  t.after(async () => {
    await run.close();
    deck.cleanup();
  });
  return { run, deck };
}
