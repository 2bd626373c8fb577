// A slide whose image decodes after reveal.js laid it out (the first slide shown, a jump to a
// far slide) must be re-centred: every slide of the real talk with an image, opened directly,
// ends up inside the 16:9 frame.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import { exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

const scratch = scratchDir();
const deck = loadDeck('slides/liver-directed-therapies.md');
let browser: Browser;
let url: string;

before(async () => {
  url = exportDeckHtml(deck, scratch.dir, 'talk.html');
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

test('slides with images, opened directly, sit inside the frame once their images load', async () => {
  const withImages = deck.slides.filter((s) => s.html.includes('<img'));
  assert.ok(withImages.length >= 10, `the talk has ${withImages.length} slides with images`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  for (const slide of withImages) {
    const page = await openView(context, `${url}#/${slide.h}/${slide.v}`);
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('.reveal .slides section.present img')];
      return imgs.length > 0 && imgs.every((img) => img.complete);
    });
    // reveal.js re-lays out on the next frame after the load event.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const box = await page.evaluate(() => {
      const section = document.querySelector('.reveal .slides section.present:not(.stack)') as HTMLElement;
      const r = section.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    assert.ok(box.top >= 0 && box.bottom <= box.height + 1, `slide ${slide.index + 1} "${slide.title}": ${box.top}..${box.bottom} of ${box.height}`);
    await page.close();
  }
  await context.close();
});
