// `theme: talk.css`: a theme given as a CSS file beside the deck (reveal-md's custom themes), and
// reveal-md's `css:` stylesheets, read the same way.
// Confined like every asset; its local url()s (images, fonts) become deck assets; @import and
// network url()s are removed with a warning (the pages' CSP would block them anyway, so this is
// for the author's information, not the only guard). `</style` cannot end the element it goes in.
import { readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { AssetResolver, FileStamp } from './assets';
import { ASSET_SCHEME, type DeckAsset } from './types';

/** A theme file larger than this is not a theme. */
const MAX_THEME_BYTES = 2 * 1024 * 1024;

export interface ThemeFile {
  css: string;
  assets: DeckAsset[];
  /** The file itself, to watch. */
  path: string | null;
  problems: Array<{ severity: 'error' | 'warning'; code: string; message: string }>;
}

export function looksLikeThemeFile(theme: string): boolean {
  return extname(theme).toLowerCase() === '.css';
}

/**
 * Reads a deck's stylesheet: `theme: talk.css`, or one of reveal-md's `css:` files (`key` names
 * which in messages). Both are sanitised alike and go on the page after the built-in theme.
 */
export function loadThemeFile(ref: string, deckDir: string, resolver: AssetResolver, key: 'theme' | 'css' = 'theme'): ThemeFile {
  const out: ThemeFile = { css: '', assets: [], path: null, problems: [] };
  const res = resolver.resolve(ref, deckDir, 'any');
  if (!res.ok) {
    out.problems.push({ severity: 'error', code: res.code === 'missing-asset' ? 'missing-theme' : 'bad-theme', message: `front matter: ${key} ${ref}: ${res.message}` });
    return out;
  }
  out.path = res.asset.path;
  let css: string;
  try {
    const bytes = readFileSync(res.asset.path);
    if (bytes.length > MAX_THEME_BYTES) throw new Error(`larger than ${MAX_THEME_BYTES / 1024 / 1024} MB`);
    css = bytes.toString('utf8');
  } catch (err) {
    out.problems.push({ severity: 'error', code: 'bad-theme', message: `front matter: cannot read ${key} ${ref}: ${err instanceof Error ? err.message : String(err)}` });
    return out;
  }
  const removed = new Set<string>();
  css = css.replace(/\/\*[\s\S]*?\*\//g, '');
  css = css.replace(/@import\s+[^;]*;?/gi, () => {
    removed.add('@import rules (fonts and styles from the web)');
    return '';
  });
  const cssDir = dirname(res.asset.path);
  css = css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (_whole, _q: string, url: string) => {
    const target = url.trim();
    if (/^data:(image|font)\//i.test(target)) return `url("${target.replace(/"/g, '%22')}")`;
    if (/^(?:[a-z][\w+.-]*:|\/\/)/i.test(target)) {
      removed.add('url()s to the network');
      return 'none';
    }
    const local = resolver.resolve(target.split(/[?#]/)[0] ?? '', cssDir, 'any');
    if (!local.ok) {
      out.problems.push({ severity: 'warning', code: 'missing-asset', message: `${key} ${ref}: url(${target}): ${local.message}` });
      return 'none';
    }
    out.assets.push(local.asset);
    return `url(${ASSET_SCHEME}${local.asset.ref})`;
  });
  css = css.replace(/expression\s*\(|javascript:|-moz-binding|behavior\s*:/gi, () => {
    removed.add('script-like CSS');
    return '/* removed */(';
  });
  css = css.replace(/<\/(style)/gi, '<\\/$1');
  if (removed.size) out.problems.push({ severity: 'warning', code: 'theme-network', message: `${key} ${ref}: removed ${[...removed].join(' and ')}; Lectern is offline` });
  out.css = css;
  return out;
}

export type { FileStamp };
