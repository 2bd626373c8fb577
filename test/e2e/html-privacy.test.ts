// A file handed to residents holds no path of the author's machine: `lectern html` built from a
// folder with a recognisable name must not mention that folder (nor anything above the deck's
// folder) anywhere, in the deck data, diagnostics or slide HTML; and the file still presents.
// The PDF made from the same folder (its sibling on the way out of the machine) neither.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { pathInDeck, portableDeck } from '../../electron/export/portable-deck';
import { loadDeck } from '../../electron/deck/index';
import { launchOfflineBrowser, openView, scratchDir } from '../support/browser';

const ROOT = resolve(__dirname, '..', '..');
const MARK = 'Home-of-Dr-Recognisable-QZX7';
const scratch = scratchDir();
const deckDir = join(scratch.dir, MARK, 'talks', 'liver');
let browser: Browser;

function lectern(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'lectern.js'), ...args], { encoding: 'utf8' });
}

/** Every place the text mentions the machine's folders. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const needle of [MARK, scratch.dir, ROOT, deckDir]) {
    let at = text.indexOf(needle);
    while (at >= 0 && found.length < 5) {
      found.push(text.slice(Math.max(0, at - 60), at + needle.length + 40));
      at = text.indexOf(needle, at + 1);
    }
  }
  return found;
}

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first (scripts/test.mjs does)');
  mkdirSync(deckDir, { recursive: true });
  cpSync(join(ROOT, 'slides'), deckDir, { recursive: true });
  // A deck with problems too, so diagnostics (which name files) travel in the page.
  writeFileSync(join(deckDir, 'with-warnings.md'), '# Missing things\n\n![a picture](img/not-there.png)\n\n- $\\frac{1}{$\n');
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

test('the deck data carries paths relative to the deck folder only', () => {
  const deck = loadDeck(join(deckDir, 'with-warnings.md'));
  assert.ok(deck.diagnostics.length > 0);
  const portable = portableDeck(deck);
  assert.deepEqual(leaks(JSON.stringify(portable)), []);
  assert.equal(portable.file, 'with-warnings.md');
  assert.equal(portable.diagnostics[0]?.file, 'with-warnings.md');
  assert.equal(pathInDeck(deckDir, join(deckDir, '05-y90-physics', 'decay.svg')), '05-y90-physics/decay.svg');
  assert.equal(pathInDeck(deckDir, join(scratch.dir, MARK, 'elsewhere.md')), 'elsewhere.md');
});

for (const [name, args] of [
  ['the talk', ['liver-directed-therapies.md']],
  ['a deck with errors, forced', ['with-warnings.md', '--force']],
] as const) {
  test(`lectern html of ${name} from a recognisable folder never names it`, async () => {
    const out = join(scratch.dir, `${args[0]}.html`);
    const run = lectern('html', join(deckDir, args[0]), '-o', out, ...args.slice(1));
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(out, 'utf8');
    assert.deepEqual(leaks(html), []);
    assert.doesNotMatch(html, /"\/(?:tmp|home|Users|root)\//, 'no absolute path at all');
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await openView(context, `${pathToFileURL(out).href}#study`);
    assert.ok((await page.locator('.study-row').count()) > 0);
    await context.close();
  });
}

/** A PDF's bytes with every Flate stream inflated, as text: what a reader of the file could find. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const parts = [raw];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // Not Flate (images, fonts in other filters): their bytes are already in `raw`.
    }
  }
  return parts.join('\n');
}

test('lectern export (PDF) from a recognisable folder never names it either', () => {
  const out = join(scratch.dir, 'talk.pdf');
  const run = lectern('export', join(deckDir, 'liver-directed-therapies.md'), '-o', out);
  assert.equal(run.status, 0, run.stderr);
  const text = pdfText(readFileSync(out));
  assert.ok(text.includes('/Outlines'), 'the PDF was read (it has bookmarks)');
  assert.deepEqual(leaks(text), []);
});
