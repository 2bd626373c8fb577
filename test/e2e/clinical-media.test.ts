// Clinical media in the outputs (issue 13): `lectern html` and `lectern export` carry none of the
// planted identifiers, byte for byte (also inside base64 data: URLs and PDF streams); a DICOM stack
// scrolls with the wheel and `]` in Chromium; a PDF page prints the key image and a video's poster.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';
import { launchOfflineBrowser, openView, scratchDir } from '../support/browser';
import { writeClinicalDeck, type ClinicalDeck } from '../support/clinical-deck';

const ROOT = resolve(__dirname, '..', '..');
const scratch = scratchDir('lectern-clinical-');
let browser: Browser;
let fixture: ClinicalDeck;
const env = { ...process.env, LECTERN_CACHE_DIR: join(scratch.dir, 'cache') };

function lectern(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'lectern.js'), ...args], { encoding: 'utf8', env, timeout: 180_000 });
}

/** Every byte sequence an output holds: the file, its base64 data: URLs, its deflated PDF streams. */
function readableParts(bytes: Buffer): Buffer[] {
  const parts = [bytes];
  const text = bytes.toString('latin1');
  for (const m of text.matchAll(/data:[a-z0-9/+.-]+;base64,([A-Za-z0-9+/=]+)/g)) parts.push(Buffer.from(m[1]!, 'base64'));
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(bytes.subarray(start, end)));
    } catch {
      /* not deflated */
    }
  }
  return parts;
}

function assertNoPlanted(file: string): void {
  for (const part of readableParts(readFileSync(file))) {
    for (const s of PLANTED_STRINGS) assert.equal(part.includes(s), false, `${file} holds ${s}`);
  }
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first (scripts/test.mjs does)');
  fixture = writeClinicalDeck(join(scratch.dir, 'deck'));
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

test('the planted name, ID and GPS position are in the source files and in none of the outputs', () => {
  const jpeg = readFileSync(join(scratch.dir, 'deck', 'images', 'planted.jpg')).toString('latin1');
  for (const s of ['PHANTOM^PLANTED', 'LECTERN-ID-0042', '51,28.6542N']) assert.ok(jpeg.includes(s), `fixture carries ${s}`);
  const html = join(scratch.dir, 'talk.html');
  const made = lectern('html', fixture.file, '-o', html, '--force');
  assert.equal(made.status, 0, made.stderr);
  assertNoPlanted(html);
  for (const format of ['slides', 'handout']) {
    const pdf = join(scratch.dir, `talk-${format}.pdf`);
    const run = lectern('export', fixture.file, '--format', format, '-o', pdf, '--force', '--quiet');
    assert.equal(run.status, 0, run.stderr);
    assertNoPlanted(pdf);
  }
});

test('a DICOM stack scrolls with the wheel and ] in Chromium; a cine stack plays', async () => {
  const html = join(scratch.dir, 'stack.html');
  assert.equal(lectern('html', fixture.file, '-o', html, '--force').status, 0);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await openView(context, `${pathToFileURL(html).href}#/2`);
    const stack = page.locator('section.present img.lectern-stack');
    await stack.waitFor();
    const first = await stack.getAttribute('src');
    assert.equal(await stack.getAttribute('data-lectern-key'), '2');
    await stack.hover();
    await page.mouse.wheel(0, 100);
    await page.waitForFunction(() => document.querySelector('section.present img.lectern-stack')?.getAttribute('data-frame') === '4');
    const frames = (await stack.getAttribute('data-lectern-frames'))!.split(' ');
    assert.equal(await stack.getAttribute('src'), frames[3], 'the fourth image is shown');
    assert.equal(first, frames[2], 'the key image came first');
    await page.keyboard.press(']');
    await page.waitForFunction(() => document.querySelector('section.present img.lectern-stack')?.getAttribute('data-frame') === '5');
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await page.waitForFunction(() => document.querySelector('section.present img.lectern-stack')?.getAttribute('data-frame') === '3');
    await page.screenshot({ path: join(scratch.dir, 'stack.png') });
    // The cine stack advances on its own while its slide is shown, and M pauses it.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Number(document.querySelector('section.present img.lectern-cine-stack')?.getAttribute('data-frame') ?? '0') > 1);
    await page.keyboard.press('m');
    const paused = await page.locator('section.present img.lectern-cine-stack').getAttribute('data-frame');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('section.present img.lectern-cine-stack').getAttribute('data-frame'), paused);
  } finally {
    await context.close();
  }
});

test('the presenter steps the audience stack, and its preview follows the audience (sync)', async () => {
  const html = join(scratch.dir, 'sync.html');
  assert.equal(lectern('html', fixture.file, '-o', html, '--force').status, 0);
  const url = pathToFileURL(html).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const audience = await openView(context, url);
    const presenter = await openView(context, `${url}#presenter`);
    // Both on the series slide (the third): the presenter moves, the audience follows.
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    const audienceFrame = (n: string) => audience.waitForFunction((f) => document.querySelector('section.present img.lectern-stack')?.getAttribute('data-frame') === f, n);
    const previewFrame = (n: string) => presenter.waitForFunction((f) => document.querySelector('.lectern-preview.current img.lectern-stack')?.getAttribute('data-frame') === f, n);
    await audience.locator('section.present img.lectern-stack').waitFor();
    await presenter.keyboard.press(']');
    await audienceFrame('4');
    await previewFrame('4');
    // The audience scrolls with the wheel; the presenter's preview shows the same image.
    await audience.locator('section.present img.lectern-stack').hover();
    await audience.mouse.wheel(0, -100);
    await audienceFrame('3');
    await previewFrame('3');
  } finally {
    await context.close();
  }
});
