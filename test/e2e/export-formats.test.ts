// `lectern export` end to end on the export fixture deck (5 slides: a title slide with a link,
// display and inline math, three fragments, an SVG with long notes, a dark background): every
// format's page count, text, formulas, outline, metadata and links, read back with poppler.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { lectern, noBrowserReason, pdfInfo, pdfOutlineTitles, pdfPages, pdfText, scratchFixtures } from '../fixtures/export/support';

const skip = noBrowserReason();
const scratch = scratchFixtures();
const deck = join(scratch.dir, 'deck.md');
const SLIDES = 5;
const TITLES = ['Export fixture deck', 'Decay law', 'Steps in order', 'A diagram', 'Dark background slide'];

function exportTo(out: string, ...args: string[]): string {
  const target = join(scratch.dir, out);
  const run = lectern(['export', deck, '-o', target, '--quiet', ...args]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.ok(existsSync(target));
  return target;
}

after(() => scratch.cleanup());

describe('lectern export', { skip }, () => {
  let slides: string;
  before(() => {
    slides = exportTo('slides.pdf');
  });

  test('slides: one 16:9 page per slide, with text, notes excluded', () => {
    assert.equal(pdfPages(slides), SLIDES);
    assert.match(pdfInfo(slides)['Page size']!, /^960 x 540 pts/);
    const text = pdfText(slides);
    for (const title of TITLES) assert.ok(text.includes(title), `slide title "${title}" in the text`);
    assert.ok(text.includes('Third step appears'), 'fragments are printed in their final state');
    assert.ok(!text.includes('zebra finale'), 'speaker notes are not on slides');
    assert.match(pdfText(slides, 2), /2\s*\/\s*5/, 'slide numbers c/t');
  });

  test('every font is embedded as a TrueType subset: the text fonts and KaTeX, no Type 3 outlines', () => {
    const fonts = spawnSync('pdffonts', [slides], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.some((line) => /SourceSans3/.test(line)), 'the text font is embedded by name');
    assert.ok(fonts.some((line) => /KaTeX_Main/.test(line)), 'the math font is embedded by name');
    for (const line of fonts) {
      assert.match(line, /CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/, `embedded, subset, with Unicode: ${line}`);
    }
  });

  test('formulas are KaTeX glyphs, never raw TeX', () => {
    const page = pdfText(slides, 2);
    assert.match(page, /ln\s*2/, 'the rendered \\ln 2 of the display formula');
    assert.match(page, /mc\s*2/, 'inline E = mc^2');
    assert.doesNotMatch(page, /\\frac|\\lambda|\\ln|\^\{/, 'no TeX source in the text');
    // KaTeX's own fonts are embedded (vector glyphs, not a raster).
    const fonts = readFileSync(slides).toString('latin1');
    assert.match(fonts, /\/BaseFont\s*\/[A-Z]{6}\+KaTeX_Main/);
    assert.match(fonts, /\/BaseFont\s*\/[A-Z]{6}\+KaTeX_Math/);
  });

  test('metadata: title and author from the front matter (UTF-8 kept)', () => {
    const info = pdfInfo(slides);
    assert.equal(info.Title, 'Export fixture deck');
    assert.equal(info.Author, 'Zoë Example, MD');
  });

  test('outline: one bookmark per slide title, in order', () => {
    assert.deepEqual(pdfOutlineTitles(slides), TITLES);
  });

  test('links stay clickable', () => {
    assert.match(readFileSync(slides).toString('latin1'), /\/URI\s*\(https:\/\/example\.org\/lectern\)/);
  });

  test('--fragments: the slide before any fragment, then one page per step', () => {
    const pdf = exportTo('fragments.pdf', '--fragments');
    assert.equal(pdfPages(pdf), SLIDES + 3);
    const steps = [3, 4, 5, 6].map((p) => pdfText(pdf, p));
    assert.ok(!steps[0]!.includes('First step'), 'no fragment before the first step');
    assert.ok(steps[1]!.includes('First step') && !steps[1]!.includes('Second step'));
    assert.ok(steps[3]!.includes('Third step'));
    assert.deepEqual(pdfOutlineTitles(pdf), TITLES, 'a slide is bookmarked once, not per step');
  });

  test('notes: slide with its notes; long notes continue on the next page', () => {
    const pdf = exportTo('notes.pdf', '--format', 'notes');
    assert.match(pdfInfo(pdf)['Page size']!, /\(A4\)/);
    // Slide 4's notes are long enough for one continuation page.
    assert.equal(pdfPages(pdf), SLIDES + 1);
    assert.match(pdfText(pdf, 1), /Welcome note on the title slide/);
    assert.match(pdfText(pdf, 2), /decay constant notes mention λ once/);
    assert.match(pdfText(pdf, 4), /Paragraph 1 of the long notes/);
    assert.match(pdfText(pdf, 5), /zebra finale/, 'the end of the long notes is on the continuation page');
    assert.match(pdfText(pdf, 5), /Slide 4 of 5 \(continued\)/, 'a continuation page says whose notes it holds');
    assert.doesNotMatch(pdfText(pdf, 5), /A diagram/, 'no slide on a continuation page');
    assert.match(pdfText(pdf, 6), /Closing notes/);
    for (let page = 1; page <= 6; page++) {
      assert.match(pdfText(pdf, page), new RegExp(`Export fixture deck[\\s\\S]*page ${page} of 6`), `footer of page ${page}`);
    }
    assert.deepEqual(pdfOutlineTitles(pdf), TITLES);
    // Fixed pages: the view reports the outline, so the notes print untagged like the other formats.
    assert.equal(pdfInfo(pdf).Tagged, 'no');
  });

  test('notes: very long notes split at lines across pages, no text lost; untitled slides bookmarked as "Slide N"', () => {
    const target = join(scratch.dir, 'pagination.pdf');
    const run = lectern(['export', join(scratch.dir, 'pagination.md'), '--format', 'notes', '-o', target, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    const pages = pdfPages(target);
    const text = Array.from({ length: pages }, (_, i) => pdfText(target, i + 1));
    const long = text.filter((t) => /Slide 1 of 5/.test(t));
    assert.ok(long.length >= 4, `${long.length} pages for the long notes`);
    assert.equal(text.filter((t) => /Slide 1 of 5 \(continued\)/.test(t)).length, long.length - 1);
    const all = long.join('\n');
    for (let step = 1; step <= 40; step++) assert.equal(all.split(`Step ${step} of the procedure`).length, 2, `step ${step} printed once`);
    assert.match(long[long.length - 1]!, /zebra finale/);
    assert.match(all, /nested point B under step 12/);
    assert.deepEqual(pdfOutlineTitles(target), ['Long notes', 'Slide 2', 'Tall image in the notes', 'Links between slides', 'Link target']);
  });

  for (const perPage of [1, 2, 3, 4, 6]) {
    test(`handout, ${perPage} per page: page count, footer, notes beside the slides`, () => {
      const pdf = exportTo(`handout-${perPage}.pdf`, '--format', 'handout', '--per-page', String(perPage));
      const pages = Math.ceil(SLIDES / perPage);
      assert.equal(pdfPages(pdf), pages);
      const first = pdfText(pdf, 1);
      assert.match(first, new RegExp(`page 1 of ${pages}`));
      assert.match(first, /Export fixture deck/);
      assert.match(first, /2026-11-26/, 'the deck date in the footer');
      assert.match(first, /Welcome note on the title slide/);
      assert.deepEqual(pdfOutlineTitles(pdf), TITLES);
    });
  }

  test('--tagged: a tagged PDF with the document language, the same bookmarks and text', () => {
    for (const format of ['slides', 'notes'] as const) {
      const pdf = exportTo(`tagged-${format}.pdf`, '--format', format, '--tagged');
      assert.equal(pdfInfo(pdf).Tagged, 'yes');
      assert.deepEqual(pdfOutlineTitles(pdf), TITLES, 'one bookmark a slide, as untagged');
      assert.match(readFileSync(pdf).toString('latin1'), /\/StructTreeRoot \d+ 0 R/);
      assert.match(readFileSync(pdf).toString('latin1'), /\/Lang \(en\)/);
      assert.equal(pdfText(pdf), pdfText(exportTo(`untagged-${format}.pdf`, '--format', format)));
    }
  });

  test('handout on Letter with ruled lines instead of notes', () => {
    const pdf = exportTo('handout-letter.pdf', '--format', 'handout', '--per-page', '3', '--paper', 'letter', '--lines');
    assert.match(pdfInfo(pdf)['Page size']!, /^612 x 792 pts/);
    assert.equal(pdfPages(pdf), 2);
    const text = pdfText(pdf);
    assert.ok(!text.includes('Welcome note'), 'no notes when lines are asked for');
    assert.ok(text.includes('Decay law'));
  });

  test('default output names: beside the deck, .notes.pdf and .handout.pdf', () => {
    for (const [format, name] of [['slides', 'deck.pdf'], ['notes', 'deck.notes.pdf'], ['handout', 'deck.handout.pdf']] as const) {
      const run = lectern(['export', deck, '--format', format]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(existsSync(join(scratch.dir, name)), name);
      assert.ok(run.stdout.includes(name), 'the written file is reported on stdout');
    }
  });

  test('images keep their full resolution (the slide shows them smaller)', () => {
    const target = join(scratch.dir, 'image.pdf');
    const run = lectern(['export', join(scratch.dir, 'image.md'), '-o', target, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    const list = spawnSync('pdfimages', ['-list', target], { encoding: 'utf8' }).stdout;
    assert.match(list, /^\s*1\s+0\s+image\s+1600\s+900\s/m, list);
  });

  test('a folder: every deck (README, node_modules and dot-folders skipped), mirrored under --out-dir', () => {
    const out = join(scratch.dir, 'pdfs');
    const run = lectern(['export', join(scratch.dir, 'folder'), '--out-dir', out, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(pdfInfo(join(out, 'alpha.pdf')).Title, 'Alpha deck');
    assert.equal(pdfInfo(join(out, 'sub', 'beta.pdf')).Title, 'Beta deck');
    assert.ok(!existsSync(join(out, 'README.pdf')));
    assert.ok(!existsSync(join(out, 'node_modules')));
    assert.ok(!existsSync(join(out, '.hidden')));
  });
});
