// Sanitizes every piece of HTML a deck renders (Markdown output and raw HTML alike) with
// sanitize-html, applying the policy in policy.ts: an allowlist of tags and attributes, URL and
// CSS rules, visible placeholders for images that cannot be shown, fragment counting.
import sanitizeHtml from 'sanitize-html';
import {
  ALLOWED_TAGS, GLOBAL_ATTRS, NETWORK_IN_CSS, TAG_ATTRS, filterAttributes, filterUrl, where, type PolicyContext,
} from './policy';
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
  const kept = filterUrl('img', 'src', src, ctx);
  if (kept.url === null) return placeholderFor(kept.reason ?? 'not allowed', alt);
  if (alt.trim() === '') ctx.report('warning', 'image-without-alt', `image without alt text: ${src} (describe it for people who cannot see it)`, where(ctx, [src], ['<img', true], ['![', false]));
  const { src: _src, 'data-src': _dataSrc, ...rest } = attribs;
  return { tagName: 'img', attribs: { src: kept.url, ...rest } };
}

/** A colour as <font color> may give it: a name, #hex, or rgb()/hsl() of numbers; else null. */
export function safeColor(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (/^[a-zA-Z]{3,30}$/.test(v) || /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(v)) return v;
  if (/^(?:rgb|hsl)a?\(\s*[\d.%]+(?:\s*[,\s/]\s*[\d.%]+){2,3}\s*\)$/i.test(v)) return v;
  // HTML reads a bare hex colour without the #.
  if (/^(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v)) return '#' + v;
  return null;
}

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
        return image.tagName === 'img' ? { tagName, attribs: { ...image.attribs, 'data-lectern-resolved': '' } } : image;
      },
      '*': (tagName, attribs) => {
        if (!ALLOWED_TAGS.has(tagName)) {
          ctx.report('warning', 'removed-html', `removed <${tagName}>${tagName === 'script' ? ' (scripts never run in a deck)' : ''}`, where(ctx, ['<' + tagName, true]));
          return { tagName, attribs: {} };
        }
        let filtered: Record<string, string>;
        if (tagName === 'img' && 'data-lectern-resolved' in attribs) {
          const { ['data-lectern-resolved']: _r, src, ...rest } = attribs;
          filtered = { src: src ?? '', ...filterAttributes(tagName, rest, ctx) };
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
