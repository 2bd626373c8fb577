// Every asset kind the format accepts, in every output: background image, data-background
// shorthand, background video, image, video and a style url(), in the exported HTML (reveal.js
// audience view and the study view) and in the PDF; and, for the app, refs mapped onto its
// protocol, which its CSP allows. test/fixtures/foreign/asset-kinds.md is the deck.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { CONTENT_SECURITY_POLICY, DECK_ASSET_BASE } from '../../electron/app/security';
import { loadDeck } from '../../electron/deck/index';
import { assetUrlFromBase, resolveSlideAssets } from '../../renderer/assets';
import { exportDeckHtml, launchOfflineBrowser, pixel, scratchDir } from '../support/browser';
import { lectern, noBrowserReason, pdfPages, pdfText } from '../fixtures/export/support';
import { assertNearColour, pdfPageImage } from '../support/pdf-pixels';

const DECK = join(import.meta.dirname, '..', 'fixtures', 'foreign', 'asset-kinds.md');
const RED = [209, 16, 16];
const GREEN = [16, 160, 48];
const skip = noBrowserReason();
const scratch = scratchDir();
after(() => scratch.cleanup());

/** One pixel of page `n` of a PDF at 10 dpi. */
const pdfPixel = (pdf: string, n: number, x: number, y: number): number[] => pdfPageImage(pdf, n, 10).rgb(x, y);

const near = (actual: number[], want: number[], label: string): void => assertNearColour(actual, want, label, 40);

test('the app: background, video and image refs map onto the deck protocol its CSP allows', () => {
  const deck = loadDeck(DECK);
  const slides = resolveSlideAssets(deck.slides, assetUrlFromBase(DECK_ASSET_BASE));
  assert.equal(slides[0]!.attributes['data-background-image'], `${DECK_ASSET_BASE}img/red.png`);
  assert.equal(slides[1]!.attributes['data-background-image'], `${DECK_ASSET_BASE}img/red.png`, 'the shorthand holding a file is read as an image');
  assert.equal(slides[2]!.attributes['data-background-video'], `${DECK_ASSET_BASE}img/green.webm`);
  assert.match(slides[3]!.html, new RegExp(`src="${DECK_ASSET_BASE}img/red.png"`));
  assert.match(slides[4]!.html, new RegExp(`src="${DECK_ASSET_BASE}img/green.webm"`));
  assert.match(slides[5]!.html, new RegExp(`url\\(${DECK_ASSET_BASE}img/red.png\\)`));
  assert.match(CONTENT_SECURITY_POLICY, /img-src [^;]*lectern-deck:/);
  assert.match(CONTENT_SECURITY_POLICY, /media-src [^;]*lectern-deck:/);
});

describe('exported outputs', { skip }, () => {
  let browser: Browser;
  let url: string;
  before(async () => {
    browser = await launchOfflineBrowser();
    url = exportDeckHtml(loadDeck(DECK), scratch.dir, 'assets.html');
  });
  after(() => browser?.close());

  async function open(hash: string): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) violations.push(m.text().slice(0, 120));
    });
    await page.goto(`${url}${hash}`);
    return { page, violations };
  }

  test('HTML, audience view (reveal.js): every background and media shows, nothing is blocked', async () => {
    const want: Array<[string, number, number, number[]]> = [
      ['#/0', 4, 4, RED], ['#/1', 4, 4, RED], ['#/2', 4, 4, GREEN], ['#/3', 640, 390, RED], ['#/5', 200, 400, RED],
    ];
    for (const [hash, x, y, rgb] of want) {
      const { page, violations } = await open(hash);
      // Media loaded, and reveal.js's background fade finished (under load a screenshot can land mid-fade).
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('img')].every((i) => i.complete) &&
          [...document.querySelectorAll('.present video, .slide-background.present video')].every((v) => (v as HTMLVideoElement).readyState >= 2) &&
          document.getAnimations().every((a) => a.playState !== 'running'),
      );
      near(await pixel(page, x, y), rgb, `slide ${hash}`);
      assert.deepEqual(violations, []);
      await page.close();
    }
    const { page, violations } = await open('#/4');
    await page.waitForFunction(() => [...document.querySelectorAll('section.present video')].some((v) => (v as HTMLVideoElement).readyState >= 2));
    assert.deepEqual(violations, []);
    await page.close();
  });

  test('PDF: backgrounds (image, shorthand, first frame of a video), images, videos and style url()s print', () => {
    const pdf = join(scratch.dir, 'assets.pdf');
    const run = lectern(['export', DECK, '-o', pdf, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    near(pdfPixel(pdf, 1, 1, 1), RED, 'background image');
    near(pdfPixel(pdf, 2, 1, 1), RED, 'data-background shorthand');
    near(pdfPixel(pdf, 3, 1, 1), GREEN, 'background video, first frame');
    near(pdfPixel(pdf, 5, 15, 40), GREEN, 'video in the slide, first frame');
    near(pdfPixel(pdf, 6, 15, 40), RED, 'style url() box');
  });
});

describe('hidden slides in PDFs', { skip }, () => {
  const HIDDEN = join(import.meta.dirname, '..', 'fixtures', 'foreign', 'hidden-slides.md');

  test('are left out of slides and notes PDFs, and printed with --include-hidden', () => {
    const slides = join(scratch.dir, 'hidden.pdf');
    assert.equal(lectern(['export', HIDDEN, '-o', slides, '--quiet']).status, 0);
    assert.equal(pdfPages(slides), 3);
    const notes = join(scratch.dir, 'hidden-notes.pdf');
    assert.equal(lectern(['export', HIDDEN, '-o', notes, '--quiet', '--format', 'notes']).status, 0);
    assert.doesNotMatch(pdfText(notes), /Backup|Extra detail/);
    const all = join(scratch.dir, 'hidden-all.pdf');
    assert.equal(lectern(['export', HIDDEN, '-o', all, '--quiet', '--include-hidden']).status, 0);
    assert.equal(pdfPages(all), 5);
  });
});

test('html prints the file it wrote and its errors relative to the current folder, like check', () => {
  const cwd = scratch.dir;
  mkdirSync(join(cwd, 'talk'), { recursive: true });
  writeFileSync(join(cwd, 'talk', 'deck.md'), '# A\n\n$\\frac{1$\n\nNote: n\n');
  const run = lectern(['html', 'talk/deck.md', '-o', 'talk/deck.html', '--force'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^talk\/deck\.html: 1 slides/);
  assert.match(run.stderr, /^talk\/deck\.md:3:\d+: error: /m);
  assert.doesNotMatch(run.stdout + run.stderr, new RegExp(cwd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});
