// The shell's security settings, one place each: webPreferences of every window, the Content
// Security Policy, navigation and window-open decisions, permission requests, and which links
// may go to the system browser. Pure data and functions; main.ts applies them.

import type { WebPreferences } from 'electron';

/** Every kind of window the app opens. */
export type WindowKind = 'start' | 'audience' | 'presenter' | 'study' | 'print';

export const APP_SCHEME = 'lectern-app';
export const DECK_SCHEME = 'lectern-deck';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const DECK_ASSET_BASE = `${DECK_SCHEME}://deck/`;

const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  // KaTeX sets inline style attributes on its output; nothing else needs it.
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', `'self' ${DECK_SCHEME}: data:`],
  ['media-src', `'self' ${DECK_SCHEME}:`],
  ['font-src', "'self' data:"],
  ['connect-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy of every app page and deck asset response. No remote origin appears in it. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * Print jobs are self-contained documents (the exporter inlines scripts, styles, fonts and
 * images), so they need inline script and data: URLs, and still nothing remote.
 */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // The page's own meta CSP narrows this to the hash of its one script; both apply.
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'media-src data: blob:',
  'font-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the app's protocols carries. */
export function securityHeaders(csp: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/** webPreferences for a window: isolated, sandboxed, no Node, and the preload only where IPC is used. */
export function webPreferencesFor(kind: WindowKind, preloadPath: string): WebPreferences {
  const prefs: WebPreferences = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
  if (kind === 'print') {
    // The print window runs only the exporter's page: no IPC, so no preload.
    return { ...prefs, javascript: true };
  }
  // The audience window must not slow down when the presenter window has focus.
  return { ...prefs, preload: preloadPath, backgroundThrottling: kind === 'start' || kind === 'study' };
}

/** Links the system browser may open: http(s) with a host, no credentials. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.hostname === '') return false;
  return raw.length <= 2048;
}

export type NavigationDecision = { allow: false; openExternal?: string };

/**
 * Every navigation and window.open is refused: the app's pages never leave lectern-app://.
 * A safe web link goes to the system browser instead.
 */
export function decideNavigation(url: string): NavigationDecision {
  return isSafeExternalUrl(url) ? { allow: false, openExternal: url } : { allow: false };
}

/**
 * Permission requests: a deck player needs no camera, microphone, notifications, geolocation,
 * clipboard or MIDI. Only fullscreen (reveal.js's F key) is granted.
 */
export function decidePermission(permission: string): boolean {
  return permission === 'fullscreen';
}

export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * The handlers main.ts attaches to every webContents: navigation (top frame or sub frame,
 * redirects) is prevented, window.open denied; a safe web link is handed to the system browser.
 */
export function createNavigationGuard(openExternal: (url: string) => void) {
  const refuse = (url: string): void => {
    const decision = decideNavigation(url);
    if (decision.openExternal) openExternal(decision.openExternal);
  };
  return {
    onWillNavigate(event: PreventableEvent & { url: string }): void {
      event.preventDefault();
      refuse(event.url);
    },
    /** Sub-frame navigations and redirects: refused, never opened outside. */
    onWillFrameNavigate(event: PreventableEvent): void {
      event.preventDefault();
    },
    windowOpenHandler(details: { url: string }): { action: 'deny' } {
      refuse(details.url);
      return { action: 'deny' };
    },
  };
}
