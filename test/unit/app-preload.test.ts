// preload.ts against a fake `electron`: exactly one API exposed, under the contract's key, with
// nothing raw in it; dropped decks are opened through the contract channel.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import { API_KEY } from '../../electron/contract/ipc';

test('the preload exposes one frozen API of three functions and nothing else', async (t) => {
  const exposed: Array<[string, unknown]> = [];
  const invoked: Array<[string, unknown[]]> = [];
  const listeners = new Map<string, (e: unknown) => void>();
  const fake = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => void invoked.push([channel, args]),
      send: () => {},
      on: () => {},
      removeListener: () => {},
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake : originalLoad.call(this, request, ...rest);
  };
  const g = globalThis as unknown as { addEventListener?: unknown };
  const hadListener = 'addEventListener' in g;
  g.addEventListener = (type: string, l: (e: unknown) => void) => void listeners.set(type, l);
  t.after(() => {
    loader._load = originalLoad;
    if (!hadListener) delete g.addEventListener;
  });
  const path = require.resolve('../../electron/preload');
  delete require.cache[path];
  require(path);

  assert.equal(exposed.length, 1);
  const [key, api] = exposed[0]!;
  assert.equal(key, API_KEY);
  assert.deepEqual(Object.keys(api as object).sort(), ['invoke', 'on', 'send']);
  for (const value of Object.values(api as object)) assert.equal(typeof value, 'function');
  assert.equal(Object.isFrozen(api), true);

  listeners.get('drop')!({ preventDefault: () => {}, dataTransfer: { files: [{ name: 'talk.md' }] } });
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(invoked, [['deck:open', [{ file: '/dropped/talk.md' }]]]);
});
