import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSender, type FrameLike } from '../../electron/app/ipc-guard';
import { createLecternApi, installDeckDrop, type DragEventLike, type IpcRendererLike } from '../../electron/app/preload-api';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS } from '../../electron/contract/ipc';

const windows = [{ webContents: { id: 1 } }, { webContents: { id: 2 } }];
const top = (url: string): FrameLike => ({ url, parent: null });

test('validateSender accepts only top frames of our windows on the app origin', () => {
  assert.equal(validateSender({ sender: { id: 1 }, senderFrame: top('lectern-app://app/index.html?view=audience') }, windows), true);
  assert.equal(validateSender({ sender: { id: 2 }, senderFrame: top('lectern-app://app/') }, windows), true);
  // Another window (e.g. a print window or a devtools page) is not trusted.
  assert.equal(validateSender({ sender: { id: 3 }, senderFrame: top('lectern-app://app/index.html') }, windows), false);
  for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'lectern-deck://deck/x.svg', 'lectern-app://evil/index.html', 'data:text/html,x', '']) {
    assert.equal(validateSender({ sender: { id: 1 }, senderFrame: top(url) }, windows), false, url);
  }
  // A subframe, even of the right origin, and a destroyed frame are refused.
  const sub: FrameLike = { url: 'lectern-app://app/index.html', parent: top('lectern-app://app/index.html') };
  assert.equal(validateSender({ sender: { id: 1 }, senderFrame: sub }, windows), false);
  assert.equal(validateSender({ sender: { id: 1 }, senderFrame: null }, windows), false);
});

class FakeIpc implements IpcRendererLike {
  calls: Array<[string, string, unknown[]]> = [];
  listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  async invoke(channel: string, ...args: unknown[]) {
    this.calls.push(['invoke', channel, args]);
    return 'answer';
  }
  send(channel: string, ...args: unknown[]) {
    this.calls.push(['send', channel, args]);
  }
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
  }
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, payload: unknown) {
    for (const l of this.listeners.get(channel) ?? []) l({ sender: 'the raw ipcRenderer' }, payload);
  }
}

// The renderer is typed against the contract; these casts play a compromised page.
type LooseApi = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, message: unknown): void;
  on(channel: string, listener: (payload: unknown) => void): () => void;
};

test('the preload API passes contract channels and refuses every other', async () => {
  const ipc = new FakeIpc();
  const api = createLecternApi(ipc);
  const loose = api as unknown as LooseApi;
  for (const channel of INVOKE_CHANNELS) assert.equal(await loose.invoke(channel), 'answer');
  for (const channel of SEND_CHANNELS) loose.send(channel, { type: 'blackout', on: true });
  for (const channel of EVENT_CHANNELS) loose.on(channel, () => {})();
  for (const bad of ['electron:anything', 'ELECTRON_BROWSER_WINDOW_ALERT', '__proto__', 'toString', 'deck:load ', 'sync\u0000']) {
    await assert.rejects(loose.invoke(bad), /unknown invoke channel/);
    assert.throws(() => loose.send(bad, {}), /unknown send channel/);
    assert.throws(() => loose.on(bad, () => {}), /unknown event channel/);
  }
  assert.deepEqual(ipc.calls.map(([kind, channel]) => `${kind}:${channel}`), [
    ...INVOKE_CHANNELS.map((c) => `invoke:${c}`),
    ...SEND_CHANNELS.map((c) => `send:${c}`),
  ]);
  assert.deepEqual(Object.keys(api).sort(), ['invoke', 'on', 'send']);
  assert.equal(Object.isFrozen(api), true);
});

test('event listeners get the payload only, never the IPC event, and unsubscribe', () => {
  const ipc = new FakeIpc();
  const api = createLecternApi(ipc);
  const seen: unknown[][] = [];
  const off = api.on('deck:errors', (...args: unknown[]) => seen.push(args));
  ipc.emit('deck:errors', []);
  off();
  ipc.emit('deck:errors', [1]);
  assert.deepEqual(seen, [[[]]]);
  assert.equal(ipc.listeners.get('deck:errors')!.size, 0);
});

test('dropping a .md file opens it; other files are ignored', () => {
  const handlers = new Map<string, (e: DragEventLike) => void>();
  const opened: string[] = [];
  installDeckDrop(
    { addEventListener: (type, l) => handlers.set(type, l) },
    (file) => `/decks/${file.name}`,
    (file) => opened.push(file),
  );
  let prevented = 0;
  const drop = (names: string[]) =>
    handlers.get('drop')!({ preventDefault: () => prevented++, dataTransfer: { files: names.map((name) => ({ name })) } });
  drop(['photo.png']);
  drop(['notes.txt', 'talk.md']);
  drop(['Other.MARKDOWN']);
  handlers.get('dragover')!({ preventDefault: () => prevented++, dataTransfer: null });
  assert.deepEqual(opened, ['/decks/talk.md', '/decks/Other.MARKDOWN']);
  assert.equal(prevented, 4);
});
