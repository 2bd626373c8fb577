// The presenter's ink in the app (a fake preload API in Chromium, as renderer-app-source.test.ts):
// main's 'ink:flush' (the talk ends, the app quits) makes the window save at once and answer
// after its save; a save main could not write anywhere shows the message with the "save
// elsewhere" button, which asks main; a save that went to the per-user folder says where.

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import type { DeckPayload } from '../../electron/contract/ipc';
import { FIXTURE_DIR, fixtureDeck } from '../support/fixture-deck';
import { writeAppPage } from '../support/app-page';
import { launchOfflineBrowser, scratchDir } from '../support/browser';

const scratch = scratchDir();
let browser: Browser;
let context: BrowserContext;
let pageUrl: string;

// Plain JavaScript in the page: `window.__inkAnswer` is what 'ink:save' answers (a test sets it).
const FAKE_PRELOAD = `
  const listeners = new Map();
  window.__emit = (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload));
  window.__requests = [];
  window.__inkAnswer = { ok: true, file: '/talks/talk.lectern-ink.json' };
  window.lectern = {
    invoke: async (channel, request) => {
      window.__requests.push([channel, request === undefined ? null : JSON.parse(JSON.stringify(request))]);
      if (channel === 'view:role') return 'presenter';
      if (channel === 'deck:load') return SETUP.payload;
      if (channel === 'ink:load') return { slides: [] };
      if (channel === 'ink:save') return new Promise((r) => setTimeout(() => r(window.__inkAnswer), 50));
      if (channel === 'sidecar:save-elsewhere') return { ok: true, files: ['/usb/talk.lectern-ink.json', '/usb/talk.lectern-rehearsals.json'] };
      return null;
    },
    send: () => {},
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    },
  };
`;

const payload: DeckPayload = { deck: fixtureDeck(), assetBase: pathToFileURL(FIXTURE_DIR).href + '/' };
let presenter: Page;

before(async () => {
  pageUrl = writeAppPage(scratch.dir);
  browser = await launchOfflineBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  presenter = await context.newPage();
  await presenter.addInitScript({ content: `(() => { const SETUP = ${JSON.stringify({ payload })};${FAKE_PRELOAD}})();` });
  await presenter.goto(pageUrl);
  await presenter.waitForSelector('html[data-lectern-ready="true"]');
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

type Requests = Array<[string, unknown]>;
const requests = async (): Promise<Requests> => presenter.evaluate(() => (window as unknown as { __requests: Requests }).__requests.splice(0));
const emit = (channel: string, value: unknown) => presenter.evaluate(([c, v]) => (window as unknown as { __emit: (c: string, p: unknown) => void }).__emit(c as string, v), [channel, value] as const);

/** Draws a short stroke on the current-slide preview with the pen. */
async function draw(): Promise<void> {
  const box = (await presenter.locator('.lectern-preview.current svg.lectern-ink').boundingBox())!;
  await presenter.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await presenter.mouse.down();
  await presenter.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 4 });
  await presenter.mouse.up();
}

test("main's flush saves the ink at once (no waiting for the save timer) and answers after the save", async () => {
  await presenter.keyboard.press('d');
  await draw();
  await requests();
  // Straight after the stroke: the 1.5 s save timer has not fired.
  await emit('ink:flush', { id: 41 });
  await presenter.waitForFunction(() => (window as unknown as { __requests: Requests }).__requests.some(([c]) => c === 'ink:flushed'));
  const seen = await requests();
  const channels = seen.map(([c]) => c);
  assert.deepEqual(channels, ['ink:save', 'ink:flushed'], 'the save first, then the answer');
  const saved = seen[0]![1] as { slides: Array<{ strokes: unknown[] }> };
  assert.equal(saved.slides.reduce((n, s) => n + s.strokes.length, 0), 1);
  assert.deepEqual(seen[1]![1], { id: 41 });
  // Nothing new: a flush answers at once, with no save.
  await emit('ink:flush', { id: 42 });
  await presenter.waitForFunction(() => (window as unknown as { __requests: Requests }).__requests.some(([c]) => c === 'ink:flushed'));
  assert.deepEqual((await requests()).map(([c]) => c), ['ink:flushed']);
});

test('a save main could not write anywhere: the message offers "save elsewhere", which asks main and says what it did', async () => {
  await presenter.evaluate(() => {
    (window as unknown as { __inkAnswer: unknown }).__inkAnswer = { ok: false, message: 'cannot write /talks/talk.lectern-ink.json: permission denied, and the per-user folder failed too. The ink is kept in memory; save it elsewhere or make the folder writable.' };
  });
  await draw();
  await presenter.keyboard.press('Control+s');
  const notice = presenter.getByTestId('ink-notice');
  await notice.waitFor({ state: 'visible' });
  assert.match((await notice.textContent()) ?? '', /Ink not saved beside the deck: cannot write .*permission denied.*kept in memory/);
  const rescue = presenter.getByTestId('ink-rescue');
  assert.equal(await rescue.textContent(), 'Save ink and rehearsals elsewhere…');
  if (process.env.LECTERN_SCREENSHOT) await presenter.screenshot({ path: process.env.LECTERN_SCREENSHOT });
  await requests();
  await rescue.click();
  await presenter.waitForFunction(() => /Saved talk\.lectern-ink\.json and talk\.lectern-rehearsals\.json/.test(document.querySelector('[data-testid="ink-notice"]')?.textContent ?? ''));
  // The window tries its own save once more, then main writes to the chosen folder.
  assert.deepEqual((await requests()).map(([c]) => c), ['ink:save', 'sidecar:save-elsewhere']);
});

test('a save that went to the per-user folder says so and where, once', async () => {
  const elsewhere = 'the deck folder cannot be written (cannot write /talks/talk.lectern-ink.json: read-only file system), so it was saved in /home/p/.local/share/lectern/sidecars/0123456789abcdef/talk.lectern-ink.json instead; Lectern finds it there next time';
  await presenter.evaluate((e) => {
    (window as unknown as { __inkAnswer: unknown }).__inkAnswer = { ok: true, file: '/x', elsewhere: e };
  }, elsewhere);
  await draw();
  await presenter.keyboard.press('Control+s');
  await presenter.waitForFunction(() => /per-user|sidecars\/0123456789abcdef/.test(document.querySelector('[data-testid="ink-notice"]')?.textContent ?? ''));
  const text = (await presenter.getByTestId('ink-notice').textContent()) ?? '';
  assert.match(text, /Ink not saved beside the deck: the deck folder cannot be written .* saved in \/home\/p\/\.local\/share\/lectern\/sidecars\/0123456789abcdef\/talk\.lectern-ink\.json instead/);
  assert.equal(await presenter.getByTestId('ink-rescue').count(), 1, 'the export is offered too');
});
