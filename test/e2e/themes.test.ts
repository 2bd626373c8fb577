// reveal.js's twelve themes offline: each exported file shows its theme's colours with its own
// fonts loaded from the file (no request leaves it), and inlines no other theme's faces.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { compileDeck } from '../../electron/deck/index';
import { REVEAL_THEME_NAMES } from '../../electron/deck/types';
import { exportDeckHtml, foreignRequests, launchOfflineBrowser, recordRequests, scratchDir } from '../support/browser';

const scratch = scratchDir();
let browser: Browser;
before(async () => {
  browser = await launchOfflineBrowser();
});
after(async () => {
  await browser?.close();
  scratch.cleanup();
});

/** The fonts each theme names first for body text and headings (reveal.js 6's dist/theme). */
const FONTS: Record<string, [string, string]> = {
  beige: ['Source Sans 3', 'Source Sans 3'], black: ['Source Sans 3', 'Source Sans 3'], white: ['Source Sans 3', 'Source Sans 3'],
  blood: ['Ubuntu', 'Ubuntu'], league: ['Lato', 'League Gothic'], moon: ['Lato', 'League Gothic'], solarized: ['Lato', 'League Gothic'],
  night: ['Open Sans', 'Montserrat'], sky: ['Open Sans', 'Quicksand'], simple: ['Lato', 'Open Sans'],
};
const BACKGROUNDS: Record<string, string> = {
  beige: 'rgb(247, 243, 222)', black: 'rgb(25, 25, 25)', blood: 'rgb(34, 34, 34)', dracula: 'rgb(25, 25, 25)', league: 'rgb(28, 30, 32)',
  moon: 'rgb(0, 43, 54)', night: 'rgb(17, 17, 17)', serif: 'rgb(240, 241, 235)', simple: 'rgb(255, 255, 255)', sky: 'rgb(247, 251, 252)',
  solarized: 'rgb(253, 246, 227)', white: 'rgb(255, 255, 255)',
};

for (const theme of REVEAL_THEME_NAMES) {
  test(`theme: ${theme} renders offline with its colours and fonts`, async () => {
    const deck = compileDeck(`---\ntheme: ${theme}\n---\n\n## Heading *here*\n\nBody text **bold** and *italic*.\n\nNote: n`, `${scratch.dir}/${theme}.md`);
    assert.deepEqual(deck.diagnostics.filter((d) => d.code.includes('theme')), []);
    const url = exportDeckHtml(deck, scratch.dir, `${theme}.html`);
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady === 'true' || document.querySelector('.reveal .slides section h2'));
    await page.evaluate(() => document.fonts.ready);
    // A string, not a function: the test runner's transpiler would add helpers the page lacks.
    const got = (await page.evaluate(`(() => {
      const h2 = document.querySelector('.reveal .slides section h2');
      const p = document.querySelector('.reveal .slides section p');
      const first = (el) => getComputedStyle(el).fontFamily.split(',')[0].trim().replace(/^["']|["']$/g, '');
      const loaded = (family, weight) => document.fonts.check(weight + ' 20px "' + family + '"') && [...document.fonts].some((f) => f.family.replace(/["']/g, '') === family && f.status === 'loaded');
      return {
        theme: document.documentElement.dataset.theme,
        body: first(p),
        heading: first(h2),
        bodyLoaded: loaded(first(p), getComputedStyle(p).fontWeight),
        headingLoaded: loaded(first(h2), getComputedStyle(h2).fontWeight),
        background: getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor,
        faces: [...new Set([...document.fonts].map((f) => f.family.replace(/["']/g, '')))],
      };
    })()`)) as { theme: string; body: string; heading: string; bodyLoaded: boolean; headingLoaded: boolean; background: string; faces: string[] };
    assert.equal(got.theme, theme);
    assert.equal(got.background, BACKGROUNDS[theme]);
    const fonts = FONTS[theme];
    if (fonts) {
      assert.deepEqual([got.body, got.heading], fonts);
      assert.ok(got.bodyLoaded && got.headingLoaded, `${theme}: its fonts load from the file (${JSON.stringify(got)})`);
    }
    for (const other of ['Ubuntu', 'League Gothic', 'Montserrat', 'Quicksand']) {
      if (!fonts?.includes(other)) assert.ok(!got.faces.includes(other), `${theme} does not carry ${other}`);
    }
    assert.deepEqual(foreignRequests(requests, url), []);
    await context.close();
  });
}
