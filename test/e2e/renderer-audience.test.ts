// The audience view on the exported HTML of the real talk: keys, fragments, overview, jump,
// search, blackout, help, fonts, and not a single network request.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { indexSlides, nextPosition } from '../../renderer/model';
import { SlideSearch } from '../../renderer/search';
import { audienceState, exportAndLaunch, foreignRequests, openView, recordingContext, scratchDir, waitAudienceAt } from '../support/browser';

const TALK = 'slides/liver-directed-therapies.md';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let url: string;
let deck: Deck;
let requests: string[];
const scratch = scratchDir();

before(async () => {
  deck = loadDeck(TALK);
  assert.equal(deck.diagnostics.filter((d) => d.severity === 'error').length, 0, 'the talk compiles cleanly');
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir));
  ({ context, requests } = await recordingContext(browser));
  page = await openView(context, url);
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

async function press(key: string): Promise<void> {
  await page.keyboard.press(key);
}

const waitIndex = (index: number, f?: number): Promise<void> => waitAudienceAt(page, index, f);

test('starts on the first slide with current/total numbers and a progress bar', async () => {
  const state = await audienceState(page);
  assert.equal(state.index, 0);
  assert.equal(state.number.replace(/\s/g, ''), `1/${deck.slides.length}`);
  assert.equal(await page.locator('.reveal .lectern-progress').isVisible(), true);
});

test('arrows, space and page keys step through every fragment, then the next slide', async () => {
  const index = indexSlides(deck.slides);
  const withFragments = deck.slides.find((s) => s.fragments >= 2);
  assert.ok(withFragments, 'the talk has a slide with fragments');
  await page.keyboard.type(String(withFragments.index + 1));
  await press('Enter');
  await waitIndex(withFragments.index, -1);
  let position = { h: withFragments.h, v: withFragments.v, f: -1 };
  const keys = ['ArrowRight', 'Space', 'PageDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight'];
  for (const key of keys.slice(0, withFragments.fragments + 1)) {
    await press(key);
    const next = nextPosition(index, position);
    assert.ok(next);
    position = next;
    const slide = index.byCoordinates.get(`${position.h}/${position.v}`);
    assert.ok(slide);
    await waitIndex(slide.index, position.f);
  }
  // Back: the first step back shows the previous slide fully built.
  await press('PageUp');
  await waitIndex(withFragments.index, withFragments.fragments - 1);
  await press('ArrowLeft');
  await waitIndex(withFragments.index, withFragments.fragments - 2);
});

test('Home and End go to the first and last slide', async () => {
  await press('End');
  const last = deck.slides[deck.slides.length - 1];
  assert.ok(last);
  const lastStackStart = deck.slides.find((s) => s.h === last.h && s.v === 0);
  assert.ok(lastStackStart);
  await waitIndex(lastStackStart.index);
  await press('Home');
  await waitIndex(0);
});

test('typing a number then Enter jumps to that slide; a number out of range does not move', async () => {
  await page.keyboard.type('15');
  assert.match((await page.locator('.lectern-jump').textContent()) ?? '', /15/);
  await press('Enter');
  await waitIndex(14);
  assert.equal((await audienceState(page)).number.replace(/\s/g, ''), `15/${deck.slides.length}`);
  await page.keyboard.type('999');
  await press('Enter');
  assert.match((await page.locator('.lectern-jump').textContent()) ?? '', /No slide 999/);
  assert.equal((await audienceState(page)).index, 14);
  await press('Home');
  await waitIndex(0);
});

test('Esc and O toggle the overview', async () => {
  await press('Escape');
  await page.waitForSelector('.reveal.overview');
  await press('Escape');
  await page.waitForSelector('.reveal:not(.overview)');
  await press('o');
  await page.waitForSelector('.reveal.overview');
  await press('o');
  await page.waitForSelector('.reveal:not(.overview)');
});

test('search finds slides by their words and goes to the chosen one', async () => {
  const target = deck.slides.find((s) => s.index > 5 && /radioembolization|chemoembolization/i.test(s.text));
  assert.ok(target);
  const word = /radioembolization/i.test(target.text) ? 'radioembolization' : 'chemoembolization';
  const expected = new SlideSearch(deck.slides, false).search(word, 30);
  await press('Control+f');
  await page.waitForSelector('.lectern-search:not([hidden])');
  await page.keyboard.type(word);
  await page.waitForFunction((n) => document.querySelectorAll('.lectern-search-hits .hit').length === n, expected.length);
  const first = expected[0];
  assert.ok(first);
  await press('Enter');
  await page.waitForSelector('.lectern-search[hidden]', { state: 'attached' });
  await waitIndex(first.slide.index);
  // Keys reach the presentation again once the search box is closed.
  await press('Home');
  await waitIndex(0);
});

test('B and . black the screen out and back', async () => {
  await press('b');
  await page.waitForSelector('.reveal.paused');
  await page.locator('.reveal .pause-overlay').waitFor({ state: 'visible' });
  // Slide keys do nothing while blacked out.
  await press('ArrowRight');
  assert.equal((await audienceState(page)).index, 0);
  await press('.');
  await page.waitForSelector('.reveal:not(.paused)');
});

test('? lists every key', async () => {
  await press('Shift+?');
  const help = page.locator('.lectern-help');
  await help.waitFor({ state: 'visible' });
  const text = (await help.textContent()) ?? '';
  for (const word of ['Next step', 'Previous step', 'First / last', 'Jump to slide', 'Blackout', 'Overview', 'Fullscreen', 'Search', 'presenter view']) {
    assert.ok(text.includes(word), `the help lists ${word}`);
  }
  await press('Escape');
  await help.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('.reveal.overview').count(), 0, 'Esc closing the help does not open the overview');
});

test('the key overlay opens the study view in a new window', async () => {
  await press('Shift+?');
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open the study view' }).click();
  const study = await popup;
  await study.waitForSelector('html[data-lectern-ready="true"][data-view="study"]');
  assert.match(study.url(), /#study$/);
  assert.equal(await study.locator('.study-row').count(), deck.slides.length);
  await study.close();
  assert.equal(await page.locator('.lectern-help').isHidden(), true);
});

test('bundled fonts and KaTeX fonts are loaded from the file itself', async () => {
  const math = deck.slides.find((s) => s.html.includes('class="katex"'));
  assert.ok(math, 'the talk has formulas');
  await page.keyboard.type(String(math.index + 1));
  await press('Enter');
  await waitIndex(math.index);
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, '')));
  assert.ok(loaded.includes('Source Sans 3'), `Source Sans 3 loaded (${loaded.join(', ')})`);
  assert.ok(loaded.some((f) => f.startsWith('KaTeX_')), 'a KaTeX font loaded');
  await press('Home');
});

test('the page made no network request at all', async () => {
  assert.ok(requests.length > 0, 'requests are recorded');
  assert.deepEqual(foreignRequests(requests, url), []);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  assert.doesNotMatch(csp, /https?:|\*/);
});
