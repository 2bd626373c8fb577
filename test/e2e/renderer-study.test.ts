// The study view of the exported real talk: every slide beside its notes, contents from slide
// titles, search over slides and notes with highlighted hits, and links into the presentation.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { SlideSearch } from '../../renderer/search';
import { audienceState, exportAndLaunch, foreignRequests, openView, recordingContext, scratchDir, waitAudienceAt } from '../support/browser';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let url: string;
let deck: Deck;
let requests: string[];
const scratch = scratchDir();

before(async () => {
  deck = loadDeck('slides/liver-directed-therapies.md');
  ({ browser, url } = await exportAndLaunch(deck, scratch.dir));
  ({ context, requests } = await recordingContext(browser));
  page = await openView(context, `${url}#study`);
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

test('every slide appears once, beside its notes, with a contents entry', async () => {
  assert.equal(await page.locator('.study-row').count(), deck.slides.length);
  assert.equal(await page.locator('.study-toc li').count(), deck.slides.length);
  const sections = [...new Set(deck.slides.map((s) => s.section).filter(Boolean))];
  assert.deepEqual(await page.locator('.study-toc h3').allTextContents(), sections);
  const row = page.locator('#slide-5');
  const notes = (await row.locator('.study-notes').textContent()) ?? '';
  assert.ok(notes.includes(deck.slides[4]!.notesText.slice(0, 40)));
  // Fragments are all shown for study.
  const hidden = await page.locator('.study-row .fragment:not(.visible)').count();
  assert.equal(hidden, 0);
});

test('a contents entry scrolls to its slide', async () => {
  const target = deck.slides[20]!;
  await page.locator('.study-toc a', { hasText: target.title }).first().click();
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r !== undefined && r.top >= 0 && r.top < 200;
  }, `slide-${target.index + 1}`);
});

test('search over slides and notes keeps matching slides and highlights the words', async () => {
  const notesOnly = deck.slides.find((s) => /\bshunt\b/i.test(s.notesText) && !/\bshunt\b/i.test(s.text));
  const query = notesOnly ? 'shunt' : 'embolization';
  const expected = new SlideSearch(deck.slides, true).search(query).map((h) => h.slide.index);
  assert.ok(expected.length > 0 && expected.length < deck.slides.length);
  await page.getByTestId('study-search').fill(query);
  await page.waitForFunction((n) => document.querySelectorAll('.study-row:not([hidden])').length === n, expected.length);
  const shown = await page.locator('.study-row:not([hidden])').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.slideIndex)));
  assert.deepEqual(shown, expected);
  const marks = await page.locator('.study-row:not([hidden]) mark.lectern-hit').allTextContents();
  // Images found by their alt text are marked whole (no <mark> inside an image).
  const wholes = await page.locator('.study-row:not([hidden]) .lectern-hit-whole').count();
  assert.ok(marks.length >= expected.length);
  for (const m of marks) assert.equal(m.toLowerCase(), query);
  if (notesOnly) assert.ok((await page.locator(`#slide-${notesOnly.index + 1} .study-notes mark.lectern-hit`).count()) > 0, 'hits in notes are highlighted');
  assert.match((await page.getByTestId('study-count').textContent()) ?? '', new RegExp(`^${expected.length} slides?, ${marks.length + wholes} hits?$`));
  // Formulas are never broken up by highlights.
  assert.equal(await page.locator('.katex mark').count(), 0);
  await page.getByTestId('study-search').fill('');
  await page.waitForFunction((n) => document.querySelectorAll('.study-row:not([hidden])').length === n, deck.slides.length);
  assert.equal(await page.locator('mark.lectern-hit').count(), 0);
});

test('present from here opens the presentation at that slide', async () => {
  const target = deck.slides.find((s) => s.v > 0) ?? deck.slides[10]!;
  await page.locator(`#slide-${target.index + 1} [data-testid="present-from"]`).click();
  await page.waitForSelector('.lectern-audience');
  await page.waitForSelector('html[data-lectern-ready="true"][data-view="audience"]');
  await waitAudienceAt(page, target.index);
  assert.equal((await audienceState(page)).index, target.index);
});

test('no network request', async () => {
  assert.deepEqual(foreignRequests(requests, url), []);
});
