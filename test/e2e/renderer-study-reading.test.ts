// The study view as a resident reads it, on a phone (360x740), a tablet (768x1024) and a laptop
// (1366x768): the header stays, the place survives "Present from here" and Back, the page
// reflows at once when the window narrows, and search finds and marks text as displayed. And
// the projector's search lists text as displayed, never TeX.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { exportAndLaunch, openView, scratchDir } from '../support/browser';

let browser: Browser;
let url: string;
let deck: Deck;
const scratch = scratchDir();

before(async () => {
  deck = loadDeck('slides/liver-directed-therapies.md');
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir));
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

async function study(width: number, height: number, hash = '#study'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  return openView(context, `${url}${hash}`);
}

/** Scrolls so the row of slide `n` (1-based) is at the top, under the header. */
async function scrollToSlide(page: Page, n: number): Promise<void> {
  await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), `slide-${n}`);
}

/** Widest thing on the page against the viewport: the page must never scroll sideways. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; cut: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll<HTMLElement>('.study-row:not([hidden]) .study-notes, .study-header, .study-thumb')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.right > width + 1;
      })
      .map((e) => `${e.className} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, cut };
  });
}

test('the header stays at the top of the whole page, not only the first screen', async () => {
  for (const [w, h] of [[1366, 768], [360, 740]] as const) {
    const page = await study(w, h);
    await scrollToSlide(page, 30);
    await page.waitForTimeout(50);
    const top = await page.locator('.study-header').evaluate((e) => e.getBoundingClientRect().top);
    assert.equal(top, 0, `${w}px: header top after scrolling`);
    assert.equal(await page.evaluate(() => Boolean(document.elementFromPoint(innerWidth / 2, 5)?.closest('.study-header'))), true);
    await page.context().close();
  }
});

test('the place is kept in the URL as the reader scrolls, and Back from "Present from here" returns to it', async () => {
  const page = await study(1366, 768);
  await scrollToSlide(page, 20);
  await page.waitForFunction(() => location.hash === '#study/20');
  // A reader clicks the link where it is; Playwright's click may first scroll it "into view"
  // (which moves the place, rightly recorded), so the click is dispatched in place.
  await page.locator('#slide-20 [data-testid="present-from"]').dispatchEvent('click');
  await page.waitForSelector('html[data-lectern-ready="true"][data-view="audience"]', { state: 'attached' });
  await page.goBack();
  await page.waitForSelector('html[data-lectern-ready="true"][data-view="study"]', { state: 'attached' });
  await page.waitForFunction(() => {
    const r = document.getElementById('slide-20')?.getBoundingClientRect();
    const header = document.querySelector('.study-header')?.getBoundingClientRect().bottom ?? 0;
    return r !== undefined && r.top >= header - 2 && r.top < header + 40;
  });
  assert.equal(await page.evaluate(() => location.hash), '#study/20');
  // A reload keeps it too.
  await page.reload();
  await page.waitForSelector('html[data-lectern-ready="true"]', { state: 'attached' });
  await page.waitForFunction(() => Math.abs((document.getElementById('slide-20')?.getBoundingClientRect().top ?? -999) - (document.querySelector('.study-header')?.getBoundingClientRect().bottom ?? 0) - 8) < 40);
  await page.context().close();
});

test('on a phone and a tablet nothing scrolls sideways, and the contents open as a menu', async () => {
  for (const [w, h] of [[360, 740], [768, 1024]] as const) {
    const page = await study(w, h);
    for (const n of [1, 12, 25, 40]) {
      await scrollToSlide(page, n);
      const o = await overflow(page);
      assert.ok(o.scrollWidth <= o.width, `${w}px at slide ${n}: page is ${o.scrollWidth}px wide`);
      assert.deepEqual(o.cut, [], `${w}px at slide ${n}`);
    }
    const button = page.getByTestId('study-contents-button');
    assert.ok(await button.isVisible(), `${w}px: a contents button`);
    await button.click();
    const toc = page.locator('.study-toc');
    assert.ok(await toc.isVisible());
    const box = (await toc.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= w, `${w}px: the menu fits`);
    const target = deck.slides[33]!;
    await toc.locator('a', { hasText: target.title }).first().click();
    assert.equal(await toc.isVisible(), false, 'choosing an entry closes the menu');
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.top < 250;
    }, `slide-${target.index + 1}`);
    await page.context().close();
  }
  // On a laptop the contents stay at the side, no button.
  const page = await study(1366, 768);
  assert.equal(await page.getByTestId('study-contents-button').isVisible(), false);
  assert.ok(await page.locator('.study-toc').isVisible());
  await page.context().close();
});

test('narrowing the window after scrolling reflows at once: nothing cut at the right edge', async () => {
  const page = await study(1366, 768);
  await scrollToSlide(page, 30);
  await page.waitForTimeout(100);
  await page.setViewportSize({ width: 683, height: 768 });
  await page.waitForTimeout(100);
  for (const n of [30, 10, 2]) {
    await scrollToSlide(page, n);
    await page.waitForTimeout(50);
    const o = await overflow(page);
    assert.ok(o.scrollWidth <= o.width, `at slide ${n}: page is ${o.scrollWidth}px wide in a 683px window`);
    assert.deepEqual(o.cut, []);
    // Each thumbnail shows its whole slide: the scaled frame is as wide as its box.
    const fit = await page.locator(`#slide-${n} .study-thumb`).evaluate((t) => {
      const frame = t.querySelector('.reveal')!.getBoundingClientRect();
      return Math.abs(frame.width - t.clientWidth);
    });
    assert.ok(fit <= 2, `slide ${n}: thumbnail frame off by ${fit}px`);
  }
  await page.context().close();
});

test('study search matches the phrase ("ln 2" is not every "2"), across markup and in formulas, and says when nothing matches', async () => {
  const page = await study(1366, 768);
  const search = page.getByTestId('study-search');
  const settle = (): Promise<unknown> => page.waitForFunction(() => document.querySelector('[data-testid="study-count"]')?.textContent?.includes('hit') || !document.querySelector<HTMLElement>('[data-testid="study-empty"]')?.hidden);

  await search.fill('ln 2');
  await search.press('Enter');
  await settle();
  const marks = await page.locator('mark.lectern-hit').allTextContents();
  for (const m of marks) assert.notEqual(m.trim(), '2', 'a lone "2" is not a hit for "ln 2"');
  assert.ok((await page.locator('.lectern-hit-whole').count()) > 0, 'the formulas holding ln 2 are marked');

  // Every slide kept has a visible mark, and the count is what is marked.
  for (const query of ['ln 2', '90Y', 'T1/2', 'Hepatic 90Y Resin', 'yttrium-90', 'embolization']) {
    await search.fill(query);
    await search.press('Enter');
    await settle();
    const rows = await page.locator('.study-row:not([hidden])').evaluateAll((all) =>
      all.map((r) => ({ n: r.id, marks: r.querySelectorAll('mark.lectern-hit, .lectern-hit-whole').length })),
    );
    assert.ok(rows.length > 0, `"${query}" finds a slide`);
    for (const r of rows) assert.ok(r.marks > 0, `"${query}": ${r.n} is kept but shows no highlight`);
    const count = (await page.getByTestId('study-count').textContent()) ?? '';
    assert.match(count, new RegExp(`^${rows.length} slides?, \\d+ hits?$`), count);
  }
  // "90Y" split by <sup>: both parts are marked, next to each other.
  await search.fill('Hepatic 90Y Resin');
  await search.press('Enter');
  await settle();
  const joined = await page.locator('.study-row:not([hidden]) .study-notes, .study-row:not([hidden]) .study-slide').evaluateAll((parts) =>
    parts.map((p) => [...p.querySelectorAll('mark.lectern-hit')].map((m) => m.textContent).join('')).join('|'),
  );
  assert.match(joined, /Hepatic 90Y Resin/);

  await search.fill('zzq no such words');
  await search.press('Enter');
  const empty = page.getByTestId('study-empty');
  await empty.waitFor({ state: 'visible' });
  assert.match((await empty.textContent()) ?? '', /No slide or note contains “zzq no such words”/);
  await search.press('Escape');
  await empty.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('.study-row:not([hidden])').count(), deck.slides.length);
  await page.context().close();
});

test('the projector search lists text as displayed, and finds it as typed', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await openView(context, `${url}#/0`);
  await page.keyboard.press('Control+f');
  const input = page.locator('.lectern-search-input');
  await input.waitFor({ state: 'visible' });
  for (const query of ['half-life', 'decay', 'emitter', 'T1/2', '90Y', 'ln 2']) {
    await input.fill(query);
    const hits = await page.locator('.lectern-search-hits .hit').allTextContents();
    assert.ok(hits.length > 0, `"${query}" finds a slide`);
    for (const hit of hits) assert.doesNotMatch(hit, /\\[a-zA-Z]+|[_^]\{|\$/, `"${query}" lists TeX: ${hit}`);
  }
  await context.close();
});
