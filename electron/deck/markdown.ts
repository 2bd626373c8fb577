// The Markdown dialect: marked (GFM) plus extensions for math (`$..$`, `$$..$$`), reveal.js
// attribute comments (`<!-- .slide: -->`, `<!-- .element: -->`) and Lectern's own comments
// (`<!-- section: -->`, `<!-- include: -->`). Tokens are lexed here; slide.ts walks them
// (rendering math, attaching attributes) and then renders them with this instance.
import { filterAttributes, filterUrl, type PolicyContext } from './policy';
import { imagePolicy } from './sanitize';
import { Marked, Renderer, type RendererObject, type Tokens, type TokenizerExtension, type RendererExtension } from 'marked';

export type CommentKind = 'slide' | 'element' | 'section' | 'include';

export interface MathToken {
  type: 'lecternMath';
  raw: string;
  tex: string;
  display: boolean;
  /** Placeholder HTML, set by the slide walker once the formula is rendered. */
  placeholder?: string;
}

export interface CommentToken {
  type: 'lecternComment';
  raw: string;
  kind: CommentKind;
  value: string;
  block: boolean;
}

/** Attributes from a following `<!-- .element: -->`, attached to a token by the slide walker. */
export interface WithAttributes {
  lecternAttrs?: Record<string, string>;
  placeholder?: string;
}

const INLINE_MATH_DISPLAY = /^\$\$((?:\\[\s\S]|[^\\$])+?)\$\$/;
// Opening `$` not followed by a space, closing `$` not preceded by one nor followed by a digit,
// so "costs $5 and $10" stays text (pandoc's rule).
const INLINE_MATH = /^\$((?:\\[\s\S]|[^\\$\s])(?:(?:\\[\s\S]|[^\\$])*?(?:\\[\s\S]|[^\\$\s]))?)\$(?!\d)/;
const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
const COMMENT_BODY = String.raw`<!--\s*(\.slide|\.element|section|include)\s*:?([\s\S]*?)-->`;
const BLOCK_COMMENT = new RegExp(String.raw`^ {0,3}` + COMMENT_BODY + String.raw`[ \t]*(?:\n+|$)`);
const INLINE_COMMENT = new RegExp('^' + COMMENT_BODY);

function commentKind(word: string): CommentKind {
  return word === '.slide' ? 'slide' : word === '.element' ? 'element' : word === 'section' ? 'section' : 'include';
}

const blockMath: TokenizerExtension = {
  name: 'lecternMathBlock',
  level: 'block',
  start: (src) => src.match(/^ {0,3}\$\$/m)?.index,
  tokenizer(src) {
    const m = BLOCK_MATH.exec(src);
    if (!m) return undefined;
    const token: MathToken = { type: 'lecternMath', raw: m[0], tex: (m[1] ?? '').trim(), display: true };
    return token as unknown as Tokens.Generic;
  },
};

const inlineMath: TokenizerExtension = {
  name: 'lecternMathInline',
  level: 'inline',
  start: (src) => {
    const i = src.indexOf('$');
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    if (src.charCodeAt(0) !== 36) return undefined;
    const d = INLINE_MATH_DISPLAY.exec(src);
    if (d) return { type: 'lecternMath', raw: d[0], tex: (d[1] ?? '').trim(), display: true } as MathToken as unknown as Tokens.Generic;
    const m = INLINE_MATH.exec(src);
    if (m) return { type: 'lecternMath', raw: m[0], tex: m[1] ?? '', display: false } as MathToken as unknown as Tokens.Generic;
    return undefined;
  },
};

const mathRenderer: RendererExtension = {
  name: 'lecternMath',
  renderer(token) {
    return (token as unknown as MathToken).placeholder ?? '';
  },
};

const blockComment: TokenizerExtension = {
  name: 'lecternCommentBlock',
  level: 'block',
  start: (src) => src.match(/^ {0,3}<!--\s*(?:\.slide|\.element|section\s*:|include\s*:)/m)?.index,
  tokenizer(src) {
    const m = BLOCK_COMMENT.exec(src);
    if (!m) return undefined;
    const token: CommentToken = { type: 'lecternComment', raw: m[0], kind: commentKind(m[1] ?? ''), value: (m[2] ?? '').trim(), block: true };
    return token as unknown as Tokens.Generic;
  },
};

const inlineComment: TokenizerExtension = {
  name: 'lecternCommentInline',
  level: 'inline',
  start: (src) => {
    const m = /<!--\s*(?:\.slide|\.element|section\s*:|include\s*:)/.exec(src);
    return m ? m.index : undefined;
  },
  tokenizer(src) {
    const m = INLINE_COMMENT.exec(src);
    if (!m) return undefined;
    const token: CommentToken = { type: 'lecternComment', raw: m[0], kind: commentKind(m[1] ?? ''), value: (m[2] ?? '').trim(), block: false };
    return token as unknown as Tokens.Generic;
  },
};

const commentRenderer: RendererExtension = { name: 'lecternComment', renderer: () => '' };

function escapeAttr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Adds attributes to the first tag of `html` (our own renderer output), merging `class`. */
const ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/**
 * Markdown-only slides skip sanitize-html: marked escapes all text, so the only untrusted parts
 * of its output are URLs and `.element` attributes, which the renderer below puts through the
 * same policy (policy.ts) while this is set. Slides with any raw HTML take the sanitizer.
 */
export interface TrustedRender {
  ctx: PolicyContext;
  indexed: Set<string>;
  unindexed: number;
}
let trusted: TrustedRender | null = null;

export function renderTrusted<T>(state: TrustedRender, render: () => T): T {
  const outer = trusted;
  trusted = state;
  try {
    return render();
  } finally {
    trusted = outer;
  }
}

function countFragment(t: TrustedRender, attrs: Record<string, string>): void {
  if (!/(?:^|\s)fragment(?:\s|$)/.test(attrs.class ?? '')) return;
  const idx = attrs['data-fragment-index'];
  if (idx !== undefined && /^\s*-?\d+\s*$/.test(idx)) t.indexed.add(String(parseInt(idx, 10)));
  else t.unindexed++;
}

/** Adds attributes to the first tag of `html` (our own renderer output), merging `class`. */
export function addAttributes(html: string, attrs: Record<string, string> | undefined): string {
  if (!attrs || Object.keys(attrs).length === 0) return html;
  const m = /^(\s*<([a-zA-Z][a-zA-Z0-9]*))([^>]*?)(\/?>)/.exec(html);
  if (!m) return html;
  const tag = (m[2] ?? '').toLowerCase();
  const wanted = trusted ? filterAttributes(tag, attrs, trusted.ctx) : attrs;
  const merged: Record<string, string> = {};
  let existing = m[3] ?? '';
  let extra = '';
  for (const [name, value] of Object.entries(wanted)) {
    if (!ATTR_NAME.test(name)) continue;
    const re = new RegExp(`\\s${name.replace(/[.]/g, '\\.')}="([^"]*)"`);
    const cur = re.exec(existing);
    const final = cur && name === 'class' ? `${cur[1]} ${value}` : value;
    merged[name] = final;
    if (cur) existing = existing.replace(re, () => ` ${name}="${escapeAttr(final)}"`);
    else extra += ` ${name}="${escapeAttr(final)}"`;
  }
  if (trusted) countFragment(trusted, merged);
  return (m[1] ?? '') + existing + extra + (m[4] ?? '') + html.slice(m[0].length);
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** marked's own URL cleaning (what its renderer puts in href/src), or null when it gives up. */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

function serialize(tag: string, attrs: Record<string, string>, selfClosing: boolean): string {
  let out = '<' + tag;
  for (const [k, v] of Object.entries(attrs)) out += ` ${k}="${escapeAttr(v)}"`;
  return out + (selfClosing ? ' />' : '>');
}

/** reveal.js convention: a code span that is exactly `$..$` or `$$..$$` is math. */
export const CODESPAN_MATH = /^(\$\$?)([\s\S]+)\1$/;

type Plain = { text?: string; tokens?: unknown[]; type: string; tex?: string };
/** Plain text of inline tokens, with formulas as their TeX (for alt text and titles). */
export function inlinePlainText(
  tokens: readonly unknown[] | undefined,
  mathText: (tex: string) => string = (tex) => tex,
): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens as Plain[]) {
    if (t.type === 'lecternMath') out += mathText(t.tex ?? '');
    else if (t.type === 'codespan' && CODESPAN_MATH.test(t.text ?? '')) out += mathText((t.text ?? '').replace(CODESPAN_MATH, '$2').trim());
    else if (t.type === 'lecternComment' || t.type === 'html') continue;
    else if (t.type === 'br') out += ' ';
    else if (t.tokens) out += inlinePlainText(t.tokens, mathText);
    else out += t.text ?? '';
  }
  return out;
}

const base = new Renderer();
function withAttrs<T extends object>(method: (this: Renderer, token: T) => string) {
  return function (this: Renderer, token: T): string {
    const t = token as T & WithAttributes;
    return addAttributes(method.call(this, token), t.lecternAttrs);
  };
}

const renderer: RendererObject = {
  paragraph: withAttrs(base.paragraph),
  heading: withAttrs(base.heading),
  listitem: withAttrs(base.listitem),
  list: withAttrs(base.list),
  blockquote: withAttrs(base.blockquote),
  code: withAttrs(base.code),
  table: withAttrs(base.table),
  hr: withAttrs(base.hr),
  strong: withAttrs(base.strong),
  em: withAttrs(base.em),
  del: withAttrs(base.del),
  link(this: Renderer, token: Tokens.Link) {
    const t = token as Tokens.Link & WithAttributes;
    if (!trusted) return addAttributes(base.link.call(this, token), t.lecternAttrs);
    const inner = token.autolink ? escapeText(token.text) : this.parser.parseInline(token.tokens);
    const href = cleanUrl(token.href);
    if (href === null) return inner;
    const kept = filterUrl('a', 'href', href, trusted.ctx);
    const attrs: Record<string, string> = {};
    if (kept.url !== null) attrs.href = kept.url;
    if (token.title) attrs.title = token.title;
    return addAttributes(serialize('a', attrs, false) + inner + '</a>', t.lecternAttrs);
  },
  html: withAttrs(base.html),
  codespan(this: Renderer, token: Tokens.Codespan) {
    const t = token as Tokens.Codespan & WithAttributes;
    if (t.placeholder) return t.placeholder;
    return addAttributes(base.codespan.call(this, token), t.lecternAttrs);
  },
  image(this: Renderer, token: Tokens.Image) {
    const t = token as Tokens.Image & WithAttributes;
    // Alt text from the tokens' plain text: formulas keep their TeX instead of a placeholder.
    const alt = token.tokens ? inlinePlainText(token.tokens) : token.text;
    if (!trusted) {
      const html = base.image.call(this, { ...token, tokens: undefined as unknown as Tokens.Image['tokens'], text: alt });
      return addAttributes(html, t.lecternAttrs);
    }
    const src = cleanUrl(token.href);
    if (src === null) return escapeText(alt);
    const image = imagePolicy(token.title ? { src, alt, title: token.title } : { src, alt }, trusted.ctx);
    let html: string;
    if (image.tagName === 'img') {
      const { src: resolved, ...others } = image.attribs;
      html = serialize('img', { src: resolved ?? '', ...filterAttributes('img', others, trusted.ctx) }, true);
    } else {
      html = serialize(image.tagName, image.attribs, false) + escapeText(image.text ?? '') + `</${image.tagName}>`;
    }
    return addAttributes(html, t.lecternAttrs);
  },
};

export function createMarkdown(): Marked {
  const md = new Marked({ gfm: true, breaks: false });
  md.use({
    extensions: [blockMath, inlineMath, mathRenderer, blockComment, inlineComment, commentRenderer],
    renderer,
  });
  return md;
}
