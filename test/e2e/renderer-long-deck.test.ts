// A 329-slide deck. reveal.js touches every <section> it holds on each step, so it holds only a
// window of stacks around the current one, and only slides next to the current one have
// content: each step's work does not grow with the deck. Checked structurally (how much of the
// deck is in the DOM) and by walking the whole deck across window re-centres, not by timing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { fixtureDeck } from '../support/fixture-deck';
import { audienceState, exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

const deck = fixtureDeck({ extraSlides: 320 });
const scratch = scratchDir();
let browser: Browser;
let page: Page;
let url: string;

before(async () => {
  browser = await launchOfflineBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  url = exportDeckHtml(deck, scratch.dir, 'long.html');
  page = await openView(context, url);
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

const dom = () =>
  page.evaluate(() => {
    const sections = [...document.querySelectorAll<HTMLElement>('.reveal .slides section[data-lectern-index]')];
    return {
      sections: sections.length,
      filled: sections.filter((s) => s.childElementCount > 0).map((s) => Number(s.dataset.lecternIndex)),
    };
  });

async function waitNumber(n: number): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('.reveal .lectern-slide-number')?.textContent?.replace(/\s/g, '') === t, `${n}/${deck.slides.length}`);
}

test('reveal.js holds a window of the deck and only neighbours have content', async () => {
  assert.equal(deck.slides.length, 329);
  const { sections, filled } = await dom();
  assert.ok(sections <= 24, `${sections} sections mounted`);
  assert.ok(filled.includes(0) && filled.length <= 8, `${filled.length} slides rendered`);
  assert.equal((await audienceState(page)).number.replace(/\s/g, ''), `1/${deck.slides.length}`);
});

test('stepping through a hundred slides crosses window re-centres without losing a step', async () => {
  await page.keyboard.type('200');
  await page.keyboard.press('Enter');
  await waitNumber(200);
  for (let n = 200; n < 300; n++) {
    const slide = deck.slides[n - 1]!;
    for (let f = 0; f < slide.fragments; f++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitNumber(n + 1);
  }
  const state = await audienceState(page);
  assert.equal(state.index, 299);
  assert.equal(state.f, -1);
  const { sections, filled } = await dom();
  assert.ok(sections <= 24, `${sections} sections mounted`);
  assert.ok(filled.every((i) => Math.abs(i - 299) <= 4), `only neighbours of 300 rendered: ${filled.join(',')}`);
  assert.match(page.url(), /#\/\d+/);
});

test('stepping back shows the previous slide fully built, across a re-centre too', async () => {
  for (let n = 300; n > 280; n--) {
    await page.keyboard.press('PageUp');
    const prev = deck.slides[n - 2]!;
    await page.waitForFunction(
      ([i, f]) => {
        const present = [...document.querySelectorAll<HTMLElement>('.reveal .slides section.present[data-lectern-index]')].pop();
        if (Number(present?.dataset.lecternIndex) !== i) return false;
        const shown = [...(present?.querySelectorAll<HTMLElement>('.fragment.visible') ?? [])].map((e) => Number(e.dataset.fragmentIndex));
        return Math.max(-1, ...shown) === f;
      },
      [prev.index, prev.fragments - 1] as const,
    );
    for (let f = 0; f < prev.fragments; f++) await page.keyboard.press('PageUp');
  }
});

test('a re-centre moves the slide on screen instead of rebuilding it', async () => {
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await waitNumber(100);
  const firstMounted = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('.reveal .slides section[data-lectern-index]')?.dataset.lecternIndex));
  const before = await firstMounted();
  // Walk towards the window's end, then let the talk rest there.
  for (let n = 100; n < 108; n++) {
    for (let f = 0; f < deck.slides[n - 1]!.fragments; f++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitNumber(n + 1);
  }
  await page.evaluate(() => {
    const present = [...document.querySelectorAll<HTMLElement>('.reveal .slides section.present[data-lectern-index]')].pop();
    present?.setAttribute('data-test-marker', 'kept');
  });
  await page.waitForFunction((b) => Number(document.querySelector<HTMLElement>('.reveal .slides section[data-lectern-index]')?.dataset.lecternIndex) !== b, before);
  const kept = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.reveal .slides section.present[data-lectern-index]')].pop()?.getAttribute('data-test-marker'));
  assert.equal(kept, 'kept');
  assert.equal((await audienceState(page)).index, 107);
});

test('Home, End and jumps reach both ends of the deck', async () => {
  await page.keyboard.press('End');
  await waitNumber(329);
  await page.keyboard.press('Home');
  await waitNumber(1);
  await page.keyboard.type('329');
  await page.keyboard.press('Enter');
  await waitNumber(329);
  await page.keyboard.press('ArrowRight');
  await waitNumber(329);
});

test('the overview holds the whole deck and shows rendered slides around the current one', async () => {
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');
  await waitNumber(150);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal.overview');
  const { sections, filled } = await dom();
  assert.equal(sections, deck.slides.length);
  assert.ok(filled.length > 10 && filled.length < 40, `${filled.length} slides rendered in the overview`);
  assert.ok(filled.includes(149));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.reveal:not(.overview)');
  await waitNumber(151);
  // Back to a window once the talk rests.
  await page.waitForFunction(() => document.querySelectorAll('.reveal .slides section[data-lectern-index]').length <= 24);
  assert.equal((await audienceState(page)).index, 150);
});

test('a reload returns to the same slide from the URL', async () => {
  await page.keyboard.type('77');
  await page.keyboard.press('Enter');
  await waitNumber(77);
  await page.reload();
  await page.waitForSelector('html[data-lectern-ready="true"]');
  await waitNumber(77);
});
