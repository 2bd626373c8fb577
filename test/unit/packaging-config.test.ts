// electron-builder.yml is valid for the electron-builder we ship (checked against the JSON schema
// app-builder-lib itself validates with) and says what the issue asks: decks as extraResources,
// the .md association, Linux/macOS/Windows targets, fuses, and an asar of only the built app.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const schemaPath = join(root, 'node_modules', 'app-builder-lib', 'scheme.json');

type Config = Record<string, unknown>;

function loadConfig(): Config {
  const parsed: unknown = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  assert.ok(parsed && typeof parsed === 'object' && !Array.isArray(parsed), 'electron-builder.yml is a mapping');
  return parsed as Config;
}

function validator(): (config: unknown) => string[] {
  const schema: unknown = JSON.parse(readFileSync(schemaPath, 'utf8'));
  // strict off: the schema uses annotation keywords ajv does not know; validation is unchanged.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema as object);
  return (config) =>
    validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

function record(value: unknown, what: string): Config {
  assert.ok(value && typeof value === 'object' && !Array.isArray(value), `${what} is a mapping`);
  return value as Config;
}

test('electron-builder.yml validates against app-builder-lib/scheme.json', () => {
  const errors = validator()(loadConfig());
  assert.deepEqual(errors, []);
});

test('the schema check would catch a misspelt or mistyped key', () => {
  const check = validator();
  assert.notDeepEqual(check({ ...loadConfig(), prodcutName: 'Lectern' }), []);
  assert.notDeepEqual(check({ ...loadConfig(), asar: 'yes please' }), []);
  assert.notDeepEqual(check({ ...loadConfig(), electronFuses: { runAsNod: false } }), []);
});

test('identity, resources and output folders', () => {
  const config = loadConfig();
  assert.equal(config.productName, 'Lectern');
  assert.match(String(config.appId), /^[a-z]+(\.[a-z0-9-]+)+$/);
  const dirs = record(config.directories, 'directories');
  assert.equal(dirs.buildResources, 'build');
  assert.equal(dirs.output, 'release');
  assert.equal(config.asar, true);
});

test('the talk decks ship as extraResources at resources/slides', () => {
  const extra = loadConfig().extraResources;
  assert.ok(Array.isArray(extra));
  const slides = extra.map((e) => record(e, 'extraResources entry')).find((e) => e.from === 'slides');
  assert.ok(slides, 'an extraResources entry copies slides/');
  assert.equal(slides.to, 'slides');
});

test('.md files are associated with Lectern as a viewer', () => {
  const assoc = loadConfig().fileAssociations;
  assert.ok(Array.isArray(assoc));
  const md = assoc.map((a) => record(a, 'fileAssociations entry')).find((a) => a.ext === 'md');
  assert.ok(md, 'an association for .md');
  assert.equal(md.role, 'Viewer');
  assert.equal(md.mimeType, 'text/markdown');
  assert.equal(md.name, 'Markdown deck');
});

test('targets: AppImage and deb, dmg, nsis; education category', () => {
  const config = loadConfig();
  const linux = record(config.linux, 'linux');
  assert.deepEqual(linux.target, ['AppImage', 'deb']);
  assert.equal(linux.category, 'Education');
  assert.ok(typeof linux.maintainer === 'string' && linux.maintainer.length > 0, 'deb needs a maintainer');
  const mac = record(config.mac, 'mac');
  assert.equal(mac.target, 'dmg');
  assert.equal(mac.category, 'public.app-category.education');
  assert.equal(record(config.win, 'win').target, 'nsis');
});

test('fuses lock the packaged binary down', () => {
  const fuses = record(loadConfig().electronFuses, 'electronFuses');
  assert.deepEqual(
    {
      runAsNode: fuses.runAsNode,
      enableCookieEncryption: fuses.enableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: fuses.enableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: fuses.enableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: fuses.enableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: fuses.onlyLoadAppFromAsar,
    },
    {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    },
  );
});

test('files: only the built app and package.json (dependencies are added by electron-builder)', () => {
  const files = loadConfig().files;
  assert.ok(Array.isArray(files));
  const included = files.filter((f): f is string => typeof f === 'string' && !f.startsWith('!'));
  assert.deepEqual(included.sort(), ['dist/**/*', 'package.json']);
  assert.ok(files.includes('!dist/**/*.map'), 'source maps stay out of the asar');
});

test('the icon set exists: SVG source, 1024 and 512 PNGs, Linux sizes', () => {
  const build = join(root, 'build');
  assert.ok(readFileSync(join(build, 'icon.svg'), 'utf8').includes('<svg'));
  const pngSize = (file: string): [number, number] => {
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  };
  assert.deepEqual(pngSize(join(build, 'icon.png')), [1024, 1024]);
  assert.deepEqual(pngSize(join(build, 'icon-512.png')), [512, 512]);
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    const file = join(build, 'icons', `${size}x${size}.png`);
    assert.ok(existsSync(file), `${file} exists`);
    assert.deepEqual(pngSize(file), [size, size]);
  }
});
