// Pure parts of the export: handout geometry, output names and page sizes.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pdfTarget } from '../../electron/cli/export';
import { normaliseExportOptions, pdfFileName, printPageSize } from '../../electron/export/pdf-export';
import { cssLengthToInches } from '../../electron/export/printer';
import { handoutGeometry, type Box, type PerPage } from '../../renderer/print/handout-geometry';

const inside = (inner: Box, outer: { width: number; height: number }) =>
  inner.x >= 0 && inner.y >= 0 && inner.x + inner.w <= outer.width + 1e-6 && inner.y + inner.h <= outer.height + 1e-6;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1e-6 && b.x < a.x + a.w - 1e-6 && a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6;

for (const paper of ['a4', 'letter'] as const) {
  for (const perPage of [1, 2, 3, 4, 6] as PerPage[]) {
    test(`handout ${paper} ${perPage}/page: slots on the page, 16:9 slides, nothing overlaps`, () => {
      const g = handoutGeometry(paper, perPage);
      assert.equal(g.slots.length, perPage);
      const boxes = [...g.slots.flatMap((s) => [s.slide, s.notes]), g.footer];
      for (const box of boxes) {
        assert.ok(inside(box, g.page), `${JSON.stringify(box)} inside the page`);
        assert.ok(box.w > 0 && box.h > 0);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i]!, boxes[j]!), `boxes ${i} and ${j} overlap`);
      }
      for (const slot of g.slots) {
        assert.ok(Math.abs(slot.slide.w / slot.slide.h - 16 / 9) < 1e-9, 'slides keep the 16:9 frame');
        assert.ok(slot.notes.h >= 25, 'room to write beside or below each slide');
      }
      // Fewer slides a page means bigger slides.
      if (perPage > 1) assert.ok(g.slots[0]!.slide.w < handoutGeometry(paper, 1).slots[0]!.slide.w);
    });
  }
}

test('page sizes: the slide frame for slides, the paper for notes and handouts', () => {
  assert.deepEqual(printPageSize({ format: 'slides' }), { width: '1280px', height: '720px' });
  assert.deepEqual(printPageSize({ format: 'notes' }), { width: '210mm', height: '297mm' });
  assert.deepEqual(printPageSize({ format: 'handout', paper: 'letter' }), { width: '8.5in', height: '11in' });
  assert.equal(cssLengthToInches('1280px'), 1280 / 96);
  assert.equal(cssLengthToInches('25.4mm'), 1);
  assert.throws(() => cssLengthToInches('A4'), /unsupported page length/);
});

  test('defaults: 3 per page, A4, notes beside, final fragment state, untagged, no ink, no backup slides', () => {
    assert.deepEqual(normaliseExportOptions({ format: 'handout' }), { format: 'handout', perPage: 3, paper: 'a4', lines: false, fragments: false, tagged: false, ink: false, backup: false });
});

test('output names: deck.pdf, deck.notes.pdf, deck.handout.pdf', () => {
  assert.equal(pdfFileName('/x/talk.md', 'slides'), 'talk.pdf');
  assert.equal(pdfFileName('/x/talk.md', 'notes'), 'talk.notes.pdf');
  assert.equal(pdfFileName('C:\\x\\talk.markdown', 'handout'), 'talk.handout.pdf');
});

test('targets: -o wins; beside the deck by default; mirrored under --out-dir', () => {
  const root = '/decks';
  const file = join(root, 'week1', 'deck.md');
  assert.equal(pdfTarget(file, root, { format: 'slides', output: '/out/x.pdf' }), '/out/x.pdf');
  assert.equal(pdfTarget(file, root, { format: 'notes' }), join(root, 'week1', 'deck.notes.pdf'));
  assert.equal(pdfTarget(file, root, { format: 'slides', outDir: '/pdfs' }), join('/pdfs', 'week1', 'deck.pdf'));
});
