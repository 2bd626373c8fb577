// The DevTools pipe client: replies matched to commands, events to waits, and a page that
// crashes or a browser that goes away fails what is pending instead of leaving it hanging.

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { CdpPipe } from '../../electron/export/cdp-pipe';

/** A pipe with a fake browser: `sent` holds the commands, `reply` answers as Chromium would. */
function fakeBrowser() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: Array<{ id: number; method: string; sessionId?: string }> = [];
  toBrowser.on('data', (chunk: Buffer) => {
    for (const text of chunk.toString('utf8').split('\0').filter(Boolean)) sent.push(JSON.parse(text));
  });
  const reply = (message: Record<string, unknown>) => fromBrowser.write(`${JSON.stringify(message)}\0`);
  return { cdp: new CdpPipe(toBrowser, fromBrowser), sent, reply };
}

const tick = () => new Promise((r) => setImmediate(r));

test('a reply resolves its command; an error reply rejects it naming the method', async () => {
  const { cdp, sent, reply } = fakeBrowser();
  const version = cdp.send('Browser.getVersion');
  const failing = cdp.send('Page.navigate', { url: 'x' }, 'S1');
  await tick();
  reply({ id: sent[0]!.id, result: { product: 'Chromium' } });
  reply({ id: sent[1]!.id, error: { message: 'Invalid URL' } });
  assert.deepEqual(await version, { product: 'Chromium' });
  await assert.rejects(failing, /Page\.navigate: Invalid URL/);
});

test("a crashed page fails its session's commands and waits, and only those", async () => {
  const { cdp, sent, reply } = fakeBrowser();
  const evaluate = cdp.send('Runtime.evaluate', {}, 'S1');
  const other = cdp.send('Runtime.evaluate', {}, 'S2');
  const wait = cdp.waitFor('Page.lifecycleEvent', 'S1', () => true);
  await tick();
  reply({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'S1' });
  await assert.rejects(evaluate, /crashed/);
  await assert.rejects(wait.done, /crashed/);
  reply({ id: sent[1]!.id, result: { ok: true } });
  assert.deepEqual(await other, { ok: true }, 'the other page is untouched');
});

test('a wait nobody awaits any more does not become an unhandled rejection when the pipe closes', async () => {
  const { cdp } = fakeBrowser();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    cdp.waitFor('Page.lifecycleEvent', 'S1', () => true);
    cdp.close('the browser was closed');
    await tick();
    await tick();
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('events reach the wait of their session; a later accept can be rechecked against what came', async () => {
  const { cdp, reply } = fakeBrowser();
  let loaderId = 'none';
  const loaded = cdp.waitFor('Page.lifecycleEvent', 'S1', (e) => e.name === 'DOMContentLoaded' && e.loaderId === loaderId);
  reply({ method: 'Page.lifecycleEvent', params: { name: 'DOMContentLoaded', loaderId: 'L2' }, sessionId: 'S2' });
  reply({ method: 'Page.lifecycleEvent', params: { name: 'DOMContentLoaded', loaderId: 'L1' }, sessionId: 'S1' });
  await tick();
  loaderId = 'L1';
  loaded.recheck();
  assert.deepEqual(await loaded.done, { name: 'DOMContentLoaded', loaderId: 'L1' });
});
