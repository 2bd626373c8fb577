// Local files a deck refers to, confined to the deck's asset root (asset-root.ts), and the mapping of
// `lectern-asset:` refs to whatever URL a consumer can load.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { describeAssetRoot, isInsideFolder, type AssetRoot } from './asset-root';
import { ASSET_SCHEME, type DeckAsset } from './types';

/** MIME types of the files a deck may refer to (also what the app's deck protocol serves). */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function mimeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type AssetKind = 'image' | 'media' | 'any';

export type UrlClass =
  | { kind: 'local'; path: string }
  | { kind: 'remote'; url: string }
  | { kind: 'fragment' }
  | { kind: 'mailto' }
  | { kind: 'data'; mime: string }
  /** A file: URL: an absolute path by another name. */
  | { kind: 'file' }
  | { kind: 'bad'; reason: string };

/** Classifies a URL as written in a deck, before any file-system access. */
export function classifyUrl(raw: string): UrlClass {
  const url = raw.trim();
  if (url === '') return { kind: 'bad', reason: 'empty URL' };
  if (url.startsWith('#')) return { kind: 'fragment' };
  if (url.startsWith('//') || url.startsWith('\\\\')) return { kind: 'remote', url };
  // Browsers ignore tabs and newlines inside a scheme (`java\nscript:`); so do we.
  const compact = url.replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  // `C:\x` (or `C:%5Cx` once marked has encoded it) is a Windows path: the resolver refuses it.
  if (scheme && (scheme[1] ?? '').length > 1) {
    const s = (scheme[1] ?? '').toLowerCase();
    if (s === 'file') return { kind: 'file' };
    if (s === 'http' || s === 'https' || s === 'ftp' || s === 'ws' || s === 'wss') return { kind: 'remote', url };
    if (s === 'mailto') return { kind: 'mailto' };
    if (s === 'data') {
      const mime = /^data:([^;,]*)/i.exec(compact)?.[1]?.toLowerCase() ?? '';
      return { kind: 'data', mime };
    }
    if (s === 'lectern-asset') return { kind: 'local', path: compact.slice(ASSET_SCHEME.length) };
    return { kind: 'bad', reason: `the ${s}: scheme is not allowed` };
  }
  return { kind: 'local', path: url };
}

/** What the element that refers to a file says about how to show it (DICOM windowing, key image). */
export interface AssetHints {
  window?: string;
  slice?: string;
}

/** A finding about a file that still resolved (identifying metadata, a type that lies). */
export interface AssetNotice {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** How a converted reference is shown: a stack of frames (DICOM) or a cine loop (video). */
export type MediaPresentation =
  | { kind: 'stack'; frames: string[]; keyFrame: number; frameTimeMs?: number }
  | { kind: 'video'; poster?: string };

interface ResolutionExtras {
  /** Findings to report at the reference. */
  notices?: AssetNotice[];
  /** The media layer has not prepared this file yet: compile again after `library.settle()`. */
  pending?: boolean;
}

export type AssetResolution =
  | ({ ok: true; asset: DeckAsset; stat: FileStamp; extra?: DeckAsset[]; media?: MediaPresentation } & ResolutionExtras)
  | ({ ok: false; code: 'missing-asset' | 'asset-outside-deck' | 'bad-asset-path' | 'not-an-image' | 'media-pending' | 'bad-media'; message: string; stat: FileStamp | null } & ResolutionExtras);

/** What a cached slide needs to re-check before reuse: a file's identity at render time. */
export interface FileStamp {
  path: string;
  mtimeMs: number;
  size: number;
}

export function stampOf(path: string): FileStamp {
  try {
    const s = statSync(path);
    return { path, mtimeMs: s.mtimeMs, size: s.isFile() ? s.size : -1 };
  } catch {
    return { path, mtimeMs: -1, size: -1 };
  }
}

/** Percent-decodes until stable, so `%252e%252e` cannot smuggle `..` past the check. */
function decodeFully(path: string): string | null {
  let cur = path;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      return null;
    }
    if (next === cur) return cur;
    cur = next;
  }
  return /%[0-9a-fA-F]{2}/.test(cur) ? null : cur;
}

function encodeRef(rel: string): string {
  // Also encode what encodeURIComponent leaves (quotes, parens) so refs are safe in attributes and url().
  return rel
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))
    .join('/');
}

const IMAGE_MAGIC: Array<[string, (b: Buffer) => boolean]> = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
];

function looksLikeImage(path: string, mime: string): boolean {
  let head: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(512);
      const n = readSync(fd, head, 0, 512, 0);
      head = head.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  if (mime === 'image/svg+xml') return /<svg[\s>]/i.test(head.toString('utf8')) || head.toString('utf8').trimStart().startsWith('<?xml');
  const check = IMAGE_MAGIC.find(([m]) => m === mime);
  // Formats we do not sniff (avif, bmp, ico) pass on their extension.
  return check ? check[1](head) : true;
}

export interface AssetResolver {
  /** Resolve `ref` (as written in `fromFile`) to a confined local file. */
  resolve(ref: string, fromDir: string, kind: AssetKind, hints?: AssetHints): AssetResolution;
}

/**
 * Resolves references relative to a folder, confined to `root` (also after symlinks): the deck's
 * folder, or a wider asset root (asset-root.ts). Refs are paths relative to the root.
 */
export function createAssetResolver(rootArg: string | AssetRoot): AssetResolver {
  const root: AssetRoot = typeof rootArg === 'string' ? { path: resolve(rootArg), origin: { kind: 'deck-folder' } } : rootArg;
  const rootAbs = resolve(root.path);
  let rootReal: string;
  try {
    rootReal = realpathSync(rootAbs);
  } catch {
    rootReal = rootAbs;
  }
  const named = describeAssetRoot({ ...root, path: rootAbs });
  return {
    resolve(ref, fromDir, kind) {
      const bare = ref.replace(/[?#].*$/s, '');
      const decoded = decodeFully(bare);
      if (decoded === null) return { ok: false, code: 'bad-asset-path', message: `"${ref}" is not a valid path (bad percent-encoding)`, stat: null };
      if (decoded.includes('\0')) return { ok: false, code: 'bad-asset-path', message: `"${ref}" contains a NUL character`, stat: null };
      const path = decoded.replace(/\\/g, '/');
      if (path === '') return { ok: false, code: 'bad-asset-path', message: 'empty path', stat: null };
      if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) {
        return { ok: false, code: 'asset-outside-deck', message: `"${ref}" is an absolute path; use a path relative to the deck, inside ${named}`, stat: null };
      }
      const abs = resolve(fromDir, path);
      // The root as written, or its real path when the deck was reached through a link to it.
      const base = isInsideFolder(rootAbs, abs) ? rootAbs : isInsideFolder(rootReal, abs) ? rootReal : null;
      if (base === null) {
        return { ok: false, code: 'asset-outside-deck', message: `"${ref}" is outside ${named}${root.origin.kind === 'deck-folder' ? '; a wider folder that holds it can be named with root: in the front matter or --root' : ''}`, stat: null };
      }
      const stat = stampOf(abs);
      if (stat.mtimeMs < 0) return { ok: false, code: 'missing-asset', message: `file not found: ${ref}`, stat };
      if (stat.size < 0) return { ok: false, code: 'missing-asset', message: `"${ref}" is not a file`, stat };
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        return { ok: false, code: 'missing-asset', message: `file not found: ${ref}`, stat };
      }
      if (!isInsideFolder(rootReal, real)) {
        return { ok: false, code: 'asset-outside-deck', message: `"${ref}" is a link that leads outside ${named}`, stat };
      }
      const mime = mimeOf(abs);
      if (kind === 'image' && (!mime.startsWith('image/') || !looksLikeImage(real, mime))) {
        return { ok: false, code: 'not-an-image', message: `"${ref}" is not an image (${mime === 'application/octet-stream' ? 'unknown type' : mime})`, stat };
      }
      const rel = relative(base, abs).split(sep).join('/');
      return { ok: true, asset: { ref: encodeRef(rel), path: real, mime }, stat };
    },
  };
}

/** Safe in a quoted attribute and in an unquoted CSS url(): quotes, parens, spaces percent-encoded. */
function escapeUrl(s: string): string {
  return s
    .replace(/["'()\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Rewrites every `lectern-asset:<ref>` URL in compiled slide or notes HTML (attribute values and
 * CSS `url()`), mapping each ref through `toUrl`. Refs never contain quotes, spaces or parens.
 */
export function mapAssetUrls(html: string, toUrl: (ref: string) => string): string {
  return html.replace(/(["'(\s])lectern-asset:([^"'()\s<>]*)/g, (_m, open: string, ref: string) => open + escapeUrl(toUrl(ref)));
}
