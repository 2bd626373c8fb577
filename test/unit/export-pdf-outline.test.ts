// Bookmarks nested by section: the print view's flat per-slide entries become one top-level entry
// per section with its slides beneath, written into a PDF that qpdf and poppler read as that tree.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { finishPdf, nestBySection, withPdfOutline, type SlideOutlineEntry } from '../../electron/export/pdf/index';
import { PdfWriter } from '../../electron/export/pdf/writer';
import { pdfOutline } from '../fixtures/export/support';

const dir = mkdtempSync(join(tmpdir(), 'lectern-pdf-outline-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A bare PDF of `count` blank pages. */
function blankPdf(count: number): Uint8Array {
  const writer = new PdfWriter(4);
  writer.object(1, '<</Type /Catalog /Pages 2 0 R>>');
  writer.object(2, `<</Type /Pages /Kids [${Array.from({ length: count }, (_, i) => `${3 + i} 0 R`).join(' ')}] /Count ${count}>>`);
  for (let i = 0; i < count; i++) writer.object(3 + i, '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100]>>');
  return writer.finish(1, undefined);
}

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(result.error, undefined, `${cmd} is not installed`);
  assert.equal(result.status, 0, `${cmd} failed: ${result.stderr}`);
  return result.stdout;
}

const talk: SlideOutlineEntry[] = [
  { title: 'Title slide', page: 0 },
  { title: 'Why', page: 1, section: 'Introduction' },
  { title: 'Plan', page: 2, section: 'Introduction' },
  { title: 'Ablation', page: 3, section: 'Ablation' },
  { title: 'Results', page: 4, section: 'Ablation' },
  { title: 'Results', page: 5, section: 'Ablation' },
  { title: 'Smith 2020', page: 6, section: 'References' },
];

describe('nestBySection', () => {
  test('one entry per section, on its first slide, with its slides beneath; unsectioned slides at the top', () => {
    assert.deepEqual(nestBySection(talk), [
      { title: 'Title slide', page: 0 },
      { title: 'Introduction', page: 1, children: [{ title: 'Why', page: 1 }, { title: 'Plan', page: 2 }] },
      { title: 'Ablation', page: 3, children: [{ title: 'Ablation', page: 3 }, { title: 'Results', page: 4 }, { title: 'Results', page: 5 }] },
      { title: 'References', page: 6, children: [{ title: 'Smith 2020', page: 6 }] },
    ]);
  });

  test('a section interrupted by another starts a new entry; no sections keeps the outline flat', () => {
    const titles = nestBySection([
      { title: 'a', page: 0, section: 'A' },
      { title: 'b', page: 1, section: 'B' },
      { title: 'c', page: 2, section: 'A' },
    ]).map((e) => e.title);
    assert.deepEqual(titles, ['A', 'B', 'A']);
    assert.deepEqual(nestBySection([{ title: 'x', page: 0 }, { title: 'y', page: 1 }]), [{ title: 'x', page: 0 }, { title: 'y', page: 1 }]);
  });
});

describe('the nested outline in a PDF', () => {
  test('qpdf and poppler read sections at the top, closed, their slides beneath on the right pages', () => {
    const file = join(dir, 'talk.pdf');
    writeFileSync(file, finishPdf(blankPdf(7), { outline: nestBySection(talk), info: { title: 'Talk' } }));
    assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors found/);
    const outline = pdfOutline(file);
    assert.deepEqual(
      outline.map((e) => [e.title, e.page, e.open, e.children.map((k) => [k.title, k.page])]),
      [
        ['Title slide', 1, true, []],
        ['Introduction', 2, false, [['Why', 2], ['Plan', 3]]],
        ['Ablation', 4, false, [['Ablation', 4], ['Results', 5], ['Results', 6]]],
        ['References', 7, false, [['Smith 2020', 7]]],
      ],
    );
    // poppler reads the same tree (an <outline> nested after its section's <item>).
    const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
    assert.match(xml, /<item page="2">Introduction<\/item>\s*<outline>\s*<item page="2">Why<\/item>\s*<item page="3">Plan<\/item>\s*<\/outline>/);
    assert.equal(run('pdftotext', [file, '-']).trim(), '');
  });

  test('entries on pages the PDF lacks are dropped; a section left with no slides goes too', () => {
    const file = join(dir, 'short.pdf');
    writeFileSync(file, withPdfOutline(blankPdf(4), nestBySection(talk)));
    assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors found/);
    assert.deepEqual(
      pdfOutline(file).map((e) => [e.title, e.children.length]),
      [['Title slide', 0], ['Introduction', 2], ['Ablation', 1]],
    );
  });
});
