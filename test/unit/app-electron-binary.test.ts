import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, platformExecutable } from '../../electron/cli/electron-binary';

function fakeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bin-'));
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), '{"name":"electron"}');
  return dir;
}

test('no electron package at all', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-bin-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const found = findElectronBinary(dir, {});
  assert.equal(found.found, false);
  assert.match(found.found ? '' : found.reason, /not installed/);
});

test('package without path.txt: never downloaded', (t) => {
  const dir = fakeProject();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const found = findElectronBinary(dir, {});
  assert.equal(found.found, false);
  assert.match(found.found ? '' : found.reason, /path\.txt/);
});

test('path.txt naming a missing or non-executable file', (t) => {
  const dir = fakeProject();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'node_modules', 'electron', 'path.txt'), 'electron');
  assert.equal(findElectronBinary(dir, {}).found, false);
  mkdirSync(join(dir, 'node_modules', 'electron', 'dist'));
  writeFileSync(join(dir, 'node_modules', 'electron', 'dist', 'electron'), '#!/bin/sh\n');
  chmodSync(join(dir, 'node_modules', 'electron', 'dist', 'electron'), 0o644);
  const found = findElectronBinary(dir, {}, 'linux');
  assert.equal(found.found, false);
  assert.match(found.found ? '' : found.reason, /not an executable/);
});

test('an executable dist/<path.txt> is found, also from a subfolder', (t) => {
  const dir = fakeProject();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pkg = join(dir, 'node_modules', 'electron');
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  mkdirSync(join(pkg, 'dist'));
  writeFileSync(join(pkg, 'dist', 'electron'), '#!/bin/sh\n');
  chmodSync(join(pkg, 'dist', 'electron'), 0o755);
  assert.deepEqual(findElectronBinary(dir, {}), { found: true, path: join(pkg, 'dist', 'electron') });
  mkdirSync(join(dir, 'dist'));
  assert.deepEqual(findElectronBinary(join(dir, 'dist'), {}), { found: true, path: join(pkg, 'dist', 'electron') });
});

test('ELECTRON_OVERRIDE_DIST_PATH wins, and an empty one is refused with the path', (t) => {
  const dir = fakeProject();
  const override = mkdtempSync(join(tmpdir(), 'lectern-override-'));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(override, { recursive: true, force: true });
  });
  const missing = findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux');
  assert.equal(missing.found, false);
  assert.match(missing.found ? '' : missing.reason, /ELECTRON_OVERRIDE_DIST_PATH/);
  writeFileSync(join(override, 'electron'), '#!/bin/sh\n');
  chmodSync(join(override, 'electron'), 0o755);
  assert.deepEqual(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux'), {
    found: true,
    path: join(override, 'electron'),
  });
});

test('platform executable names match the electron package', () => {
  assert.equal(platformExecutable('linux'), 'electron');
  assert.equal(platformExecutable('win32'), 'electron.exe');
  assert.equal(platformExecutable('darwin'), 'Electron.app/Contents/MacOS/Electron');
});
