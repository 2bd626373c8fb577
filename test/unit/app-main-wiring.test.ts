// main.ts against a fake `electron` module: the shell's wiring (schemes, protocol handlers,
// hardening of every webContents, permissions, IPC behind the sender guard, the windows and
// their webPreferences, the menu) checked in plain Node, since no Electron binary runs here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INVOKE_CHANNELS } from '../../electron/contract/ipc';
import { CONTENT_SECURITY_POLICY, webPreferencesFor } from '../../electron/app/security';
import { FakeWindowState } from '../support/fake-window';

type Listener = (...args: unknown[]) => unknown;

let nextContentsId = 1;
class FakeContents extends EventEmitter {
  id = nextContentsId++;
  sent: Array<[string, unknown]> = [];
  openHandler: ((d: { url: string }) => unknown) | null = null;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (d: { url: string }) => unknown) {
    this.openHandler = handler;
  }
  async executeJavaScript() {
    return false;
  }
}

function fakeElectron(userData: string) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: {} as Record<string, string>,
    quitCalls: 0,
    setPath(name: string, value: string) {
      this.paths[name] = value;
    },
    getPath(name: string) {
      return this.paths[name] ?? userData;
    },
    requestSingleInstanceLock: () => true,
    getLocaleCountryCode: () => 'US',
    whenReady: () => Promise.resolve(),
    quit() {
      this.quitCalls++;
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      (this as unknown as EventEmitter).emit('before-quit', event);
    },
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends FakeWindowState {
    static getFocusedWindow = () => null;
    static getAllWindows = () => windows;
    webContents = new FakeContents();
    urls: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown>; show?: boolean; title?: string }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.urls.push(url);
    }
    isSimpleFullScreen() {
      return this.fullscreen;
    }
    setSimpleFullScreen(f: boolean) {
      this.fullscreen = f;
    }
    focus() {}
    setProgressBar() {}
    isVisible() {
      return this.visible;
    }
    close() {
      this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const display = { id: 1, internal: true, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 0, width: 1440, height: 900 } };
  const invokeHandlers = new Map<string, Listener>();
  const sendHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (r: Request) => Promise<Response>>();
  const state = {
    schemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    blockedUrls: [] as string[],
    menus: 0,
    power: [] as string[],
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }), showErrorBox: () => {} },
    ipcMain: { handle: (c: string, f: Listener) => invokeHandlers.set(c, f), on: (c: string, f: Listener) => sendHandlers.set(c, f) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => void state.menus++ },
    powerSaveBlocker: { start: (type: string) => (state.power.push(`start:${type}`), 1), stop: () => void state.power.push('stop') },
    protocol: {
      registerSchemesAsPrivileged: (s: typeof state.schemes) => void state.schemes.push(...s),
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => void protocolHandlers.set(scheme, h),
    },
    screen: Object.assign(new EventEmitter(), { getAllDisplays: () => [display], getPrimaryDisplay: () => display }),
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => void (state.permissionCheck = h),
        webRequest: { onBeforeRequest: (filter: { urls: string[] }) => void state.blockedUrls.push(...filter.urls) },
      },
    },
    shell: { openExternal: async () => {} },
  };
  return { electron, app, windows, invokeHandlers, sendHandlers, protocolHandlers, state };
}

test('main.ts wires Electron: schemes, handlers, hardening, permissions, guarded IPC, windows', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-main-'));
  // The deck sits in a lecture folder; `--root` on the command line names the course folder.
  mkdirSync(join(dir, 'lecture'));
  const deckFile = join(dir, 'lecture', 'talk.md');
  writeFileSync(deckFile, '---\ntitle: Wiring\n---\n\n# One\n\nNote: a\n\n---\n\n# Two\n\nNote: b\n');
  const fake = fakeElectron(join(dir, 'userData'));
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  const originalArgv = process.argv;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest);
  };
  process.argv = ['/fake/electron', 'dist/main.js', deckFile, `--root=${dir}`];
  t.after(() => {
    loader._load = originalLoad;
    process.argv = originalArgv;
    rmSync(dir, { recursive: true, force: true });
  });
  const mainPath = require.resolve('../../electron/app/main');
  delete require.cache[mainPath];
  require(mainPath);
  await new Promise((r) => setImmediate(r));

  // Both schemes privileged like https.
  assert.deepEqual(fake.state.schemes.map((s) => [s.scheme, s.privileges.standard, s.privileges.secure]), [
    ['lectern-app', true, true],
    ['lectern-deck', true, true],
  ]);
  assert.deepEqual([...fake.protocolHandlers.keys()].sort(), ['lectern-app', 'lectern-deck']);
  const page = await fake.protocolHandlers.get('lectern-app')!(new Request('lectern-app://app/index.html?view=audience'));
  assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);

  // Two presenting windows on the deck from argv, with the hardened preferences.
  const [presenter, audience] = fake.windows;
  assert.equal(fake.windows.length, 2);
  assert.match(presenter!.urls[0]!, /^lectern-app:\/\/app\/index\.html\?view=presenter$/);
  assert.match(audience!.urls[0]!, /^lectern-app:\/\/app\/index\.html\?view=audience$/);
  // Named by role until the page names them by the talk: the picker never shows two "Lectern"s.
  assert.equal(presenter!.options.title, 'Presenter: Lectern');
  assert.equal(audience!.options.title, 'Lectern');
  const expected = webPreferencesFor('audience', join(__dirname, '..', '..', 'electron', 'app', 'preload.js'));
  const { preload: _p, ...withoutPreload } = expected;
  const { preload, ...actual } = audience!.options.webPreferences;
  assert.deepEqual(actual, withoutPreload);
  assert.match(String(preload), /preload\.js$/);
  assert.deepEqual(fake.state.power, ['start:prevent-display-sleep']);
  assert.ok(fake.state.menus > 0);

  // Permissions refused, the network blocked for every window.
  let granted: unknown = null;
  fake.state.permissionRequest!({}, 'media', (ok: boolean) => (granted = ok));
  assert.equal(granted, false);
  assert.equal(fake.state.permissionCheck!({}, 'geolocation'), false);
  for (const scheme of ['http', 'https', 'ws', 'wss', 'file']) assert.ok(fake.state.blockedUrls.some((u) => u.startsWith(`${scheme}://`)), scheme);

  // Every webContents is hardened as it is created.
  let prevented = 0;
  presenter!.webContents.emit('will-navigate', { url: 'https://example.org/', preventDefault: () => prevented++ });
  presenter!.webContents.emit('will-attach-webview', { preventDefault: () => prevented++ });
  assert.equal(prevented, 2);
  assert.deepEqual(presenter!.webContents.openHandler!({ url: 'https://example.org/' }), { action: 'deny' });

  // IPC: every contract channel handled, each behind the sender check.
  assert.deepEqual([...fake.invokeHandlers.keys()].sort(), [...INVOKE_CHANNELS].sort());
  assert.deepEqual([...fake.sendHandlers.keys()], ['sync']);
  const frame = (url: string) => ({ url, parent: null });
  const trusted = { sender: { id: audience!.webContents.id }, senderFrame: frame('lectern-app://app/index.html?view=audience') };
  assert.equal(await fake.invokeHandlers.get('view:role')!(trusted), 'audience');
  const payload = (await fake.invokeHandlers.get('deck:load')!(trusted)) as { deck: { meta: { title: string }; root: string } };
  assert.equal(payload.deck.meta.title, 'Wiring');
  assert.equal(payload.deck.root, dir, 'the asset root --root gave on the command line');
  await assert.rejects(
    async () => fake.invokeHandlers.get('deck:load')!({ sender: { id: 999 }, senderFrame: frame('lectern-app://app/') }),
    /not one of Lectern's windows/,
  );
  await assert.rejects(
    async () => fake.invokeHandlers.get('view:role')!({ sender: { id: audience!.webContents.id }, senderFrame: frame('https://evil.example/') }),
    /not one of Lectern's windows/,
  );
  fake.sendHandlers.get('sync')!(trusted, { type: 'navigate', position: { h: 1, v: 0, f: -1 } });
  assert.deepEqual(presenter!.webContents.sent.at(-1), ['sync', { type: 'navigate', position: { h: 1, v: 0, f: -1 } }]);
  fake.sendHandlers.get('sync')!({ ...trusted, sender: { id: 999 } }, { type: 'blackout', on: true });
  assert.equal(audience!.webContents.sent.length, 0);

  // Quitting releases the display-sleep blocker and the file watcher.
  fake.app.quit();
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(fake.state.power, ['start:prevent-display-sleep', 'stop']);
});
