// A lecture that uses the course's shared `../_assets/` (root: .. in its front matter,
// test/fixtures/foreign/course): `lectern html` writes a file that shows the shared image, the
// background and the theme file's url() in Chromium with no request leaving the file, and
// `lectern export` prints them. LECTERN_SHOTS=<dir> keeps the screenshots to look at.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright';
import { foreignRequests, launchOfflineBrowser, pixel, recordRequests, scratchDir } from '../support/browser';
import { lectern, noBrowserReason } from '../fixtures/export/support';
import { assertNearColour, pdfPageImage } from '../support/pdf-pixels';

const DECK = join(import.meta.dirname, '..', 'fixtures', 'foreign', 'course', 'lecture-03', 'slides.md');
/** The liver in _assets/liver.png, and the dark green of _assets/dark.png (the slide's colour, #1d3557, is navy). */
const LIVER = [139, 46, 31];
const DARK = [23, 74, 43];
const skip = noBrowserReason();
const scratch = scratchDir();
after(() => scratch.cleanup());

const near = (actual: number[], want: number[], label: string): void => assertNearColour(actual, want, label, 20);

/** One pixel of page `n` of a PDF at 20 dpi, x and y as fractions of the page. */
function pdfPixel(pdf: string, n: number, fx: number, fy: number): number[] {
  const page = pdfPageImage(pdf, n, 20);
  return page.rgb(Math.round(fx * page.width), Math.round(fy * page.height));
}

describe('a lecture using ../_assets under root: ..', { skip }, () => {
  let browser: Browser;
  let url: string;
  const html = join(scratch.dir, 'lecture-03.html');
  before(async () => {
    const run = lectern(['html', DECK, '-o', html]);
    assert.equal(run.status, 0, run.stderr);
    url = pathToFileURL(html).href;
    browser = await launchOfflineBrowser();
  });
  after(() => browser?.close());

  test('the HTML file holds no path of this machine', () => {
    const text = readFileSync(html, 'utf8');
    assert.ok(!text.includes(join(import.meta.dirname, '..', '..')), 'no path of the repository');
    assert.doesNotMatch(text, /\.\.\/_assets/, 'no reference that climbs out of the file');
  });

  test('the shared image, the background and the theme file show offline, nothing requested', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(`${url}#/1`);
    await page.waitForSelector('html[data-lectern-ready="true"]');
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const box = await page.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>('section.present img[alt^="Schematic liver"]');
      if (!img) return null;
      await img.decode();
      const r = img.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, natural: img.naturalWidth };
    });
    assert.ok(box && box.natural === 480 && box.width > 100, `the image loaded: ${JSON.stringify(box)}`);
    if (process.env.LECTERN_SHOTS) await page.screenshot({ path: join(process.env.LECTERN_SHOTS, 'asset-root-image.png') });
    near(await pixel(page, Math.round(box.x + box.width * 0.7), Math.round(box.y + box.height * 0.4)), LIVER, 'the liver in ../_assets/liver.png');
    // The title's rule is the theme file's border-image: url(dark.png), also from _assets.
    const heading = await page.evaluate(() => getComputedStyle(document.querySelector('h2')!).color);
    assert.equal(heading, 'rgb(139, 46, 31)', "course.css's heading colour");

    // reveal.js's coordinates: the third slide of the second stack.
    const background = await context.newPage();
    await background.goto(`${url}#/1/2`);
    await background.waitForFunction(() => document.querySelector('section[data-lectern-index].present h3')?.textContent === 'Why it matters for tumours');
    await background.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    if (process.env.LECTERN_SHOTS) await background.screenshot({ path: join(process.env.LECTERN_SHOTS, 'asset-root-background.png') });
    near(await pixel(background, 20, 20), DARK, 'the background ../_assets/dark.png');
    assert.deepEqual(foreignRequests(requests, url), []);
    await context.close();
  });

  test('the PDF prints the shared image and the background', () => {
    const pdf = join(scratch.dir, 'lecture-03.pdf');
    const run = lectern(['export', DECK, '-o', pdf, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    near(pdfPixel(pdf, 2, 0.55, 0.52), LIVER, 'page 2: the liver');
    near(pdfPixel(pdf, 4, 0.02, 0.05), DARK, 'page 4: the background');
  });
});
