// The app's page, protocols and CSP with the real renderer bundle, in Chromium standing in for
// Electron's renderer (this runs where no Electron binary exists). The two app schemes are
// served over one local http origin by the very handlers main.ts registers, and the preload's
// API is played by a stub answering from a compiled deck.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { createAppHandler, createDeckAssetHandler } from '../../electron/app/protocols';
import { CONTENT_SECURITY_POLICY } from '../../electron/app/security';
import { loadDeck } from '../../electron/deck/index';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from '../../electron/export/browser';
import { ROOT, tempDeck } from './helpers';

const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

function browserPath(): string | null {
  try {
    return findBrowser();
  } catch {
    return null;
  }
}

async function serve(root: string): Promise<{ server: Server; base: string }> {
  const app = createAppHandler({ rendererDir: RENDERER_DIR, printJobs: new Map() });
  const assets = createDeckAssetHandler(() => root);
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const response = path.startsWith('/deck/')
      ? await assets(new Request(`lectern-deck://deck/${path.slice('/deck/'.length)}`, { method: req.method }))
      : await app(new Request(`lectern-app://app${path}`, { method: req.method }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { server, base: `http://127.0.0.1:${port}` };
}

/** The preload's API as a page script: answers from the payload, records what is sent. */
function apiStub(role: string, payload: unknown): string {
  return `(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    const role = ${JSON.stringify(role)};
    const payload = ${JSON.stringify(payload)};
    const api = {
      invoke: async (channel) => {
        if (channel === 'view:role') return role;
        if (channel === 'deck:load') return role === 'start' ? null : payload;
        if (channel === 'deck:list' || channel === 'deck:recent') return [{ file: '/d/talk.md', title: 'Stub talk', slideCount: 3, duration: 5, errors: 0 }];
        return null;
      },
      send: () => {},
      on: () => () => {},
    };
    Object.defineProperty(window, 'lectern', { value: Object.freeze(api) });
  })()`;
}

test('the app page boots every view of the real renderer under the app CSP, assets through the deck protocol', async (t) => {
  if (!existsSync(join(RENDERER_DIR, 'renderer.js'))) return t.skip('dist/renderer not built (npm run build)');
  const executablePath = browserPath();
  if (!executablePath) return t.skip('no Chromium or Chrome on this machine');
  const deck = tempDeck();
  const compiled = loadDeck(deck.file);
  assert.deepEqual(compiled.diagnostics.filter((d) => d.severity === 'error'), []);
  const { server, base } = await serve(compiled.root);
  let browser: Browser | null = null;
  t.after(async () => {
    await browser?.close();
    server.close();
    deck.cleanup();
  });
  browser = await chromium.launch({ executablePath, args: [...OFFLINE_CHROMIUM_ARGS] });
  const payload = { deck: compiled, assetBase: `${base}/deck/` };
  for (const role of ['audience', 'presenter', 'start']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${m.text()} ${m.location().url}`);
    });
    await page.addInitScript(apiStub(role, payload));
    const response = await page.goto(`${base}/index.html?view=${role}`);
    assert.equal(response?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    await page.waitForFunction(() => document.documentElement.dataset.lecternReady !== undefined, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.lecternReady), 'true', `${role}: ${problems.join('; ')}`);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), [], role);
    assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), [], role);
    if (role === 'audience') {
      const img = page.locator('section.present img').first();
      assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), 'deck SVG loaded');
      assert.ok(await page.locator('section.present .katex').count(), 'formula rendered');
      // Fonts (KaTeX, Source Sans) come from the app origin and load under font-src 'self'.
      const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
      assert.ok(fonts.length > 0, 'bundled fonts loaded');
    }
    if (role === 'presenter') assert.match(await page.locator('body').innerText(), /Say hello/);
    if (role === 'start') assert.match(await page.locator('body').innerText(), /Stub talk/);
    await page.close();
  }
});
