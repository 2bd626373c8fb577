// `lectern present` on a fresh checkout (npm 11 ran no electron install script): it runs
// Electron's installer, then opens the app; where the installer cannot work (no network, a hang,
// downloads switched off) it prints the one-line message and exits 1. A stand-in installer plays
// Electron's, so no network is needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../electron/cli/electron-binary';
import { electronInstaller, installDeadlineMs, planInstall, DEFAULT_INSTALL_DEADLINE_MS } from '../../electron/cli/electron-install';
import { runPresent } from '../../electron/cli/present';

/** A project with the electron package but no binary, a built main.js and a deck. */
function freshCheckout(t: { after(fn: () => void): void }, installer: string) {
  const root = mkdtempSync(join(tmpdir(), 'lectern-fresh-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron"}');
  writeFileSync(join(pkg, 'install.js'), installer);
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'main.js'), '');
  const deck = join(root, 'talk.md');
  writeFileSync(deck, '# Talk\n');
  return { root, pkg, deck, ran: join(root, 'installer-ran'), opened: join(root, 'app-opened') };
}

/** Installs a stand-in binary the way Electron's installer does (dist/electron + path.txt). */
const WORKING_INSTALLER = `
const fs = require('fs'), path = require('path');
fs.writeFileSync(path.join(__dirname, '..', '..', 'installer-ran'), '');
console.log('Downloading electron: 100%');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
const app = path.join(__dirname, 'dist', 'electron');
fs.writeFileSync(app, '#!/bin/sh\\necho "$*" > "' + path.join(__dirname, '..', '..', 'app-opened') + '"\\n');
fs.chmodSync(app, 0o755);
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;

const OFFLINE_INSTALLER = `
require('fs').writeFileSync(require('path').join(__dirname, '..', '..', 'installer-ran'), '');
console.error('RequestError: getaddrinfo ENOTFOUND github.com');
process.exit(1);
`;

/** Waits for a network that never answers. */
const HANGING_INSTALLER = `
require('fs').writeFileSync(require('path').join(__dirname, '..', '..', 'installer-ran'), '');
setInterval(() => {}, 1000);
`;

/** Runs `lectern present` in-process, keeping what it writes to stderr. */
async function present(root: string, deck: string, env: NodeJS.ProcessEnv, deadlineMs = 60_000) {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await runPresent(deck, env, { root, installDeadlineMs: deadlineMs });
    return { code, stderr: lines.join('') };
  } finally {
    process.stderr.write = write;
  }
}

const noDownloadFlags = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return env;
};

test('no binary: Electron\'s installer runs, then the app opens on the deck', async (t) => {
  const p = freshCheckout(t, WORKING_INSTALLER);
  const run = await present(p.root, p.deck, noDownloadFlags());
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /running Electron's installer/);
  assert.ok(existsSync(p.ran));
  assert.match(readFileSync(p.opened, 'utf8'), new RegExp(`${join(p.root, 'dist', 'main.js')} ${p.deck}`));
  // The next start finds the binary and does not install again.
  rmSync(p.ran);
  assert.equal((await present(p.root, p.deck, noDownloadFlags())).code, 0);
  assert.equal(existsSync(p.ran), false);
});

test('no network: the installer fails and the one-line message follows', async (t) => {
  const p = freshCheckout(t, OFFLINE_INSTALLER);
  const run = await present(p.root, p.deck, noDownloadFlags());
  assert.equal(run.code, 1);
  assert.ok(existsSync(p.ran));
  const last = run.stderr.trimEnd().split('\n').at(-1)!;
  assert.match(last, /^lectern: no Electron binary, so the app cannot open \(Electron's installer failed \(exit 1; no network\?\)\)/);
  assert.match(last, /lectern html/);
  assert.equal(existsSync(p.opened), false);
});

test('a network that never answers: the installer is stopped at the deadline', async (t) => {
  const p = freshCheckout(t, HANGING_INSTALLER);
  const run = await present(p.root, p.deck, noDownloadFlags(), 300);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /did not finish within 0.3 s \(no network\?\)/);
});

test('downloads switched off, or a binary of the user\'s own: no installer runs', async (t) => {
  const p = freshCheckout(t, WORKING_INSTALLER);
  const skip = await present(p.root, p.deck, { ...noDownloadFlags(), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  assert.equal(skip.code, 1);
  assert.match(skip.stderr, /^lectern: no Electron binary.*ELECTRON_SKIP_BINARY_DOWNLOAD is set/);
  const own = await present(p.root, p.deck, { ...noDownloadFlags(), ELECTRON_OVERRIDE_DIST_PATH: join(p.root, 'nowhere') });
  assert.equal(own.code, 1);
  assert.match(own.stderr, /ELECTRON_OVERRIDE_DIST_PATH has no executable/);
  assert.equal(existsSync(p.ran), false);
});

test('the install plan: only a missing binary with an installer to run', (t) => {
  const p = freshCheckout(t, WORKING_INSTALLER);
  const missing = findElectronBinary(p.root, {});
  assert.equal(missing.found, false);
  const plan = planInstall(missing, p.pkg, {});
  assert.deepEqual(plan, { install: true, installer: { command: process.execPath, args: [join(p.pkg, 'install.js')], cwd: p.pkg } });
  assert.deepEqual(electronInstaller(p.pkg), plan.install ? plan.installer : null);
  assert.equal(planInstall(missing, undefined, {}).install, false, 'no electron package');
  rmSync(join(p.pkg, 'install.js'));
  assert.match(JSON.stringify(planInstall(missing, p.pkg, {})), /no installer at/);
  assert.equal(planInstall({ found: true, path: '/x' }, p.pkg, {}).install, false);
  assert.equal(installDeadlineMs({}), DEFAULT_INSTALL_DEADLINE_MS);
  assert.equal(installDeadlineMs({ LECTERN_ELECTRON_INSTALL_TIMEOUT: '20' }), 20_000);
  assert.equal(installDeadlineMs({ LECTERN_ELECTRON_INSTALL_TIMEOUT: 'soon' }), DEFAULT_INSTALL_DEADLINE_MS);
});
