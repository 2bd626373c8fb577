import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppHandler, createDeckAssetHandler } from '../../electron/app/protocols';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY } from '../../electron/app/security';

function setup() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-proto-')));
  const deck = join(base, 'deck');
  const renderer = join(base, 'renderer');
  mkdirSync(join(deck, 'img'), { recursive: true });
  mkdirSync(renderer);
  writeFileSync(join(deck, 'img', 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(deck, 'leak.svg'));
  writeFileSync(join(renderer, 'renderer.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'renderer.css'), 'body{}');
  return { base, deck, renderer };
}

test('deck assets: served with MIME and CSP, confined, GET only', async (t) => {
  const { base, deck } = setup();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const handle = createDeckAssetHandler(() => deck);
  const ok = await handle(new Request('lectern-deck://deck/img/a.svg'));
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('content-type'), 'image/svg+xml');
  assert.equal(ok.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await ok.text(), /<svg/);
  // Versioned URLs (a new prefix per live reload) serve the same file.
  assert.equal((await handle(new Request('lectern-deck://deck/_v12/img/a.svg'))).status, 200);
  assert.notEqual((await handle(new Request('lectern-deck://deck/_v1/..%2f..%2fsecret.txt'))).status, 200);

  for (const url of ['lectern-deck://deck/leak.svg', 'lectern-deck://deck/..%2fsecret.txt', 'lectern-deck://deck/%252e%252e/secret.txt']) {
    const res = await handle(new Request(url));
    assert.notEqual(res.status, 200, url);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
    assert.doesNotMatch(await res.text(), /secret$/, url);
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
    const res = await handle(new Request('lectern-deck://deck/img/a.svg', { method }));
    assert.equal(res.status, 405, method);
  }
  assert.equal((await handle(new Request('lectern-deck://other/img/a.svg'))).status, 404);
  assert.equal((await createDeckAssetHandler(() => null)(new Request('lectern-deck://deck/img/a.svg'))).status, 404);
});

test('app files: the page per role, renderer files, print jobs with their own CSP', async (t) => {
  const { base, renderer } = setup();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const jobs = new Map([['job-1', '<html><body>print me</body></html>']]);
  const handle = createAppHandler({ rendererDir: renderer, printJobs: jobs });

  const page = await handle(new Request('lectern-app://app/index.html?view=presenter'));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  const html = await page.text();
  assert.match(html, /data-view="presenter"/);
  assert.match(html, /<script src="renderer\.js"><\/script>/);
  assert.doesNotMatch(html, /<script>|https?:\/\//);
  assert.match(await (await handle(new Request('lectern-app://app/?view=evil"><script>'))).text(), /data-view="start"/);

  const js = await handle(new Request('lectern-app://app/renderer.js'));
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal((await handle(new Request('lectern-app://app/../secret.txt'))).status, 404);
  assert.notEqual((await handle(new Request('lectern-app://app/%2e%2e%2fsecret.txt'))).status, 200);

  const job = await handle(new Request('lectern-app://app/print/job-1.html'));
  assert.equal(job.headers.get('content-security-policy'), PRINT_CONTENT_SECURITY_POLICY);
  assert.equal(await job.text(), '<html><body>print me</body></html>');
  assert.equal((await handle(new Request('lectern-app://app/print/job-2.html'))).status, 404);
  assert.equal((await handle(new Request('lectern-app://app/renderer.js', { method: 'POST', body: 'x' }))).status, 405);
});

test('deck assets answer range requests (video seeking)', async (t) => {
  const { base, deck } = setup();
  t.after(() => rmSync(base, { recursive: true, force: true }));
  writeFileSync(join(deck, 'clip.mp4'), Buffer.from('0123456789'));
  const handle = createDeckAssetHandler(() => deck);
  const get = (range?: string) =>
    handle(new Request('lectern-deck://deck/clip.mp4', range ? { headers: { Range: range } } : {}));
  const whole = await get();
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('accept-ranges'), 'bytes');
  const part = await get('bytes=2-5');
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), 'bytes 2-5/10');
  assert.equal(part.headers.get('content-type'), 'video/mp4');
  assert.equal(await part.text(), '2345');
  assert.equal(await (await get('bytes=7-')).text(), '789');
  assert.equal(await (await get('bytes=-3')).text(), '789');
  assert.equal(await (await get('bytes=8-100')).text(), '89');
  assert.equal((await get('bytes=20-30')).status, 416);
  assert.equal((await get('bytes=x')).status, 200);
  assert.equal((await get('bytes=3-5')).headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
});
