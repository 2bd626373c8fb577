// `lectern present [deck]`: opens a deck in the Lectern app by spawning an Electron binary with
// dist/main.js. A missing binary is installed first with Electron's own installer
// (electron-install.ts); where that cannot work it says so in one line and what works without it.

import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeckFile } from '../deck/deck-file';
import { findElectronBinary, findElectronPackage } from './electron-binary';
import { electronInstaller, installDeadlineMs, planInstall, runInstaller, type InstallerCommand } from './electron-install';
import { EXIT_FAILED, EXIT_USAGE, exitForChild } from './exit-codes';
import { readRootOption } from './root-option';

/** The bundled talk `npm start` opens. */
export const DEFAULT_DECK = join('slides', 'liver-directed-therapies.md');

/** The project folder (the one holding package.json), walking up from this module. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

function fail(message: string): number {
  process.stderr.write(`lectern: ${message}\n`);
  return EXIT_FAILED;
}

export function noBinaryMessage(reason: string): string {
  return (
    `no Electron binary, so the app cannot open (${reason}); get one with ` +
    '`node node_modules/electron/install.js` on a machine with network access; ' +
    'without it, `lectern html <deck> -o talk.html` and `lectern export <deck>` work'
  );
}

/** What tests replace: the project folder, Electron's installer and its deadline. */
export interface PresentOptions {
  root?: string;
  /** `--root`: the deck's asset root, handed to the app (`--root=<dir>`). */
  assetRoot?: string;
  installerFor?: (packageDir: string) => InstallerCommand;
  installDeadlineMs?: number;
}

export async function runPresent(deck?: string, env: NodeJS.ProcessEnv = process.env, options: PresentOptions = {}): Promise<number> {
  const assetRoot = readRootOption(options.assetRoot);
  if (assetRoot.error) {
    process.stderr.write(`lectern: ${assetRoot.error}\n`);
    return EXIT_USAGE;
  }
  const root = options.root ?? projectRoot();
  const deckPath = deck === undefined ? join(root, DEFAULT_DECK) : resolve(deck);
  let isFile = false;
  try {
    isFile = statSync(deckPath).isFile();
  } catch {
    return fail(`${deckPath}: no such deck`);
  }
  if (!isFile || !isDeckFile(deckPath)) return fail(`${deckPath}: not a deck file (give a .md or .markdown file)`);

  let binary = findElectronBinary(root, env);
  if (!binary.found) {
    const plan = planInstall(binary, findElectronPackage(root), env, options.installerFor ?? electronInstaller);
    if (!plan.install) return fail(noBinaryMessage(plan.reason));
    process.stderr.write(`lectern: the Electron binary is not downloaded yet; running Electron's installer (${plan.installer.args.join(' ')})\n`);
    const installed = await runInstaller(plan.installer, env, options.installDeadlineMs ?? installDeadlineMs(env));
    if (!installed.ok) return fail(noBinaryMessage(installed.reason));
    binary = findElectronBinary(root, env);
    if (!binary.found) return fail(noBinaryMessage(`the installer ran but ${binary.reason}`));
  }
  const mainJs = join(root, 'dist', 'main.js');
  if (!existsSync(mainJs)) return fail(`the app is not built (no ${mainJs}); run \`npm run build\``);

  const childEnv: NodeJS.ProcessEnv = { ...env };
  // Set in some shells/IDEs; it would make the binary behave as plain Node.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const args = [mainJs, deckPath, ...(assetRoot.root !== undefined ? [`--root=${assetRoot.root}`] : [])];
  // Chromium refuses to start as root unless its OS sandbox is off (containers, CI).
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = binary.path;
  return new Promise<number>((done) => {
    const child = spawn(app, args, { stdio: 'inherit', env: childEnv });
    child.on('error', (err) => done(fail(`could not start ${app}: ${err.message}`)));
    child.on('exit', (code, signal) => done(exitForChild(code, signal)));
  });
}
