// What the command line's Chromium is started with: a stand-in browser (a script that writes its
// arguments down and exits) shows the flags each kind of export passes, without a real browser.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ChromiumPrinter, headlessArgs } from '../../electron/export/chromium-printer';

const dir = mkdtempSync(join(tmpdir(), 'lectern-chromium-launch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The arguments a printer starts its browser with (the stand-in fails, so no job runs). */
async function launchArgs(capturesPictures: boolean | undefined): Promise<string[]> {
  const record = join(dir, `args-${String(capturesPictures)}.txt`);
  const browser = join(dir, `browser-${String(capturesPictures)}.sh`);
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexit 3\n`);
  chmodSync(browser, 0o755);
  const printer = new ChromiumPrinter({ executablePath: browser, ...(capturesPictures === undefined ? {} : { capturesPictures }) });
  try {
    await assert.rejects(printer.withTarget(async () => undefined), /could not start/);
  } finally {
    await printer.close();
  }
  assert.ok(existsSync(record), 'the stand-in browser was started');
  return readFileSync(record, 'utf8').split('\n').filter(Boolean);
}

test('picture exports let Chromium draw frames unthrottled; PDF exports keep its beat', async () => {
  const pictures = await launchArgs(true);
  assert.ok(pictures.includes('--disable-frame-rate-limit'), pictures.join(' '));
  for (const pdf of [await launchArgs(false), await launchArgs(undefined)]) {
    assert.ok(!pdf.includes('--disable-frame-rate-limit'), pdf.join(' '));
    // Both stay offline and headless, whatever they export.
    assert.ok(pdf.includes('--headless') && pdf.includes('--disable-background-networking'), pdf.join(' '));
  }
  assert.ok(pictures.includes('--headless') && pictures.includes('--disable-background-networking'));
});

test('headlessArgs adds only the frame flag for pictures', () => {
  const pdf = headlessArgs();
  const pictures = headlessArgs({ capturesPictures: true });
  assert.deepEqual(pictures.filter((a) => !pdf.includes(a)), ['--disable-frame-rate-limit']);
  assert.equal(pictures.length, pdf.length + 1);
});
