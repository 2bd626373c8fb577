// Slide HTML refers to deck assets as `lectern-asset:<ref>`; each source maps refs to URLs it
// can load (data: URLs in an exported file, the app's confined protocol in the app).

import type { Slide } from '../electron/deck/types';
import { ASSET_SCHEME } from '../electron/deck/types';

export type AssetUrl = (ref: string) => string;

// Same rule as the compiler's: a ref follows a quote, `(` or a space (a stack's frame list) and
// holds no quote, space or paren.
const ASSET_REF = /(["'(\s])lectern-asset:([^"'()\s<>]*)/g;

export function mapAssetUrls(html: string, assetUrl: AssetUrl): string {
  if (!html.includes(ASSET_SCHEME)) return html;
  return html.replace(ASSET_REF, (_whole, open: string, ref: string) => open + escapeAttribute(assetUrl(ref)));
}

function escapeAttribute(s: string): string {
  return s.replace(/[&"'<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An attribute value: either a bare `lectern-asset:<ref>` (data-background-image, -video,
 * data-background) or CSS/HTML holding quoted or `url(`-wrapped refs (style).
 */
function mapAssetAttribute(value: string, assetUrl: AssetUrl): string {
  const trimmed = value.trim();
  if (trimmed.startsWith(ASSET_SCHEME) && !/["'()\s]/.test(trimmed)) return assetUrl(trimmed.slice(ASSET_SCHEME.length));
  return mapAssetUrls(value, assetUrl);
}

const blobUrls = new Map<string, string>();

/**
 * reveal.js reads `data-background-video` as a comma-separated list of sources, so a data: URL
 * (which holds a comma) would become two broken URLs: the same bytes as a blob: URL instead.
 */
function commaFreeUrl(url: string): string {
  const m = /^data:([^,;]*)(;base64)?,/.exec(url);
  if (!m || typeof URL.createObjectURL !== 'function') return url;
  let blob = blobUrls.get(url);
  if (!blob) {
    const payload = url.slice(m[0].length);
    const text = m[2] ? atob(payload) : decodeURIComponent(payload);
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    blob = URL.createObjectURL(new Blob([bytes], { type: m[1] || 'application/octet-stream' }));
    blobUrls.set(url, blob);
  }
  return blob;
}

/** A copy of the slides with asset URLs resolved in their HTML, notes and attributes. */
export function resolveSlideAssets(slides: readonly Slide[], assetUrl: AssetUrl): Slide[] {
  return slides.map((slide) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(slide.attributes)) {
      const mapped = mapAssetAttribute(value, assetUrl);
      attributes[name] = name === 'data-background-video' && value.includes(ASSET_SCHEME) ? commaFreeUrl(mapped) : mapped;
    }
    // reveal.js takes `data-background` for an image only when it looks like a file name or
    // http URL; a data: or protocol URL would be read as a CSS colour. Say what it is.
    const shorthand = slide.attributes['data-background'];
    if (shorthand?.trim().startsWith(ASSET_SCHEME) && attributes['data-background'] !== undefined) {
      attributes['data-background-image'] ??= attributes['data-background'];
      delete attributes['data-background'];
    }
    return {
      ...slide,
      html: mapAssetUrls(slide.html, assetUrl),
      notesHtml: mapAssetUrls(slide.notesHtml, assetUrl),
      attributes,
    };
  });
}

/** Asset URL from a map of inlined assets; an unknown ref maps to an empty image, never the network. */
export function assetUrlFromMap(assets: Readonly<Record<string, string>>): AssetUrl {
  return (ref) => assets[ref] ?? assets[safeDecode(ref)] ?? 'data:,';
}

/** Asset URL under a prefix (the app's protocol), refs percent-encoded per path segment. */
export function assetUrlFromBase(base: string): AssetUrl {
  return (ref) => base + safeDecode(ref).split('/').map(encodeURIComponent).join('/');
}

function safeDecode(ref: string): string {
  try {
    return decodeURIComponent(ref);
  } catch {
    return ref;
  }
}
