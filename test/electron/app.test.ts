// The real app under Playwright `_electron`: launch, two windows on a deck, navigation kept in
// step, live reload (and errors for the presenter only), the export menu, the start screen and
// the shell's security. Every test skips, visibly and with the reason, where no Electron binary
// is installed (as on our CI machines).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, launchOnTempDeck, skipReason, tempDeck, windowFor } from './helpers';

const reason = skipReason();

const SECOND_DECK = `---
title: Second deck
---

# Only slide

Note: Hi.
`;


test('opens a deck in two windows: presenter and audience, with the deck and its assets', async (t) => {
  if (reason) return t.skip(reason);
  const { run, deck } = await launchOnTempDeck(t);
  const presenter = await windowFor(run.app, 'presenter');
  const audience = await windowFor(run.app, 'audience');
  assert.equal(run.app.windows().length, 2);
  assert.equal(await audience.title(), 'Electron test deck');
  assert.match((await audience.locator('section.present').first().textContent()) ?? '', /First slide/);
  // The SVG came through the confined deck protocol.
  const img = audience.locator('section.present img').first();
  await img.waitFor();
  assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0));
  assert.match(await img.evaluate((el: HTMLImageElement) => el.src), /^lectern-deck:\/\/deck\/_v\d+\/img\/dual\.svg$/);
  // KaTeX rendered ahead of time, its fonts from the app protocol.
  assert.ok(await audience.locator('section.present .katex').count());
  assert.match(await presenter.locator('body').innerText(), /Say hello/);
  assert.doesNotMatch(await audience.locator('body').innerText(), /Say hello/, 'notes never on the projector');
});

test('navigating in the presenter view moves the audience view', async (t) => {
  if (reason) return t.skip(reason);
  const { run, deck } = await launchOnTempDeck(t);
  const presenter = await windowFor(run.app, 'presenter');
  const audience = await windowFor(run.app, 'audience');
  await presenter.bringToFront();
  await presenter.keyboard.press('ArrowRight');
  await audience.waitForFunction(() => document.querySelector('section.present')?.textContent?.includes('Second slide'));
  await presenter.keyboard.press('ArrowRight');
  await audience.waitForFunction(() => document.querySelector('section.present')?.textContent?.includes('Third slide'));
  await presenter.keyboard.press('ArrowLeft');
  await audience.waitForFunction(() => document.querySelector('section.present')?.textContent?.includes('Second slide'));
});

test('live reload: a save shows at once on the same slide; errors reach the presenter only', async (t) => {
  if (reason) return t.skip(reason);
  const { run, deck } = await launchOnTempDeck(t);
  const presenter = await windowFor(run.app, 'presenter');
  const audience = await windowFor(run.app, 'audience');
  await presenter.keyboard.press('ArrowRight');
  await audience.waitForFunction(() => document.querySelector('section.present')?.textContent?.includes('Second slide'));

  deck.write(readFileSync(deck.file, 'utf8').replace('- two', '- two\n- three, added live'));
  await audience.waitForFunction(() => document.querySelector('section.present')?.textContent?.includes('three, added live'));

  // Broken math: the audience keeps the last good deck, the presenter sees file:line.
  deck.write(readFileSync(deck.file, 'utf8').replace('$E = mc^2$', '$E = \\frac{mc^2$'));
  const errors = presenter.getByTestId('errors');
  await errors.waitFor({ state: 'visible' });
  assert.match((await errors.textContent()) ?? '', new RegExp(`talk\\.md:\\d+:\\d+`));
  assert.equal(await audience.getByTestId('errors').count(), 0);
  assert.match((await audience.locator('section.present').textContent()) ?? '', /three, added live/);

  // Fixed again (as an atomic rename, the way many editors save): errors clear.
  const { renameSync, writeFileSync } = await import('node:fs');
  writeFileSync(`${deck.file}.tmp`, readFileSync(deck.file, 'utf8').replace('\\frac{mc^2', 'mc^2'));
  renameSync(`${deck.file}.tmp`, deck.file);
  await errors.waitFor({ state: 'hidden' });
  assert.match((await audience.locator('section.present').textContent()) ?? '', /Second slide/);

  // An edited diagram comes back under a new URL, so it is fetched again.
  await presenter.keyboard.press('ArrowLeft');
  const img = audience.locator('section.present img').first();
  await img.waitFor();
  const before = await img.evaluate((el: HTMLImageElement) => el.src);
  writeFileSync(join(deck.dir, 'img', 'dual.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#c33"/></svg>');
  await audience.waitForFunction(
    (old) => {
      const el = document.querySelector('section.present img') as HTMLImageElement | null;
      return !!el && el.src !== old && el.complete && el.naturalWidth === 300;
    },
    before,
  );
});

test('File > Export PDF > Slides writes a PDF with one page per slide and shows progress', async (t) => {
  if (reason) return t.skip(reason);
  const { run, deck } = await launchOnTempDeck(t);
  await windowFor(run.app, 'presenter');
  const target = join(deck.dir, 'exported.pdf');
  await run.app.evaluate(({ dialog }, file) => {
    // The native save dialog cannot be clicked from a test: answer it.
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, target);
  const menu = await run.app.evaluate(({ Menu }) => {
    const items = ['open', 'present', 'export-slides', 'fullscreen', 'swap-displays'].map((id) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById(id);
      return { id, accelerator: item?.accelerator ?? null, enabled: item?.enabled ?? null };
    });
    Menu.getApplicationMenu()?.getMenuItemById('export-slides')?.click();
    return items;
  });
  assert.deepEqual(menu.find((m) => m.id === 'open'), { id: 'open', accelerator: 'CmdOrCtrl+O', enabled: true });
  assert.equal(menu.find((m) => m.id === 'swap-displays')?.enabled, true);
  const deadline = Date.now() + 60_000;
  while (!existsSync(target) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.ok(existsSync(target), 'the PDF was written');
  assert.equal(readFileSync(target).subarray(0, 5).toString(), '%PDF-');
  const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
  assert.match(info, /Pages:\s+3\b/);
  assert.match(info, /Title:\s+Electron test deck/);
});

test('without a deck: the start screen lists the bundled decks', async (t) => {
  if (reason) return t.skip(reason);
  const run = await launch(null);
  t.after(() => run.close());
  const start = await windowFor(run.app, 'start');
  assert.equal(run.app.windows().length, 1);
  await start.locator('.lectern-deck-list li').first().waitFor();
  assert.match(await start.locator('body').innerText(), /Liver-directed therapies/);
});

test('the shell is locked down: no Node, one API, no network, no navigation, no popups', async (t) => {
  if (reason) return t.skip(reason);
  const { run, deck } = await launchOnTempDeck(t);
  const presenter = await windowFor(run.app, 'presenter');
  const probe = await presenter.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const api = w.lectern as Record<string, unknown>;
    let fetched = 'blocked';
    try {
      await fetch('https://example.org/');
      fetched = 'reached';
    } catch {
      // refused by the CSP (connect-src 'none') and the offline request filter
    }
    let bogus = 'refused';
    try {
      await (api.invoke as (c: string) => Promise<unknown>)('evil:channel');
      bogus = 'answered';
    } catch {
      // unknown channel
    }
    const popup = window.open('https://example.org/');
    return {
      require: typeof w.require,
      process: typeof w.process,
      ipcRenderer: typeof w.ipcRenderer,
      apiKeys: Object.keys(api).sort(),
      fetched,
      bogus,
      popup: popup === null,
      origin: location.origin,
    };
  });
  assert.deepEqual(probe, {
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    apiKeys: ['invoke', 'on', 'send'],
    fetched: 'blocked',
    bogus: 'refused',
    popup: true,
    origin: 'lectern-app://app',
  });
  await presenter.evaluate(() => {
    location.href = 'file:///etc/passwd';
  });
  await new Promise((r) => setTimeout(r, 500));
  assert.match(presenter.url(), /^lectern-app:\/\/app\//);
  // Escaping the deck folder through the asset protocol fails.
  const escaped = await presenter.evaluate(async () => {
    const img = new Image();
    img.src = 'lectern-deck://deck/..%2f..%2f..%2fetc%2fpasswd';
    return new Promise<boolean>((done) => {
      img.onload = () => done(true);
      img.onerror = () => done(false);
    });
  });
  assert.equal(escaped, false);
});

test('a second launch hands its deck to the running instance and exits', async (t) => {
  if (reason) return t.skip(reason);
  const first = tempDeck();
  const second = tempDeck(SECOND_DECK);
  const run = await launch(first.file);
  t.after(async () => {
    await run.close();
    first.cleanup();
    second.cleanup();
  });
  const audience = await windowFor(run.app, 'audience');
  const { BINARY, MAIN_JS } = await import('./helpers');
  if (!BINARY.found) return;
  const { spawnSync } = await import('node:child_process');
  const args = [MAIN_JS, second.file];
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const other = spawnSync(BINARY.path, args, {
    env: { ...process.env, LECTERN_USER_DATA: run.userData },
    timeout: 30_000,
  });
  assert.equal(other.status, 0, 'the second instance quits at once');
  await audience.waitForFunction(() => document.querySelector('section.present')?.textContent?.includes('Only slide'), null, {
    timeout: 30_000,
  });
});

test('File > Open on the start screen opens a deck into the presenting windows; swap moves them', async (t) => {
  if (reason) return t.skip(reason);
  const deck = tempDeck();
  const run = await launch(null);
  t.after(async () => {
    await run.close();
    deck.cleanup();
  });
  await windowFor(run.app, 'start');
  await run.app.evaluate(({ dialog, Menu }, file) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as unknown as typeof dialog.showOpenDialog;
    Menu.getApplicationMenu()?.getMenuItemById('open')?.click();
  }, deck.file);
  const presenter = await windowFor(run.app, 'presenter');
  await windowFor(run.app, 'audience');
  assert.equal(await presenter.evaluate(() => document.title), 'Presenter: Electron test deck');
  const boundsOf = () =>
    run.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()
        .filter((w) => w.isVisible())
        .map((w) => ({ title: w.getTitle(), x: w.getBounds().x, fullscreen: w.isFullScreen() })),
    );
  const before = await boundsOf();
  await run.app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('swap-displays')?.click());
  await new Promise((r) => setTimeout(r, 500));
  const after = await boundsOf();
  assert.notDeepEqual(after, before, 'the windows changed places');
  const recent = JSON.parse(readFileSync(join(run.userData, 'recent-decks.json'), 'utf8')) as { decks: string[] };
  assert.deepEqual(recent.decks, [deck.file]);
});
