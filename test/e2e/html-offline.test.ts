// buildOfflineHtml on its own: the CSP hash matches the one inline script, every font is an
// inlined woff2, deck assets travel in the BootConfig, and hostile slide text cannot end the
// embedded JSON's <script> element or run anything.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import type { BootConfig } from '../../electron/contract/boot';
import { buildOfflineHtml } from '../../electron/export/offline-html';
import { fixtureDeck } from '../support/fixture-deck';
import { exportDeckHtml, foreignRequests, launchOfflineBrowser, openView, recordRequests, scratchDir } from '../support/browser';

const scratch = scratchDir();
let browser: Browser;

before(async () => {
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  scratch.cleanup();
});

function scripts(html: string): Array<{ attrs: string; body: string }> {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1] ?? '', body: m[2] ?? '' }));
}

test('one executable script, allowed by its hash and nothing else', () => {
  const html = buildOfflineHtml(fixtureDeck(), { view: 'audience' });
  const all = scripts(html);
  const executable = all.filter((s) => !/type="application\/json"/.test(s.attrs));
  assert.equal(executable.length, 1);
  const hash = createHash('sha256').update(executable[0]!.body, 'utf8').digest('base64');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, new RegExp(`script-src 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`));
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*|:/);
  assert.doesNotMatch(executable[0]!.body, /sourceMappingURL/);
});

test('fonts are inlined woff2 only, and deck assets are data: URLs in the boot config', () => {
  const html = buildOfflineHtml(fixtureDeck(), { view: 'study' });
  const faces = [...html.matchAll(/@font-face\s*\{[^}]*\}/g)].map((m) => m[0]);
  assert.ok(faces.length >= 20, `${faces.length} font faces (KaTeX and the theme fonts)`);
  for (const face of faces) {
    assert.match(face, /src:\s*url\(data:font\/woff2;base64,/);
    assert.doesNotMatch(face, /\.woff\b|\.ttf\b|truetype/);
  }
  const json = scripts(html).find((s) => /id="lectern-boot"/.test(s.attrs))!.body;
  const config = JSON.parse(json) as BootConfig;
  assert.equal(config.view, 'study');
  assert.match(config.assets['diagram.svg'] ?? '', /^data:image\/svg\+xml;base64,/);
});

test('slide text cannot close the embedded JSON or run a script', async () => {
  const deck = fixtureDeck();
  const hostile = '</script><script>window.__pwned = 1</script><!--';
  deck.meta.title = `Title ${hostile}`;
  deck.slides[0]!.text = hostile;
  deck.slides[0]!.notesText = hostile;
  deck.slides[0]!.title = hostile;
  const html = buildOfflineHtml(deck, { view: 'audience' });
  assert.equal(scripts(html).length, 2, 'still exactly the boot JSON and the renderer');
  const url = exportDeckHtml(deck, scratch.dir, 'hostile.html');
  const context = await browser.newContext();
  const requests = recordRequests(context);
  const page = await openView(context, `${url}#study`);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.title(), `Study: Title ${hostile}`, "the study window is named \"Study: <talk>\" (issue 11.7)");
  assert.deepEqual(foreignRequests(requests, url), []);
  await context.close();
});
