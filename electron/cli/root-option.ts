// `--root <dir>` on check, html and export: a wider folder the deck's assets may come from
// (course repositories keep shared images beside the lecture folders). The compiler checks that
// it contains each deck (asset-root.ts); here only that it names a folder, as a usage error.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT_OPTION_HELP =
  "a folder that holds the deck's folder: its images, videos, includes, theme CSS and bibliographies may come from anywhere inside it, never outside; wins over the deck's root: key (default: that key, else the deck's folder)";

/** The folder `--root` names, absolute, or the one-line usage error. */
export function readRootOption(flag: string | undefined): { root?: string; error?: string } {
  if (flag === undefined) return {};
  const root = resolve(flag);
  try {
    if (!statSync(root).isDirectory()) return { error: `--root ${flag}: not a folder` };
  } catch {
    return { error: `--root ${flag}: no such folder` };
  }
  return { root };
}
