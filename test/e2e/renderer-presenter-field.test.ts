// Field defects of the presenter view (issue 11), beside the audience view of the real talk:
// the clock never starts by itself (opening, reloading, or after a reset), a double-click cannot
// reset it and a reset can be undone, notes on a laptop screen can be given room and scrolled
// without moving the talk, and the help overlay fits and gets out of the way.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { audienceState, exportAndLaunch, openView, scratchDir } from '../support/browser';

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

/** An audience window at `hash`, then a presenter window under a fake clock, in a fresh context. */
async function talk(width: number, height: number, hash = ''): Promise<{ context: BrowserContext; audience: Page; presenter: Page }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const audience = await openView(context, `${url}${hash}`);
  const presenter = await openView(context, `${url}#presenter`, { clock: true });
  return { context, audience, presenter };
}

async function waitPresenterSlide(presenter: Page, n: number): Promise<void> {
  await presenter.waitForFunction((text) => document.querySelector('[data-testid="position"]')?.textContent?.startsWith(text), `Slide ${n} /`);
}

const elapsed = async (p: Page): Promise<string> => (await p.getByTestId('elapsed').textContent()) ?? '';
const clockState = async (p: Page): Promise<string> => (await p.getByTestId('clock-state').textContent()) ?? '';

test('opening the presenter mid-talk follows the audience without starting the clock', async () => {
  const { context, audience, presenter } = await talk(1280, 720, '#/5/0');
  await waitPresenterSlide(presenter, (await audienceState(audience)).index + 1);
  await presenter.clock.runFor(60_000);
  assert.equal(await elapsed(presenter), '0:00');
  assert.match(await clockState(presenter), /first advance/);

  // A reload of either window is a catch-up too.
  await presenter.reload();
  await presenter.waitForSelector('html[data-lectern-ready="true"]');
  // The fake clock is the context's: the audience's boot needs time to pass.
  await audience.reload();
  for (let i = 0; i < 50 && (await audience.getAttribute('html', 'data-lectern-ready')) !== 'true'; i++) await audience.clock.runFor(200);
  await presenter.clock.runFor(30_000);
  assert.equal(await elapsed(presenter), '0:00');

  // The presenter's first advance starts it.
  await presenter.keyboard.press('ArrowRight');
  await presenter.clock.runFor(5_300);
  assert.equal(await clockState(presenter), 'Running');
  assert.equal(await elapsed(presenter), '0:05');
  await context.close();
});

test('after a confirmed reset, reloading the presenter mid-talk leaves the clock at 0:00', async () => {
  const { context, audience, presenter } = await talk(1280, 720);
  await presenter.keyboard.type('9');
  await presenter.keyboard.press('Enter');
  await presenter.clock.runFor(120_000);
  await presenter.getByTestId('timer-reset').click();
  await presenter.clock.runFor(1_000);
  await presenter.getByTestId('timer-reset-confirm').click();
  assert.equal(await elapsed(presenter), '0:00');
  await presenter.reload();
  await presenter.waitForSelector('html[data-lectern-ready="true"]');
  await waitPresenterSlide(presenter, (await audienceState(audience)).index + 1);
  await presenter.clock.runFor(30_000);
  assert.equal(await elapsed(presenter), '0:00');
  assert.match(await clockState(presenter), /first advance/);
  await context.close();
});

test('a double-click on Reset… cannot reset the clock, nor a quick second click on the confirm', async () => {
  const { context, presenter } = await talk(1280, 720);
  await presenter.keyboard.press('ArrowRight');
  await presenter.clock.runFor(95_300);
  const before = await elapsed(presenter);
  assert.equal(before, '1:35');

  await presenter.getByTestId('timer-reset').dblclick();
  assert.equal(await elapsed(presenter), before, 'the double-click left the time');
  assert.equal(await presenter.getByTestId('timer-reset-confirm').isHidden(), true, 'its second click landed on Keep time');

  // Arming, then clicking the confirm at once (time stands still): it is not live yet.
  await presenter.getByTestId('timer-reset').click();
  const confirm = presenter.getByTestId('timer-reset-confirm');
  assert.equal(await confirm.isDisabled(), true);
  await confirm.click({ force: true });
  assert.equal(await elapsed(presenter), before);
  const [resetBox, cancelBox] = await Promise.all([presenter.getByTestId('timer-reset').boundingBox(), presenter.getByTestId('timer-reset-cancel').boundingBox()]);
  assert.equal(resetBox, null, 'Reset… made way');
  assert.ok(cancelBox, 'Keep time is shown');
  await presenter.getByTestId('timer-reset-cancel').click();
  await context.close();
});

test('a confirmed reset can be undone for some seconds', async () => {
  const { context, presenter } = await talk(1280, 720);
  await presenter.keyboard.press('ArrowRight');
  await presenter.clock.runFor(60_300);
  await presenter.getByTestId('timer-reset').click();
  await presenter.clock.runFor(1_000);
  await presenter.getByTestId('timer-reset-confirm').click();
  assert.equal(await elapsed(presenter), '0:00');
  const undo = presenter.getByTestId('timer-reset-undo');
  assert.equal(await undo.isVisible(), true);
  await presenter.clock.runFor(3_000);
  await undo.click();
  // The talk went on while the clock showed 0:00: 60 + 1 + 3 seconds.
  assert.equal(await elapsed(presenter), '1:04');
  assert.equal(await clockState(presenter), 'Running');
  assert.equal(await undo.isHidden(), true);

  await presenter.getByTestId('timer-reset').click();
  await presenter.clock.runFor(1_000);
  await presenter.getByTestId('timer-reset-confirm').click();
  await presenter.clock.runFor(11_000);
  assert.equal(await undo.isHidden(), true, 'the undo goes after ten seconds');
  assert.equal(await elapsed(presenter), '0:00');
  await context.close();
});

/** The talk's slide whose notes are longest (the one most likely to fall below the fold). */
function longestNotes(): number {
  return [...deck.slides].sort((a, b) => b.notesText.length - a.notesText.length)[0]!.index;
}

for (const [width, height] of [[1366, 768], [1280, 800]] as const) {
  test(`at ${width}x${height} the notes scroll by keys without moving the talk, and say when more is below`, async () => {
    const { context, audience, presenter } = await talk(width, height);
    const index = longestNotes();
    await presenter.keyboard.type(String(index + 1));
    await presenter.keyboard.press('Enter');
    await waitPresenterSlide(presenter, index + 1);
    const notes = presenter.getByTestId('notes');
    const more = presenter.getByTestId('notes-more');
    const overflow = await notes.evaluate((el) => el.scrollHeight - el.clientHeight);
    assert.ok(overflow > 0, `slide ${index + 1}'s notes are longer than the pane at the default split`);
    assert.equal(await more.isVisible(), true, 'the pane says there is more below');

    const position = await presenter.getByTestId('position').textContent();
    const shown = await audienceState(audience);
    for (let i = 0; i < 10 && (await more.isVisible()); i++) await presenter.keyboard.press('Shift+ArrowDown');
    assert.equal(await more.isVisible(), false, 'at the end of the notes the mark goes');
    assert.ok((await notes.evaluate((el) => el.scrollTop)) > 0);
    await presenter.keyboard.press('Shift+ArrowUp');
    assert.equal(await presenter.getByTestId('position').textContent(), position, 'the presenter stayed on the slide');
    assert.deepEqual(await audienceState(audience), shown, 'the audience did not move');
    await context.close();
  });
}

test('dragging the split gives the notes more room, remembered after a reload', async () => {
  const { context, presenter } = await talk(1366, 768);
  const notesHeight = () => presenter.locator('.notes-pane').evaluate((el) => el.getBoundingClientRect().height);
  const start = await notesHeight();
  const handle = await presenter.getByTestId('notes-split').boundingBox();
  assert.ok(handle);
  const x = handle.x + handle.width / 2;
  const y = handle.y + handle.height / 2;
  await presenter.mouse.move(x, y);
  await presenter.mouse.down();
  await presenter.mouse.move(x, y - 150, { steps: 5 });
  await presenter.mouse.up();
  const taller = await notesHeight();
  assert.ok(taller > start + 120, `notes ${start} -> ${taller} px`);
  // The slide preview still has room: the split stops at its limit.
  assert.ok((await presenter.locator('.current-pane').evaluate((el) => el.getBoundingClientRect().height)) > 100);
  await presenter.reload();
  await presenter.waitForSelector('html[data-lectern-ready="true"]');
  assert.ok(Math.abs((await notesHeight()) - taller) <= 1, 'the split is remembered');
  // A double-click on the handle puts the default back.
  await presenter.getByTestId('notes-split').dblclick();
  assert.ok(Math.abs((await notesHeight()) - start) <= 1);
  await context.close();
});

for (const [width, height] of [[1366, 768], [1280, 720], [1024, 768]] as const) {
  test(`the presenter's help fits at ${width}x${height} and a clicker key closes it and advances`, async () => {
    const { context, audience, presenter } = await talk(width, height);
    await presenter.keyboard.press('?');
    const panel = presenter.locator('.lectern-help .lectern-overlay-panel');
    await panel.waitFor({ state: 'visible' });
    const fits = await panel.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && el.scrollHeight <= el.clientHeight + 1;
    });
    assert.ok(fits, 'the whole list shows without scrolling');
    assert.match((await panel.textContent()) ?? '', /Scroll the notes/);
    await presenter.keyboard.press('PageDown');
    await panel.waitFor({ state: 'hidden' });
    await waitPresenterSlide(presenter, 2);
    await audience.waitForFunction(() => document.querySelector('.reveal .lectern-slide-number')?.textContent?.replace(/\s/g, '').startsWith('2/'));
    await context.close();
  });
}

test('F toggles fullscreen in the presenter view and Esc leaves it', async () => {
  const { context, presenter } = await talk(1280, 720);
  await presenter.keyboard.press('f');
  await presenter.waitForFunction(() => document.fullscreenElement !== null);
  await presenter.keyboard.press('f');
  await presenter.waitForFunction(() => document.fullscreenElement === null);
  await presenter.keyboard.press('f');
  await presenter.waitForFunction(() => document.fullscreenElement !== null);
  await presenter.keyboard.press('Escape');
  await presenter.waitForFunction(() => document.fullscreenElement === null);
  await context.close();
});
