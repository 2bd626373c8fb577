// The presenter view beside the audience view (two pages of the same exported file, in sync
// over BroadcastChannel): navigation both ways, blackout both ways, the timer under a fake
// clock (starts on the first advance, pauses, cannot be reset by one click), pacing, notes size,
// the S key opening the presenter window, and errors shown to the presenter only.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { PacingPlan } from '../../electron/contract/pacing';
import { fixtureDeck } from '../support/fixture-deck';
import { audienceState, exportAndLaunch, exportDeckHtml, foreignRequests, openView, recordingContext, scratchDir, waitAudienceAt } from '../support/browser';

let browser: Browser;
let context: BrowserContext;
let audience: Page;
let presenter: Page;
let url: string;
let deck: Deck;
let requests: string[];
const scratch = scratchDir();

before(async () => {
  deck = loadDeck('slides/liver-directed-therapies.md');
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir));
  ({ context, requests } = await recordingContext(browser));
  audience = await openView(context, url);
  presenter = await openView(context, `${url}#presenter`, { clock: true });
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

async function presenterStatus(): Promise<string> {
  return (await presenter.getByTestId('position').textContent()) ?? '';
}

const waitAudience = (index: number): Promise<void> => waitAudienceAt(audience, index);

async function waitPresenterSlide(n: number): Promise<void> {
  await presenter.waitForFunction((text) => document.querySelector('[data-testid="position"]')?.textContent?.startsWith(text), `Slide ${n} /`);
}

test('the presenter shows the first slide, the next one, notes and an idle clock', async () => {
  assert.match(await presenterStatus(), new RegExp(`^Slide 1 / ${deck.slides.length}`));
  assert.equal(await presenter.getByTestId('elapsed').textContent(), '0:00');
  assert.match((await presenter.getByTestId('clock-state').textContent()) ?? '', /first advance/);
  const notes = (await presenter.getByTestId('notes').textContent()) ?? '';
  assert.ok(notes.includes(deck.slides[0]!.notesText.slice(0, 30)), 'slide 1 notes shown');
  assert.equal(await presenter.locator('.lectern-preview.next section').count(), 1);
  // Time passing before the talk starts does not count.
  await presenter.clock.runFor(60_000);
  assert.equal(await presenter.getByTestId('elapsed').textContent(), '0:00');
});

test('advancing in the presenter moves the audience and starts the clock', async () => {
  await presenter.keyboard.press('ArrowRight');
  await waitAudience(1);
  assert.match(await presenterStatus(), /^Slide 2 \//);
  // The display ticks every 250 ms: a little over 65 s shows 1:05.
  await presenter.clock.runFor(65_300);
  assert.equal(await presenter.getByTestId('elapsed').textContent(), '1:05');
  assert.equal(await presenter.getByTestId('clock-state').textContent(), 'Running');
});

test('the presenter shows the fragment state of the current slide', async () => {
  const slide = deck.slides[1]!;
  assert.ok(slide.fragments > 0, 'slide 2 of the talk has fragments');
  await presenter.keyboard.press('ArrowRight');
  await audience.waitForFunction(() => document.querySelectorAll('.reveal .slides section.present .fragment.visible').length > 0);
  assert.match(await presenterStatus(), new RegExp(`step 1/${slide.fragments}`));
  assert.ok((await presenter.locator('.lectern-preview.current .fragment.visible').count()) > 0);
  await presenter.keyboard.press('ArrowLeft');
  await audience.waitForFunction(() => document.querySelectorAll('.reveal .slides section.present .fragment.visible').length === 0);
});

test('advancing in the audience moves the presenter', async () => {
  await audience.keyboard.type('5');
  await audience.keyboard.press('Enter');
  await waitAudience(4);
  await waitPresenterSlide(5);
  const notes = (await presenter.getByTestId('notes').textContent()) ?? '';
  assert.ok(notes.includes(deck.slides[4]!.notesText.slice(0, 30)));
  await audience.keyboard.press('PageUp');
  await waitPresenterSlide(4);
});

test('jumping by number in the presenter moves both', async () => {
  await presenter.keyboard.type('12');
  await presenter.keyboard.press('Enter');
  await waitAudience(11);
  await waitPresenterSlide(12);
});

test('pause stops the clock; one click on reset does not reset it', async () => {
  const before = (await presenter.getByTestId('elapsed').textContent()) ?? '';
  await presenter.getByTestId('timer-toggle').click();
  assert.equal(await presenter.getByTestId('clock-state').textContent(), 'Paused');
  await presenter.clock.runFor(30_000);
  assert.equal(await presenter.getByTestId('elapsed').textContent(), before);
  await presenter.getByTestId('timer-reset').click();
  assert.equal(await presenter.getByTestId('elapsed').textContent(), before, 'a single click only arms the reset');
  // Unconfirmed, the reset disarms itself.
  await presenter.clock.runFor(6_000);
  assert.equal(await presenter.getByTestId('timer-reset-confirm').isHidden(), true);
  assert.equal(await presenter.getByTestId('elapsed').textContent(), before);
  await presenter.keyboard.press('t');
  assert.equal(await presenter.getByTestId('clock-state').textContent(), 'Running');
});

test('a blackout from either side blacks out the audience and pauses the clock', async () => {
  await presenter.keyboard.press('b');
  await audience.waitForSelector('.reveal.paused');
  await presenter.waitForSelector('.blackout-badge:not([hidden])');
  assert.equal(await presenter.getByTestId('clock-state').textContent(), 'Paused during blackout');
  const during = await presenter.getByTestId('elapsed').textContent();
  await presenter.clock.runFor(20_000);
  assert.equal(await presenter.getByTestId('elapsed').textContent(), during);
  await audience.keyboard.press('.');
  await audience.waitForSelector('.reveal:not(.paused)');
  await presenter.waitForSelector('.blackout-badge[hidden]', { state: 'attached' });
  assert.equal(await presenter.getByTestId('clock-state').textContent(), 'Running');
  await audience.keyboard.press('b');
  await presenter.waitForSelector('.blackout-badge:not([hidden])');
  await presenter.keyboard.press('b');
  await audience.waitForSelector('.reveal:not(.paused)');
});

test('pacing compares elapsed time with the plan, overall and for the section', async () => {
  assert.ok(deck.meta.duration, 'the talk declares a duration');
  const plan = new PacingPlan(deck.slides, deck.meta.duration, deck.meta.sections);
  // At slide 12 after about a minute the talk is far ahead of plan.
  const elapsedText = (await presenter.getByTestId('elapsed').textContent()) ?? '0:00';
  const [m, s] = elapsedText.split(':').map(Number);
  const elapsedMs = ((m ?? 0) * 60 + (s ?? 0)) * 1000;
  const expected = plan.status(elapsedMs, 11);
  assert.equal(expected.state, 'ahead');
  assert.equal(await presenter.getByTestId('pace').getAttribute('data-state'), 'ahead');
  assert.match((await presenter.getByTestId('pace').textContent()) ?? '', /ahead/);
  const section = deck.slides[11]!.section;
  assert.match((await presenter.getByTestId('section-pace').textContent()) ?? '', new RegExp(`^${section.replace(/[()+]/g, '.')}: \\d+:\\d\\d of \\d+:\\d\\d`));
  // Forty minutes later, still at slide 12, the talk is behind.
  await presenter.clock.runFor(40 * 60_000);
  assert.equal(await presenter.getByTestId('pace').getAttribute('data-state'), 'behind');
  assert.equal(await presenter.getByTestId('section-pace').getAttribute('data-state'), 'over');
});

test('a deliberate two-step reset puts the clock back to 0:00', async () => {
  await presenter.getByTestId('timer-reset').click();
  // The confirm arms after a double-click's time (renderer-presenter-field.test.ts).
  await presenter.clock.runFor(1_000);
  await presenter.getByTestId('timer-reset-confirm').click();
  assert.equal(await presenter.getByTestId('elapsed').textContent(), '0:00');
  assert.match((await presenter.getByTestId('clock-state').textContent()) ?? '', /first advance/);
});

test('notes size changes with buttons and keys and is remembered', async () => {
  const size = () => presenter.getByTestId('notes').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const start = await size();
  await presenter.getByTestId('notes-larger').click();
  await presenter.keyboard.press('+');
  const larger = await size();
  assert.ok(larger > start);
  await presenter.keyboard.press('-');
  const one = await size();
  assert.ok(one < larger && one > start);
  await presenter.reload();
  await presenter.waitForSelector('html[data-lectern-ready="true"]');
  assert.equal(await size(), one);
});

test('closing and reopening the presenter keeps the running clock', async () => {
  await presenter.keyboard.press('ArrowRight');
  await presenter.clock.runFor(90_300);
  const shown = (await presenter.getByTestId('elapsed').textContent()) ?? '';
  assert.notEqual(shown, '0:00');
  await presenter.close();
  presenter = await openView(context, `${url}#presenter`, { clock: true });
  await presenter.clock.runFor(1_000);
  assert.equal(await presenter.getByTestId('clock-state').textContent(), 'Running');
  const [m, s] = ((await presenter.getByTestId('elapsed').textContent()) ?? '0:00').split(':').map(Number);
  const [m0, s0] = shown.split(':').map(Number);
  assert.ok((m ?? 0) * 60 + (s ?? 0) >= (m0 ?? 0) * 60 + (s0 ?? 0), 'no time lost');
});

test('S in the audience opens the presenter view in a second window', async () => {
  const popup = context.waitForEvent('page');
  await audience.keyboard.press('s');
  const opened = await popup;
  await opened.waitForSelector('html[data-lectern-ready="true"]');
  assert.match(opened.url(), /#presenter$/);
  assert.equal(await opened.locator('.lectern-presenter').count(), 1);
  await opened.close();
});

test('compile errors show in the presenter view only', async () => {
  const broken = exportDeckHtml(fixtureDeck({ withError: true }), scratch.dir, 'broken.html');
  // Its own context: the fake clock of the main one is context-wide.
  const own = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const p = await openView(own, `${broken}#presenter`);
  const a = await openView(own, broken);
  await p.getByTestId('errors').waitFor({ state: 'visible' });
  assert.match((await p.getByTestId('errors').textContent()) ?? '', /fixture\.md:22:5: KaTeX/);
  assert.equal(await a.locator('.presenter-errors').count(), 0);
  assert.equal(await a.getByText('KaTeX: Expected').count(), 0, 'the audience never sees the diagnostic');
  await own.close();
});

test('after clicking a button, Space still advances the talk', async () => {
  await presenter.keyboard.press('Home');
  await waitAudience(0);
  await presenter.getByTestId('timer-toggle').click();
  const state = await presenter.getByTestId('clock-state').textContent();
  await presenter.keyboard.press('Space');
  await waitAudience(1);
  assert.equal(await presenter.getByTestId('clock-state').textContent(), state, 'Space did not press the button again');
});

test('no page made a network request', async () => {
  assert.deepEqual(foreignRequests(requests, url), []);
  assert.equal((await audienceState(audience)).index >= 0, true);
});
