// Hostile decks presented in Chromium. Two layers, each tested on its own:
// 1. the compiled slide HTML alone, in a page with no CSP (is the sanitiser enough by itself?);
// 2. the real offline HTML export (renderer + CSP), built even though the decks have errors
//    (`lectern html --force`), in the audience, presenter and study views.
// Attacks try to set window.__pwned or document.title, open dialogs and reach evil.example;
// none may succeed, and no request may leave for anything but data:/blob: or the file itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import type { BootView } from '../../electron/contract/boot';
import type { Deck } from '../../electron/deck/types';
import { buildOfflineHtml } from '../../electron/export/offline-html';
import { AWAIT_PRINT_READY_SCRIPT, type PrintViewReport } from '../../electron/export/printer';
import type { PdfFormat } from '../../electron/contract/ipc';
import { exportDeckHtml, foreignRequests, launchOfflineBrowser, openView, recordRequests, scratchDir } from '../support/browser';

const FIXTURES = join(__dirname, '..', 'fixtures', 'hostile');
const scratch = scratchDir('lectern-hostile-e2e-');
let browser: Browser;
const decks: Record<string, Deck> = {};

before(async () => {
  const assets = join(scratch.dir, 'assets-deck');
  cpSync(join(FIXTURES, 'assets'), assets, { recursive: true });
  writeFileSync(join(scratch.dir, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>');
  mkdirSync(join(scratch.dir, 'outside-dir'));
  symlinkSync(join(scratch.dir, 'secret.svg'), join(assets, 'images', 'link-out.svg'));
  symlinkSync(join(scratch.dir, 'outside-dir'), join(assets, 'linked-dir'));
  decks['raw-html'] = loadDeck(join(FIXTURES, 'raw-html.md'));
  decks.katex = loadDeck(join(FIXTURES, 'katex.md'));
  decks.assets = loadDeck(join(assets, 'deck.md'));
  decks['yaml-hostile'] = loadDeck(join(FIXTURES, 'yaml-hostile.md'));
  decks['markdown-only'] = loadDeck(join(FIXTURES, 'markdown-only.md'));
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

interface Watch {
  requests: string[];
  dialogs: string[];
  errors: string[];
}

async function watchedContext(): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const watch: Watch = { requests: recordRequests(context), dialogs: [], errors: [] };
  // Nothing may leave: anything but file:, data: and blob: is recorded above and aborted here.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (err) => watch.errors.push(err.message));
  });
  return { context, watch };
}

/** Pokes every element the way a presenter might: hover, focus, click (web links excepted). */
async function poke(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart']) {
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '';
      if (!/^https?:/i.test(href)) el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
  });
  // Let timers, image errors, SVG animations and meta refreshes have their chance.
  await page.waitForTimeout(300);
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    parentPwned: (window.top as unknown as { __pwned?: unknown }).__pwned ?? null,
    title: document.title,
    url: location.protocol,
  }));
}

function assertClean(watch: Watch, fileUrl: string, state: unknown, where: string): void {
  const s = state as { pwned: unknown; parentPwned: unknown; title: string; url: string };
  assert.equal(s.pwned, null, `${where}: a script ran (window.__pwned = ${String(s.pwned)})`);
  assert.equal(s.parentPwned, null, `${where}: a script ran in a frame`);
  // A front-matter title may legitimately *show* attack text; a script would set exactly 'pwned'.
  assert.notEqual(s.title, 'pwned', `${where}: a script changed the title`);
  assert.equal(s.url, 'file:', `${where}: the page navigated away`);
  assert.deepEqual(watch.dialogs, [], `${where}: a dialog opened`);
  // lectern-asset: is Lectern's own unmapped asset scheme in the bare page: it goes nowhere.
  const left = foreignRequests(watch.requests, fileUrl).filter((u) => !u.startsWith('lectern-asset:'));
  assert.deepEqual(left, [], `${where}: a request left the page`);
}

/** A page of the compiled slides with no CSP and no renderer: only the sanitiser protects it. */
function barePage(deck: Deck, extra = ''): string {
  const attrs = (a: Record<string, string>): string =>
    Object.entries(a)
      .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .join('');
  const slides = deck.slides.map((s) => `<section${attrs(s.attributes)}>${s.html}<aside class="notes">${s.notesHtml}</aside></section>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body>${slides.join('\n')}${extra}</body></html>`;
}

describe('compiled HTML alone, without a CSP', () => {
  test('the harness notices a script that runs (control)', async () => {
    const { context, watch } = await watchedContext();
    try {
      const file = join(scratch.dir, 'control.html');
      writeFileSync(file, barePage(decks.katex!, `<img src="missing.png" onerror="window.__pwned='control'"><img src="https://evil.example/control.png">`));
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await poke(page);
      const state = (await pwned(page)) as { pwned: unknown };
      assert.equal(state.pwned, 'control');
      assert.ok(watch.requests.some((u) => u.startsWith('https://evil.example/')), 'the remote image request is seen');
    } finally {
      await context.close();
    }
  });

  for (const name of ['raw-html', 'markdown-only', 'katex', 'assets', 'yaml-hostile']) {
    test(`${name}: nothing runs, no dialog, no request`, async () => {
      const { context, watch } = await watchedContext();
      try {
        const file = join(scratch.dir, `bare-${name}.html`);
        writeFileSync(file, barePage(decks[name]!));
        const url = pathToFileURL(file).href;
        const page = await context.newPage();
        await page.goto(url);
        await poke(page);
        assertClean(watch, url, await pwned(page), `${name} (no CSP)`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('offline HTML export, presented', () => {
  const views: BootView[] = ['audience', 'presenter', 'study'];
  for (const name of ['raw-html', 'markdown-only', 'katex', 'assets', 'yaml-hostile']) {
    for (const view of views) {
      test(`${name} in the ${view} view: boots, nothing runs, no dialog, no request`, async () => {
        const { context, watch } = await watchedContext();
        try {
          const deck = decks[name]!;
          const url = exportDeckHtml(deck, scratch.dir, `${name}-${view}.html`, view);
          const page = await openView(context, url);
          // Walk every slide and fragment so lazy content (data-src, backgrounds) gets its chance.
          const steps = deck.slides.length + deck.slides.reduce((n, s) => n + s.fragments, 0);
          for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
          await poke(page);
          assertClean(watch, url, await pwned(page), `${name}/${view}`);
          assert.deepEqual(watch.errors, [], `${name}/${view}: the renderer threw`);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('print layouts (what `lectern export --force` prints), presented', () => {
  const formats: PdfFormat[] = ['slides', 'notes', 'handout'];
  for (const name of ['raw-html', 'markdown-only', 'katex', 'assets', 'yaml-hostile']) {
    for (const format of formats) {
      test(`${name} as ${format}: lays out, nothing runs, no dialog, no request`, async () => {
        const { context, watch } = await watchedContext();
        try {
          const file = join(scratch.dir, `${name}-print-${format}.html`);
          writeFileSync(file, buildOfflineHtml(decks[name]!, { view: 'print', print: { format, fragments: true } }));
          const url = pathToFileURL(file).href;
          const page = await context.newPage();
          await page.goto(url);
          const report = (await page.evaluate(AWAIT_PRINT_READY_SCRIPT)) as PrintViewReport;
          assert.ok(report.pages >= 1, `${report.pages} pages laid out`);
          await poke(page);
          assertClean(watch, url, await pwned(page), `${name}/print ${format}`);
          assert.deepEqual(watch.errors, [], `${name}/print ${format}: the renderer threw`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
