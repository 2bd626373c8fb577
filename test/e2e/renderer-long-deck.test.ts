// A 329-slide deck: reveal.js keeps every <section>, but only slides near the current one hold
// content, so each step's work does not grow with the deck. Checked structurally (how much of
// the deck is in the DOM), not by timing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { fixtureDeck } from '../support/fixture-deck';
import { audienceState, exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

const deck = fixtureDeck({ extraSlides: 320 });
const scratch = scratchDir();
let browser: Browser;
let page: Page;

before(async () => {
  browser = await launchOfflineBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await openView(context, exportDeckHtml(deck, scratch.dir, 'long.html'));
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

const filled = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.reveal .slides section[data-lectern-index]')]
      .filter((s) => s.childElementCount > 0)
      .map((s) => Number(s.dataset.lecternIndex)),
  );

test('every slide has its section, but only a few hold content', async () => {
  assert.equal(deck.slides.length, 329);
  assert.equal(await page.locator('.reveal .slides section[data-lectern-index]').count(), deck.slides.length);
  const shown = await filled();
  assert.ok(shown.includes(0));
  assert.ok(shown.length <= 8, `${shown.length} slides rendered`);
  assert.equal((await audienceState(page)).number.replace(/\s/g, ''), `1/${deck.slides.length}`);
});

test('after a jump the content follows, and stepping back shows the previous slide fully built', async () => {
  await page.keyboard.type('250');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.reveal .slide-number')?.textContent?.replace(/\s/g, '').startsWith('250/'));
  const shown = await filled();
  assert.ok(shown.includes(249) && shown.includes(248) && shown.includes(250));
  assert.ok(shown.every((i) => Math.abs(i - 249) <= 4), `only neighbours of 250 rendered: ${shown.join(',')}`);
  await page.keyboard.press('ArrowLeft');
  const state = await audienceState(page);
  assert.equal(state.index, 248);
  assert.equal(state.f, deck.slides[248]!.fragments - 1, 'previous slide with its fragments shown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const forward = await audienceState(page);
  assert.equal(forward.index, 249);
  assert.equal(forward.f, 0);
});

test('the overview shows rendered slides around the current one', async () => {
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal.overview');
  const shown = await filled();
  assert.ok(shown.length > 10 && shown.length < 40, `${shown.length} slides rendered in the overview`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal:not(.overview)');
  assert.ok((await filled()).length <= 8);
});
