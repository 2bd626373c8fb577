// Getting the Electron binary on first `lectern present`: npm 11 no longer runs the electron
// package's install script, so after `npm ci` the binary is usually missing. We run Electron's own
// installer (node node_modules/electron/install.js, its progress shown), under a deadline so a
// machine without a network gets an answer instead of a hang.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronBinary } from './electron-binary';

/** The binary is about 100 MB: 5 minutes is 350 KB/s. LECTERN_ELECTRON_INSTALL_TIMEOUT (seconds) overrides. */
export const DEFAULT_INSTALL_DEADLINE_MS = 5 * 60_000;

export interface InstallerCommand {
  command: string;
  args: string[];
  cwd: string;
}

/** Electron's installer in a package folder: its own script, run by this Node. */
export function electronInstaller(packageDir: string): InstallerCommand {
  return { command: process.execPath, args: [join(packageDir, 'install.js')], cwd: packageDir };
}

export type InstallPlan = { install: true; installer: InstallerCommand } | { install: false; reason: string };

/**
 * Whether a missing binary is worth installing: not when the user points at their own build
 * (ELECTRON_OVERRIDE_DIST_PATH), asked for no download (ELECTRON_SKIP_BINARY_DOWNLOAD), or when
 * there is no electron package or installer to run.
 */
export function planInstall(
  binary: ElectronBinary,
  packageDir: string | undefined,
  env: NodeJS.ProcessEnv,
  installerFor: (packageDir: string) => InstallerCommand = electronInstaller,
): InstallPlan {
  if (binary.found) return { install: false, reason: 'the binary is installed' };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { install: false, reason: binary.reason };
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) return { install: false, reason: `${binary.reason}; ELECTRON_SKIP_BINARY_DOWNLOAD is set` };
  if (!packageDir) return { install: false, reason: binary.reason };
  const installer = installerFor(packageDir);
  if (!existsSync(installer.args[0] ?? installer.command)) return { install: false, reason: `${binary.reason}; no installer at ${installer.args[0]}` };
  return { install: true, installer };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The deadline from LECTERN_ELECTRON_INSTALL_TIMEOUT (seconds), else the default. */
export function installDeadlineMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.LECTERN_ELECTRON_INSTALL_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_INSTALL_DEADLINE_MS;
}

export type InstallOutcome = { ok: true } | { ok: false; reason: string };

/** Runs the installer with its output on our stderr (stdout stays the command's), killing it at the deadline. */
export function runInstaller(installer: InstallerCommand, env: NodeJS.ProcessEnv, deadlineMs: number): Promise<InstallOutcome> {
  return new Promise((done) => {
    const child = spawn(installer.command, installer.args, { cwd: installer.cwd, env, stdio: ['ignore', process.stderr, 'inherit'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ ok: false, reason: `Electron's installer could not start: ${err.message}` });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (timedOut) done({ ok: false, reason: `Electron's installer did not finish within ${deadlineMs / 1000} s (no network?)` });
      else if (code === 0) done({ ok: true });
      else done({ ok: false, reason: `Electron's installer failed (exit ${code ?? 'by signal'}; no network?)` });
    });
  });
}
