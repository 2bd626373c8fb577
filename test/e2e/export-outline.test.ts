// The talk's PDF bookmarks read as its contents: one top-level entry per section (as the study
// view groups them), closed, each slide beneath its section on the page it starts on, in every
// format. Read back by qpdf (the tree) and poppler (the text still extracts).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ExportOptions } from '../../electron/contract/ipc';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';
import { ChromiumPrinter } from '../../electron/export/chromium-printer';
import { exportPdf } from '../../electron/export/pdf-export';
import { noBrowserReason, pdfOutline, pdfPages, pdfText, ROOT } from '../fixtures/export/support';
import { scratchDir } from '../support/browser';

const skip = noBrowserReason();
const TALK = join(ROOT, 'slides', 'liver-directed-therapies.md');

/** The contents the outline must show: unsectioned slides alone, each run of a section under it. */
function expectedContents(deck: Deck): Array<{ title: string; slides: string[] }> {
  const out: Array<{ title: string; slides: string[]; section: string }> = [];
  for (const slide of deck.slides) {
    const title = slide.title || `Slide ${slide.index + 1}`;
    const last = out.at(-1);
    if (!slide.section) out.push({ title, slides: [], section: '' });
    else if (last?.section === slide.section) last.slides.push(title);
    else out.push({ title: slide.section, slides: [title], section: slide.section });
  }
  return out.map(({ title, slides }) => ({ title, slides }));
}

describe('the talk exported: bookmarks nested by section', { skip }, () => {
  let printer: ChromiumPrinter;
  const scratch = scratchDir('lectern-outline-');
  const deck = loadDeck(TALK);
  before(() => {
    printer = new ChromiumPrinter({ concurrency: 2 });
  });
  after(async () => {
    await printer?.close();
    scratch.cleanup();
  });

  test('the talk has sections to nest (from its include directives)', () => {
    const sections = new Set(deck.slides.map((s) => s.section).filter(Boolean));
    assert.equal(sections.size, 10);
  });

  for (const options of [{ format: 'slides' }, { format: 'notes' }, { format: 'handout', perPage: 3 }] satisfies ExportOptions[]) {
    test(`${options.format}: one closed entry per section, its slides beneath on their pages`, async () => {
      const target = join(scratch.dir, `talk.${options.format}.pdf`);
      await exportPdf({ deck, options, printer, target });
      const check = spawnSync('qpdf', ['--check', target], { encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stdout, /No syntax or stream encoding errors found/);

      const outline = pdfOutline(target);
      assert.deepEqual(
        outline.map((item) => ({ title: item.title, slides: item.children.map((c) => c.title) })),
        expectedContents(deck),
      );
      const pages = pdfPages(target);
      for (const item of outline) {
        if (item.children.length === 0) continue;
        assert.equal(item.open, false, `${item.title} starts closed`);
        assert.equal(item.page, item.children[0]!.page, `${item.title} opens on its first slide`);
        const starts = item.children.map((c) => c.page);
        assert.deepEqual([...starts].sort((a, b) => a - b), starts, `${item.title}: slides in page order`);
        assert.ok(starts.every((p) => p >= 1 && p <= pages));
      }
      // poppler still extracts the text, the bookmarks' page is the one showing that slide.
      const dual = outline.find((item) => item.title === 'The dual blood supply')!;
      assert.ok(pdfText(target).length > 1000);
      if (options.format !== 'handout') assert.ok(pdfText(target, dual.page, dual.page).includes(dual.children[0]!.title.split(' ')[0]!));
    });
  }
});
