// Backup slides in both windows of an offline HTML file: Next stops at the talk's last step in
// the presenter and in the audience (reveal.js), the presenter lists the backup slides, Shift+B
// goes there and back, a number jumps to one, and pacing leaves them out.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import { audienceState, exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

let browser: Browser;
let audience: Page;
let presenter: Page;
const scratch = scratchDir();

const DECK = `---
title: Backup test
duration: 10
---
# One
Note: one
---
# Two
- a <!-- .element: class="fragment" -->
Note: two
---
<!-- backup -->
---
# Spare A
Note: a
---
# Spare B
Note: b
`;

before(async () => {
  const file = join(scratch.dir, 'deck.md');
  writeFileSync(file, DECK);
  const url = exportDeckHtml(loadDeck(file), scratch.dir, 'talk.html');
  browser = await launchOfflineBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  audience = await openView(context, url);
  presenter = await openView(context, `${url}#presenter`, { clock: true });
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

const status = async (): Promise<string> => (await presenter.getByTestId('position').textContent()) ?? '';

test('the presenter counts the talk and lists the backup slides', async () => {
  assert.match(await status(), /^Slide 1 \/ 2 \(\+2 backup\)/);
  const list = presenter.getByTestId('backup-list');
  assert.equal(await list.isVisible(), true);
  assert.deepEqual((await list.locator('button').allTextContents()).map((t) => t.replace(/\s+/g, ' ')), ['3 Spare A', '4 Spare B']);
});

test('Next in the presenter stops at the end of the talk', async () => {
  for (let i = 0; i < 5; i++) await presenter.keyboard.press('ArrowRight');
  assert.match(await status(), /^Slide 2 \/ 2 .*step 1\/1/);
  assert.match((await presenter.locator('.pane-label').first().textContent()) ?? '', /end of the talk/);
  assert.match((await presenter.getByTestId('pace').textContent()) ?? '', /planned 10:00/, 'the plan is the talk\'s');
  await audience.waitForFunction(() => document.querySelector('.reveal .slides section.present[data-lectern-index="1"]') !== null);
});

test('Next in the audience stops at the end of the talk too', async () => {
  await audience.bringToFront();
  for (let i = 0; i < 3; i++) await audience.keyboard.press('ArrowRight');
  const state = await audienceState(audience);
  assert.equal(state.index, 1);
});

test('Shift+B goes to the backup slides and back; a number jumps to one', async () => {
  await presenter.bringToFront();
  await presenter.keyboard.press('Shift+B');
  await presenter.waitForFunction(() => document.querySelector('[data-testid="position"]')?.textContent?.startsWith('Backup slide 3 (1 of 2)'));
  assert.match((await presenter.getByTestId('pace').textContent()) ?? '', /^Backup slide/);
  await audience.waitForFunction(() => document.querySelector('.reveal .slides section.present[data-lectern-index="2"]') !== null);
  await presenter.keyboard.press('ArrowRight');
  assert.match(await status(), /^Backup slide 4 \(2 of 2\)/);
  await presenter.keyboard.press('Shift+B');
  assert.match(await status(), /^Slide 2 \/ 2 .*step 1\/1/, 'back where the talk was');
  await presenter.keyboard.press('4');
  await presenter.keyboard.press('Enter');
  await presenter.waitForFunction(() => document.querySelector('[data-testid="position"]')?.textContent?.startsWith('Backup slide 4'));
  await presenter.getByTestId('backup-list').locator('button').first().click();
  assert.match(await status(), /^Backup slide 3/);
});
