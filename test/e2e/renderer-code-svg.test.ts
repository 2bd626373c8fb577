// Highlighted code steps and inline SVG in the audience view (issue 12.8, 12.9): each step
// shows only its own copy of the block with its lines highlighted, the SVG renders as SVG
// (camelCase restored by the HTML parser), and nothing loads from the network.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { compileDeck } from '../../electron/deck/index';
import { audienceState, exportAndLaunch, foreignRequests, openView, recordingContext, scratchDir } from '../support/browser';

const DECK = [
  '# Code',
  '',
  '```python [1-2|3]',
  'def f(x):',
  '    return x  # one',
  'y = f(2)',
  '```',
  '',
  'Note: n',
  '---',
  '# Diagram',
  '',
  '<svg viewBox="0 0 200 100" width="400"><defs><linearGradient id="g"><stop offset="0" stop-color="#1f5fa8"/></linearGradient></defs>',
  '<rect id="box" x="10" y="10" width="100" height="50" fill="url(#g)"/><text x="20" y="40">Liver</text></svg>',
  '',
  'Note: n',
].join('\n');

let browser: Browser;
let page: Page;
let url: string;
let requests: string[];
const scratch = scratchDir();

before(async () => {
  const deck = compileDeck(DECK, `${scratch.dir}/deck.md`);
  assert.deepEqual(deck.diagnostics, []);
  assert.equal(deck.slides[0]!.fragments, 1);
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir, 'deck.html'));
  let context: BrowserContext;
  ({ context, requests } = await recordingContext(browser));
  page = await openView(context, url);
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

/** For each <code> of the present slide's block: shown, and the numbers of its highlighted lines. */
async function codeState(): Promise<Array<{ shown: boolean; highlighted: string[] }>> {
  return page.evaluate(() => {
    const present = document.querySelector('.reveal .slides section.present');
    return [...(present?.querySelectorAll<HTMLElement>('pre.lectern-code > code') ?? [])].map((code) => ({
      shown: getComputedStyle(code).visibility === 'visible' && Number(getComputedStyle(code).opacity) > 0.5,
      highlighted: [...code.querySelectorAll('.line.highlight-line .ln')].map((n) => n.textContent ?? ''),
    }));
  });
}

test('a highlight step is a fragment: the first step shows with the slide, the next replaces it', async () => {
  await page.waitForFunction(() => document.querySelector('.reveal .slides section.present .hljs-keyword') !== null);
  assert.deepEqual(await codeState(), [{ shown: true, highlighted: ['1', '2'] }, { shown: false, highlighted: ['3'] }]);
  const colour = await page.evaluate(() => getComputedStyle(document.querySelector('.reveal section.present .hljs-keyword')!).color);
  assert.notEqual(colour, await page.evaluate(() => getComputedStyle(document.querySelector('.reveal section.present pre code')!).color));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.reveal section.present code.fragment.visible') !== null);
  assert.equal((await audienceState(page)).index, 0);
  assert.deepEqual(await codeState(), [{ shown: false, highlighted: ['1', '2'] }, { shown: true, highlighted: ['3'] }]);
  const dimmed = await page.evaluate(() => {
    const code = document.querySelector('.reveal section.present code.fragment')!;
    return [...code.querySelectorAll<HTMLElement>('.line')].map((l) => getComputedStyle(l).opacity);
  });
  assert.deepEqual(dimmed, ['0.4', '0.4', '1']);
});

test('inline SVG renders as SVG with its gradient and text', async () => {
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.reveal section.present svg') !== null);
  const svg = await page.evaluate(() => {
    const rect = document.querySelector<SVGRectElement>('.reveal section.present svg #box')!;
    const box = rect.getBoundingClientRect();
    return {
      namespace: rect.namespaceURI,
      viewBox: document.querySelector('.reveal section.present svg')!.getAttribute('viewBox'),
      gradient: document.querySelector('.reveal section.present svg linearGradient') !== null,
      width: box.width,
      text: document.querySelector('.reveal section.present svg text')!.textContent,
    };
  });
  assert.equal(svg.namespace, 'http://www.w3.org/2000/svg');
  assert.equal(svg.viewBox, '0 0 200 100');
  assert.equal(svg.gradient, true);
  assert.ok(svg.width > 50, String(svg.width));
  assert.equal(svg.text, 'Liver');
});

test('no network request', () => {
  assert.deepEqual(foreignRequests(requests, url), []);
});
