// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item
// by item, as far as it can be checked from our code: the pure decisions (electron/app/security,
// ipc-guard, preload-api) are called; how main.ts wires them is read from its source, since it
// imports electron and cannot load here. Fuses come from electron-builder.yml.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { API_KEY, EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS } from '../../electron/contract/ipc';
import { validateSender, type FrameLike } from '../../electron/app/ipc-guard';
import { createLecternApi } from '../../electron/app/preload-api';
import { appPageHtml, createAppHandler } from '../../electron/app/protocols';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  PRINT_CONTENT_SECURITY_POLICY,
  decideNavigation,
  decidePermission,
  isSafeExternalUrl,
  webPreferencesFor,
  type WindowKind,
} from '../../electron/app/security';
import { offlineContentSecurityPolicy } from '../../electron/export/offline-html';

const root = join(__dirname, '..', '..');
const read = (rel: string): string => readFileSync(join(root, rel), 'utf8');
const KINDS: WindowKind[] = ['start', 'audience', 'presenter', 'print'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(name)) out.push(rel);
  }
  return out;
}
const ALL_SOURCES = [...sourceFiles('electron'), ...sourceFiles('renderer')];
const mainTs = read('electron/app/main.ts');

/** The meta CSP of an app page. */
function cspDirectivesText(html: string): string {
  return /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
}

/** Source text without whole-line comments, so a comment cannot satisfy or fail a check. */
function code(text: string): string {
  return text.replace(/^\s*\/\*[\s\S]*?\*\/\s*$/gm, '').replace(/^\s*\/\/.*$/gm, '');
}

function cspDirectives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** No source in a policy may name the network or weaken script execution. */
function cspProblems(csp: string, allowInlineScript: boolean): string[] {
  const problems: string[] = [];
  const d = cspDirectives(csp);
  if (d.get('default-src')?.join(' ') !== "'none'") problems.push("default-src is not 'none'");
  for (const [name, values] of d) {
    for (const v of values) {
      if (/^(https?|wss?|ftp):|^\*|^\/\/|^[a-z0-9.-]+\.[a-z]{2,}/i.test(v)) problems.push(`${name} allows the network: ${v}`);
      if (v === "'unsafe-eval'" || v === "'wasm-unsafe-eval'") problems.push(`${name} allows eval`);
      if (v === "'unsafe-hashes'") problems.push(`${name} allows inline handlers`);
      if (v === "'unsafe-inline'" && name === 'script-src' && !allowInlineScript) problems.push('script-src allows inline script');
    }
  }
  for (const name of ['object-src', 'base-uri', 'form-action']) {
    if (d.get(name)?.join(' ') !== "'none'") problems.push(`${name} is not 'none'`);
  }
  return problems;
}

describe('Electron security checklist', () => {
  test('1. only secure content: app pages come from lectern-app://, the network and file:// are blocked', () => {
    for (const m of mainTs.matchAll(/\.loadURL\(([^)]*)\)/g)) {
      const arg = m[1] ?? '';
      assert.ok(arg.includes('APP_ORIGIN') || arg === 'url', `loadURL(${arg}) loads an app page`);
    }
    assert.match(read('electron/app/electron-printer.ts'), /loadURL\(`\$\{APP_ORIGIN\}\/print\//);
    assert.equal(APP_ORIGIN, 'lectern-app://app');
    const block = /onBeforeRequest\(\s*\{\s*urls:\s*\[([^\]]*)\]\s*\}[\s\S]{0,80}cancel:\s*true/.exec(code(mainTs));
    assert.ok(block, 'main.ts cancels web requests in the session');
    for (const scheme of ['http', 'https', 'ws', 'wss', 'file']) assert.ok(block[1]!.includes(`'${scheme}://*/*'`), `${scheme} is blocked`);
  });

  test('2-4, 6, 8-10. every window kind: no Node, context isolation, sandbox, web security, no insecure or experimental features', () => {
    for (const kind of KINDS) {
      const p = webPreferencesFor(kind, '/app/dist/preload.js');
      assert.equal(p.nodeIntegration, false, `${kind}: nodeIntegration`);
      assert.equal(p.nodeIntegrationInWorker, false, `${kind}: nodeIntegrationInWorker`);
      assert.equal(p.nodeIntegrationInSubFrames, false, `${kind}: nodeIntegrationInSubFrames`);
      assert.equal(p.contextIsolation, true, `${kind}: contextIsolation`);
      assert.equal(p.sandbox, true, `${kind}: sandbox`);
      assert.notEqual(p.webSecurity, false, `${kind}: webSecurity`);
      assert.notEqual(p.allowRunningInsecureContent, true, `${kind}: allowRunningInsecureContent`);
      assert.notEqual(p.experimentalFeatures, true, `${kind}: experimentalFeatures`);
      assert.equal(p.enableBlinkFeatures, undefined, `${kind}: enableBlinkFeatures`);
      assert.notEqual(p.webviewTag, true, `${kind}: webviewTag`);
    }
    assert.equal(webPreferencesFor('print', '/p.js').preload, undefined, 'the print window has no preload');
  });

  test('every BrowserWindow takes its webPreferences from webPreferencesFor, and nothing overrides them', () => {
    const windows = [...code(mainTs).matchAll(/new BrowserWindow\(\{([\s\S]*?)\}\);/g)];
    assert.ok(windows.length >= 2, 'main.ts creates the app and print windows');
    for (const w of windows) assert.match(w[1] ?? '', /webPreferences:\s*webPreferencesFor\(/);
    for (const file of ALL_SOURCES) {
      const text = code(read(file));
      for (const bad of [
        /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/,
        /contextIsolation\s*:\s*false/,
        /sandbox\s*:\s*false/,
        /webSecurity\s*:\s*false/,
        /allowRunningInsecureContent\s*:\s*true/,
        /experimentalFeatures\s*:\s*true/,
        /enableBlinkFeatures/,
        /webviewTag\s*:\s*true/,
        /enableRemoteModule|@electron\/remote/,
        /bypassCSP\s*:\s*true/,
        /--disable-web-security/,
      ]) {
        assert.doesNotMatch(text, bad, `${file}: ${bad}`);
      }
    }
    // The app never turns Chromium's OS sandbox off. (The `lectern present` CLI passes
    // --no-sandbox to a development Electron only when run as root, where Chromium refuses to
    // start otherwise; the packaged app is not started through it.)
    for (const file of ALL_SOURCES.filter((f) => !f.startsWith('electron/cli/') && f !== 'electron/export/browser.ts')) {
      assert.doesNotMatch(code(read(file)), /no-sandbox/, file);
    }
  });

  // `lectern export` renders decks we did not write: Chromium keeps its OS sandbox except as
  // root, where it refuses to start with it.
  test('the command-line headless Chromium keeps its OS sandbox unless run as root', () => {
    const args = code(read('electron/export/browser.ts'));
    assert.match(args, /getuid\?\.\(\) === 0[\s\S]{0,200}no-sandbox|no-sandbox[\s\S]{0,200}getuid\?\.\(\) === 0/);
  });

  test('5. permission requests and checks: only fullscreen, through decidePermission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'unknown']) {
      assert.equal(decidePermission(p), false, p);
    }
    assert.equal(decidePermission('fullscreen'), true);
    const c = code(mainTs);
    assert.match(c, /setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(decidePermission\(permission\)\)/);
    assert.match(c, /setPermissionCheckHandler\([^)]*\)\s*=>\s*decidePermission\(permission\)/);
  });

  test('7. CSP: the app, its print pages and the exported HTML name no remote origin and allow no eval', () => {
    assert.deepEqual(cspProblems(CONTENT_SECURITY_POLICY, false), []);
    assert.equal(cspDirectives(CONTENT_SECURITY_POLICY).get('script-src')?.join(' '), "'self'");
    assert.equal(cspDirectives(CONTENT_SECURITY_POLICY).get('frame-ancestors')?.join(' '), "'none'");
    // Print jobs are self-contained documents with one inline boot script; still nothing remote.
    assert.deepEqual(cspProblems(PRINT_CONTENT_SECURITY_POLICY, true), []);
    const offline = offlineContentSecurityPolicy("'sha256-abc='");
    assert.deepEqual(cspProblems(offline, false), []);
    assert.equal(cspDirectives(offline).get('script-src')?.join(' '), "'sha256-abc='");
  });

  test('7. CSP: every app page response carries the policy as a header and in a meta tag', async () => {
    const handler = createAppHandler({ rendererDir: join(root, 'dist', 'renderer'), printJobs: new Map() });
    for (const view of ['start', 'audience', 'presenter', 'study']) {
      const response = await handler(new Request(`${APP_ORIGIN}/index.html?view=${view}`));
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(await response.text())?.[1];
      assert.ok(meta, `${view}: a meta CSP`);
      assert.deepEqual(cspProblems(meta, false), [], `${view}: the meta CSP`);
    }
    assert.ok(cspDirectivesText(appPageHtml('audience')).includes("default-src 'none'"));
  });

  test('11. webviews cannot be attached', () => {
    assert.match(code(mainTs), /on\('will-attach-webview',\s*\(event\)\s*=>\s*event\.preventDefault\(\)\)/);
  });

  test('12-13. navigation and new windows are refused for every webContents, whoever creates it', () => {
    const c = code(mainTs);
    assert.match(c, /app\.on\('web-contents-created',\s*\(_event, contents\)\s*=>\s*harden\(contents\)\)/);
    const harden = /function harden\(contents: WebContents\): void \{([\s\S]*?)\n\}/.exec(c)?.[1] ?? '';
    for (const hook of ["'will-navigate'", "'will-frame-navigate'", "'will-redirect'", 'setWindowOpenHandler']) {
      assert.ok(harden.includes(hook), `harden() handles ${hook}`);
    }
    for (const url of ['lectern-app://app/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'https://example.org/', 'data:text/html,x']) {
      assert.equal(decideNavigation(url).allow, false, url);
    }
  });

  test('14. shell.openExternal only ever gets a vetted http(s) URL', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id', 'data:text/html,x', 'https://user:pw@example.org/', 'lectern-app://app/', `https://example.org/${'a'.repeat(3000)}`]) {
      assert.equal(isSafeExternalUrl(url), false, url);
      assert.equal(decideNavigation(url).openExternal, undefined, url);
    }
    assert.equal(isSafeExternalUrl('https://example.org/paper.pdf'), true);
    // Every call site in the tree: main.ts hands shell.openExternal to the navigation guard (which
    // filters with decideNavigation) and to the controller, whose IPC answer checks isSafeExternalUrl.
    const sites = ALL_SOURCES.flatMap((f) => [...code(read(f)).matchAll(/shell\.openExternal\(/g)].map(() => f));
    assert.deepEqual(sites, ['electron/app/main.ts', 'electron/app/main.ts']);
    assert.match(code(mainTs), /createNavigationGuard\(\(url\) => void shell\.openExternal\(url\)\)/);
    assert.match(code(mainTs), /openExternal: \(url\) => void shell\.openExternal\(url\)/);
    assert.match(read('electron/app/ipc-answers.ts'), /if \(typeof url !== 'string' \|\| !isSafeExternalUrl\(url\)\) return false;\s*deps\.openExternal\(url\)/);
  });

  test('17. no file:// pages; custom protocols instead, and the fuse that widens file:// is off', () => {
    for (const file of ALL_SOURCES) assert.doesNotMatch(code(read(file)), /loadFile\(|loadURL\(['"`]file:/, file);
    const fuses = (parse(read('electron-builder.yml')) as { electronFuses: Record<string, boolean> }).electronFuses;
    assert.equal(fuses.grantFileProtocolExtraPrivileges, false);
  });

  test('18. fuses: no run-as-node, no NODE_OPTIONS, no --inspect, cookies encrypted, asar only and validated', () => {
    const fuses = (parse(read('electron-builder.yml')) as { electronFuses: Record<string, boolean> }).electronFuses;
    assert.deepEqual(
      [fuses.runAsNode, fuses.enableNodeOptionsEnvironmentVariable, fuses.enableNodeCliInspectArguments],
      [false, false, false],
    );
    assert.deepEqual([fuses.enableCookieEncryption, fuses.onlyLoadAppFromAsar, fuses.enableEmbeddedAsarIntegrityValidation], [true, true, true]);
  });

  test('19. the preload exposes one frozen API of contract channels only, never ipcRenderer', async () => {
    const preload = code(read('electron/preload.ts'));
    assert.equal([...preload.matchAll(/exposeInMainWorld\(/g)].length, 1);
    assert.match(preload, /exposeInMainWorld\(API_KEY, api\)/);
    assert.equal(API_KEY, 'lectern');
    const calls: string[] = [];
    const api = createLecternApi({
      invoke: async (channel) => void calls.push(`invoke ${channel}`),
      send: (channel) => void calls.push(`send ${channel}`),
      on: () => undefined,
      removeListener: () => undefined,
    });
    assert.ok(Object.isFrozen(api));
    const loose = api as unknown as { invoke(c: string): Promise<unknown>; send(c: string, m: unknown): void; on(c: string, l: () => void): unknown };
    await assert.rejects(loose.invoke('shell:exec'));
    assert.throws(() => loose.send('deck:load', {}));
    assert.throws(() => loose.on('ipc:raw', () => undefined));
    assert.deepEqual(calls, []);
    assert.ok(INVOKE_CHANNELS.length > 0 && SEND_CHANNELS.length > 0 && EVENT_CHANNELS.length > 0);
  });

  test('20. every IPC message is checked for its sender before anything is done', () => {
    const c = code(read('electron/app/main.ts'));
    const handlers = [...c.matchAll(/ipcMain\.(handle|on|handleOnce|once)\(([^,]+),[\s\S]{0,200}?\{([\s\S]{0,160})/g)];
    assert.ok(handlers.length >= 2, 'main registers IPC handlers');
    for (const h of handlers) assert.match(h[3] ?? '', /^\s*(if \(!?validateSender\(event, ctl\.allWindows\(\)\)\))/, `handler for ${h[2]} checks the sender first`);
    for (const file of ALL_SOURCES.filter((f) => f !== 'electron/app/main.ts')) {
      assert.doesNotMatch(code(read(file)), /ipcMain\.(handle|on|handleOnce|once)\(/, `${file} registers IPC outside main.ts`);
    }
    const top = (url: string): FrameLike => ({ url, parent: null });
    const windows = [{ webContents: { id: 1 } }];
    assert.equal(validateSender({ sender: { id: 1 }, senderFrame: top('lectern-app://app/index.html') }, windows), true);
    assert.equal(validateSender({ sender: { id: 1 }, senderFrame: { url: 'lectern-app://app/x', parent: top('lectern-app://app/') } }, windows), false);
    assert.equal(validateSender({ sender: { id: 1 }, senderFrame: top('file:///tmp/evil.html') }, windows), false);
    assert.equal(validateSender({ sender: { id: 2 }, senderFrame: top('lectern-app://app/index.html') }, windows), false);
    assert.equal(validateSender({ sender: { id: 1 }, senderFrame: null }, windows), false);
  });

  test('schemes are privileged like https, never allowed to bypass CSP', () => {
    const reg = /registerSchemesAsPrivileged\(\[([\s\S]*?)\]\);/.exec(code(mainTs))?.[1] ?? '';
    assert.ok(reg.includes('APP_SCHEME') && reg.includes('DECK_SCHEME'));
    assert.doesNotMatch(reg, /bypassCSP|corsEnabled:\s*true|allowServiceWorkers:\s*true/);
  });
});
