// Pen, laser and zoom across two windows of an exported HTML file (audience + #presenter, in
// sync over BroadcastChannel), at different window sizes: a stroke drawn in one appears in the
// other at the same slide coordinates; undo and clear travel too; stray keys never lose ink;
// the ink stays on its slide when a slide is added above it (localStorage, keyed by the deck),
// ink of a deleted slide is kept aside; Ctrl+S downloads the ink as a sidecar file.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import { parseInkSidecar } from '../../electron/ink/sidecar-format';
import { exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

const scratch = scratchDir('lectern-ink-e2e-');
const deckFile = join(scratch.dir, 'talk.md');
const SLIDES = ['# Alpha\n\nFirst slide.\n\nNote: a', '# Beta\n\nSecond slide.\n\nNote: b', '# Gamma\n\nThird slide.\n\nNote: c'];
let browser: Browser;
let context: BrowserContext;
let audience: Page;
let presenter: Page;
let url: string;

function writeDeck(slides: readonly string[]): string {
  writeFileSync(deckFile, slides.join('\n\n---\n\n'));
  return exportDeckHtml(loadDeck(deckFile), scratch.dir, 'talk.html');
}

before(async () => {
  url = writeDeck(SLIDES);
  browser = await launchOfflineBrowser();
  context = await browser.newContext({ viewport: { width: 1600, height: 900 }, acceptDownloads: true });
  audience = await openView(context, url);
  presenter = await openView(context, `${url}#presenter`);
  await presenter.setViewportSize({ width: 1100, height: 760 });
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

/** Where slide point (x, y) is on screen in a page's ink layer (any window size). */
async function screenPoint(page: Page, scope: string, x: number, y: number): Promise<[number, number]> {
  const box = (await page.locator(`${scope} svg.lectern-ink`).boundingBox())!;
  return [box.x + (x / 1280) * box.width, box.y + (y / 720) * box.height];
}

async function drawStroke(page: Page, scope: string, points: Array<[number, number]>): Promise<void> {
  const [first, ...rest] = points;
  await page.mouse.move(...(await screenPoint(page, scope, ...first!)));
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(...(await screenPoint(page, scope, ...p)), { steps: 3 });
  await page.mouse.up();
}

/** The strokes a page shows, as slide-space bounding boxes measured on screen. */
async function shownStrokes(page: Page, scope: string): Promise<Array<{ x: number; y: number; w: number; h: number; d: string }>> {
  return page.evaluate((s) => {
    const svg = document.querySelector<SVGSVGElement>(`${s} svg.lectern-ink`)!;
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll<SVGPathElement>('path[data-stroke]')].map((p) => {
      const r = p.getBoundingClientRect();
      const k = 1280 / box.width;
      return { x: (r.left - box.left) * k, y: (r.top - box.top) * k, w: r.width * k, h: r.height * k, d: p.getAttribute('d') ?? '' };
    });
  }, scope);
}

async function waitStrokes(page: Page, scope: string, n: number): Promise<void> {
  await page.waitForFunction(([s, count]) => document.querySelectorAll(`${s} svg.lectern-ink path[data-stroke]`).length === count, [scope, n] as const);
}

const PRE = '.lectern-preview.current';
const AUD = '.lectern-ink-host';

function near(a: number, b: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tolerance, `${what}: ${a} vs ${b}`);
}

test('a stroke drawn on the presenter preview appears on the audience at the same slide coordinates', async () => {
  await presenter.keyboard.press('d');
  await drawStroke(presenter, PRE, [[300, 200], [500, 260], [700, 200], [900, 400]]);
  await waitStrokes(audience, AUD, 1);
  const [mine] = await shownStrokes(presenter, PRE);
  const [theirs] = await shownStrokes(audience, AUD);
  assert.equal(theirs!.d, mine!.d, 'the same path in slide space');
  // Measured on screen in two windows of different sizes, the stroke covers the same slide area.
  for (const k of ['x', 'y', 'w', 'h'] as const) near(theirs![k], mine![k], 3, k);
  near(mine!.x, 300 - 2, 4, 'left edge where it was drawn');
  near(mine!.y + mine!.h, 400 + 2, 4, 'bottom edge where it was drawn');
});

test('a stroke drawn on the audience window appears on the presenter, after a resize too', async () => {
  await audience.setViewportSize({ width: 1024, height: 768 });
  // The layer follows reveal.js's new layout (measured in the frame after it).
  await audience.waitForFunction(() => {
    const a = document.querySelector('.lectern-ink-host svg')!.getBoundingClientRect();
    const b = document.querySelector('.reveal .slides')!.getBoundingClientRect();
    return innerWidth === 1024 && Math.abs(a.left - b.left) < 1 && Math.abs(a.width - b.width) < 1 && Math.abs(a.height - b.height) < 1;
  });
  await audience.keyboard.press('d');
  await drawStroke(audience, AUD, [[100, 600], [400, 650]]);
  await waitStrokes(presenter, PRE, 2);
  const a = await shownStrokes(audience, AUD);
  const p = await shownStrokes(presenter, PRE);
  assert.equal(p[1]!.d, a[1]!.d);
  for (const k of ['x', 'y', 'w', 'h'] as const) near(p[1]![k], a[1]![k], 3, k);
  await audience.keyboard.press('Escape');
  assert.equal(await audience.getAttribute('svg.lectern-ink', 'data-input'), 'none', 'Esc put the pen away');
});

test('undo and clear travel to the other window; clear is undone too; stray keys lose nothing', async () => {
  await presenter.keyboard.press('u');
  await waitStrokes(audience, AUD, 1);
  // E clears only with a tool out; U brings the strokes back.
  await presenter.keyboard.press('e');
  await waitStrokes(audience, AUD, 0);
  await presenter.keyboard.press('u');
  await waitStrokes(audience, AUD, 1);
  await presenter.keyboard.press('Escape');
  for (const k of ['e', 'q', 'w', 'y', 'x', 'Escape', 'Delete', 'Backspace', 'Home', 'Tab']) await presenter.keyboard.press(k);
  await presenter.keyboard.press('End');
  await presenter.keyboard.press('Home');
  await waitStrokes(presenter, PRE, 1);
  await waitStrokes(audience, AUD, 1);
});

test('clicker keys drive the talk with the pen out; ink stays on its slide', async () => {
  await presenter.keyboard.press('d');
  await presenter.keyboard.press('PageDown');
  await presenter.waitForFunction(() => document.querySelector('[data-testid="position"]')?.textContent?.startsWith('Slide 2 /'));
  await waitStrokes(audience, AUD, 0);
  await drawStroke(presenter, PRE, [[200, 500], [600, 520]]);
  await waitStrokes(audience, AUD, 1);
  await presenter.keyboard.press('PageUp');
  await waitStrokes(audience, AUD, 1);
  await waitStrokes(presenter, PRE, 1);
  assert.equal(await presenter.getAttribute(`${PRE} svg.lectern-ink`, 'data-input'), 'pen', 'the pen is still out');
  await presenter.keyboard.press('Escape');
});

test('the laser pointer shows on the other window at the same slide point', async () => {
  await presenter.keyboard.press('r');
  await presenter.mouse.move(...(await screenPoint(presenter, PRE, 640, 360)));
  await presenter.mouse.move(...(await screenPoint(presenter, PRE, 800, 300)), { steps: 2 });
  await audience.waitForFunction(() => document.querySelector<SVGCircleElement>('.lectern-laser')?.style.display === '');
  near(Number(await audience.getAttribute('.lectern-laser', 'cx')), 800, 2, 'laser x');
  near(Number(await audience.getAttribute('.lectern-laser', 'cy')), 300, 2, 'laser y');
  await presenter.keyboard.press('r');
  await audience.waitForFunction(() => document.querySelector<SVGCircleElement>('.lectern-laser')?.style.display === 'none');
});

test('zoom: a dragged region is magnified on the audience; Esc returns', async () => {
  await presenter.keyboard.press('z');
  await drawStroke(presenter, PRE, [[320, 180], [960, 540]]);
  await audience.waitForFunction(() => (document.querySelector<HTMLElement>('.lectern-audience .reveal')?.style.transform ?? '').includes('scale(2)'));
  // The region's top-left corner now sits at the slide box's top-left corner.
  const corner = await audience.evaluate(() => {
    const host = document.querySelector('.lectern-ink-host svg')!.getBoundingClientRect();
    return { left: host.left, top: host.top, width: host.width };
  });
  assert.ok(corner.width > 1000, 'the slide is twice its size');
  await presenter.keyboard.press('Escape');
  await audience.waitForFunction(() => document.querySelector<HTMLElement>('.lectern-audience .reveal')?.style.transform === '');
});

test('ink is kept by slide identity: a slide added above keeps it on its slide; a deleted slide is kept aside', async () => {
  // Closing the windows saves the ink (localStorage, keyed by the deck).
  await presenter.close();
  await audience.close();
  url = writeDeck(['# New first\n\nAdded above.\n\nNote: n', ...SLIDES]);
  presenter = await openView(context, `${url}#presenter`);
  await presenter.keyboard.press('ArrowRight');
  await presenter.waitForFunction(() => document.querySelector('[data-testid="position"]')?.textContent?.startsWith('Slide 2 /'));
  // Ink from an earlier talk shows when asked for (I).
  await waitStrokes(presenter, PRE, 0);
  await presenter.keyboard.press('i');
  await waitStrokes(presenter, PRE, 1);
  await presenter.keyboard.press('ArrowRight');
  await waitStrokes(presenter, PRE, 1);
  await presenter.keyboard.press('ArrowRight');
  await waitStrokes(presenter, PRE, 0);
  await presenter.close();
  // "Beta" (with ink) is deleted: its ink is kept aside and said so; the download still holds it.
  url = writeDeck(['# New first\n\nAdded above.\n\nNote: n', SLIDES[0]!, SLIDES[2]!]);
  presenter = await openView(context, `${url}#presenter`);
  await presenter.waitForFunction(() => /kept aside \(Beta\)/.test(document.querySelector('[data-testid="ink-notice"]')?.textContent ?? ''));
  const [download] = await Promise.all([presenter.waitForEvent('download'), presenter.keyboard.press('Control+s')]);
  assert.equal(download.suggestedFilename(), 'talk.lectern-ink.json');
  const text = readFileSync((await download.path())!, 'utf8');
  const parsed = parseInkSidecar(text, 'download');
  assert.ok(parsed.ok);
  const raw = JSON.parse(text);
  assert.equal(Object.values(raw.orphans as Record<string, { title: string }>)[0]!.title, 'Beta');
  assert.equal(Object.values(raw.slides as Record<string, { title: string }>)[0]!.title, 'Alpha');
});
