// `lectern html`: refuses a deck with errors (file:line:col) unless --force, writes one
// self-contained file (temp + rename), and that file presents offline under its CSP.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { FIXTURE_DIR } from '../support/fixture-deck';
import { foreignRequests, launchOfflineBrowser, openView, recordRequests, scratchDir } from '../support/browser';

const ROOT = resolve(__dirname, '..', '..');
const BROKEN = join(FIXTURE_DIR, 'broken', 'broken.md');
const TALK = join(ROOT, 'slides', 'liver-directed-therapies.md');
const scratch = scratchDir();
let browser: Browser;

function lectern(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'lectern.js'), ...args], { encoding: 'utf8' });
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first (scripts/test.mjs does)');
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

test('a deck with errors is refused with file:line:col, and nothing is written', () => {
  const out = join(scratch.dir, 'broken.html');
  const run = lectern('html', BROKEN, '-o', out);
  assert.equal(run.status, 1);
  // Relative to the current folder, as `lectern check` prints it.
  const shown = relative(process.cwd(), BROKEN);
  assert.match(run.stderr, new RegExp(`^${shown.replace(/[.]/g, '\\.')}:\\d+:\\d+: error: `, 'm'));
  assert.match(run.stderr, /--force/);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(scratch.dir).filter((n) => n.includes('lectern-tmp')), []);
});

test('--force writes the file and its slide shows the error box', async () => {
  const out = join(scratch.dir, 'forced.html');
  const run = lectern('html', BROKEN, '-o', out, '--force');
  assert.equal(run.status, 0, run.stderr);
  assert.ok(existsSync(out));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await openView(context, `${pathToFileURL(out).href}#/1`);
  await page.waitForSelector('.reveal .slides section.present .lectern-math-error');
  await context.close();
});

test('the talk becomes one self-contained file that replaces the old one atomically', async () => {
  const out = join(scratch.dir, 'talk.html');
  writeFileSync(out, 'previous version');
  const run = lectern('html', TALK, '-o', out);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /\d+ slides/);
  const html = readFileSync(out, 'utf8');
  assert.ok(html.startsWith('<!doctype html>'));
  assert.deepEqual(readdirSync(scratch.dir).filter((n) => n.includes('lectern-tmp')), []);
  // Nothing refers to another file or origin: no src/href to http(s) for resources, no url() but data:.
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)="(https?:)?\/\//i);
  assert.doesNotMatch(html, /url\((["']?)(?!data:|#)[^)"']*\.(woff2?|ttf|otf|svg|png)/i);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const requests = recordRequests(context);
  const url = pathToFileURL(out).href;
  const page = await openView(context, url);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await openView(context, `${url}#presenter`);
  await openView(context, `${url}#study`);
  assert.deepEqual(foreignRequests(requests, url), []);
  assert.deepEqual(violations, []);
  await context.close();
});

test('a missing deck and a folder as output are clear errors', () => {
  const missing = lectern('html', join(scratch.dir, 'nope.md'), '-o', join(scratch.dir, 'x.html'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.md: no such deck/);
  const folder = lectern('html', TALK, '-o', scratch.dir);
  assert.equal(folder.status, 1);
  assert.match(folder.stderr, /is a folder/);
});
