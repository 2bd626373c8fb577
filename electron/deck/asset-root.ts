// The folder a deck's files (images, videos, backgrounds, includes, theme CSS, bibliographies)
// are confined to: the deck's own folder, or a wider one that contains it, named by `--root`
// (which wins) or the front matter's `root:`. Course repositories keep shared assets beside the
// lecture folders (`lecture-03/slides.md` uses `../_assets/liver.png`). A wider root must
// contain the deck's folder, also after symlinks, so naming it can never confine a deck to
// somewhere it is not. One containment rule for every caller: `isInsideFolder`.
import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from './types';

/** Whether `path` is `folder` or below it (both absolute, compared as written). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Where the root came from, for messages that tell the author what to change. */
export type AssetRootOrigin = { kind: 'deck-folder' } | { kind: 'flag' } | { kind: 'front-matter'; line: number };

export interface AssetRoot {
  /** Absolute path, as given (refs in slide HTML are relative to it). */
  path: string;
  origin: AssetRootOrigin;
}

/** How messages name the root: "the deck's folder /x" or "the asset root /x (set by root: at line 3)". */
export function describeAssetRoot(root: AssetRoot): string {
  switch (root.origin.kind) {
    case 'deck-folder':
      return `the deck's folder ${root.path}`;
    case 'flag':
      return `the asset root ${root.path} (set by --root)`;
    case 'front-matter':
      return `the asset root ${root.path} (set by root: at line ${root.origin.line})`;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The front matter's `root:` as written, and where. */
export interface DeclaredRoot {
  value: string;
  line: number;
  column: number;
}

export interface ChosenRoot {
  root: AssetRoot;
  /** A root that does not exist, is no folder or does not contain the deck (the deck's folder is used). */
  diagnostics: Diagnostic[];
}

/**
 * The deck's asset root: `flag` (an absolute or cwd-relative folder, `--root`) wins over
 * `declared` (relative to the deck's folder). A root that cannot be used is an error (at the
 * key's line; at 1:1 for the flag) and the deck's own folder is used instead.
 */
export function chooseAssetRoot(file: string, flag: string | undefined, declared: DeclaredRoot | undefined): ChosenRoot {
  const deckDir = dirname(resolve(file));
  const fallback: ChosenRoot = { root: { path: deckDir, origin: { kind: 'deck-folder' } }, diagnostics: [] };
  if (flag === undefined && declared === undefined) return fallback;
  const path = flag !== undefined ? resolve(flag) : resolve(deckDir, declared!.value);
  const origin: AssetRootOrigin = flag !== undefined ? { kind: 'flag' } : { kind: 'front-matter', line: declared!.line };
  const where = flag !== undefined ? { line: 1, column: 1 } : { line: declared!.line, column: declared!.column };
  const named = flag !== undefined ? `--root ${flag}` : `front matter: root ${declared!.value}`;
  const refuse = (why: string): ChosenRoot => ({
    ...fallback,
    diagnostics: [{ file: resolve(file), ...where, severity: 'error', code: 'bad-asset-root', message: `${named}: ${why}; assets stay confined to the deck's folder ${deckDir}` }],
  });
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return refuse(`${path} does not exist`);
  }
  if (!isFolder) return refuse(`${path} is not a folder`);
  // Confinement to the whole disk confines nothing.
  if (dirname(path) === path) return refuse(`${path} is the file system's root; name the course folder that holds the shared assets`);
  // Lexically or after symlinks: a deck opened through a linked folder still counts as inside.
  const contains = isInsideFolder(path, deckDir) || isInsideFolder(realOrSelf(path), realOrSelf(deckDir));
  if (!contains) return refuse(`${path} does not contain the deck's folder (the root must be the deck's folder or one above it)`);
  return { root: { path, origin }, diagnostics: [] };
}
