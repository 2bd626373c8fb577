// PDF exports stand for the talk: backup slides (after `<!-- backup -->`) stay out unless the
// export asks for them (`--backup`, ExportOptions.backup).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileDeck } from '../../electron/deck/index';
import { withoutBackup } from '../../electron/deck/backup';
import { exportPdf } from '../../electron/export/pdf-export';
import type { PdfPrinter, PrintJob } from '../../electron/export/printer';

const deck = compileDeck('# Talk one\nNote: a\n---\n# Talk two\nNote: b\n---\n<!-- backup -->\n---\n# Spare slide\nNote: x', '/tmp/lectern-export-backup/deck.md');

/** A printer that keeps the pages it was given and prints nothing. */
function capturingPrinter(jobs: PrintJob[]): PdfPrinter {
  return {
    concurrency: 1,
    print: async (job) => {
      jobs.push(job);
      throw new Error('captured');
    },
    close: async () => {},
  };
}

async function printedHtml(backup: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-export-backup-'));
  const jobs: PrintJob[] = [];
  try {
    await assert.rejects(exportPdf({ deck, options: { format: 'slides', backup }, printer: capturingPrinter(jobs), target: join(dir, 'deck.pdf') }), /captured/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return JSON.stringify(jobs);
}

test('withoutBackup keeps the talk, same indices; a deck without backup slides is returned as is', () => {
  assert.deepEqual(withoutBackup(deck).slides.map((s) => [s.title, s.index]), [['Talk one', 0], ['Talk two', 1]]);
  const plain = { ...deck, slides: deck.slides.filter((s) => !s.backup) };
  assert.equal(withoutBackup(plain), plain);
});

test('a PDF export prints the backup slides only when asked', async () => {
  const without = await printedHtml(false);
  assert.match(without, /Talk two/);
  assert.doesNotMatch(without, /Spare slide/);
  assert.match(await printedHtml(true), /Spare slide/);
});
