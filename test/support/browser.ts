// Shared helpers for browser tests: an offline Chromium (the system one, through Playwright),
// pages that record every request they make, and exported HTML files of test decks.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import type { BootView } from '../../electron/contract/boot';
import type { Deck } from '../../electron/deck/types';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from '../../electron/export/browser';
import { buildOfflineHtml } from '../../electron/export/offline-html';

/** A headless system Chromium that must not touch the network. */
export function launchOfflineBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser(), args: [...OFFLINE_CHROMIUM_ARGS] });
}

/** A scratch folder removed by `cleanup()`. */
export function scratchDir(prefix = 'lectern-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes the deck's offline HTML into `dir` and returns its file:// URL. */
export function exportDeckHtml(deck: Deck, dir: string, name = 'deck.html', view: BootView = 'audience'): string {
  const file = join(dir, name);
  writeFileSync(file, buildOfflineHtml(deck, { view }));
  return pathToFileURL(file).href;
}

/** Writes the deck's offline HTML (`name`, default talk.html) into `dir` and launches the offline Chromium to open it in. */
export async function exportAndLaunch(deck: Deck, dir: string, name = 'talk.html'): Promise<{ browser: Browser; url: string }> {
  const url = exportDeckHtml(deck, dir, name);
  return { browser: await launchOfflineBrowser(), url };
}

/** A new 1280x720 context of `browser` that records every request of its pages. */
export async function recordingContext(browser: Browser): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return { context, requests: recordRequests(context) };
}

export interface RecordedPage {
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
}

/** Records every request of every page in the context (popups included). */
export function recordRequests(context: BrowserContext): string[] {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return requests;
}

/** Requests that are neither data:, blob:, nor the exported file itself. */
export function foreignRequests(requests: readonly string[], fileUrl: string): string[] {
  const base = fileUrl.split('#')[0];
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && url.split('#')[0] !== base);
}

/** Opens `url` and waits until the renderer says its view is laid out. */
export async function openView(context: BrowserContext, url: string, options: { clock?: boolean } = {}): Promise<Page> {
  const page = await context.newPage();
  if (options.clock) {
    // Time stands still except when the test moves it (clock.runFor), so slow machines cannot race it.
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1000);
  }
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url);
  await page.waitForSelector('html[data-lectern-ready]');
  const state = await page.getAttribute('html', 'data-lectern-ready');
  if (state !== 'true') throw new Error(`the view failed to boot: ${errors.join('; ') || (await page.textContent('body'))}`);
  return page;
}

/**
 * What the audience view shows: the present slide's reading-order index, the fragment step
 * shown (reveal.js numbers steps with data-fragment-index; -1: none), and the slide number text.
 */
export async function audienceState(page: Page): Promise<{ index: number; f: number; number: string }> {
  return page.evaluate(() => {
    const sections = document.querySelectorAll<HTMLElement>('.reveal .slides section.present[data-lectern-index]');
    const present = sections[sections.length - 1];
    return {
      index: present ? Number(present.dataset.lecternIndex) : -1,
      f: present
        ? Math.max(-1, ...[...present.querySelectorAll<HTMLElement>('.fragment.visible')].map((el) => Number(el.dataset.fragmentIndex)))
        : -1,
      number: document.querySelector('.reveal .lectern-slide-number')?.textContent?.trim() ?? '',
    };
  });
}

/** Waits until the audience view shows reading-order slide `index` (and fragment step `f`, when given). */
export async function waitAudienceAt(page: Page, index: number, f?: number): Promise<void> {
  await page.waitForFunction(
    ([i, fr]) => {
      const all = document.querySelectorAll<HTMLElement>('.reveal .slides section.present[data-lectern-index]');
      const present = all[all.length - 1];
      if (!present || Number(present.dataset.lecternIndex) !== i) return false;
      if (fr === null) return true;
      const shown = [...present.querySelectorAll<HTMLElement>('.fragment.visible')].map((el) => Number(el.dataset.fragmentIndex));
      return Math.max(-1, ...shown) === fr;
    },
    [index, f ?? null] as const,
  );
}

/** The colour of one screen pixel of `page` as the browser painted it: [r, g, b]. */
export async function pixel(page: Page, x: number, y: number): Promise<number[]> {
  const png = (await page.screenshot({ clip: { x, y, width: 1, height: 1 } })).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png);
}
