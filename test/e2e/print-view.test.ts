// The print view (renderer/print) in Chromium, before printing: notes laid out as fixed pages and
// split by measuring, footers renumbered by the exporter's event, a part of a long export showing
// whole-deck numbers and links, and the report (pages, outline, anchors) the exporter relies on.
// Fixture: test/fixtures/export/pagination.md (long notes with a list, a quote and a paragraph
// longer than a page; an untitled slide; a tall image in the notes; links between slides; a code
// line and a table wider than the page).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import type { ExportOptions } from '../../electron/contract/ipc';
import { numberPagesScript, PRINT_REPORT_ATTRIBUTE, type PrintPart, type PrintViewReport } from '../../electron/contract/print';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { buildOfflineHtml } from '../../electron/export/offline-html';
import { EXPORT_FIXTURES, noBrowserReason } from '../fixtures/export/support';
import { launchOfflineBrowser, scratchDir } from '../support/browser';

const skip = noBrowserReason();
const scratch = scratchDir('lectern-print-view-');
const deck = loadDeck(join(EXPORT_FIXTURES, 'pagination.md'));
let browser: Browser;

async function openPrintView(name: string, shown: Deck, options: ExportOptions, printPart?: PrintPart): Promise<{ page: Page; report: PrintViewReport }> {
  const file = join(scratch.dir, `${name}.html`);
  writeFileSync(file, buildOfflineHtml(shown, { view: 'print', print: options, ...(printPart ? { printPart } : {}) }));
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-lectern-print="ready"], html[data-lectern-print="error"]');
  assert.deepEqual(errors, []);
  const report = JSON.parse((await page.getAttribute('html', PRINT_REPORT_ATTRIBUTE)) ?? 'null') as PrintViewReport;
  return { page, report };
}

/** What a notes page holds, read from the laid-out page. */
interface NotesPageFacts {
  slide: number;
  head: string;
  footer: string;
  hasThumb: boolean;
  text: string;
  html: string;
  /** Content boxes (text lines, images) outside the notes box, in px. */
  spill: number;
  /** The notes box outside its page. */
  bodyOutsidePage: boolean;
}

function notesPages(page: Page): Promise<NotesPageFacts[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.lectern-notes-page')].map((p) => {
      const body = p.querySelector<HTMLElement>('.lectern-notes-body')!;
      const box = body.getBoundingClientRect();
      const pageBox = p.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(body);
      let spill = 0;
      for (const r of range.getClientRects()) {
        if (r.width === 0 && r.height === 0) continue;
        spill = Math.max(spill, r.bottom - box.bottom, box.top - r.top, r.right - box.right, box.left - r.left);
      }
      return {
        slide: Number(p.dataset.lecternIndex),
        head: p.querySelector('.lectern-notes-head')?.textContent ?? '',
        footer: p.querySelector('.lectern-footer-page')?.textContent ?? '',
        hasThumb: p.querySelector('.lectern-thumb') !== null,
        text: body.textContent ?? '',
        html: body.innerHTML,
        spill,
        bodyOutsidePage: box.top < pageBox.top || box.bottom > pageBox.bottom || box.left < pageBox.left || box.right > pageBox.right,
      };
    }),
  );
}

function notesText(html: string, page: Page): Promise<string> {
  return page.evaluate((h) => {
    const template = document.createElement('template');
    template.innerHTML = h;
    return template.content.textContent ?? '';
  }, html);
}

before(async () => {
  if (!skip) browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

describe('print view: notes', { skip }, () => {
  let page: Page;
  let report: PrintViewReport;
  let pages: NotesPageFacts[];
  before(async () => {
    ({ page, report } = await openPrintView('notes', deck, { format: 'notes', paper: 'a4' }));
    pages = await notesPages(page);
  });

  test('long notes continue on continuation pages, each page fixed and nothing spilling', () => {
    const long = pages.filter((p) => p.slide === 0);
    assert.ok(long.length >= 4, `${long.length} pages for the long notes`);
    assert.equal(report.pages, pages.length);
    assert.ok(long[0]!.hasThumb && long[0]!.head.startsWith('Slide 1 of 5'));
    for (const p of long.slice(1)) {
      assert.ok(!p.hasThumb, 'no slide on a continuation page');
      assert.match(p.head, /^Slide 1 of 5 \(continued\)/);
    }
    for (const [i, p] of pages.entries()) {
      assert.ok(p.spill <= 0.5, `page ${i + 1}: content ${p.spill}px outside the notes box`);
      assert.ok(!p.bodyOutsidePage, `page ${i + 1}: notes box inside the page`);
    }
  });

  test('no text lost or repeated: the pages of a slide hold exactly its notes', async () => {
    for (const slide of deck.slides) {
      const expected = await notesText(slide.notesHtml, page);
      const got = pages.filter((p) => p.slide === slide.index).map((p) => p.text).join('');
      assert.equal(got, expected, `slide ${slide.index + 1}`);
    }
  });

  test('a numbered list cut by a page carries on with its numbering', async () => {
    const numbers = await page.evaluate(() => {
      const seen: Array<{ n: number; text: string; continued: boolean }> = [];
      for (const ol of document.querySelectorAll<HTMLOListElement>('.lectern-notes-page[data-lectern-index="0"] .lectern-notes-body > ol')) {
        [...ol.children].forEach((li, i) => seen.push({ n: ol.start + i, text: li.textContent ?? '', continued: li.classList.contains('lectern-continued') }));
      }
      return seen;
    });
    const starts = numbers.filter((item) => !item.continued);
    assert.deepEqual(
      starts.map((item) => item.n),
      Array.from({ length: 40 }, (_, i) => i + 1),
      'items 1..40 numbered once each',
    );
    for (const item of starts) assert.ok(item.text.startsWith(`Step ${item.n} of the procedure`), `item ${item.n}: ${item.text.slice(0, 30)}`);
    const cut = await page.$$eval('.lectern-notes-body.lectern-continued > ol.lectern-continued', (lists) => lists.length);
    assert.ok(cut >= 1, 'the list is split across pages');
  });

  test('a paragraph longer than a page is cut at a line, not at a block', () => {
    const parts = pages.filter((p) => p.text.includes('Long paragraph') || p.text.includes('long paragraph ends'));
    assert.ok(parts.length >= 2, 'the long paragraph spans pages');
    const first = parts[0]!;
    assert.ok(!first.text.includes('long paragraph ends here.'));
    const last = parts[parts.length - 1]!;
    assert.match(last.html, /^<p class="lectern-continued">/, 'the rest starts in a continued clone of the paragraph');
    assert.ok(last.text.includes('long paragraph ends here.'));
  });

  test('no widows or orphans: a cut paragraph or item keeps two lines on each page', async () => {
    // Line counts of [the part before the break, the part after], for each text block cut.
    const cuts = await page.evaluate(() => {
      const found: Array<[number, number]> = [];
      for (const rest of document.querySelectorAll('.lectern-notes-body p.lectern-continued, .lectern-notes-body li.lectern-continued')) {
        if (rest.querySelector('p, ul, ol, li, img, .katex')) continue;
        const previous = rest.closest('.lectern-page')!.previousElementSibling!.querySelectorAll(`.lectern-notes-body ${rest.tagName}`);
        found.push(
          [previous[previous.length - 1]!, rest].map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))) as [number, number],
        );
      }
      return found;
    });
    assert.ok(cuts.length >= 2, `${cuts.length} text blocks cut by a page`);
    for (const [kept, moved] of cuts) assert.ok(kept >= 2 && moved >= 2, `${kept} line(s) before the break, ${moved} after`);
  });

  test('an image taller than a page is scaled to fit, not clipped', async () => {
    const image = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.lectern-notes-page img[alt="A very tall bar"]')!;
      const body = img.closest('.lectern-notes-body')!.getBoundingClientRect();
      const r = img.getBoundingClientRect();
      return { zoom: Number(img.style.zoom || 1), top: r.top - body.top, bottom: body.bottom - r.bottom, height: r.height, natural: img.naturalHeight };
    });
    assert.ok(image.zoom < 1, `zoom ${image.zoom}`);
    assert.ok(image.top >= 0 && image.bottom >= 0, 'inside its notes box');
    assert.ok(image.height > 0.8 * (image.height + image.bottom), 'scaled to fill most of the page, not shrunk to nothing');
    const tall = pages.filter((p) => p.slide === 2);
    assert.equal(tall.length, 3, 'the text before, the image, the text after');
    assert.match(tall[2]!.text, /After the tall image/);
  });

  test('too wide: a code line wraps, a table is scaled to the width of the notes', async () => {
    const wide = await page.evaluate(() => {
      const body = document.querySelector('.lectern-notes-page[data-lectern-index="4"] .lectern-notes-body')!.getBoundingClientRect();
      const [pre, table] = ['pre', 'table'].map((tag) => document.querySelector<HTMLElement>(`.lectern-notes-page[data-lectern-index="4"] ${tag}`)!);
      const lineHeight = parseFloat(getComputedStyle(pre!).lineHeight);
      return {
        preLines: Math.round(pre!.getBoundingClientRect().height / lineHeight),
        tableZoom: Number(table!.style.zoom || 1),
        tableRight: table!.getBoundingClientRect().right - body.right,
      };
    });
    assert.ok(wide.preLines >= 2, `the long code line wraps (${wide.preLines} lines)`);
    assert.ok(wide.tableZoom < 1 && wide.tableRight <= 0.5, `table zoom ${wide.tableZoom}, ${wide.tableRight}px past the notes`);
  });

  test('footers: deck title and "page n of N", renumbered by NUMBER_PAGES_EVENT', async () => {
    assert.deepEqual(
      pages.map((p) => p.footer),
      pages.map((_, i) => `page ${i + 1} of ${pages.length}`),
    );
    assert.equal(await page.textContent('.lectern-notes-footer .lectern-footer-title'), 'Pagination fixture');
    await page.evaluate(numberPagesScript(12, 40));
    const renumbered = await page.$$eval('.lectern-footer-page', (els) => els.map((el) => el.textContent));
    assert.deepEqual(
      renumbered,
      pages.map((_, i) => `page ${12 + i} of 40`),
    );
  });

  test('report: an outline entry and an anchor per slide, untitled slides as "Slide N"', () => {
    const firstPage = (index: number) => pages.findIndex((p) => p.slide === index);
    assert.deepEqual(report.outline, [
      { title: 'Long notes', page: 0 },
      { title: 'Slide 2', page: firstPage(1) },
      { title: 'Tall image in the notes', page: firstPage(2) },
      { title: 'Links between slides', page: firstPage(3) },
      { title: 'Link target', page: firstPage(4) },
    ]);
    assert.deepEqual(
      report.anchors,
      deck.slides.map((s) => [s.index, firstPage(s.index)]),
    );
  });
});

describe('print view: a part of a long export', { skip }, () => {
  const part: PrintPart = {
    totalSlides: deck.slides.length,
    positions: deck.slides.map((s) => [s.h, s.v]),
    firstPage: 7,
  };
  const subset: Deck = { ...deck, slides: deck.slides.slice(2) };

  test('slides: whole-deck c/t, links out of the part as lectern:slide/N, part-relative report', async () => {
    const { page, report } = await openPrintView('part-slides', subset, { format: 'slides' }, part);
    const numbers = await page.$$eval('.lectern-slide-number', (els) => els.map((el) => el.textContent?.replace(/\s/g, '')));
    assert.deepEqual(numbers, ['3/5', '4/5', '5/5']);
    const links = await page.$$eval('.lectern-frame a', (els) => els.map((el) => el.getAttribute('href')));
    assert.deepEqual(links, ['lectern:slide/0', '#lectern-slide-4']);
    assert.equal(await page.locator('#lectern-slide-4').count(), 1, 'the link target inside the part exists');
    assert.deepEqual(report, {
      pages: 3,
      outline: [
        { title: 'Tall image in the notes', page: 0 },
        { title: 'Links between slides', page: 1 },
        { title: 'Link target', page: 2 },
      ],
      anchors: [
        [2, 0],
        [3, 1],
        [4, 2],
      ],
    });
  });

  test('notes: "Slide n of N" of the whole deck, footers from the part\'s first page', async () => {
    const { page, report } = await openPrintView('part-notes', subset, { format: 'notes' }, part);
    const pages = await notesPages(page);
    assert.deepEqual(
      pages.map((p) => p.head.replace(/\s+$/, '')),
      ['Slide 3 of 5', 'Slide 3 of 5 (continued)', 'Slide 3 of 5 (continued)', 'Slide 4 of 5', 'Slide 5 of 5'],
    );
    // The total is not known until every part has laid out: the part's own count until then.
    assert.deepEqual(
      pages.map((p) => p.footer),
      pages.map((_, i) => `page ${7 + i} of ${pages.length}`),
    );
    assert.deepEqual(report.anchors, [
      [2, 0],
      [3, 3],
      [4, 4],
    ]);
    assert.deepEqual(report.outline?.map((e) => e.page), [0, 3, 4]);
  });

  test('handout: the exporter\'s page total when it knows it', async () => {
    const { page, report } = await openPrintView('part-handout', subset, { format: 'handout', perPage: 2 }, { ...part, firstPage: 2, totalPages: 3 });
    assert.equal(report.pages, 2);
    assert.deepEqual(await page.$$eval('.lectern-footer-page', (els) => els.map((el) => el.textContent)), ['page 2 of 3', 'page 3 of 3']);
    assert.deepEqual(report.anchors, [
      [2, 0],
      [3, 0],
      [4, 1],
    ]);
  });
});
