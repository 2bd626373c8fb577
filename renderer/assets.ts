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

/** A copy of the slides with asset URLs resolved in their HTML, notes and attributes. */
export function resolveSlideAssets(slides: readonly Slide[], assetUrl: AssetUrl): Slide[] {
  return slides.map((slide) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(slide.attributes)) attributes[name] = mapAssetUrls(value, assetUrl);
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
