// Citations in the views of the exported talk: the audience view shows numbered citations with
// their full reference as a tooltip and the per-slide footer inside the frame; the study view
// opens a citation's full reference (with its DOI link) on click or Enter, and its search finds
// slides by the authors and titles they cite.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { exportAndLaunch, foreignRequests, openView, recordingContext, scratchDir } from '../support/browser';

let browser: Browser;
let context: BrowserContext;
let url: string;
let deck: Deck;
let requests: string[];
const scratch = scratchDir();

before(async () => {
  deck = loadDeck('slides/liver-directed-therapies.md');
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir));
  ({ context, requests } = await recordingContext(browser));
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

const slideNamed = (title: string) => {
  const s = deck.slides.find((x) => x.title === title);
  assert.ok(s, title);
  return s;
};

test('audience view: numbered citations with their reference as a tooltip, the footer inside the frame', async () => {
  for (const title of ['Level I evidence: TACE (HCC only)', 'The two trials at a glance']) {
    const s = slideNamed(title);
    const page = await openView(context, `${url}#/${s.h}/${s.v}`);
    const present = page.locator('.reveal .slides section.present').last();
    const cite = present.locator('.lectern-cite[data-cite~="llovet2002"]').first();
    assert.match((await cite.textContent()) ?? '', /\(1(,2)?\)/);
    assert.match((await cite.getAttribute('title')) ?? '', /^1\. Llovet JM, Real MI, Montaña X, et al\. Arterial embolisation/);
    const footer = present.locator('.lectern-cite-footer');
    assert.equal(await footer.textContent(), '1. Llovet et al. Lancet 2002;359:1734–17392. Lo et al. Hepatology 2002;35:1164–1171');
    const box = await footer.boundingBox();
    assert.ok(box && box.y > 0 && box.y + box.height <= 720, `${title}: footer inside the 720 px frame (${JSON.stringify(box)})`);
    await page.close();
  }
});

test('study view: a click or Enter on a citation opens its full reference with the DOI link; Escape closes it', async () => {
  const page = await openView(context, `${url}#study`);
  const literature = slideNamed('Published literature');
  const cite = page.locator(`#slide-${literature.index + 1} .lectern-cite[data-cite="devcic2014"]`);
  await cite.click();
  const popover = page.getByTestId('study-cite-popover');
  assert.match((await popover.textContent()) ?? '', /^3\. Devcic Z, Rosenberg J, Braat AJAT, Techasith T, Banerjee A, Sze DY, et al\. The Efficacy of Hepatic 90Y Resin/);
  assert.equal(await popover.locator('a').getAttribute('href'), 'https://doi.org/10.2967/jnumed.113.135855');
  await page.keyboard.press('Escape');
  assert.equal(await popover.count(), 0);
  await cite.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('study-cite-popover').count(), 1);
  assert.equal(await cite.getAttribute('aria-expanded'), 'true');
  await page.close();
});

test('study view: search finds slides by the authors and titles they cite', async () => {
  const page = await openView(context, `${url}#study`);
  // Search matches a phrase: an author's name, then words of a cited title.
  for (const query of ['Montaña', 'chemoembolisation']) {
    await page.getByTestId('study-search').fill(query);
    await page.getByTestId('study-search').press('Enter');
    const shown = await page.locator('.study-row:not([hidden]) .study-row-title, .study-row:not([hidden]) h2').allTextContents();
    const titles = shown.join(' | ');
    for (const t of ['Level I evidence: TACE (HCC only)', 'References: the TACE trials']) assert.ok(titles.includes(t), `${query}: ${t} in ${titles}`);
    assert.ok(!titles.includes('Published literature'), titles);
  }
  assert.deepEqual(foreignRequests(requests, url), []);
  await page.close();
});
