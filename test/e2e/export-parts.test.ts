// A long deck exported as parts printed side by side (electron/export/print-parts.ts) reads as one
// document: every page in order, bookmarks on the right pages, links between parts that land,
// footers numbered across the whole document, the same pages as when printed whole.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ExportOptions } from '../../electron/contract/ipc';
import { loadDeck } from '../../electron/deck/index';
import { ChromiumPrinter } from '../../electron/export/chromium-printer';
import { exportPdf } from '../../electron/export/pdf-export';
import { MAX_PART_SLIDES, MIN_PART_SLIDES, planPrintParts } from '../../electron/export/print-parts';
import { normaliseExportOptions } from '../../electron/export/pdf-export';
import { noBrowserReason, pdfOutline, pdfOutlineLeaves, pdfPages, pdfText } from '../fixtures/export/support';

const skip = noBrowserReason();
const SLIDES = 2 * MIN_PART_SLIDES + 10;
/** Slide 3 links to the last slide (another part) and the last slide back to slide 3. */
const LAST = SLIDES - 1;
/** A section starts every 25 slides after the first; section 3 (slides 51-75) spans both parts. */
const SECTION_EVERY = 25;
const sectionOf = (i: number) => (i === 0 ? undefined : `Section ${Math.ceil(i / SECTION_EVERY)}`);

function deckSource(): string {
  const parts = ['---\ntitle: Parts deck\nauthor: Lectern tests\n---\n'];
  for (let i = 0; i < SLIDES; i++) {
    const link = i === 2 ? `\n\n[to the last slide](#/${LAST})` : i === LAST ? '\n\n[back to slide 3](#/2)' : '';
    const heading = i === 40 ? 'No heading on this slide, just text' : `## Part slide ${i + 1}`;
    const notes = i === 100 ? Array.from({ length: 40 }, (_, k) => `Long notes paragraph ${k + 1} for slide 101, which runs over one page.`).join('\n\n') : `Notes for slide ${i + 1}.`;
    const section = i > 0 && (i - 1) % SECTION_EVERY === 0 ? `<!-- section: ${sectionOf(i)} -->\n\n` : '';
    parts.push(`${section}${heading}\n\n- point with $x_{${i}}^2$${link}\n\nNote:\n${notes}\n`);
  }
  return parts.join('\n---\n\n');
}

/** Links per 1-based page as poppler reads them: '#N' for a page of this document, else the URI. */
function linksByPage(file: string): Map<number, string[]> {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', file], { encoding: 'utf8' });
  const pages = new Map<number, string[]>();
  for (const chunk of xml.split('<page number="').slice(1)) {
    const hrefs = [...chunk.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replace(/^[^#]*\.html#/, '#'));
    pages.set(Number(/^\d+/.exec(chunk)![0]), hrefs);
  }
  return pages;
}

/** Pages of the slides' bookmarks (the outline's leaves, under whichever section). */
function outlinePages(file: string): number[] {
  return pdfOutlineLeaves(file).map((item) => item.page);
}

/** The sections of the outline read back: title, page, slide count, and that every slide under it is in it. */
function assertSectionsNest(file: string, slideStarts: readonly number[]): void {
  const outline = pdfOutline(file);
  assert.equal(outline[0]!.children.length, 0, 'the first slide is outside any section');
  const sections = outline.slice(1);
  assert.deepEqual(
    sections.map((s) => s.title),
    Array.from({ length: Math.ceil((SLIDES - 1) / SECTION_EVERY) }, (_, k) => `Section ${k + 1}`),
    'one top-level entry per section, section 3 one entry although the parts split it',
  );
  let slide = 1;
  for (const section of sections) {
    assert.equal(section.open, false, `${section.title} starts closed`);
    assert.equal(section.page, slideStarts[slide], `${section.title} opens on its first slide`);
    for (const child of section.children) {
      assert.equal(sectionOf(slide), section.title, `slide ${slide + 1} under its own section`);
      assert.equal(child.page, slideStarts[slide]);
      slide++;
    }
  }
  assert.equal(slide, SLIDES, 'every sectioned slide is in the outline once');
}

describe('export in parts', { skip }, () => {
  let dir: string;
  let printer: ChromiumPrinter;
  const deck = () => loadDeck(join(dir, 'parts.md'));
  const exportAs = async (name: string, options: ExportOptions, using: ChromiumPrinter = printer) => {
    const target = join(dir, name);
    await exportPdf({ deck: deck(), options, printer: using, target });
    return target;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-parts-'));
    writeFileSync(join(dir, 'parts.md'), deckSource());
    printer = new ChromiumPrinter({ concurrency: 2 });
  });
  after(async () => {
    await printer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the deck is long enough to print in two parts', () => {
    assert.equal(planPrintParts(deck(), normaliseExportOptions({ format: 'slides' }), printer.concurrency).length, 2);
  });

  test('slides: every page in order, one bookmark a slide (untitled ones too), links across parts land', async () => {
    const file = await exportAs('slides.pdf', { format: 'slides' });
    assert.equal(pdfPages(file), SLIDES);
    for (const page of [1, 64, 65, 66, 67, SLIDES]) {
      const expected = page === 41 ? 'No heading on this slide' : `Part slide ${page}`;
      assert.ok(pdfText(file, page, page).includes(expected), `page ${page} shows slide ${page}`);
    }
    const titles = pdfOutlineLeaves(file).map((item) => item.title);
    assert.equal(titles.length, SLIDES);
    assert.equal(titles[41 - 1], 'Slide 41');
    assert.deepEqual(outlinePages(file), Array.from({ length: SLIDES }, (_, i) => i + 1));
    assertSectionsNest(file, outlinePages(file));
    const links = linksByPage(file);
    assert.deepEqual(links.get(3), [`#${SLIDES}`], 'slide 3 links to the last slide, in the other part');
    assert.deepEqual(links.get(SLIDES), ['#3'], 'and back');
    assert.ok(![...links.values()].flat().some((href) => href.startsWith('lectern:')), 'no unresolved part links');
  });

  test('the same pages as printed whole', async () => {
    const whole = new ChromiumPrinter({ concurrency: 1 });
    try {
      const one = await exportAs('whole.pdf', { format: 'slides' }, whole);
      const two = join(dir, 'slides.pdf');
      assert.equal(pdfText(one), pdfText(two));
    } finally {
      await whole.close();
    }
  });

  test('notes: footers count pages across parts; long notes continue; bookmarks on the first page of each slide', async () => {
    const file = await exportAs('notes.pdf', { format: 'notes' });
    const pages = pdfPages(file);
    assert.ok(pages > SLIDES, 'slide 101 needs a continuation page');
    for (const page of [1, Math.floor(pages / 2), Math.floor(pages / 2) + 1, pages]) {
      assert.match(pdfText(file, page, page), new RegExp(`page ${page} of ${pages}`), `footer of page ${page}`);
    }
    const starts = outlinePages(file);
    assert.equal(starts.length, SLIDES);
    assertSectionsNest(file, starts);
    assert.equal(starts[101] ?? 0, (starts[100] ?? 0) + 2, 'slide 101 takes two pages');
    assert.match(pdfText(file, starts[100]!, starts[100]!), new RegExp(`Slide 101 of ${SLIDES}`));
    assert.match(pdfText(file, starts[100]! + 1, starts[100]! + 1), /Long notes paragraph 40 for slide 101/);
  });

  test('notes with more parts than renderers: a layout pass numbers the pages first', async () => {
    const slides = 2 * MAX_PART_SLIDES + 10;
    const file = join(dir, 'long.md');
    writeFileSync(
      file,
      Array.from({ length: slides }, (_, i) => `## Long deck slide ${i + 1}\n\nNote:\n${i === slides - 5 ? Array.from({ length: 40 }, (_, k) => `Paragraph ${k + 1} of the long notes near the end.`).join('\n\n') : `Notes ${i + 1}.`}\n`).join('\n---\n\n'),
    );
    const long = loadDeck(file);
    const options = normaliseExportOptions({ format: 'notes' });
    assert.ok(planPrintParts(long, options, printer.concurrency).length > printer.concurrency, 'more parts than renderers');
    const target = join(dir, 'long.notes.pdf');
    await exportPdf({ deck: long, options, printer, target });
    const pages = pdfPages(target);
    assert.equal(pages, slides + 1, 'one continuation page');
    for (const page of [1, 200, 201, pages]) assert.match(pdfText(target, page, page), new RegExp(`page ${page} of ${pages}`), `footer of page ${page}`);
    const starts = outlinePages(target);
    assert.equal(starts.length, slides);
    assert.equal(starts.at(-1), pages, 'the last slide starts on the last page, after the continuation page');
  });

  test('handout: pages numbered across parts', async () => {
    const file = await exportAs('handout.pdf', { format: 'handout', perPage: 6 });
    const pages = Math.ceil(SLIDES / 6);
    assert.equal(pdfPages(file), pages);
    for (const page of [1, 11, 12, pages]) assert.match(pdfText(file, page, page), new RegExp(`page ${page} of ${pages}`));
    assert.match(pdfText(file, 12, 12), /Part slide 67/);
    const leaves = pdfOutlineLeaves(file);
    assert.equal(leaves.length, SLIDES);
    assertSectionsNest(file, leaves.map((item) => item.page));
  });
});
