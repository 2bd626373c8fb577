// Sanitizes every piece of HTML a deck renders (Markdown output and raw HTML alike) with
// sanitize-html, applying the policy in policy.ts: an allowlist of tags and attributes, URL and
// CSS rules, visible placeholders for images that cannot be shown, fragment counting.
import { randomBytes } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { MediaPresentation } from './assets';
import {
  ALLOWED_TAGS, GLOBAL_ATTRS, MEDIA_ATTRS, NETWORK_IN_CSS, TAG_ATTRS, filterAttributes, filterUrl, where, type PolicyContext,
} from './policy';
import { ASSET_SCHEME } from './types';
import type { FragmentCount } from './render-context';

function placeholderFor(reason: string, alt: string): ImageResult {
  return {
    tagName: 'span',
    attribs: {
      class: 'lectern-asset-error',
      role: 'note',
      style: 'display:inline-block;border:2px dashed #c62828;color:#b71c1c;padding:0.2em 0.5em;font-size:0.6em',
    },
    text: `[image not shown${alt ? `: ${alt}` : ''} (${reason})]`,
  };
}

export interface ImageResult {
  tagName: string;
  attribs: Record<string, string>;
  /** Placeholder text when the image cannot be shown. */
  text?: string;
  /** Attributes the compiler writes (stack frames, cine loop): they bypass the author policy. */
  own?: Record<string, string>;
}

/** A DICOM stack or a video used as an image: the element and the compiler's own attributes. */
function mediaElement(url: string, media: MediaPresentation, alt: string, rest: Record<string, string>): ImageResult {
  if (media.kind === 'video') {
    const own: Record<string, string> = {};
    if (media.poster) own['data-lectern-poster'] = ASSET_SCHEME + media.poster;
    const attribs: Record<string, string> = { ...rest, src: url, class: joinClass(rest.class, 'lectern-cine'), muted: '', loop: '', playsinline: '', preload: 'auto', 'data-autoplay': '' };
    if (alt) attribs['aria-label'] = alt;
    delete attribs.alt;
    return { tagName: 'video', attribs, text: '', own };
  }
  const own: Record<string, string> = {
    'data-lectern-frames': media.frames.map((f) => ASSET_SCHEME + f).join(' '),
    'data-lectern-key': String(media.keyFrame),
  };
  if (media.frameTimeMs !== undefined) own['data-lectern-frame-time'] = String(Math.round(media.frameTimeMs * 10) / 10);
  const cls = media.frames.length > 1 ? (media.frameTimeMs !== undefined ? 'lectern-stack lectern-cine-stack' : 'lectern-stack') : 'lectern-dicom';
  return { tagName: 'img', attribs: { src: url, alt, ...rest, class: joinClass(rest.class, cls) }, own };
}

function joinClass(existing: string | undefined, added: string): string {
  return existing && existing.trim() ? `${existing.trim()} ${added}` : added;
}

/**
 * An <img>'s attributes after the policy: a confined `lectern-asset:` src (other attributes are
 * left to filterAttributes), or a visible placeholder saying why the image cannot be shown.
 */
export function imagePolicy(input: Record<string, string>, ctx: PolicyContext): ImageResult {
  const attribs = { ...input };
  const alt = attribs.alt ?? '';
  const src = attribs.src ?? attribs['data-src'];
  for (const name of Object.keys(attribs)) {
    if (name.toLowerCase().startsWith('on')) {
      ctx.report('warning', 'removed-html', `removed event handler ${name.toLowerCase()} from <img> (scripts never run in a deck)`, where(ctx, [`${name}=`, true], [name, true]));
      delete attribs[name];
    }
  }
  if (attribs.srcset !== undefined) {
    ctx.report('warning', 'removed-html', 'removed srcset from <img> (use src with a file in the deck\'s folder)', where(ctx, ['srcset=', true]));
  }
  if (src === undefined) {
    if (attribs.srcset === undefined) ctx.report('warning', 'removed-html', 'removed an <img> without src', where(ctx, ['<img', true]));
    return placeholderFor('no source', alt);
  }
  for (const name of Object.keys(attribs)) if (MEDIA_ATTRS.has(name.toLowerCase())) delete attribs[name];
  const hints = { ...(attribs['data-window'] !== undefined ? { window: attribs['data-window'] } : {}), ...(attribs['data-slice'] !== undefined ? { slice: attribs['data-slice'] } : {}) };
  const kept = filterUrl('img', 'src', src, ctx, hints);
  if (kept.url === null) return placeholderFor(kept.reason ?? 'not allowed', alt);
  if (alt.trim() === '') ctx.report('warning', 'image-without-alt', `image without alt text: ${src} (describe it for people who cannot see it)`, where(ctx, [src], ['<img', true], ['![', false]));
  const { src: _src, 'data-src': _dataSrc, ...rest } = attribs;
  if (kept.media) return mediaElement(kept.url, kept.media, alt, rest);
  return { tagName: 'img', attribs: { src: kept.url, ...rest } };
}

/** A colour as <font color> may give it: a name, #hex, or rgb()/hsl() of numbers; else null. */
function safeColor(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (/^[a-zA-Z]{3,30}$/.test(v) || /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(v)) return v;
  if (/^(?:rgb|hsl)a?\(\s*[\d.%]+(?:\s*[,\s/]\s*[\d.%]+){2,3}\s*\)$/i.test(v)) return v;
  // HTML reads a bare hex colour without the #.
  if (/^(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v)) return '#' + v;
  return null;
}

/**
 * Marks an element whose src the img transform already resolved, so the '*' pass does not resolve
 * it again. The value is per process: markup an author writes cannot carry it.
 */
const RESOLVED = 'data-lectern-resolved';
const RESOLVED_MARK = randomBytes(9).toString('base64url');

type Options = sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] };

/** What does not depend on the slide: built once. */
const BASE_OPTIONS: Options = {
  // foreignObject passes the tag filter only so that exclusiveFilter drops it with its content
  // (a discarded tag would keep its inner HTML); the '*' transform reports it.
  allowedTags: [...ALLOWED_TAGS, 'foreignobject'],
  allowedAttributes: Object.fromEntries([
    ['*', [...GLOBAL_ATTRS, 'data-*', 'aria-*']],
    ...Object.entries(TAG_ATTRS),
  ]),
  allowedSchemes: ['http', 'https', 'mailto', 'lectern-asset'],
  allowedSchemesByTag: {
    img: ['lectern-asset', 'data'],
    video: ['lectern-asset', 'data'],
    audio: ['lectern-asset', 'data'],
    source: ['lectern-asset', 'data'],
    track: ['lectern-asset'],
  },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster', 'data-src', 'data-background-image', 'data-background-video'],
  allowProtocolRelative: false,
  parseStyleAttributes: false,
  // Boolean attributes; missing from @types/sanitize-html but honoured by the library.
  allowedEmptyAttributes: ['alt', 'controls', 'muted', 'loop', 'autoplay', 'playsinline', 'disabled', 'checked', 'open', 'reversed', 'default', 'hidden'],
  disallowedTagsMode: 'discard',
  // <style> is allowed on purpose: exclusiveFilter below drops any that imports or loads.
  allowVulnerableTags: true,
};

/**
 * The options for one part's sanitizing: the hooks report through, and count fragments into,
 * that part's context (sanitize-html calls them synchronously, during the one call below).
 */
function optionsFor(ctx: PolicyContext, fragments: FragmentCount): Options {
  return {
    ...BASE_OPTIONS,
    transformTags: {
      // <font color> (old HTML, common in converted decks) keeps its colour as a styled span;
      // the '*' pass below puts the style through the CSS policy.
      font: (_tagName, attribs) => {
        const color = safeColor(attribs.color);
        const kept: Record<string, string> = color ? { style: `color: ${color}` } : {};
        return { tagName: 'span', attribs: kept };
      },
      img: (tagName, attribs) => {
        const image = imagePolicy(attribs, ctx);
        // Already resolved: the '*' pass must not resolve the ref a second time.
        if (image.tagName === 'img') return { tagName, attribs: { ...image.attribs, ...image.own, [RESOLVED]: RESOLVED_MARK } };
        // A cine video made from an image: resolved too (an author's <video> never carries the mark).
        if (image.tagName === 'video') return { ...image, attribs: { ...image.attribs, ...image.own, [RESOLVED]: RESOLVED_MARK } };
        return image;
      },
      '*': (tagName, attribs) => {
        if (!ALLOWED_TAGS.has(tagName)) {
          ctx.report('warning', 'removed-html', `removed <${tagName}>${tagName === 'script' ? ' (scripts never run in a deck)' : ''}`, where(ctx, ['<' + tagName, true]));
          return { tagName, attribs: {} };
        }
        let filtered: Record<string, string>;
        if ((tagName === 'img' || tagName === 'video') && attribs[RESOLVED] === RESOLVED_MARK) {
          const { [RESOLVED]: _r, src, ...rest } = attribs;
          const own = Object.fromEntries(Object.entries(rest).filter(([name]) => MEDIA_ATTRS.has(name)));
          const authored = Object.fromEntries(Object.entries(rest).filter(([name]) => !MEDIA_ATTRS.has(name)));
          filtered = { src: src ?? '', ...filterAttributes(tagName, authored, ctx), ...own };
        } else {
          filtered = filterAttributes(tagName, attribs, ctx);
        }
        fragments.add(filtered);
        return { tagName, attribs: filtered };
      },
    },
    exclusiveFilter: (frame) => {
      // Its content would be HTML inside the SVG: dropped whole (the '*' pass reports the tag).
      if (frame.tag === 'foreignobject') return true;
      if (frame.tag !== 'style') return false;
      const css = frame.text;
      if (/@import|expression\s*\(|javascript:|-moz-binding|behavior\s*:|\\|url\s*\(/i.test(css) || NETWORK_IN_CSS.test(css)) {
        ctx.report('warning', 'removed-html', 'removed a <style> element that imports, escapes or loads files (use style attributes or images)', where(ctx, ['<style', true]));
        return true;
      }
      return false;
    },
  };
}

/** `html` through the policy; reports go to `ctx`, fragment steps are counted into `fragments`. */
export function sanitizeSlideHtml(html: string, ctx: PolicyContext, fragments: FragmentCount): string {
  return sanitizeHtml(html, optionsFor(ctx, fragments));
}
