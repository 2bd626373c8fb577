import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTENT_SECURITY_POLICY,
  PRINT_CONTENT_SECURITY_POLICY,
  decideNavigation,
  decidePermission,
  isSafeExternalUrl,
  webPreferencesFor,
  type WindowKind,
} from '../../electron/app/security';

const KINDS: WindowKind[] = ['start', 'audience', 'presenter', 'study', 'print'];

test('every window kind is isolated, sandboxed, without Node, webviews or insecure content', () => {
  for (const kind of KINDS) {
    const prefs = webPreferencesFor(kind, '/app/dist/preload.js');
    assert.equal(prefs.contextIsolation, true, kind);
    assert.equal(prefs.sandbox, true, kind);
    assert.equal(prefs.nodeIntegration, false, kind);
    assert.equal(prefs.nodeIntegrationInWorker, false, kind);
    assert.equal(prefs.nodeIntegrationInSubFrames, false, kind);
    assert.equal(prefs.webSecurity, true, kind);
    assert.equal(prefs.allowRunningInsecureContent, false, kind);
    assert.equal(prefs.webviewTag, false, kind);
    assert.equal(prefs.experimentalFeatures, false, kind);
    assert.equal(prefs.navigateOnDragDrop, false, kind);
  }
});

test('views get the preload, the print window none; presenting windows are never throttled', () => {
  for (const kind of ['start', 'audience', 'presenter', 'study'] as const) {
    assert.equal(webPreferencesFor(kind, '/p.js').preload, '/p.js');
  }
  assert.equal(webPreferencesFor('print', '/p.js').preload, undefined);
  assert.equal(webPreferencesFor('audience', '/p.js').backgroundThrottling, false);
  assert.equal(webPreferencesFor('presenter', '/p.js').backgroundThrottling, false);
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

test('the CSP is strict and names no remote origin', () => {
  const d = directives(CONTENT_SECURITY_POLICY);
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), ["'self'"]);
  assert.deepEqual(d.get('style-src'), ["'self'", "'unsafe-inline'"]);
  assert.deepEqual(d.get('img-src'), ["'self'", 'lectern-deck:', 'data:']);
  assert.deepEqual(d.get('font-src'), ["'self'", 'data:']);
  for (const none of ['connect-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
    assert.deepEqual(d.get(none), ["'none'"], none);
  }
  for (const csp of [CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY]) {
    assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'|wss?:|file:/);
  }
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /blob:/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY.replace("style-src 'self' 'unsafe-inline'", ''), /unsafe-inline/);
});

test('external links: http(s) with a host and no credentials only', () => {
  assert.equal(isSafeExternalUrl('https://pubmed.ncbi.nlm.nih.gov/123/'), true);
  assert.equal(isSafeExternalUrl('http://example.org/a?b#c'), true);
  for (const bad of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'lectern-app://app/index.html',
    'smb://host/share',
    'https://user:pw@example.org/',
    'data:text/html,hi',
    'not a url',
    `https://example.org/${'a'.repeat(3000)}`,
  ]) {
    assert.equal(isSafeExternalUrl(bad), false, bad);
  }
});

test('navigation and window.open never happen in the app; safe web links go to the browser', () => {
  assert.deepEqual(decideNavigation('https://example.org/'), { allow: false, openExternal: 'https://example.org/' });
  assert.deepEqual(decideNavigation('file:///etc/passwd'), { allow: false });
  assert.deepEqual(decideNavigation('lectern-app://app/index.html?view=presenter'), { allow: false });
  assert.deepEqual(decideNavigation('javascript:alert(1)'), { allow: false });
});

test('permission requests are denied except fullscreen', () => {
  for (const p of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'pointerLock']) {
    assert.equal(decidePermission(p), false, p);
  }
  assert.equal(decidePermission('fullscreen'), true);
});

test('the navigation guard prevents every navigation and opens only safe links outside', async () => {
  const { createNavigationGuard } = await import('../../electron/app/security');
  const opened: string[] = [];
  const guard = createNavigationGuard((url) => opened.push(url));
  let prevented = 0;
  const event = (url: string) => ({ url, preventDefault: () => prevented++ });
  guard.onWillNavigate(event('https://doi.org/10.1000/1'));
  guard.onWillNavigate(event('file:///etc/passwd'));
  guard.onWillNavigate(event('lectern-app://app/index.html'));
  guard.onWillFrameNavigate(event('https://evil.example/'));
  assert.equal(prevented, 4);
  assert.deepEqual(guard.windowOpenHandler({ url: 'https://example.org/' }), { action: 'deny' });
  assert.deepEqual(guard.windowOpenHandler({ url: 'javascript:alert(1)' }), { action: 'deny' });
  assert.deepEqual(opened, ['https://doi.org/10.1000/1', 'https://example.org/']);
});
