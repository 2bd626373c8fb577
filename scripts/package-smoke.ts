// Packaging smoke build without network: electron-builder packs the unpacked Linux app (`--dir`)
// around a stand-in "Electron" (a shell script carrying Electron's fuse wire, so the fuse-flipping
// step runs for real), then we read what ended up in app.asar and the fuse states.
// Run by hand: node --import tsx scripts/package-smoke.ts  (prints the asar listing and fuses).

import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sentinel Electron puts before its fuse wire (from @electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse wire V1 order, as in @electron/fuses' FuseV1Options. */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof FUSE_ORDER)[number];

/** Electron's shipped defaults: '1' enabled, '0' disabled. */
const DEFAULT_WIRE = '10110001';

/** Writes a stand-in unpacked Electron for Linux: an executable `electron` with a fuse wire. */
export function writeStandInElectron(dir: string, version: string): void {
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'electron');
  const script = '#!/bin/sh\necho "stand-in Electron: the real binary could not be downloaded here" >&2\nexit 1\n# ';
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from(script),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(exe, 0o755);
  writeFileSync(join(dir, 'version'), version);
}

/** Reads the fuse wire of a (stand-in or real) Electron executable. */
export function readFuses(executable: string): Partial<Record<FuseName, boolean>> {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`${executable}: no fuse sentinel`);
  const wire = at + FUSE_SENTINEL.length;
  const length = bytes[wire + 1] ?? 0;
  const fuses: Partial<Record<FuseName, boolean>> = {};
  for (let i = 0; i < length && i < FUSE_ORDER.length; i++) {
    const state = bytes[wire + 2 + i];
    const name = FUSE_ORDER[i];
    if (name && (state === 0x30 || state === 0x31)) fuses[name] = state === 0x31;
  }
  return fuses;
}

export interface SmokeBuild {
  /** linux-unpacked folder. */
  appDir: string;
  asar: string;
  executable: string;
  log: string;
}

/**
 * Runs `electron-builder --linux --dir` for the project with the stand-in Electron, writing into
 * outDir. Rejects with electron-builder's output when it fails or takes longer than timeoutMs.
 */
export async function buildUnpacked(projectDir: string, outDir: string, timeoutMs = 90_000): Promise<SmokeBuild> {
  const electronVersion = (JSON.parse(readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const standIn = join(outDir, 'electron-dist');
  writeStandInElectron(standIn, electronVersion);
  const cli = join(projectDir, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    cli,
    '--linux',
    '--dir',
    '--publish',
    'never',
    `-c.electronDist=${standIn}`,
    `-c.electronVersion=${electronVersion}`,
    `-c.directories.output=${join(outDir, 'release')}`,
  ];
  const log = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectDir,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`electron-builder took over ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`electron-builder exited with ${code}:\n${out}`));
    });
  });
  const appDir = join(outDir, 'release', 'linux-unpacked');
  return { appDir, asar: join(appDir, 'resources', 'app.asar'), executable: join(appDir, 'lectern'), log };
}

async function main(): Promise<void> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const asar = await import('@electron/asar');
  const out = mkdtempSync(join(tmpdir(), 'lectern-package-'));
  const built = await buildUnpacked(process.cwd(), out);
  console.log(asar.listPackage(built.asar, { isPack: false }).join('\n'));
  console.log('fuses:', readFuses(built.executable));
  console.log(`unpacked app: ${built.appDir}`);
}

if (process.argv[1] && /package-smoke\.ts$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
