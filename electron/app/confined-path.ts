// Maps a URL path onto a file inside one folder, or refuses. Used by both app protocols (deck
// assets, app files), so the confinement rules live in one place. No electron import.

import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { MIME_TYPES } from '../deck/assets';

export type RefusalReason =
  | 'bad-encoding'
  | 'double-encoded'
  | 'nul'
  | 'absolute'
  | 'traversal'
  | 'outside-root'
  | 'not-found'
  | 'not-a-file'
  | 'method';

export type ConfinedFile =
  | { ok: true; path: string; mime: string }
  | { ok: false; reason: RefusalReason; status: 400 | 403 | 404 | 405; detail: string };

/** What a deck may refer to, plus the app's own files; text is served as UTF-8. */
const MIME: Readonly<Record<string, string>> = {
  ...MIME_TYPES,
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.otf': 'font/otf',
};

export function mimeFor(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function refuse(reason: RefusalReason, detail: string): ConfinedFile {
  const status = reason === 'not-found' || reason === 'not-a-file' ? 404 : reason === 'method' ? 405 : reason === 'outside-root' ? 403 : 400;
  return { ok: false, reason, status, detail };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The file under `root` that `urlPath` (a URL's percent-encoded pathname, e.g. `/img/a%20b.svg`)
 * names. Decoded exactly once; `..`, absolute paths, NUL, leftover escapes (double encoding) are
 * refused, and the answer is checked again after resolving symlinks.
 */
export function resolveConfinedFile(root: string, urlPath: string): ConfinedFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refuse('bad-encoding', `malformed escape in ${urlPath}`);
  }
  if (decoded.includes('\0')) return refuse('nul', 'NUL byte in path');
  // A second layer of escapes (%252e -> %2e) is never a real file name in a deck.
  if (/%[0-9a-f]{2}/i.test(decoded)) return refuse('double-encoded', `encoded escape left after decoding: ${decoded}`);
  const rel = decoded.replace(/^\//, '');
  if (rel.startsWith('/') || rel.startsWith('\\') || /^[a-zA-Z]:/.test(rel) || isAbsolute(rel)) {
    return refuse('absolute', `absolute path ${rel}`);
  }
  const segments = rel.split(/[\\/]/);
  if (segments.includes('..')) return refuse('traversal', `".." in ${rel}`);
  if (rel === '' || segments.every((s) => s === '' || s === '.')) return refuse('not-a-file', 'no file named');

  const lexical = resolve(root, ...segments.filter((s) => s !== ''));
  if (!inside(resolve(root), lexical)) return refuse('outside-root', `${rel} leaves ${root}`);
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(lexical);
  } catch {
    return refuse('not-found', `${rel} does not exist`);
  }
  if (!inside(realRoot, real)) return refuse('outside-root', `${rel} resolves (through a symlink) outside ${root}`);
  try {
    if (!statSync(real).isFile()) return refuse('not-a-file', `${rel} is not a file`);
  } catch {
    return refuse('not-found', `${rel} does not exist`);
  }
  return { ok: true, path: real, mime: mimeFor(real) };
}

/** Deck assets: `lectern-deck://deck/<ref>` confined to the deck's folder. */
export function resolveDeckAsset(root: string, urlPath: string): ConfinedFile {
  return resolveConfinedFile(root, urlPath);
}

