// Rehearse mode in the presenter view of an offline HTML file: Shift+R starts a run, the time on each
// slide is recorded (under a fake clock), Shift+R ends it; the run is kept in localStorage in the
// sidecar format, the report shows planned against rehearsed, and pacing then compares with it.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { loadDeck } from '../../electron/deck/index';
import { parseRehearsals } from '../../electron/sidecar/rehearsals';
import { exportDeckHtml, launchOfflineBrowser, openView, scratchDir } from '../support/browser';

let browser: Browser;
let presenter: Page;
let deckFile: string;
const scratch = scratchDir();

before(async () => {
  deckFile = join(scratch.dir, 'deck.md');
  writeFileSync(deckFile, '---\ntitle: Rehearse\nduration: 4\n---\n<!-- section: Start -->\n# Opening\nNote: a\n---\n# Method\nNote: b\n---\n<!-- section: End -->\n# Close\nNote: c\n');
  const url = exportDeckHtml(loadDeck(deckFile), scratch.dir, 'talk.html');
  browser = await launchOfflineBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  presenter = await openView(context, `${url}#presenter`, { clock: true });
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

test('Shift+R records a run; Shift+R again saves it and shows the report', async () => {
  await presenter.keyboard.press('Shift+R');
  assert.equal(await presenter.getByTestId('rehearse-badge').isVisible(), true);
  await presenter.keyboard.press('ArrowRight'); // starts the clock on Method
  await presenter.clock.runFor(200_000);
  await presenter.keyboard.press('ArrowRight');
  await presenter.clock.runFor(30_000);
  await presenter.keyboard.press('Shift+R');
  const report = presenter.getByTestId('rehearsal-report');
  await report.waitFor({ state: 'visible' });
  const text = (await report.textContent()) ?? '';
  assert.match(text, /Method +1:20 +3:20 +\+2:00/);
  assert.match(text, /Slowest slides/);
  // The offline file names its deck relative to the deck's folder.
  const stored = await presenter.evaluate(() => localStorage.getItem('lectern.rehearsals:deck.md'));
  const parsed = parseRehearsals(stored ?? '');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.file.runs[0]!.slides.map((s) => [s.title, s.ms]), [['Opening', 0], ['Method', 200_000], ['Close', 30_000]]);
  // The charts: one bar per section, carrying the table's numbers; one column per slide.
  const table = (await presenter.locator('.rehearsal-table').textContent()) ?? '';
  const tableSections = [...table.matchAll(/^ *\d+ {2}(Start|End) +(\d+:\d\d) +(\d+:\d\d)/gm)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(tableSections, [['Start', '2:40', '3:20'], ['End', '1:20', '0:30']]);
  const bars = await presenter.locator('[data-testid="rehearsal-chart-sections"] svg g.chart-section').evaluateAll((gs) =>
    gs.map((g) => [g.getAttribute('data-section'), Number(g.getAttribute('data-planned-ms')), Number(g.getAttribute('data-rehearsed-ms')), g.querySelector('.chart-value')?.textContent, g.querySelector('.chart-rehearsed')?.classList.contains('chart-over')]),
  );
  const ms = (t: string): number => Number(t.split(':')[0]) * 60_000 + Number(t.split(':')[1]) * 1000;
  assert.deepEqual(bars, tableSections.map(([name, planned, rehearsed]) => [name, ms(planned!), ms(rehearsed!), `${rehearsed} of ${planned} ${name === 'Start' ? '+0:40' : '-0:50'}`, name === 'Start']));
  const chart = presenter.locator('[data-testid="rehearsal-chart-sections"] svg');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.match((await chart.locator('desc').textContent()) ?? '', /2 sections against the planned time\. 1 over plan\./);
  assert.equal(await presenter.locator('[data-testid="rehearsal-chart-slides"] svg g.chart-slide').count(), 3);
  assert.equal(await presenter.locator('[data-testid="rehearsal-chart-slides"] .chart-slowest').textContent(), '2');
  if (process.env.LECTERN_SCREENSHOT) await presenter.screenshot({ path: process.env.LECTERN_SCREENSHOT });
  await presenter.keyboard.press('Escape');
  await report.waitFor({ state: 'hidden' });
});

test('pacing compares with the last rehearsal', async () => {
  await presenter.keyboard.press('Home');
  await presenter.keyboard.press('ArrowRight');
  await presenter.clock.runFor(60_000);
  await presenter.keyboard.press('ArrowRight'); // Close, reached at 200 s in the rehearsal
  await presenter.waitForFunction(() => /behind/.test(document.querySelector('[data-testid="rehearsal-pace"]')?.textContent ?? ''));
  assert.equal(await presenter.getByTestId('rehearsal-pace').textContent(), '1:30 behind your rehearsal at this slide', 'the clock (290 s) against 200 s');
});
