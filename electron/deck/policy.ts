// Lectern's rules for what compiled HTML may hold: which tags and attributes, which URLs
// (local files become confined `lectern-asset:` refs, nothing remote loads) and which CSS.
// Every removal is reported where the author wrote it. sanitize.ts applies this to HTML;
// slide attributes from `<!-- .slide: -->` go through filterAttributes directly.
import { classifyUrl, type AssetHints, type AssetKind, type AssetResolution, type MediaPresentation } from './assets';
import type { Position } from './locate';
import { ASSET_SCHEME, type Severity } from './types';

/** What the policy needs from the render it serves (render-context.ts builds it). */
export interface PolicyContext {
  report(severity: Severity, code: string, message: string, where: Position): void;
  /** The next place a string (URL, `<tag`, `attr=`) occurs in the slide's source, or null. */
  locate(needle: string, insensitive?: boolean): Position | null;
  /** The slide's (or notes') first position: where a report goes when nothing better is found. */
  start(): Position;
  /** Resolves a local reference from the slide's folder and records the asset it names. */
  useAsset(ref: string, kind: AssetKind, hints?: AssetHints): AssetResolution;
}

/**
 * Inline SVG diagrams: shapes, text, gradients, markers and internal references. Nothing that
 * runs, embeds HTML or loads: no <script>, <foreignObject>, <image>, <a>, <animate>/<set> (they can
 * rewrite href), no <feImage>. Names are lower case: sanitize-html lowercases them, and the HTML
 * parser restores SVG's camelCase (viewBox, linearGradient) when the slide is shown.
 */
const SVG_TAGS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line',
  'polyline', 'polygon', 'text', 'tspan', 'textpath', 'marker', 'lineargradient', 'radialgradient',
  'stop', 'clippath', 'mask', 'pattern', 'switch',
]);
const SVG_ATTRS = [
  'viewbox', 'preserveaspectratio', 'xmlns', 'xmlns:xlink', 'version', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
  'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'pathlength', 'transform', 'fill', 'fill-opacity', 'fill-rule',
  'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-opacity', 'opacity', 'color', 'visibility', 'display', 'vector-effect',
  'font-family', 'font-size', 'font-style', 'font-weight', 'text-anchor', 'dominant-baseline',
  'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode',
  'dx', 'dy', 'rotate', 'textlength', 'lengthadjust', 'startoffset', 'offset', 'stop-color', 'stop-opacity',
  'gradientunits', 'gradienttransform', 'spreadmethod', 'markerwidth', 'markerheight', 'markerunits', 'refx',
  'refy', 'orient', 'marker-start', 'marker-mid', 'marker-end', 'clip-path', 'clip-rule', 'clippathunits',
  'mask', 'maskunits', 'maskcontentunits', 'patternunits', 'patterncontentunits', 'patterntransform',
  'href', 'xlink:href', 'shape-rendering', 'text-rendering', 'paint-order', 'focusable',
];
const SVG_REFERENCE_ATTRS = new Set(['href', 'xlink:href']);

export const ALLOWED_TAGS = new Set([
  'address', 'article', 'aside', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup',
  'main', 'nav', 'section', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'hr',
  'li', 'ol', 'p', 'pre', 'ul', 'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn',
  'em', 'i', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub',
  'sup', 'time', 'u', 'var', 'wbr', 'caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'img', 'picture', 'video', 'audio', 'source', 'track', 'details', 'summary',
  'del', 'ins', 'style', 'input', 'center',
  ...SVG_TAGS,
]);

export const GLOBAL_ATTRS = ['class', 'id', 'style', 'title', 'lang', 'dir', 'role', 'hidden', 'tabindex'];
export const TAG_ATTRS: Record<string, string[]> = {
  a: ['href', 'target', 'rel', 'name'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  video: ['src', 'poster', 'controls', 'autoplay', 'loop', 'muted', 'playsinline', 'preload', 'width', 'height'],
  audio: ['src', 'controls', 'autoplay', 'loop', 'muted', 'preload'],
  source: ['src', 'type', 'media'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  td: ['colspan', 'rowspan', 'align', 'headers'],
  th: ['colspan', 'rowspan', 'align', 'scope', 'headers'],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  time: ['datetime'],
  data: ['value'],
  input: ['type', 'checked', 'disabled'],
  details: ['open'],
  q: ['cite'],
  blockquote: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  // Slide attributes from `<!-- .slide: -->` go through the same policy as a <section>.
  section: [],
  ...Object.fromEntries([...SVG_TAGS].map((tag) => [tag, SVG_ATTRS])),
};
/** reveal.js attributes that would load a web page or another file at show time. */
const BLOCKED_DATA = new Set([
  'data-background-iframe', 'data-preview-link', 'data-preview-image', 'data-preview-video',
  'data-markdown', 'data-external', 'data-external-replace', 'data-background-interactive',
]);
/** Written by the compiler only (imagePolicy): an author's copy would name frames of its own choosing. */
export const MEDIA_ATTRS = new Set(['data-lectern-frames', 'data-lectern-key', 'data-lectern-frame-time', 'data-lectern-poster', 'data-lectern-resolved']);
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite', 'data-src', 'data-background-image', 'data-background-video']);
const MEDIA_TAGS = new Set(['video', 'audio', 'source', 'track']);
const VALID_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
const IMAGE_LIKE = /\.(?:svg|png|jpe?g|gif|webp|avif|bmp)(?:[?#].*)?$/i;

function isAllowedAttr(tag: string, name: string): boolean {
  return GLOBAL_ATTRS.includes(name) || name.startsWith('data-') || name.startsWith('aria-') || (TAG_ATTRS[tag]?.includes(name) ?? false);
}

/** The first of several candidate locations that is found, else the slide start. */
export function where(ctx: PolicyContext, ...candidates: Array<[string, boolean?]>): Position {
  for (const [needle, insensitive] of candidates) {
    const p = ctx.locate(needle, insensitive);
    if (p) return p;
  }
  return ctx.start();
}

type UrlUse = 'link' | 'image' | 'media' | 'cite';

function urlUse(tag: string, attr: string): UrlUse {
  if (attr === 'cite') return 'cite';
  if (attr === 'href') return 'link';
  if (attr === 'poster' || attr === 'data-background-image' || attr === 'data-background') return 'image';
  // data-src is a resource reveal.js loads lazily, never a link: refuse remote values like src.
  if (attr === 'data-src') return MEDIA_TAGS.has(tag) ? 'media' : 'image';
  if (tag === 'img' || tag === 'picture') return 'image';
  if (MEDIA_TAGS.has(tag) || attr === 'data-background-video') return 'media';
  return 'link';
}

/** The URL to keep for an attribute, or null when it must go (the reason is reported). */
export function filterUrl(tag: string, attr: string, value: string, ctx: PolicyContext, hints?: AssetHints): { url: string | null; reason?: string; media?: MediaPresentation } {
  const use = urlUse(tag, attr);
  // Entity-encoded values are not in the source as written: fall back to the attribute.
  const here = (): Position => where(ctx, [value], [`${attr}=`, true], [`<${tag}`, true]);
  const cls = classifyUrl(value);
  switch (cls.kind) {
    case 'fragment':
      return use === 'link' || use === 'cite' ? { url: value } : { url: null, reason: 'not a file' };
    case 'mailto':
      return use === 'link' ? { url: value } : { url: null, reason: 'not a file' };
    case 'remote':
      if (use === 'link' || use === 'cite') {
        if (use === 'link') ctx.report('warning', 'network-link', `link to the network: ${value} (it opens in the system browser)`, here());
        return { url: value };
      }
      ctx.report('warning', 'network-image', `removed ${use === 'media' ? 'media' : 'image'} from the network: ${value} (Lectern works offline; put the file in the deck's folder)`, here());
      return { url: null, reason: 'from the network' };
    case 'data': {
      const ok = (use === 'image' && cls.mime.startsWith('image/')) || (use === 'media' && /^(?:audio|video|image)\//.test(cls.mime));
      if (ok) return { url: value };
      ctx.report('warning', 'removed-html', `removed ${attr}="data:${cls.mime}..." from <${tag}>`, here());
      return { url: null, reason: 'data URL not allowed here' };
    }
    case 'file':
      ctx.report('error', 'asset-outside-deck', `"${value}" is a file: URL (an absolute path); use a path relative to the deck, inside its folder`, here());
      return { url: null, reason: 'a file: URL' };
    case 'bad':
      ctx.report('warning', 'removed-html', `removed ${attr} from <${tag}>: ${cls.reason}`, here());
      return { url: null, reason: cls.reason };
    case 'local': {
      const kind: AssetKind = use === 'image' ? 'image' : use === 'media' ? 'media' : 'any';
      const res = ctx.useAsset(cls.path, kind, hints);
      // Not prepared yet: the caller compiles again once the media layer has it (no report now).
      if (res.pending && !res.ok) return { url: null, reason: res.message };
      // One reference, one place: locate it once (each locate moves the locator's cursor on).
      let at: Position | undefined;
      const place = (): Position => (at ??= here());
      for (const notice of res.notices ?? []) ctx.report(notice.severity, notice.code, notice.message, place());
      if (!res.ok) {
        ctx.report('error', res.code, res.message, place());
        return { url: null, reason: res.message };
      }
      const hash = /#.*$/s.exec(cls.path)?.[0] ?? '';
      const url = ASSET_SCHEME + res.asset.ref + (use === 'link' ? hash.replace(/["'()\s<>]/g, '') : '');
      return res.media ? { url, media: res.media } : { url };
    }
  }
}

export const NETWORK_IN_CSS = /(?:https?|ftp|wss?):|\/\//i;

/** A style attribute's value with local url()s made asset refs, or null when it must go. */
export function filterStyle(css: string, ctx: PolicyContext): string | null {
  const here = (): Position => where(ctx, [css.slice(0, 40)], ['style=', true]);
  if (css.includes('\\')) {
    ctx.report('warning', 'removed-html', 'removed a style attribute with CSS escapes', here());
    return null;
  }
  if (/@import|expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:/i.test(css)) {
    ctx.report('warning', 'removed-html', 'removed a style attribute that imports or runs code', here());
    return null;
  }
  let failed = false;
  const out = css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (whole, _q: string, url: string) => {
    const kept = filterUrl('div', 'data-background-image', url, ctx);
    if (kept.url === null) {
      failed = true;
      return whole;
    }
    // Refs are percent-encoded (no quotes or parens), so they need no quoting here.
    return `url(${kept.url})`;
  });
  if (failed) return null;
  if (NETWORK_IN_CSS.test(out.replace(/url\((?:lectern-asset:[^)]*|data:[^)]*)\)/g, ''))) {
    ctx.report('warning', 'network-image', 'removed a style attribute that refers to the network', here());
    return null;
  }
  return out;
}

/**
 * An SVG attribute may refer only inside the slide: href="#id" on <use>/<textPath>, url(#id) in
 * paint, marker, clip and mask values. Anything else (a file, a web address, javascript:) goes.
 */
function svgValueAllowed(tag: string, name: string, value: string, ctx: PolicyContext): boolean {
  const internal = SVG_REFERENCE_ATTRS.has(name) ? /^#[A-Za-z_][-\w.:]*$/.test(value.trim()) : !/url\(\s*['"]?\s*(?!#)/i.test(value);
  if (internal) return true;
  ctx.report('warning', 'removed-html', `removed ${name}="${value.slice(0, 60)}" from <${tag}> (inline SVG may refer only to its own elements, as href="#id" or url(#id))`, where(ctx, [value], [`${name}=`, true]));
  return false;
}

/** Applies the attribute policy to one element's attributes (also used for `.slide` attributes). */
export function filterAttributes(tag: string, attribs: Record<string, string>, ctx: PolicyContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(attribs)) {
    const name = rawName.toLowerCase();
    if (!VALID_NAME.test(name)) continue;
    if (name.startsWith('on')) {
      ctx.report('warning', 'removed-html', `removed event handler ${name} from <${tag}> (scripts never run in a deck)`, where(ctx, [`${rawName}=`, true], [rawName, true]));
      continue;
    }
    if (!isAllowedAttr(tag, name) || BLOCKED_DATA.has(name) || MEDIA_ATTRS.has(name)) {
      ctx.report('warning', 'removed-html', `removed attribute ${name} from <${tag}>`, where(ctx, [`${rawName}=`, true], [rawName, true]));
      continue;
    }
    if (SVG_TAGS.has(tag) && !svgValueAllowed(tag, name, value, ctx)) continue;
    if (name === 'style') {
      const css = filterStyle(value, ctx);
      if (css !== null) out[name] = css;
      continue;
    }
    const isUrl = URL_ATTRS.has(name) || (name === 'data-background' && (IMAGE_LIKE.test(value) || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)));
    if (isUrl) {
      const kept = filterUrl(tag, name, value, ctx);
      if (kept.url !== null) out[name] = kept.url;
      continue;
    }
    out[name] = value;
  }
  if (tag === 'input') {
    if ((out.type ?? '').toLowerCase() !== 'checkbox') return {};
    out.disabled = '';
  }
  return out;
}

