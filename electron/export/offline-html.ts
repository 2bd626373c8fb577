// One self-contained HTML file that presents a deck (or lays it out for print): the renderer's
// JS and CSS inlined, every font (KaTeX's and the theme's) as data: URLs, deck assets as data:
// URLs in the embedded BootConfig, and a Content-Security-Policy that forbids every remote
// origin. The renderer bundle is read and processed once per process: exporting a folder of
// decks pays for it once.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { BootConfig, BootView } from '../contract/boot';
import type { InkStroke } from '../ink/types';
import { BOOT_ELEMENT_ID } from '../contract/boot';
import type { ExportOptions } from '../contract/ipc';
import type { PrintPart } from '../contract/print';
import { themeAttribute, type Deck } from '../deck/types';
import { portableDeck } from './portable-deck';
import { stripMetadata } from '../media/strip-metadata';

export interface OfflineHtmlOptions {
  view: BootView;
  print?: ExportOptions;
  /** The print page lays out only `deck.slides`, a part of a longer deck. */
  printPart?: PrintPart;
  /** The deck's assets already inlined (inlineDeckAssets), for a caller building several pages. */
  assets?: Record<string, string>;
  /** Ink to draw on print pages, by slide key (ExportOptions.ink). */
  ink?: Record<string, InkStroke[]>;
  /** The deck compiled for its other talk lengths, carried so the file can switch to them. */
  lengthDecks?: readonly Deck[];
}

interface InlinedRenderer {
  js: string;
  css: string;
  /** CSP source for the one inline script, e.g. `'sha256-...'`. */
  scriptSource: string;
}

const FONT_MIME: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

let cachedRenderer: InlinedRenderer | undefined;
/** Folder and build times of the cached bundle: a rebuilt renderer is read again. */
let cachedKey: string | undefined;

/** The built renderer (dist/renderer), found from $LECTERN_RENDERER_DIR or by walking up from here. */
export function rendererDistDir(): string {
  const override = process.env.LECTERN_RENDERER_DIR;
  if (override) return resolve(override);
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'dist', 'renderer'), join(dir, 'renderer')]) {
      if (existsSync(join(candidate, 'renderer.js')) && existsSync(join(candidate, 'renderer.css'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('the renderer bundle (dist/renderer/renderer.js) is missing; run `npm run build`');
}

function dataUrl(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

function stripSourceMap(text: string): string {
  return text.replace(/\n?\/[*/]# sourceMappingURL=[^\n]*?(\*\/)?\s*$/, '\n');
}

/** Keeps only the woff2 entry of each @font-face `src` (every Chromium reads woff2). */
function keepWoff2Sources(css: string): string {
  return css.replace(/src:\s*([^;}]+)/g, (whole, list: string) => {
    if (!/url\(/.test(list)) return whole;
    const entries = list.split(/,(?![^(]*\))/).map((e) => e.trim());
    const woff2 = entries.filter((e) => /\.woff2["']?\s*\)/.test(e));
    return woff2.length > 0 ? `src: ${woff2.join(', ')}` : whole;
  });
}

/** Replaces every relative url() in the bundle's CSS with a data: URL of the file beside it. */
function inlineCssUrls(css: string, dir: string): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _q: string, ref: string) => {
    if (/^(data|blob):/i.test(ref) || ref.startsWith('#')) return whole;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) {
      throw new Error(`renderer CSS refers to a remote resource: ${ref}`);
    }
    const file = join(dir, ref.split(/[?#]/)[0] ?? ref);
    const mime = FONT_MIME[extname(file).toLowerCase()];
    if (!mime) throw new Error(`renderer CSS refers to ${ref}, which cannot be inlined`);
    return `url(${dataUrl(mime, readFileSync(file))})`;
  });
}

/** Text safe inside <script>: no `</script`, no `<!--` (both are equivalent escapes in JS). */
function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function loadRenderer(): InlinedRenderer {
  const dir = rendererDistDir();
  const key = [dir, statSync(join(dir, 'renderer.js')).mtimeMs, statSync(join(dir, 'renderer.css')).mtimeMs].join('|');
  if (cachedRenderer && cachedKey === key) return cachedRenderer;
  const js = scriptSafe(stripSourceMap(readFileSync(join(dir, 'renderer.js'), 'utf8')));
  const rawCss = stripSourceMap(readFileSync(join(dir, 'renderer.css'), 'utf8'));
  const css = inlineCssUrls(keepWoff2Sources(rawCss), dir).replace(/<\/(style)/gi, '<\\/$1');
  const scriptSource = `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`;
  cachedRenderer = { js, css, scriptSource };
  cachedKey = key;
  return cachedRenderer;
}

/** Font families only reveal.js's themes use, and which theme uses which. */
const THEME_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  league: ['Lato', 'League Gothic'], moon: ['Lato', 'League Gothic'], solarized: ['Lato', 'League Gothic'],
  simple: ['Lato', 'Open Sans'], blood: ['Ubuntu'], night: ['Open Sans', 'Montserrat'], sky: ['Open Sans', 'Quicksand'],
};
const THEME_ONLY = new Set(Object.values(THEME_FAMILIES).flat());
const themedCss = new Map<string, string>();

/**
 * The renderer's CSS without the font faces of themes the deck does not use: every exported
 * file inlines its fonts, and the reveal.js themes' faces would add about a megabyte to each.
 */
function cssForTheme(css: string, theme: string): string {
  const key = `${theme}\0${css.length}`;
  const hit = themedCss.get(key);
  if (hit) return hit;
  const keep = new Set(THEME_FAMILIES[theme] ?? []);
  const out = css.replace(/@font-face\s*\{[^}]*\}/g, (face) => {
    const family = /font-family:\s*["']?([^"';]+?)["']?\s*;/.exec(face)?.[1] ?? '';
    return THEME_ONLY.has(family) && !keep.has(family) ? '' : face;
  });
  themedCss.set(key, out);
  return out;
}

/** The policy of every exported page: nothing remote, only our one hashed script. */
export function offlineContentSecurityPolicy(scriptSource: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptSource}`,
    // KaTeX and reveal.js position things with inline styles.
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'media-src data: blob:',
    "connect-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Asset ref -> data: URL for every asset of the deck. Throws naming the file that cannot be read. */
export function inlineDeckAssets(deck: Deck): Record<string, string> {
  const out: Record<string, string> = {};
  for (const asset of deck.assets) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(asset.path);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`${asset.path}: cannot read asset ${asset.ref}: ${reason}`);
    }
    out[asset.ref] = dataUrl(asset.mime, servedBytes(bytes));
  }
  return out;
}

/**
 * What leaves the machine: images and videos without identifying metadata (stripped losslessly,
 * media/strip-metadata.ts); other files (SVG, GIF, fonts) as they are. The file on disk is untouched.
 */
export function servedBytes(bytes: Buffer): Uint8Array {
  const stripped = stripMetadata(bytes);
  return stripped.ok ? stripped.value.bytes : bytes;
}

/** An embedded video above this makes the HTML file slow to open and share (a warning, not a refusal). */
export const EMBED_WARNING_BYTES = 50 * 1024 * 1024;

/** Warnings for a deck about to be embedded: videos over EMBED_WARNING_BYTES. */
export function embedWarnings(deck: Deck): string[] {
  const out: string[] = [];
  for (const asset of deck.assets) {
    if (!asset.mime.startsWith('video/')) continue;
    try {
      const size = statSync(asset.path).size;
      if (size > EMBED_WARNING_BYTES) out.push(`${asset.ref}: ${Math.round(size / 1e6)} MB video embedded (over ${EMBED_WARNING_BYTES / 1e6} MB); the HTML file will be large`);
    } catch {
      /* reported when read */
    }
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** JSON that cannot end its <script> element early. */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The complete HTML document for a deck, opening `options.view` (the URL hash can override it). */
export function buildOfflineHtml(deck: Deck, options: OfflineHtmlOptions): string {
  const renderer = loadRenderer();
  // Assets are read through their absolute paths first; the page then carries only paths
  // relative to the deck's folder (portable-deck.ts).
  const assets = { ...(options.assets ?? inlineDeckAssets(deck)) };
  const config: BootConfig = { deck: portableDeck(deck), view: options.view, assets };
  const others = (options.lengthDecks ?? []).filter((d) => d.meta.length && d.meta.length !== deck.meta.length);
  if (others.length) {
    // A slide only another length shows brings its images along.
    for (const other of others) Object.assign(assets, inlineDeckAssets({ ...other, assets: other.assets.filter((a) => !(a.ref in assets)) }));
    config.lengthDecks = Object.fromEntries(others.map((d) => [d.meta.length as string, portableDeck(d)]));
  }
  if (options.print) config.print = options.print;
  if (options.printPart) config.printPart = options.printPart;
  if (options.ink) config.ink = options.ink;
  const csp = offlineContentSecurityPolicy(renderer.scriptSource);
  return [
    '<!doctype html>',
    `<html lang="en" data-theme="${themeAttribute(deck.meta.theme)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Lectern">',
    `<title>${escapeHtml(deck.meta.title || 'Lectern')}</title>`,
    `<style>${cssForTheme(renderer.css, themeAttribute(deck.meta.theme))}</style>`,
    `<script type="application/json" id="${BOOT_ELEMENT_ID}">${embeddedJson(config)}</script>`,
    '</head>',
    '<body>',
    '<div id="lectern-root"></div>',
    `<script>${renderer.js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
