// Every view of the real talk at 1280x720 and 1920x1080: nothing overflows the window (no
// sideways scrolling anywhere; the audience and presenter views fit without scrolling), and
// the audience slide is scaled to fill the window at 16:9.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import { exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

const scratch = scratchDir();
let browser: Browser;
let url: string;

before(async () => {
  url = exportDeckHtml(loadDeck('slides/liver-directed-therapies.md'), scratch.dir, 'talk.html');
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`${width}x${height}: audience, presenter and study fit the window`, async () => {
    const context = await browser.newContext({ viewport: { width, height } });
    const overflow = () => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    });

    const audience = await openView(context, `${url}#/20`);
    assert.deepEqual(await audience.evaluate(overflow), { x: 0, y: 0 });
    const slide = await audience.locator('.reveal .slides').boundingBox();
    assert.ok(slide);
    // 16:9 scaled to the window, within reveal.js's 4% margin.
    assert.ok(slide.width <= width && slide.width >= width * 0.9, `slide ${slide.width}px wide`);

    const presenter = await openView(context, `${url}#presenter`);
    assert.deepEqual(await presenter.evaluate(overflow), { x: 0, y: 0 });
    for (const id of ['elapsed', 'pace', 'notes']) {
      const box = await presenter.getByTestId(id).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= height, `${id} inside the window`);
    }

    const study = await openView(context, `${url}#study`);
    assert.equal((await study.evaluate(overflow)).x, 0, 'no sideways scrolling in the study view');
    const notesOverflow = await study.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.study-notes, .study-slide')].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
    );
    assert.equal(notesOverflow, 0);
    await context.close();
  });
}
