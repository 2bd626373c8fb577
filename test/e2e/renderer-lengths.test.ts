// Talk lengths in an offline HTML file written by `lectern html`: the file carries every
// length; L in the presenter switches, and both windows reload on the new length (its slides,
// its minutes), which they remember.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { runHtml } from '../../electron/cli/html';
import { launchOfflineBrowser, openView, scratchDir } from '../support/browser';

let browser: Browser;
let audience: Page;
let presenter: Page;
const scratch = scratchDir();

const DECK = `---
title: Lengths
lengths: {short: 20, full: 45}
---
# One
Note: one
---
<!-- .slide: data-lengths="full" -->
# Only in the full talk
Note: full
---
# Three
Note: three
`;

before(async () => {
  const file = join(scratch.dir, 'deck.md');
  writeFileSync(file, DECK);
  const out = join(scratch.dir, 'talk.html');
  assert.equal(await runHtml(file, { output: out, force: false }), 0);
  const url = pathToFileURL(out).href;
  browser = await launchOfflineBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  audience = await openView(context, url);
  presenter = await openView(context, `${url}#presenter`);
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

const status = async (): Promise<string> => (await presenter.getByTestId('position').textContent()) ?? '';

test('the file opens on the default length', async () => {
  assert.match(await status(), /^Slide 1 \/ 2 · short \(20 min\)/);
  assert.match((await presenter.getByTestId('pace').textContent()) ?? '', /planned 20:00/);
});

test('L in the presenter switches to the next length in both windows', async () => {
  const audienceReloaded = audience.waitForEvent('load');
  await Promise.all([presenter.waitForEvent('load'), presenter.keyboard.press('L')]);
  await presenter.waitForSelector('html[data-lectern-ready="true"]');
  assert.match(await status(), /^Slide 1 \/ 3 · full \(45 min\)/);
  assert.match((await presenter.getByTestId('pace').textContent()) ?? '', /planned 45:00/);
  await audienceReloaded;
  await audience.waitForSelector('html[data-lectern-ready="true"]');
  await audience.evaluate(() => { location.hash = '#/1'; });
  await audience.waitForFunction(() => document.querySelector('.reveal .slides section.present')?.textContent?.includes('Only in the full talk'));
});
