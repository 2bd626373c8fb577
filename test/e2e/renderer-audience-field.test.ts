// Field defects of the audience view (issue 11), on the exported HTML of the real talk: the help
// overlay fits and gets out of a clicker's way, F toggles fullscreen and Esc leaves it before
// the overview, the overview opens slides at their first step and shows them complete, the
// window is named by the talk, and the search box tells the keyboard's pick from the hover.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { audienceState, exportAndLaunch, openView, scratchDir, waitAudienceAt } from '../support/browser';

let browser: Browser;
let url: string;
let deck: Deck;
const scratch = scratchDir();
const contexts: BrowserContext[] = [];

before(async () => {
  deck = loadDeck('slides/liver-directed-therapies.md');
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir));
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

async function audienceAt(width: number, height: number, hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  return openView(context, `${url}${hash}`);
}

/** The open overlay panel lies inside the window and shows everything without scrolling. */
async function panelFits(page: Page, selector: string): Promise<{ fits: boolean; detail: string }> {
  return page.locator(selector).evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const fits = box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && panel.scrollHeight <= panel.clientHeight + 1;
    return { fits, detail: `panel ${Math.round(box.top)}..${Math.round(box.bottom)} of ${window.innerHeight}, content ${panel.scrollHeight} in ${panel.clientHeight}` };
  });
}

for (const [width, height] of [[1920, 1080], [1366, 768], [1280, 720], [1024, 768]] as const) {
  test(`the help overlay fits whole at ${width}x${height}`, async () => {
    const page = await audienceAt(width, height);
    await page.keyboard.press('?');
    await page.locator('.lectern-help').waitFor({ state: 'visible' });
    const { fits, detail } = await panelFits(page, '.lectern-help .lectern-overlay-panel');
    assert.ok(fits, detail);
    assert.equal(await page.getByText('Press ? or Esc to close', { exact: false }).isVisible(), true);
    await page.context().close();
  });
}

test("a clicker's next closes the help on the projector and advances the talk", async () => {
  const page = await audienceAt(1280, 720);
  assert.ok(deck.slides[1]!.fragments >= 1, 'slide 2 has fragments');
  // Each key closes the list and takes its step: slide 2, its first fragment, back before it.
  for (const [key, index, f] of [['PageDown', 1, -1], ['ArrowRight', 1, 0], ['PageUp', 1, -1]] as const) {
    await page.keyboard.press('?');
    await page.locator('.lectern-help').waitFor({ state: 'visible' });
    await page.keyboard.press(key);
    await page.locator('.lectern-help').waitFor({ state: 'hidden' });
    await waitAudienceAt(page, index, f);
  }
  // A blackout is never hidden behind the list of keys.
  await page.keyboard.press('?');
  await page.keyboard.press('b');
  await page.waitForSelector('.reveal.paused');
  assert.equal(await page.locator('.lectern-help').isHidden(), true);
  await page.keyboard.press('b');
  await page.waitForSelector('.reveal:not(.paused)');
  await page.context().close();
});

test('the help and the search on the projector close when the presenter window moves the talk', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const audience = await openView(context, url);
  const presenter = await openView(context, `${url}#presenter`);
  await audience.keyboard.press('?');
  await audience.locator('.lectern-help').waitFor({ state: 'visible' });
  await presenter.keyboard.press('ArrowRight');
  await audience.locator('.lectern-help').waitFor({ state: 'hidden' });
  await audience.keyboard.press('Control+f');
  await audience.locator('.lectern-search').waitFor({ state: 'visible' });
  await presenter.keyboard.press('ArrowRight');
  await audience.locator('.lectern-search').waitFor({ state: 'hidden' });
  // Page Down in the search field (a clicker) closes it and steps the talk.
  const before = await audienceState(audience);
  await audience.keyboard.press('Control+f');
  await audience.locator('.lectern-search').waitFor({ state: 'visible' });
  await audience.keyboard.press('PageDown');
  await audience.locator('.lectern-search').waitFor({ state: 'hidden' });
  await audience.waitForFunction((b) => {
    const all = document.querySelectorAll<HTMLElement>('.reveal .slides section.present[data-lectern-index]');
    const present = all[all.length - 1];
    const f = Math.max(-1, ...[...(present?.querySelectorAll<HTMLElement>('.fragment.visible') ?? [])].map((el) => Number(el.dataset.fragmentIndex)));
    return Number(present?.dataset.lecternIndex) !== b.index || f !== b.f;
  }, before);
  await context.close();
});

test('F toggles fullscreen; Esc leaves fullscreen before it opens the overview', async () => {
  const page = await audienceAt(1280, 720);
  const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.equal(await page.locator('.reveal.overview').count(), 0, 'the first Esc only left fullscreen');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal.overview');
  assert.equal(await fullscreen(), false);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal:not(.overview)');
  // F5 (a clicker's start button) only ever enters fullscreen.
  await page.keyboard.press('F5');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('F5');
  assert.equal(await fullscreen(), true);
  await page.context().close();
});

test('the window is named by the talk alone; presenter and study say what they are', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const title = deck.meta.title;
  assert.equal(await (await openView(context, url)).title(), title);
  assert.equal(await (await openView(context, `${url}#presenter`)).title(), `Presenter: ${title}`);
  assert.equal(await (await openView(context, `${url}#study`)).title(), `Study: ${title}`);
  await context.close();
});

test('a slide picked in the overview opens at its first step, by click or by Enter', async () => {
  const page = await audienceAt(1280, 720);
  const earlier = deck.slides.find((s) => s.fragments >= 3 && s.index > 2);
  assert.ok(earlier, 'the talk has an earlier slide with several fragments');
  const later = deck.slides[earlier.index + 4]!;
  await page.keyboard.type(String(later.index + 1));
  await page.keyboard.press('Enter');
  await waitAudienceAt(page, later.index);
  await page.keyboard.press('o');
  await page.waitForSelector('.reveal.overview');
  await page.locator(`.reveal .slides section[data-lectern-index="${earlier.index}"]`).click();
  await page.waitForSelector('.reveal:not(.overview)');
  await waitAudienceAt(page, earlier.index, -1);

  // Enter on an earlier slide reached with the arrows in the overview.
  await page.keyboard.type(String(earlier.index + 2));
  await page.keyboard.press('Enter');
  await waitAudienceAt(page, earlier.index + 1);
  await page.keyboard.press('o');
  await page.waitForSelector('.reveal.overview');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.reveal:not(.overview)');
  await waitAudienceAt(page, earlier.index, -1);

  // Closing the overview where it opened keeps the step the talk was at.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitAudienceAt(page, earlier.index, 1);
  await page.keyboard.press('o');
  await page.waitForSelector('.reveal.overview');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal:not(.overview)');
  await waitAudienceAt(page, earlier.index, 1);
  await page.context().close();
});

test('the overview shows slides complete and says how to reach the rest of the deck', async () => {
  const page = await audienceAt(1366, 768);
  await page.keyboard.press('o');
  await page.waitForSelector('.reveal.overview');
  const ahead = deck.slides.find((s) => s.fragments >= 2 && s.index > 0 && s.index < 10);
  assert.ok(ahead);
  const hidden = await page
    .locator(`.reveal .slides section[data-lectern-index="${ahead.index}"] .fragment`)
    .evaluateAll((els) => els.filter((el) => getComputedStyle(el).visibility !== 'visible' || Number(getComputedStyle(el).opacity) < 1).length);
  assert.equal(hidden, 0, `slide ${ahead.index + 1}'s fragments all show in the overview`);
  // The keyboard's pick is outlined in the accent colour, unlike a hovered slide (issue 11.15's sibling).
  const outline = (selector: string) =>
    page.locator(selector).first().evaluate((el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineColor}`);
  await page.locator(`.reveal .slides section[data-lectern-index="${ahead.index}"]`).hover();
  const picked = await outline('.reveal.overview .slides section.present[data-lectern-index]');
  const hovered = await outline(`.reveal .slides section[data-lectern-index="${ahead.index}"]`);
  assert.match(picked, /^solid /, `the pick is outlined (${picked})`);
  assert.notEqual(hovered, picked);
  const hint = page.getByTestId('overview-hint');
  assert.equal(await hint.isVisible(), true);
  assert.match((await hint.textContent()) ?? '', new RegExp(`of ${deck.slides.length}\\b.*arrows move through the whole deck.*study view`));
  await page.keyboard.press('Escape');
  await page.waitForSelector('.reveal:not(.overview)');
  assert.equal(await hint.isVisible(), false, 'the caption is for the overview only');
  // Out of the overview, fragments to come stay hidden.
  await page.keyboard.type(String(ahead.index + 1));
  await page.keyboard.press('Enter');
  await waitAudienceAt(page, ahead.index, -1);
  await page.context().close();
});

test('the hovered search hit and the keyboard-selected one look different', async () => {
  const page = await audienceAt(1366, 768);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('liver');
  await page.waitForFunction(() => document.querySelectorAll('.lectern-search-hits .hit').length >= 4);
  await page.keyboard.press('ArrowDown');
  await page.locator('.lectern-search-hits .hit').nth(3).hover();
  const look = (i: number) =>
    page.locator('.lectern-search-hits .hit').nth(i).evaluate((el) => {
      const s = getComputedStyle(el);
      const after = getComputedStyle(el, '::after').content;
      return { outline: `${s.outlineStyle} ${s.outlineColor}`, shadow: s.boxShadow, background: s.backgroundColor, after, selected: el.getAttribute('aria-selected') };
    });
  const selected = await look(1);
  const hovered = await look(3);
  const plain = await look(2);
  assert.equal(selected.selected, 'true');
  assert.equal(hovered.selected, 'false');
  assert.notDeepEqual({ ...hovered, selected: null }, { ...selected, selected: null });
  assert.notEqual(hovered.outline, selected.outline, 'only the pick is outlined');
  assert.notEqual(hovered.background, plain.background, 'the hover still shows');
  assert.match(selected.after, /Enter/);
  await page.context().close();
});
