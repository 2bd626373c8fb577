import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PrintToPDFOptions } from 'electron';
import { ElectronPrinter, pageSizeInches, printOptionsFor, type PrintWindowLike } from '../../electron/app/electron-printer';
import { AWAIT_PRINT_READY_SCRIPT, cssLengthToInches } from '../../electron/export/printer';

class FakePrintWindow implements PrintWindowLike {
  loaded: string[] = [];
  served: Array<string | undefined> = [];
  printed: PrintToPDFOptions[] = [];
  destroyed = false;
  constructor(private jobs: Map<string, string>, private ready: () => Promise<unknown>) {}
  async loadURL(url: string) {
    this.loaded.push(url);
    const id = /\/print\/([^/]+)\.html$/.exec(url)?.[1];
    this.served.push(id ? this.jobs.get(id) : undefined);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  webContents = {
    executeJavaScript: async (code: string) => {
      assert.ok(code.includes(AWAIT_PRINT_READY_SCRIPT), 'waits on the shared print-ready handshake');
      return this.ready();
    },
    printToPDF: async (options: PrintToPDFOptions) => {
      this.printed.push(options);
      return Buffer.from('%PDF-1.7 fake');
    },
  };
}

test('prints through the app protocol, waits for the handshake, one window reused, jobs forgotten', async () => {
  const jobs = new Map<string, string>();
  let windows = 0;
  let win: FakePrintWindow | null = null;
  const printer = new ElectronPrinter(() => {
    windows++;
    win = new FakePrintWindow(jobs, async () => ({ pages: 12 }));
    return win;
  }, jobs);
  const laidOut: unknown[] = [];
  const pdf = await printer.print({ html: '<p>one</p>', page: { width: '1280px', height: '720px' }, onLaidOut: (r) => { laidOut.push(r); } });
  await printer.print({ html: '<p>two</p>', page: { width: '210mm', height: '297mm' } });
  assert.equal(Buffer.from(pdf).toString(), '%PDF-1.7 fake');
  assert.equal(windows, 1);
  const w = win!;
  assert.match(w.loaded[0]!, /^lectern-app:\/\/app\/print\/[0-9a-f-]{36}\.html$/);
  assert.deepEqual(w.served, ['<p>one</p>', '<p>two</p>']);
  assert.equal(jobs.size, 0);
  assert.deepEqual(laidOut, [{ pages: 12 }]);
  const opts = w.printed[0]!;
  assert.equal(opts.printBackground, true);
  assert.equal(opts.preferCSSPageSize, true);
  assert.equal(opts.generateDocumentOutline, true, 'a view that reports no outline: Chromium builds it from the tags');
  assert.equal(opts.generateTaggedPDF, true);
  assert.deepEqual(opts.pageSize, { width: 1280 / 96, height: 720 / 96 });
  await printer.close();
  await printer.close();
  assert.equal(w.destroyed, true);
});

test('a print view that fails rejects the job and still forgets it', async () => {
  const jobs = new Map<string, string>();
  const printer = new ElectronPrinter(() => new FakePrintWindow(jobs, async () => {
    throw new Error('the print view failed: bad layout');
  }), jobs);
  await assert.rejects(printer.print({ html: 'x', page: { width: 'A4', height: 'A4' } }), /bad layout/);
  assert.equal(jobs.size, 0);
});

test('CSS lengths and named pages in inches', () => {
  assert.equal(cssLengthToInches('96px'), 1);
  assert.equal(cssLengthToInches('25.4mm'), 1);
  assert.equal(cssLengthToInches('8.5in'), 8.5);
  assert.equal(cssLengthToInches('72pt'), 1);
  assert.throws(() => cssLengthToInches('calc(1px)'), /not a CSS length/);
  assert.deepEqual(pageSizeInches({ width: 'Letter', height: 'Letter' }), { width: 8.5, height: 11 });
  assert.deepEqual(printOptionsFor({ html: '', page: { width: '8.5in', height: '11in' } }).margins, { top: 0, bottom: 0, left: 0, right: 0 });
  const withOutline = printOptionsFor({ html: '', page: { width: '1280px', height: '720px' } }, { pages: 1, outline: [{ title: 'A', page: 0 }] });
  assert.equal(withOutline.generateDocumentOutline, false, 'the exporter writes the bookmarks the view reports');
  assert.equal(withOutline.generateTaggedPDF, true, 'the app prints tagged PDFs');
});
