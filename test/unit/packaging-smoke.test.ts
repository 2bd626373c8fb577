// Packaging smoke test: electron-builder really packs the app (Linux, unpacked, stand-in Electron
// binary since none can be downloaded here), and the asar holds the built app and its runtime
// dependencies, nothing else; the decks sit beside it; the fuses are flipped in the binary.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { buildUnpacked, readFuses, type SmokeBuild } from '../../scripts/package-smoke';

const root = join(__dirname, '..', '..');
const missing = ['dist/main.js', 'dist/preload.js', 'dist/renderer'].filter((p) => !existsSync(join(root, p)));
const skipReason =
  missing.length > 0 ? `the app is not built (${missing.join(', ')} missing): run npm run build once electron/app lands` : '';

let out = '';
let built: SmokeBuild | undefined;
let files: string[] = [];

before(async () => {
  if (skipReason) return;
  out = mkdtempSync(join(tmpdir(), 'lectern-package-'));
  built = await buildUnpacked(root, out, 90_000);
  files = listPackage(built.asar, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
});

after(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function has(path: string): boolean {
  return files.includes(path);
}

test('the asar holds the built main, preload, CLI, renderer and package.json', (t) => {
  if (skipReason) return t.skip(skipReason);
  for (const f of ['/dist/main.js', '/dist/preload.js', '/dist/cli.js', '/package.json']) assert.ok(has(f), `${f} in asar`);
  assert.ok(
    files.some((f) => f.startsWith('/dist/renderer/') && f.endsWith('.js')),
    'the renderer bundle is in the asar',
  );
  const raw = extractFile(built!.asar, 'package.json');
  let pkg: { main?: string };
  try {
    pkg = JSON.parse(raw.toString('utf8')) as { main?: string };
  } catch (err) {
    // Seen once under a full `npm test`, not reproduced: say what was read.
    throw new Error(`package.json in the asar is not JSON (${raw.length} bytes, starts ${raw.subarray(0, 24).toString('hex')}): ${String(err)}\n${built!.log.slice(-1500)}`);
  }
  assert.equal(pkg.main, 'dist/main.js');
});

test('the asar holds the runtime dependencies', (t) => {
  if (skipReason) return t.skip(skipReason);
  for (const dep of ['marked', 'katex', 'yaml', 'sanitize-html', 'chokidar']) {
    assert.ok(has(`/node_modules/${dep}/package.json`), `${dep} in asar`);
  }
  // Formulas and text render offline from the fonts esbuild copied beside the renderer bundle.
  assert.ok(files.some((f) => /^\/dist\/renderer\/KaTeX_Main-Regular-[^/]+\.woff2$/.test(f)), 'KaTeX fonts beside the renderer');
  assert.ok(files.some((f) => /^\/dist\/renderer\/source-sans-3-latin-400-normal-[^/]+\.woff2$/.test(f)), 'text font beside the renderer');
});

test('every module the bundles require is in the asar (or is electron or a Node built-in)', (t) => {
  if (skipReason) return t.skip(skipReason);
  const bundles = files.filter((f) => /^\/dist\/[^/]+\.js$/.test(f));
  assert.deepEqual(bundles.sort(), ['/dist/cli.js', '/dist/main.js', '/dist/preload.js']);
  const missing: string[] = [];
  let checked = 0;
  for (const bundle of bundles) {
    const code = extractFile(built!.asar, bundle.slice(1)).toString('utf8');
    for (const m of code.matchAll(/\brequire\((["'])([^"']+)\1\)/g)) {
      const spec = m[2]!;
      if (spec === 'electron' || spec.startsWith('node:') || spec.startsWith('.') || builtinModules.includes(spec)) continue;
      const parts = spec.split('/');
      const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      const sub = parts.slice(spec.startsWith('@') ? 2 : 1).join('/');
      const base = `/node_modules/${pkg}`;
      const found = has(`${base}/package.json`) && (!sub || files.some((f) => f.startsWith(`${base}/${sub}`)));
      checked++;
      if (!found) missing.push(`${bundle} requires ${spec}`);
    }
  }
  // If this fails after a new runtime import, remove that package from the exclusions in
  // electron-builder.yml (files:) or move it to dependencies in package.json.
  assert.deepEqual(missing, []);
  assert.ok(checked >= 8, `${checked} package requires checked (marked, katex, yaml, chokidar, ...)`);
});

test("the packaged CLI bundle compiles the shipped talk with the asar's own node_modules", (t) => {
  if (skipReason) return t.skip(skipReason);
  // Plain Node cannot read an asar: extract it, then run dist/cli.js from there, so every module
  // the compiler loads (marked, KaTeX + mhchem, sanitize-html, yaml) comes from the package.
  const extracted = join(out, 'extracted');
  extractAll(built!.asar, extracted);
  const deck = join(built!.appDir, 'resources', 'slides', 'liver-directed-therapies.md');
  const run = spawnSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(join(extracted, 'dist', 'cli.js'))}).main(['check', ${JSON.stringify(deck)}, '--json']).then((c) => { process.exitCode = c; })`],
    { encoding: 'utf8', cwd: extracted, env: { ...process.env, NODE_PATH: '' }, timeout: 60_000 },
  );
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { slides: number; errors: number };
  assert.ok(report.slides > 10, `${report.slides} slides compiled`);
  assert.equal(report.errors, 0);
});

test('the asar holds no tests, sources, decks, dev tools or source maps', (t) => {
  if (skipReason) return t.skip(skipReason);
  const forbiddenTop = ['/test', '/electron', '/renderer', '/scripts', '/slides', '/docs', '/build', '/release', '/bin'];
  for (const dir of forbiddenTop) assert.ok(!files.some((f) => f === dir || f.startsWith(`${dir}/`)), `${dir} not in asar`);
  const devTools = ['electron', 'electron-builder', 'typescript', 'esbuild', 'tsx', 'fast-check', 'ajv', '@doyensec/electronegativity', '@types/node', 'playwright', 'playwright-core'];
  // Bundled into dist/renderer: their node_modules copies would be dead weight.
  devTools.push('reveal.js', '@fontsource/source-sans-3', '@fontsource/source-code-pro');
  for (const dep of devTools) assert.ok(!has(`/node_modules/${dep}`), `${dep} not in asar`);
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), [], 'no source maps');
  assert.deepEqual(
    files.filter((f) => /\.(ts|mts|cts)$/.test(f) && !f.endsWith('.d.ts')),
    [],
    'no TypeScript sources',
  );
  // Playwright's browsers live in a cache folder; one must never be swept into the package.
  assert.deepEqual(files.filter((f) => /\.local-browsers|ms-playwright|chrome-linux/.test(f)), []);
});

test('the talk decks ship beside the asar, at process.resourcesPath/slides', (t) => {
  if (skipReason) return t.skip(skipReason);
  const shipped = join(built!.appDir, 'resources', 'slides');
  const mdFiles = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
  const source = mdFiles(join(root, 'slides'));
  assert.ok(source.length > 0, 'the repository has decks to ship');
  assert.deepEqual(mdFiles(shipped), source);
  // The packaged main process looks for them there (electron/app/main.ts, when app.isPackaged).
  const main = extractFile(built!.asar, 'dist/main.js').toString('utf8');
  assert.match(main, /process\.resourcesPath,\s*["']slides["']/);
});

test('the fuses are flipped in the packaged binary', (t) => {
  if (skipReason) return t.skip(skipReason);
  assert.deepEqual(readFuses(built!.executable), {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // Not configured: Electron's default stays.
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  });
});
