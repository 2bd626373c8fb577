// `lectern export --ink`: the strokes of the sidecar beside the deck are printed on their slides
// (found by slide key, wherever the slide now is), as vector paths in the slide frame; rendered
// with pdftoppm, the ink's colour is where the stroke is and nowhere on other pages. A corrupt
// sidecar is reported, set aside, and the PDF is printed without ink.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { loadDeck } from '../../electron/deck/index';
import { inkSidecarPath } from '../../electron/ink/file/sidecar-file';
import { emptyInk, serializeInk } from '../../electron/ink/sidecar-format';
import { lectern, noBrowserReason, pdfPages, scratchFixtures } from '../fixtures/export/support';

const skip = noBrowserReason();
const scratch = scratchFixtures();
const deckFile = join(scratch.dir, 'deck.md');
const GREEN = [0x43, 0xa0, 0x47];
/** A thick green line across the bottom of slide 2, in slide space (1280x720). */
const LINE = { y: 640, x0: 200, x1: 1080, width: 16 };

function renderPage(pdf: string, page: number, widthPx: number): PNG {
  const out = mkdtempSync(join(scratch.dir, 'png-'));
  const run = spawnSync('pdftoppm', ['-png', '-scale-to-x', String(widthPx), '-scale-to-y', '-1', '-f', String(page), '-l', String(page), pdf, join(out, 'p')]);
  assert.equal(run.status, 0, String(run.stderr));
  return PNG.sync.read(readFileSync(join(out, readdirSync(out)[0]!)));
}

function isInkColour(png: PNG, x: number, y: number): boolean {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [0, 1, 2].every((c) => Math.abs(png.data[i + c]! - GREEN[c]!) < 40);
}

function inkPixels(png: PNG): number {
  let n = 0;
  for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (isInkColour(png, x, y)) n++;
  return n;
}

after(() => scratch.cleanup());

describe('lectern export --ink', { skip }, () => {
  let slideKey: string;
  before(() => {
    const deck = loadDeck(deckFile);
    slideKey = deck.slides[1]!.key;
    const doc = emptyInk('deck.md');
    doc.slides.set(slideKey, {
      key: slideKey,
      title: deck.slides[1]!.title,
      index: 1,
      strokes: [{ id: 't-1', color: '#43a047', width: LINE.width, points: [LINE.x0, LINE.y, (LINE.x0 + LINE.x1) / 2, LINE.y, LINE.x1, LINE.y] }],
    });
    // A slide that no longer exists: kept in the file, not printed.
    doc.slides.set('md:00000000', { key: 'md:00000000', title: 'Gone', index: 9, strokes: [{ id: 't-2', color: '#43a047', width: 30, points: [0, 0, 1280, 720] }] });
    writeFileSync(inkSidecarPath(deckFile), serializeInk(doc, (k) => k === slideKey));
  });

  test('slides: the stroke is on its slide at its slide coordinates, and on no other page', () => {
    const pdf = join(scratch.dir, 'ink.pdf');
    const run = lectern(['export', deckFile, '-o', pdf, '--quiet', '--ink']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const pages = pdfPages(pdf);
    const page2 = renderPage(pdf, 2, 640);
    const s = 640 / 1280;
    for (const x of [LINE.x0 + 20, 640, LINE.x1 - 20]) assert.ok(isInkColour(page2, x * s, LINE.y * s), `ink at slide (${x}, ${LINE.y})`);
    assert.ok(!isInkColour(page2, 640 * s, (LINE.y - 40) * s), 'no ink 40 px above the line');
    assert.ok(!isInkColour(page2, (LINE.x0 - 40) * s, LINE.y * s), 'no ink left of the line');
    for (let p = 1; p <= pages; p++) if (p !== 2) assert.equal(inkPixels(renderPage(pdf, p, 320)), 0, `page ${p} has no ink`);
  });

  test('without --ink nothing is drawn', () => {
    const pdf = join(scratch.dir, 'plain.pdf');
    assert.equal(lectern(['export', deckFile, '-o', pdf, '--quiet']).status, 0);
    assert.equal(inkPixels(renderPage(pdf, 2, 320)), 0);
  });

  test('handouts carry the ink on the slide thumbnail', () => {
    const pdf = join(scratch.dir, 'handout.pdf');
    const run = lectern(['export', deckFile, '-o', pdf, '--quiet', '--ink', '--format', 'handout', '--per-page', '2']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(inkPixels(renderPage(pdf, 1, 600)) > 20, 'ink on the handout page with slide 2');
  });

  test('a corrupt sidecar is reported and set aside, and the PDF is printed without ink', () => {
    writeFileSync(inkSidecarPath(deckFile), '{"format": "lectern-ink", "version": 1, "slides": {"x": ');
    const pdf = join(scratch.dir, 'corrupt.pdf');
    const run = lectern(['export', deckFile, '-o', pdf, '--quiet', '--ink']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /ink not printed: .*deck\.lectern-ink\.json:1:\d+: not valid JSON.*set aside as deck\.lectern-ink\.unreadable-/);
    assert.ok(!existsSync(inkSidecarPath(deckFile)));
    assert.equal(readdirSync(scratch.dir).filter((n) => n.includes('.unreadable-')).length, 1);
    assert.equal(inkPixels(renderPage(pdf, 2, 320)), 0);
  });
});
