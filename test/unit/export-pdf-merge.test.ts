// Joining PDF parts: hand-built PDFs pin the tokenizer (strings, streams, comments are never
// rewritten); real parts printed by Chromium pin what a reader sees (pages, links, rendering).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PART_LINK_PREFIX } from '../../electron/contract/print';
import { ChromiumPrinter } from '../../electron/export/chromium-printer';
import { decodePdfString, mergePdfs, scanObject, withPdfInfo, withPdfOutline } from '../../electron/export/pdf/index';
import { noBrowserReason } from '../fixtures/export/support';

const dir = mkdtempSync(join(tmpdir(), 'lectern-pdf-merge-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function save(pdf: Uint8Array): string {
  const file = join(dir, `f${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Runs a poppler (or Ghostscript) tool; it must succeed and print nothing on stderr. */
function tool(cmd: string, args: string[]): string {
  const run = spawnSync(cmd, args, { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, `${cmd} failed: ${run.stderr}`);
  assert.equal(run.stderr, '', `${cmd} complains`);
  return run.stdout;
}

const has = (cmd: string) => spawnSync(cmd, ['--version']).status === 0;

/** Ghostscript and qpdf, where installed, read the file without a warning. */
function otherReadersAccept(t: { skip(reason: string): void }, file: string): void {
  const missing = ['gs', 'qpdf'].filter((cmd) => !has(cmd));
  if (has('gs')) assert.equal(tool('gs', ['-q', '-o', '/dev/null', '-sDEVICE=nullpage', file]), '');
  if (has('qpdf')) assert.match(tool('qpdf', ['--check', file]), /No syntax or stream encoding errors found/);
  if (missing.length > 0) t.skip(`${missing.join(' and ')} not installed (apt-get install ghostscript qpdf)`);
}

const pageCount = (pdf: Uint8Array) => Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [save(pdf)]))?.[1]);
const pageText = (file: string, page: number) => tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).trim();

/** Link targets per 1-based page as pdftohtml reports them: '#N' for a page, else the URI. */
function linksByPage(file: string): Map<number, string[]> {
  const xml = tool('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
  const pages = new Map<number, string[]>();
  for (const chunk of xml.split('<page number="').slice(1)) {
    const hrefs = [...chunk.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replace(/^[^#]*\.html#/, '#'));
    pages.set(Number(/^\d+/.exec(chunk)![0]), [...new Set(hrefs)]);
  }
  return pages;
}

/** A page rendered small, as raw PPM bytes. */
function render(file: string, page: number): Buffer {
  const out = mkdtempSync(join(dir, 'r-'));
  tool('pdftoppm', ['-r', '20', '-f', String(page), '-l', String(page), file, join(out, 'p')]);
  const [name] = readdirSync(out);
  return readFileSync(join(out, name!));
}

// ---------------------------------------------------------------------------------------------
// Hand-built PDFs: Skia's layout (classic xref, `N 0 obj`), contents chosen to trap a tokenizer.

/** A PDF of `objects` (bodies; a `stream` entry is raw bytes), numbered 1..n, catalog `root`. */
function buildPdf(objects: Array<string | { dict: string; stream: Buffer }>, root: number, info?: number): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xD3\xEB\xE9\xE1\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === 'string') push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n${o.dict.replace('LEN', String(o.stream.length))} stream\n`, 'latin1'));
      push(o.stream);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
  const infoRef = info ? ` /Info ${info} 0 R` : '';
  push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1} /Root ${root} 0 R${infoRef}>>\nstartxref\n${length}\n%%EOF`, 'latin1'));
  return Buffer.concat(chunks);
}

/** Bytes a careless rewriter would change: references, `endobj`, parentheses, a NUL. */
const TRAP_STREAM = Buffer.concat([Buffer.from('q 5 0 R endobj ) ( >> << endstream-not % 2 0 R\n', 'latin1'), Buffer.from([0, 255, 13, 10, 0x28])]);

/** One page with text drawn by a content stream, traps in strings, names and comments. */
function trapPdf(label: string): Buffer {
  const content = Buffer.from(`BT /F1 24 Tf 20 40 Td (${label}) Tj ET\n% 3 0 R in a content stream`, 'latin1');
  return buildPdf(
    [
      `<</Type /Catalog /Pages 2 0 R /Dests <</${label} [3 0 R /Fit]>>>>`,
      '<</Type /Pages /Kids [3 0 R] /Count 1>>',
      `<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>> /XObject <</Im 7 0 R>>>> /Annots [6 0 R]>>`,
      { dict: '<</Length LEN>>', stream: content },
      '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
      // Strings that look like references must survive byte for byte.
      `<</Type /Annot /Subtype /Link /Rect [0 0 50 50] /Border [0 0 0] /Contents (a \\) nested (5 0 R (deep 4 0 R)) \\\\ 5 0 R) /NM <3520302052> % 5 0 R comment
/A <</S /URI /URI (https://example.org/x?5 0 R)>>>>`,
      { dict: '<</Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length LEN /Note (endobj 5 0 R)>>', stream: TRAP_STREAM },
      '<</Title (Trap \\(5 0 R\\) title) /Producer <FEFF0035>>>',
    ],
    1,
    8,
  );
}

test('the tokenizer finds references and top-level keys, never inside strings, names or comments', () => {
  const body = ` <</A 1 0 R /B (x 2 0 R \\) (3 0 R)) /C <34 20 30> % 5 0 R
/D [6 0 R <</E 7 0 R>>] /6#200#20R 8 1 R /F /G /URI <6C65>>> endobj`;
  const scan = scanObject(body, 0);
  assert.deepEqual(
    Array.from({ length: scan.refs.length / 3 }, (_, i) => scan.refs[i * 3 + 2]),
    [1, 6, 7, 8],
  );
  assert.deepEqual([...scan.entries!.keys()], ['A', 'B', 'C', 'D', '6#200#20R', 'F', 'URI']);
  const value = (key: string) => body.slice(scan.entries!.get(key)!.valueStart, scan.entries!.get(key)!.valueEnd);
  assert.equal(value('B'), '(x 2 0 R \\) (3 0 R))');
  assert.equal(value('D'), '[6 0 R <</E 7 0 R>>]');
  assert.equal(value('F'), '/G');
  assert.equal(body.slice(scan.end, scan.end + 6), 'endobj');
  assert.equal(body.slice(scan.uris[0], scan.uris[1]), '<6C65>');
});

test('PDF strings decode escapes, octal codes, line continuations and hex', () => {
  assert.equal(decodePdfString('(a\\(b\\)c (d))'), 'a(b)c (d)');
  assert.equal(decodePdfString('(\\(x\\) \\n\\101\\7 \\\n!)'), '(x) \nA\x07 !');
  assert.equal(decodePdfString('<6C 65 6>'), 'le`');
});

describe('hand-built parts', () => {
  test('pages in order, references renumbered, strings, names, comments and streams untouched', () => {
    const merged = mergePdfs([trapPdf('One'), trapPdf('Two'), trapPdf('Three')]);
    const file = save(merged);
    assert.equal(pageCount(merged), 3);
    assert.deepEqual([1, 2, 3].map((p) => pageText(file, p)), ['One', 'Two', 'Three']);
    const text = Buffer.from(merged).toString('latin1');
    // Each part's traps appear once per part, verbatim.
    const count = (s: string) => text.split(s).length - 1;
    assert.equal(count('/Contents (a \\) nested (5 0 R (deep 4 0 R)) \\\\ 5 0 R)'), 3);
    assert.equal(count('/NM <3520302052>'), 3);
    assert.equal(count('/URI (https://example.org/x?5 0 R)'), 3);
    assert.equal(count('/Note (endobj 5 0 R)'), 3);
    assert.equal(count('% 3 0 R in a content stream'), 3);
    assert.equal(count(TRAP_STREAM.toString('latin1')), 3);
    // Only the first part's document information is kept.
    assert.equal(count('/Title (Trap \\(5 0 R\\) title)'), 1);
    assert.match(tool('pdfinfo', [file]), /^Title:\s+Trap \(5 0 R\) title$/m);
    // Named destinations from every part, each on its own page.
    const dests = /\/Dests (\d+) 0 R/.exec(text);
    assert.ok(dests, 'the joined catalog has /Dests');
    const destsBody = new RegExp(`\\n${dests[1]} 0 obj\\s*<<([^]*?)>>\\s*endobj`).exec(text)![1]!;
    const pageRefs = [...destsBody.matchAll(/\/(\w+) \[(\d+) 0 R/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(pageRefs.map(([name]) => name), ['One', 'Two', 'Three']);
    assert.equal(new Set(pageRefs.map(([, ref]) => ref)).size, 3);
  });

  test('nested page trees keep their order and inherited attributes; indirect /Length; incremental updates', () => {
    // Root -> [Pages node -> [page A, page B], page C]; MediaBox and Resources inherited from the
    // part's root; a content stream whose /Length is an indirect object; /Dests written directly.
    const content = (label: string) => Buffer.from(`BT /F1 18 Tf 10 20 Td (${label}) Tj ET`, 'latin1');
    const nested = buildPdf(
      [
        '<</Type /Catalog /Pages 2 0 R /Dests <</b [5 0 R /XYZ 0 0 0]>>>>',
        '<</Type /Pages /Kids [3 0 R 6 0 R] /Count 3 /MediaBox [0 0 150 60] /Resources <</Font <</F1 10 0 R>>>>>>',
        '<</Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2>>',
        '<</Type /Page /Parent 3 0 R /Contents 7 0 R>>',
        '<</Type /Page /Parent 3 0 R /Contents 8 0 R>>',
        '<</Type /Page /Parent 2 0 R /Contents 9 0 R>>',
        { dict: '<</Length 11 0 R>>', stream: content('Alpha') },
        { dict: '<</Length LEN>>', stream: content('Bravo') },
        { dict: '<</Length LEN>>', stream: content('Charlie') },
        '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
        String(content('Alpha').length),
      ],
      1,
    );
    // A part that already carries an update appended after printing.
    const updated = withPdfInfo(trapPdf('Delta'), { title: 'Updated title' });
    const merged = mergePdfs([updated, nested, nested]);
    const file = save(merged);
    assert.equal(pageCount(merged), 7);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((p) => pageText(file, p)), ['Delta', 'Alpha', 'Bravo', 'Charlie', 'Alpha', 'Bravo', 'Charlie']);
    assert.match(tool('pdfinfo', ['-f', '2', '-l', '2', file]), /^Page\s+2 size:\s+150 x 60 pts/m);
    assert.match(tool('pdfinfo', [file]), /^Title:\s+Updated title$/m);
    // The repeated name /b keeps the first nested part's page (page 3).
    const text = Buffer.from(merged).toString('latin1');
    const dests = /\n(\d+) 0 obj\s*<<\/Delta \[(\d+) 0 R \/Fit\]\s*\/b \[(\d+) 0 R /.exec(text);
    assert.ok(dests, 'one joined /Dests with both names');
    const pageObjects = [...text.matchAll(/\n(\d+) 0 obj\s*<<\/Type \/Page\b(?!s)/g)].map((m) => m[1]);
    assert.equal(pageObjects.length, 7);
    assert.equal(dests[3], pageObjects[2]);
    // The outline writer walks the same nested tree (the shared reader), before and after joining.
    for (const [pdf, pages] of [
      [nested, [1, 2, 3]],
      [merged, [2, 3, 4]],
    ] as const) {
      const outlined = save(withPdfOutline(pdf, ['A', 'B', 'C'].map((title, i) => ({ title, page: pages[i]! - 1 }))));
      const xml = tool('pdftohtml', ['-xml', '-i', '-stdout', '-q', outlined]);
      assert.deepEqual([...xml.matchAll(/<item page="(\d+)">/g)].map((m) => Number(m[1])), pages);
    }
  });

  test('Ghostscript and qpdf accept the joined file without warnings', (t) => {
    otherReadersAccept(t, save(mergePdfs([trapPdf('One'), trapPdf('Two')])));
  });

  test('a single part comes back as it is, unless a link needs resolving', () => {
    const part = trapPdf('Solo');
    assert.equal(mergePdfs([part]), part);
    assert.equal(mergePdfs([part], { resolveLink: () => undefined }), part);
    const resolved = mergePdfs([part], { resolveLink: (uri) => (uri.includes('example.org') ? 0 : undefined) });
    const text = Buffer.from(resolved).toString('latin1');
    assert.doesNotMatch(text, /example\.org/);
    assert.match(text, /\/Dest \[\d+ 0 R \/XYZ null null null\]/);
    assert.equal(pageCount(resolved), 1);
  });

  test('a part that is not a readable PDF is refused with its number and the reason', () => {
    const good = trapPdf('Good');
    assert.throws(() => mergePdfs([good, Buffer.from('hello')]), /^Error: PDF part 2 of 2: not a PDF/);
    assert.throws(() => mergePdfs([good.subarray(0, good.length - 200), good]), /^Error: PDF part 1 of 2: .*trailer/);
    // The cross-reference table points into the middle of an object.
    const shifted = Buffer.from(good.toString('latin1').replace(/\n0000000015 00000 n \n/, '\n0000000017 00000 n \n'), 'latin1');
    assert.throws(() => mergePdfs([good, good, shifted]), /^Error: PDF part 3 of 3: the cross-reference table points object 1 at byte 17/);
    // An unterminated string in a dictionary.
    const broken = Buffer.from(good.toString('latin1').replace('(deep 4 0 R)', '(deep 4 0 R('), 'latin1');
    assert.throws(() => mergePdfs([good, broken]), /^Error: PDF part 2 of 2: object \d+ is malformed/);
    // What pdf-lib and most writers produce: a cross-reference stream.
    const xrefStream = Buffer.from('%PDF-1.7\n1 0 obj\n<</Type /XRef /Size 1 /W [1 2 1] /Root 1 0 R /Length 0>> stream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n', 'latin1');
    assert.throws(() => mergePdfs([good, xrefStream]), /^Error: PDF part 2 of 2: the printed PDF has no readable trailer \(a cross-reference stream\?\)$/);
    // A trailer, but startxref at a cross-reference stream.
    const hybrid = Buffer.from(xrefStream.toString('latin1').replace('startxref', 'trailer\n<</Size 1 /Root 1 0 R>>\nstartxref'), 'latin1');
    assert.throws(() => mergePdfs([good, hybrid]), /^Error: PDF part 2 of 2: a cross-reference stream at byte 9, where a classic table was expected$/);
    assert.throws(() => mergePdfs([]), /no PDF parts/);
    for (const bad of [Buffer.from('hello'), shifted]) {
      try {
        mergePdfs([good, bad]);
      } catch (err) {
        assert.doesNotMatch((err as Error).message, /\n/, 'one line');
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Real parts printed by Chromium.

const skip = noBrowserReason();

interface Slide {
  index: number;
  /** hrefs of the links on this slide. */
  links: string[];
}

/** A print page of `slides`, one a page, the way the print view lays out a part. */
function partHtml(slides: Slide[], tagged: boolean, title: string): string {
  const pages = slides
    .map(
      ({ index, links }) =>
        `<section id="slide-${index}" class="page"><h1>Slide ${index}</h1><p id="${index % 3 === 1 ? 'dup' : `x${index}`}">Body text (with parens) of slide ${index}</p>` +
        links.map((href, i) => `<a href="${href}">link ${i}</a> `).join('') +
        `<div class="swatch" style="background:hsl(${index * 47} 70% 50%)"></div></section>`,
    )
    .join('');
  // A report with an outline makes the printer print untagged, as the exporter's parts do.
  const report = tagged ? '' : `document.documentElement.setAttribute('data-lectern-print-report', JSON.stringify({ pages: ${slides.length}, outline: [] }));`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>
@page { size: 400px 300px; margin: 0 }
body { margin: 0; font: 16px serif }
.page { width: 400px; height: 300px; box-sizing: border-box; padding: 12px; overflow: hidden; break-after: page;
  background: linear-gradient(#fff8e0, #e0f0ff) }
.page:last-child { break-after: auto }
h1 { margin: 0 0 8px }
.swatch { width: 120px; height: 60px; margin-top: 8px }
</style></head><body>${pages}<script>${report}document.documentElement.setAttribute('data-lectern-print', 'ready')</script></body></html>`;
}

describe('parts printed by Chromium', { skip }, () => {
  // Slides 0-2 in part 1 (tagged, as a layout without its own outline prints), 3-5 in part 2,
  // 6 in part 3. One slide a page, so slide n is page n + 1.
  const SLIDE_PAGE = new Map([0, 1, 2, 3, 4, 5, 6].map((s) => [s, s]));
  const EXTERNAL = 'https://example.org/a b?q=5 0 R';
  const TITLE = 'Deck (5 0 R) \\ title';
  const layout: Slide[][] = [
    [
      { index: 0, links: ['#slide-2', EXTERNAL] },
      { index: 1, links: [`${PART_LINK_PREFIX}4`, '#dup'] },
      { index: 2, links: ['#slide-0'] },
    ],
    [
      { index: 3, links: [`${PART_LINK_PREFIX}0`] },
      { index: 4, links: ['#slide-5', '#dup'] },
      { index: 5, links: [`${PART_LINK_PREFIX}99`, EXTERNAL] },
    ],
    [{ index: 6, links: [`${PART_LINK_PREFIX}3`, '#slide-6'] }],
  ];
  const resolveLink = (uri: string) => (uri.startsWith(PART_LINK_PREFIX) ? SLIDE_PAGE.get(Number(uri.slice(PART_LINK_PREFIX.length))) : undefined);
  let parts: Uint8Array[] = [];
  let merged: Uint8Array;
  let mergedFile: string;

  before(async () => {
    const printer = new ChromiumPrinter();
    try {
      parts = [];
      for (const [i, slides] of layout.entries()) {
        parts.push(await printer.print({ html: partHtml(slides, i === 0, TITLE), page: { width: '400px', height: '300px' } }));
      }
    } finally {
      await printer.close();
    }
    merged = mergePdfs(parts, { resolveLink });
    mergedFile = save(merged);
  });

  test('every page of every part, in order, and poppler reads it without complaint', () => {
    assert.deepEqual(parts.map(pageCount), [3, 3, 1]);
    assert.equal(pageCount(merged), 7);
    for (let s = 0; s <= 6; s++) assert.match(pageText(mergedFile, s + 1), new RegExp(`^Slide ${s}\\b`));
    assert.match(tool('pdfinfo', [mergedFile]), /^Title:\s+Deck \(5 0 R\) \\ title$/m);
    assert.match(tool('pdfinfo', [mergedFile]), /^Tagged:\s+no$/m);
  });

  test('Ghostscript and qpdf read it without warnings', (t) => {
    otherReadersAccept(t, mergedFile);
  });

  test('links: within a part by name, across parts as GoTo, unknown and external URIs as they were', () => {
    const partExternal = linksByPage(save(parts[0]!)).get(1)!.find((href) => href.startsWith('https:'));
    assert.ok(partExternal, 'Chromium wrote the external link');
    const links = linksByPage(mergedFile);
    assert.deepEqual(links.get(1), ['#3', partExternal]);
    // '#dup' exists in parts 1 and 2: the name keeps part 1's target (page 2).
    assert.deepEqual(links.get(2), ['#5', '#2']);
    assert.deepEqual(links.get(3), ['#1']);
    assert.deepEqual(links.get(4), ['#1']);
    assert.deepEqual(links.get(5), ['#6', '#2']);
    assert.deepEqual(links.get(6), [`${PART_LINK_PREFIX}99`, partExternal]);
    assert.deepEqual(links.get(7), ['#4', '#7']);
    const text = Buffer.from(merged).toString('latin1');
    assert.doesNotMatch(text, /lectern:slide\/[0-6]\)/, 'resolved links keep no URI action');
    assert.match(text, /\/Dest \[\d+ 0 R \/XYZ null null null\]/);
  });

  test('the tag tree and outline of a tagged part are left out, not left dangling', () => {
    const text = Buffer.from(merged).toString('latin1');
    assert.doesNotMatch(text, /\/StructTreeRoot|\/StructParents? |\/StructElem|\/MarkInfo|\/Outlines/);
  });

  test('pages render exactly as in their part (streams copied byte for byte)', () => {
    const partFiles = parts.map(save);
    let page = 0;
    for (const [p, slides] of layout.entries()) {
      for (let i = 1; i <= slides.length; i++) {
        page++;
        const joined = render(mergedFile, page);
        assert.ok(joined.equals(render(partFiles[p]!, i)), `page ${page} renders as page ${i} of part ${p + 1}`);
        // Not blank: text, a gradient and a colour swatch make many different byte values.
        assert.ok(new Set(joined).size > 40, `page ${page} is not blank`);
      }
    }
  });

  test('bookmarks and document information are added to the joined PDF as to a printed one', () => {
    const titles = ['Opening', 'Middle', 'Closing'];
    const withOutline = withPdfOutline(merged, [
      { title: titles[0]!, page: 0 },
      { title: titles[1]!, page: 3 },
      { title: titles[2]!, page: 6 },
    ]);
    const final = withPdfInfo(withOutline, { title: 'Joined deck', author: 'A. Author' });
    const file = save(final);
    const info = tool('pdfinfo', [file]);
    assert.match(info, /^Title:\s+Joined deck$/m);
    assert.match(info, /^Author:\s+A\. Author$/m);
    assert.match(info, /^Pages:\s+7$/m);
    const xml = tool('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
    const items = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => [m[2], Number(m[1])]);
    assert.deepEqual(items, [
      ['Opening', 1],
      ['Middle', 4],
      ['Closing', 7],
    ]);
    assert.match(pageText(file, 4), /^Slide 3\b/);
  });
});
