// The renderer booting from the app's preload API (window.lectern), simulated in Chromium: the
// deck and role come from `invoke`, a relay stands in for the main process on the `sync`
// channel, and the test pushes `deck:updated` and `deck:errors` events as live reload would.

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import type { DeckPayload, DeckSummary, ViewRole } from '../../electron/contract/ipc';
import type { Diagnostic } from '../../electron/deck/types';
import { FIXTURE_DIR, fixtureDeck } from '../support/fixture-deck';
import { writeAppPage } from '../support/app-page';
import { launchOfflineBrowser, scratchDir } from '../support/browser';

const scratch = scratchDir();
let browser: Browser;
let context: BrowserContext;
let pageUrl: string;

// Runs in the page before the renderer: a fake preload API. `sync` goes through a
// BroadcastChannel, as the main process would relay it to the other windows. Plain JavaScript
// text, so nothing from the test's TypeScript transform leaks into the page.
const FAKE_PRELOAD = `
  const listeners = new Map();
  const relay = new BroadcastChannel('fake-main-process');
  relay.onmessage = (e) => listeners.get('sync')?.forEach((l) => l(e.data));
  window.__emit = (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload));
  window.__invoked = [];
  window.__requests = [];
  window.lectern = {
    invoke: async (channel, request) => {
      window.__invoked.push(channel);
      window.__requests.push([channel, request]);
      if (channel === 'view:role') return SETUP.role;
      if (channel === 'deck:load') return SETUP.payload;
      if (channel === 'deck:recent') return SETUP.recent || [];
      return null;
    },
    send: (channel, message) => { if (channel === 'sync') relay.postMessage(message); },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    },
  };
`;

const payload: DeckPayload = { deck: fixtureDeck(), assetBase: pathToFileURL(FIXTURE_DIR).href + '/' };

async function openAppView(role: ViewRole, data: DeckPayload | null = payload, recent: DeckSummary[] = []): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: `(() => { const SETUP = ${JSON.stringify({ role, payload: data, recent })};${FAKE_PRELOAD}})();` });
  await page.goto(pageUrl);
  await page.waitForSelector('html[data-lectern-ready]');
  assert.equal(await page.getAttribute('html', 'data-lectern-ready'), 'true', (await page.textContent('body')) ?? '');
  return page;
}

before(async () => {
  pageUrl = writeAppPage(scratch.dir);
  browser = await launchOfflineBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

let audience: Page;
let presenter: Page;

test('both views boot from the app API and assets load through the asset base', async () => {
  audience = await openAppView('audience');
  presenter = await openAppView('presenter');
  assert.equal(await audience.locator('.lectern-audience').count(), 1);
  assert.equal(await presenter.locator('.lectern-presenter').count(), 1);
  await audience.keyboard.type('3');
  await audience.keyboard.press('Enter');
  const img = audience.locator('.reveal .slides section.present img');
  await img.waitFor();
  assert.ok((await img.getAttribute('src'))?.endsWith('/renderer/diagram.svg'));
  assert.ok(await img.evaluate((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
});

test('navigation syncs both ways through the sync channel', async () => {
  await presenter.waitForFunction(() => document.querySelector('[data-testid="position"]')?.textContent?.startsWith('Slide 3 /'));
  await presenter.keyboard.press('ArrowRight');
  await audience.waitForFunction(() => document.querySelector('.reveal .lectern-slide-number')?.textContent?.replace(/\s/g, '').startsWith('4/'));
});

test('live-reload errors reach the presenter only and clear again', async () => {
  const errors: Diagnostic[] = [{ file: '/decks/talk.md', line: 7, column: 3, severity: 'error', code: 'katex-parse', message: 'KaTeX: bad formula' }];
  await presenter.evaluate((e) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('deck:errors', e), errors);
  await audience.evaluate((e) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('deck:errors', e), errors);
  await presenter.getByTestId('errors').waitFor({ state: 'visible' });
  assert.match((await presenter.getByTestId('errors').textContent()) ?? '', /talk\.md:7:3: KaTeX: bad formula/);
  assert.equal(await audience.getByText('bad formula').count(), 0);
  await presenter.evaluate(() => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('deck:errors', []));
  await presenter.getByTestId('errors').waitFor({ state: 'hidden' });
});

test('a reloaded deck replaces the slides and keeps the position', async () => {
  const deck = fixtureDeck();
  deck.slides[3]!.html = deck.slides[3]!.html.replace('Yttrium-90 decay', 'Yttrium-90 decay (edited)');
  deck.slides[3]!.title = 'Yttrium-90 decay (edited)';
  const updated: DeckPayload = { deck, assetBase: payload.assetBase };
  for (const page of [audience, presenter]) {
    await page.evaluate((p) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('deck:updated', p), updated);
  }
  await audience.waitForSelector('.reveal .slides section.present h2:has-text("(edited)")');
  await presenter.waitForSelector('.lectern-preview.current h2:has-text("(edited)")');
  assert.match((await audience.locator('.reveal .lectern-slide-number').textContent())?.replace(/\s/g, '') ?? '', /^4\//);
});

test('File > Export PDF progress shows in the presenter window, never on the projector', async () => {
  const emit = (page: Page, progress: unknown) => page.evaluate((p) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('export:progress', p), progress);
  const status = presenter.locator('.lectern-export-status');
  await emit(presenter, { phase: 'print', done: 9, total: 9, file: '/talks/talk.notes.pdf' });
  assert.equal(await status.isVisible(), true);
  assert.equal(await status.textContent(), 'Exporting 9 slides: printing…');
  // PowerPoint and image export report each picture taken, on the same line.
  await emit(presenter, { phase: 'print', done: 12, total: 42, file: '/talks/talk.pptx' });
  assert.equal(await status.textContent(), 'Exporting 42 slides: 12 of 42…');
  await emit(presenter, { phase: 'done', done: 9, total: 9, file: '/talks/talk.notes.pdf' });
  assert.equal(await status.textContent(), 'Saved talk.notes.pdf');
  if (process.env.LECTERN_SCREENSHOT) await presenter.screenshot({ path: process.env.LECTERN_SCREENSHOT.replace(/\.png$/, '-export.png') });
  await emit(presenter, { phase: 'failed', done: 0, total: 9, message: 'cannot write /talks/talk.notes.pdf: permission denied' });
  assert.match((await status.textContent()) ?? '', /^Export failed: cannot write/);
  await status.click();
  assert.equal(await status.isVisible(), false, 'a click dismisses the last word');
  await emit(audience, { phase: 'print', done: 9, total: 9 });
  assert.equal(await audience.locator('.lectern-export-status').count(), 0, 'the audience view has no export status');
});

test('View > Rehearse Timings: the menu command starts and ends a run in the presenter view, as Shift+R', async () => {
  const emit = (command: unknown) => presenter.evaluate((c) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('presenter:command', c), command);
  const badge = presenter.getByTestId('rehearse-badge');
  await emit('rm -rf');
  assert.equal(await badge.isVisible(), false, 'a command the contract does not declare is ignored');
  await emit('toggle-rehearsal');
  await badge.waitFor({ state: 'visible' });
  await presenter.keyboard.press('ArrowRight');
  await emit('toggle-rehearsal');
  await badge.waitFor({ state: 'hidden' });
  const report = presenter.getByTestId('rehearsal-report');
  await report.waitFor({ state: 'visible' });
  assert.ok((await presenter.locator('[data-testid="rehearsal-chart-sections"] svg g.chart-section').count()) >= 1);
  // The run went to the app to be saved beside the deck.
  const saves = (await presenter.evaluate(() => (window as unknown as { __requests: Array<[string, unknown]> }).__requests)).filter(([c]) => c === 'rehearsal:save');
  assert.equal(saves.length, 1);
  await presenter.keyboard.press('Escape');
  await report.waitFor({ state: 'hidden' });
});

test('the start screen: recent decks to present or study, and both Open buttons', async () => {
  const recent: DeckSummary[] = [
    { file: '/talks/liver.md', title: 'Liver-directed therapies', slideCount: 42, duration: 45, errors: 0 },
    { file: '/talks/other.md', title: 'Another talk', slideCount: 3, errors: 0 },
  ];
  const start = await openAppView('start', null, recent);
  await start.waitForSelector('.lectern-deck');
  assert.equal(await start.locator('.lectern-deck').count(), 2);
  await start.locator('.lectern-deck').first().click();
  await start.locator('.lectern-deck-study').nth(1).click();
  await start.getByRole('button', { name: 'Open for study…' }).click();
  await start.getByRole('button', { name: 'Open a deck…' }).click();
  const opens = (await start.evaluate(() => (window as unknown as { __requests: Array<[string, unknown]> }).__requests)).filter(([c]) => c === 'deck:open');
  assert.deepEqual(opens.map(([, r]) => r), [{ file: '/talks/liver.md' }, { file: '/talks/other.md', study: true }, { study: true }, {}]);
  if (process.env.LECTERN_SCREENSHOT) await start.screenshot({ path: process.env.LECTERN_SCREENSHOT });
  await start.close();
});

test('the start role shows the start screen', async () => {
  const start = await openAppView('start', null);
  assert.equal(await start.locator('.lectern-welcome').count(), 1);
  assert.ok((await start.evaluate(() => (window as unknown as { __invoked: string[] }).__invoked)).includes('deck:recent'));
});

test('another deck opened over the talk starts both windows afresh on it, not merged into the old one', async () => {
  const views = [await openAppView('presenter'), await openAppView('audience')];
  const other = fixtureDeck();
  other.file = '/talks/another-talk.md';
  const updated: DeckPayload = { deck: other, assetBase: payload.assetBase };
  for (const page of views) {
    // Marks this page: a reload clears it; an in-place replace would keep it.
    await page.evaluate(() => ((window as unknown as { __before: boolean }).__before = true));
    const reloaded = page.waitForEvent('load');
    await page.evaluate((p) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit('deck:updated', p), updated);
    await reloaded;
    await page.waitForSelector('html[data-lectern-ready]');
    assert.equal(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before), undefined, 'the view started afresh');
    assert.ok((await page.evaluate(() => (window as unknown as { __invoked: string[] }).__invoked)).includes('deck:load'), 'and asked the app for the deck');
    await page.close();
  }
});
