// A slide whose image decodes after reveal.js laid it out (the first slide shown, a jump to a
// far slide) must be re-centred: every slide of the real talk with an image, opened directly,
// ends up inside the 16:9 frame. An image alone on a slide is centred across it, written in
// Markdown or as a reveal.js deck writes it, in HTML.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDeck, loadDeck } from '../../electron/deck/index';
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

test('an image alone is centred across the slide, in Markdown or raw HTML; two raw images stay side by side', async () => {
  copyFileSync('test/fixtures/format/img/decay.svg', join(scratch.dir, 'decay.svg'));
  const file = join(scratch.dir, 'alone.md');
  const text = [
    '## Markdown', '', '![Decay](decay.svg)', '', 'Note: a', '', '---', '',
    '## HTML', '', '<img src="decay.svg" alt="Decay" width="300">', '', 'Note: b', '', '---', '',
    '<img src="decay.svg" alt="Decay" width="300">', '', 'Note: c', '', '---', '',
    '## Two', '', '<img src="decay.svg" alt="One" width="300"> <img src="decay.svg" alt="Two" width="300">', '', 'Note: d',
  ].join('\n');
  writeFileSync(file, text);
  const alone = exportDeckHtml(compileDeck(text, file), scratch.dir, 'alone.html');
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const boxes: Array<Array<{ left: number; right: number; top: number }>> = [];
  for (const h of [0, 1, 2, 3]) {
    const page = await openView(context, `${alone}#/${h}`);
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.reveal .slides section.present img')].every((img) => img.complete));
    boxes.push(await page.evaluate(() => {
      const slide = document.querySelector('.reveal .slides section.present')!.getBoundingClientRect();
      return [...document.querySelectorAll('.reveal .slides section.present img')].map((img) => {
        const r = img.getBoundingClientRect();
        return { left: r.left - slide.left, right: slide.right - r.right, top: r.top };
      });
    }));
    await page.close();
  }
  await context.close();
  for (const [h, [box]] of boxes.slice(0, 3).entries()) {
    assert.ok(box && Math.abs(box.left - box.right) <= 2, `slide ${h + 1}: the image is centred (${JSON.stringify(box)})`);
  }
  const [one, two] = boxes[3]!;
  assert.ok(one && two && Math.abs(one.top - two.top) <= 1 && two.left > one.left, `side by side: ${JSON.stringify(boxes[3])}`);
});
