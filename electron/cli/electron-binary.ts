// Finds an installed Electron binary from files on disk, the way the `electron` package's own
// index.js does, but never triggers its download (requiring `electron` from Node would).

import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type ElectronBinary =
  | { found: true; path: string }
  | { found: false; reason: string };

/** The executable's path inside an Electron dist folder, per platform (what path.txt holds). */
export function platformExecutable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readPathTxt(packageDir: string): string | undefined {
  try {
    const text = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The folder of the `electron` npm package, found by walking up from `from` (no require). */
export function findElectronPackage(from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', 'electron');
    try {
      if (statSync(join(candidate, 'package.json')).isFile()) return candidate;
    } catch {
      // keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The Electron binary to run: $ELECTRON_OVERRIDE_DIST_PATH (as the electron package honours it),
 * else node_modules/electron/dist/<path.txt>. `projectDir` is where to look for node_modules.
 */
export function findElectronBinary(
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const packageDir = findElectronPackage(projectDir);
  const recorded = packageDir ? readPathTxt(packageDir) : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, recorded ?? platformExecutable(platform));
    return isExecutableFile(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no executable ${path}` };
  }
  if (!packageDir) return { found: false, reason: 'the electron package is not installed: no node_modules/electron' };
  if (!recorded) return { found: false, reason: 'the Electron binary was never downloaded: no node_modules/electron/path.txt' };
  const path = join(packageDir, 'dist', recorded);
  return isExecutableFile(path)
    ? { found: true, path }
    : { found: false, reason: `the Electron binary is missing: ${path} is not an executable file` };
}
