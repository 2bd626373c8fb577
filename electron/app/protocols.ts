// Handlers for the app's two schemes, as fetch-style functions (Request -> Response) so they run
// in plain Node: `lectern-app://app/...` serves the renderer bundle and the page that loads it;
// `lectern-deck://deck/<ref>` serves the open deck's assets, confined to its asset root (Deck.root).
// Every response carries the CSP. main.ts registers them with protocol.handle.

import { readFile } from 'node:fs/promises';
import type { ViewRole } from '../contract/ipc';
import { MEDIA_REF_PREFIX } from '../deck/media-assets';
import type { DeckAsset } from '../deck/types';
import { servedBytes } from '../export/offline-html';
import { resolveConfinedFile, resolveDeckAsset } from './confined-path';
import { CONTENT_SECURITY_POLICY, DECK_ASSET_BASE, PRINT_CONTENT_SECURITY_POLICY, securityHeaders } from './security';

export type ProtocolHandler = (request: Request) => Promise<Response>;

function textResponse(status: number, text: string, csp?: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders(csp) },
  });
}

/** A single `bytes=start-end` range within `size`, or null (serve the whole file). */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    // Suffix range: the last N bytes.
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

async function fileResponse(path: string, mime: string, rangeHeader: string | null = null, strip = false): Promise<Response> {
  const raw = await readFile(path);
  // Deck images and videos leave without identifying metadata (lossless; the file is untouched).
  const body = strip ? Buffer.from(servedBytes(raw)) : raw;
  const headers: Record<string, string> = {
    'Content-Type': mime,
    'Accept-Ranges': 'bytes',
    // Live reload replaces assets in place: never serve a stale diagram.
    'Cache-Control': 'no-store',
    ...securityHeaders(),
  };
  // Video and audio seek with range requests.
  const range = parseRange(rangeHeader, body.byteLength);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${body.byteLength}` } });
  }
  if (range) {
    const slice = body.subarray(range.start, range.end + 1);
    return new Response(slice, {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': String(slice.byteLength),
        'Content-Range': `bytes ${range.start}-${range.end}/${body.byteLength}`,
      },
    });
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(body.byteLength) } });
}

/** Only reads: a protocol that answers POST would be a way to smuggle data. */
function methodRefusal(request: Request): Response | null {
  return request.method === 'GET' ? null : textResponse(405, `${request.method} is not allowed`);
}

/**
 * The asset URL prefix for a version of the deck: `lectern-deck://deck/_v3/`. Each live reload
 * bumps it, so an edited image gets a new URL and is fetched again. The handler drops the prefix.
 */
export function deckAssetBase(version: number): string {
  return `${DECK_ASSET_BASE}_v${version}/`;
}

const VERSION_PREFIX = /^\/_v\d+(?=\/)/;

function convertedAsset(assets: readonly DeckAsset[], urlPath: string): DeckAsset | undefined {
  let ref: string;
  try {
    ref = decodeURIComponent(urlPath.replace(/^\//, ''));
  } catch {
    return undefined;
  }
  if (!ref.startsWith(MEDIA_REF_PREFIX)) return undefined;
  return assets.find((a) => a.ref === ref);
}

/**
 * `currentAssets` lists the open deck's assets: converted files (DICOM frames, posters, under
 * `~media/`) live in the cache folder and are served only when the deck names them.
 */
export function createDeckAssetHandler(currentRoot: () => string | null, currentAssets: () => readonly DeckAsset[] = () => []): ProtocolHandler {
  return async (request) => {
    const refusedMethod = methodRefusal(request);
    if (refusedMethod) return refusedMethod;
    const url = new URL(request.url);
    if (url.host !== 'deck') return textResponse(404, 'unknown host');
    const root = currentRoot();
    if (!root) return textResponse(404, 'no deck is open');
    const path = url.pathname.replace(VERSION_PREFIX, '');
    const converted = convertedAsset(currentAssets(), path);
    if (converted) {
      try {
        return await fileResponse(converted.path, converted.mime, request.headers.get('range'), true);
      } catch {
        return textResponse(404, 'unreadable');
      }
    }
    const found = resolveDeckAsset(root, path);
    if (!found.ok) return textResponse(found.status, found.detail);
    try {
      return await fileResponse(found.path, found.mime, request.headers.get('range'), true);
    } catch {
      return textResponse(404, 'unreadable');
    }
  };
}

// The header carries the full policy; the meta copy (for a page saved to disk or viewed without
// the protocol) leaves out frame-ancestors, which browsers ignore in <meta>.
const META_CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

const ROLES: readonly ViewRole[] = ['audience', 'presenter', 'study', 'start'];

/** The page every app window loads; the renderer asks `view:role` and boots over the preload API. */
export function appPageHtml(role: ViewRole): string {
  return `<!doctype html>
<html lang="en" data-view="${role}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${META_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lectern</title>
<link rel="stylesheet" href="renderer.css">
</head>
<body>
<div id="lectern-root"></div>
<script src="renderer.js"></script>
</body>
</html>
`;
}

export interface AppProtocolOptions {
  /** dist/renderer: renderer.js, renderer.css and the files esbuild emitted beside them. */
  rendererDir: string;
  /** Documents being printed by the Electron printer, by id (`/print/<id>.html`). */
  printJobs: ReadonlyMap<string, string>;
}

export function createAppHandler(options: AppProtocolOptions): ProtocolHandler {
  return async (request) => {
    const refusedMethod = methodRefusal(request);
    if (refusedMethod) return refusedMethod;
    const url = new URL(request.url);
    if (url.host !== 'app') return textResponse(404, 'unknown host');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const asked = url.searchParams.get('view');
      const role = ROLES.find((r) => r === asked) ?? 'start';
      return new Response(appPageHtml(role), {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders() },
      });
    }
    const printJob = /^\/print\/([A-Za-z0-9-]+)\.html$/.exec(url.pathname);
    if (printJob) {
      const html = options.printJobs.get(printJob[1]!);
      if (html === undefined) return textResponse(404, 'no such print job');
      return new Response(html, {
        status: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          ...securityHeaders(PRINT_CONTENT_SECURITY_POLICY),
        },
      });
    }
    const found = resolveConfinedFile(options.rendererDir, url.pathname);
    if (!found.ok) return textResponse(found.status, found.detail);
    try {
      return await fileResponse(found.path, found.mime);
    } catch {
      return textResponse(404, 'unreadable');
    }
  };
}
