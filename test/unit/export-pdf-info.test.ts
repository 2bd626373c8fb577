// Document information is set by an incremental update that poppler (and every reader) accepts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pdfTextString, readTrailer, withPdfInfo } from '../../electron/export/pdf/index';

const dir = mkdtempSync(join(tmpdir(), 'lectern-pdf-info-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A one-page PDF with a classic xref table, as Skia writes them (offsets computed). */
function minimalPdf(): Uint8Array {
  const objects = [
    '<</Title (Chromium title) /Producer (Skia/PDF)>>',
    '<</Type /Catalog /Pages 3 0 R>>',
    '<</Type /Pages /Kids [4 0 R] /Count 1>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 100]>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(body, 'latin1');
}

function info(bytes: Uint8Array): Record<string, string> {
  const file = join(dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const run = spawnSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '', 'poppler reads the file without complaint');
  const out: Record<string, string> = {};
  for (const line of run.stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

test('reads the trailer of a classic-xref PDF', () => {
  const t = readTrailer(minimalPdf());
  assert.equal(t.size, 5);
  assert.equal(t.root, '2 0 R');
  assert.equal(t.info, '1 0 R');
});

test('title, author and subject replace the printed ones, any script kept', () => {
  const out = withPdfInfo(minimalPdf(), { title: 'Y-90 dosimetry — λ and T½', author: 'Zoë Müller, 医师', subject: 'Grand rounds' });
  const i = info(out);
  assert.equal(i.Title, 'Y-90 dosimetry — λ and T½');
  assert.equal(i.Author, 'Zoë Müller, 医师');
  assert.equal(i.Subject, 'Grand rounds');
  assert.equal(i.Pages, '1');
  assert.match(i.Producer!, /Lectern/);
});

test('the original bytes are untouched (an append-only update) and updates chain', () => {
  const original = minimalPdf();
  const once = withPdfInfo(original, { title: 'First' });
  assert.ok(Buffer.from(once.subarray(0, original.length)).equals(Buffer.from(original)));
  const twice = withPdfInfo(once, { title: 'Second', author: 'B' });
  assert.equal(info(twice).Title, 'Second');
  assert.equal(readTrailer(twice).size, 7);
});

test('absent fields are left out rather than written empty', () => {
  const out = Buffer.from(withPdfInfo(minimalPdf(), { title: 'Only a title', author: '' })).toString('latin1');
  assert.doesNotMatch(out.slice(-600), /\/Author/);
});

test('a file without a trailer is refused, not corrupted', () => {
  assert.throws(() => withPdfInfo(Buffer.from('not a pdf'), { title: 'x' }), /no readable trailer/);
});

test('text strings are UTF-16BE with a byte order mark', () => {
  assert.equal(pdfTextString('Aé'), '<FEFF004100E9>');
  assert.equal(pdfTextString('😀'), '<FEFFD83DDE00>');
});
