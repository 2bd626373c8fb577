// marked's HTML renderer with reveal.js `.element` attributes, one instance per part rendered
// (its state is the part's context, handed to the constructor, never a module variable).
//
// Markdown-only slides skip sanitize-html: marked escapes all text, so the only untrusted parts
// of its output are URLs and `.element` attributes, which this renderer puts through the same
// policy (policy.ts) when given one: the "trusted" path. Slides with any raw HTML are rendered
// without a policy and then sanitized as a whole (sanitize.ts).
import { Renderer, type Tokens } from 'marked';
import type { WithAttributes } from './tokens';
import { inlinePlainText } from './tokens';
import { filterAttributes, filterUrl, type PolicyContext } from './policy';
import type { FragmentCount } from './render-context';
import { imagePolicy } from './sanitize';
import { renderCodeBlock } from './code-block';

/** The policy to apply while rendering, and where fragments are counted. */
export interface TrustedRender {
  policy: PolicyContext;
  fragments: FragmentCount;
}

function escapeAttr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));
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

const ATTR_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/**
 * Adds attributes to the first tag of `html` (our own renderer output), merging `class`. With
 * a policy, the attributes go through it first and the result counts towards the fragments.
 */
export function addAttributes(html: string, attrs: Record<string, string> | undefined, trusted: TrustedRender | null = null): string {
  if (!attrs || Object.keys(attrs).length === 0) return html;
  const m = /^(\s*<([a-zA-Z][a-zA-Z0-9]*))([^>]*?)(\/?>)/.exec(html);
  if (!m) return html;
  const tag = (m[2] ?? '').toLowerCase();
  const wanted = trusted ? filterAttributes(tag, attrs, trusted.policy) : attrs;
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
  if (trusted) trusted.fragments.add(merged);
  return (m[1] ?? '') + existing + extra + (m[4] ?? '') + html.slice(m[0].length);
}

type Attributed<T> = T & WithAttributes;

/** Renders one part's tokens; `trusted` is null when the output will be sanitized afterwards. */
export class SlideHtmlRenderer extends Renderer {
  constructor(private readonly trusted: TrustedRender | null) {
    super();
  }

  private attrs(html: string, token: WithAttributes): string {
    return addAttributes(html, token.lecternAttrs, this.trusted);
  }

  override paragraph(token: Attributed<Tokens.Paragraph>): string {
    return this.attrs(super.paragraph(token), token);
  }
  override heading(token: Attributed<Tokens.Heading>): string {
    return this.attrs(super.heading(token), token);
  }
  override listitem(token: Attributed<Tokens.ListItem>): string {
    return this.attrs(super.listitem(token), token);
  }
  override list(token: Attributed<Tokens.List>): string {
    return this.attrs(super.list(token), token);
  }
  override blockquote(token: Attributed<Tokens.Blockquote>): string {
    return this.attrs(super.blockquote(token), token);
  }
  override code(token: Attributed<Tokens.Code>): string {
    // Highlighted at compile time (code-block.ts); line-highlight steps are fragments. The
    // sanitizer counts them when the part is sanitized, this renderer when it is trusted.
    const block = renderCodeBlock(token.text, token.lang);
    if (this.trusted) for (let i = 0; i < block.fragments; i++) this.trusted.fragments.add({ class: 'fragment' });
    return this.attrs(block.html, token);
  }
  override table(token: Attributed<Tokens.Table>): string {
    return this.attrs(super.table(token), token);
  }
  override hr(token: Attributed<Tokens.Hr>): string {
    return this.attrs(super.hr(token), token);
  }
  override strong(token: Attributed<Tokens.Strong>): string {
    return this.attrs(super.strong(token), token);
  }
  override em(token: Attributed<Tokens.Em>): string {
    return this.attrs(super.em(token), token);
  }
  override del(token: Attributed<Tokens.Del>): string {
    return this.attrs(super.del(token), token);
  }
  override html(token: Attributed<Tokens.HTML | Tokens.Tag>): string {
    return this.attrs(super.html(token), token);
  }

  override codespan(token: Attributed<Tokens.Codespan>): string {
    // A code span the walker turned into math (`$x$` in backticks).
    if (token.placeholder) return token.placeholder;
    return this.attrs(super.codespan(token), token);
  }

  override link(token: Attributed<Tokens.Link>): string {
    const trusted = this.trusted;
    if (!trusted) return this.attrs(super.link(token), token);
    const inner = token.autolink ? escapeText(token.text) : this.parser.parseInline(token.tokens);
    const href = cleanUrl(token.href);
    if (href === null) return inner;
    const kept = filterUrl('a', 'href', href, trusted.policy);
    const attrs: Record<string, string> = {};
    if (kept.url !== null) attrs.href = kept.url;
    if (token.title) attrs.title = token.title;
    return this.attrs(serialize('a', attrs, false) + inner + '</a>', token);
  }

  override image(token: Attributed<Tokens.Image>): string {
    // Alt text from the tokens' plain text: formulas keep their TeX instead of a placeholder.
    const alt = token.tokens ? inlinePlainText(token.tokens) : token.text;
    const trusted = this.trusted;
    if (!trusted) {
      const html = super.image({ ...token, tokens: undefined as unknown as Tokens.Image['tokens'], text: alt });
      return this.attrs(html, token);
    }
    const src = cleanUrl(token.href);
    if (src === null) return escapeText(alt);
    // DICOM windowing and key image come from the element's attributes: the resolver needs them.
    const hints: Record<string, string> = {};
    for (const name of ['data-window', 'data-slice']) {
      const value = token.lecternAttrs?.[name];
      if (value !== undefined) hints[name] = value;
    }
    const image = imagePolicy({ src, alt, ...(token.title ? { title: token.title } : {}), ...hints }, trusted.policy);
    let html: string;
    if (image.tagName === 'img') {
      const { src: resolved, ...others } = image.attribs;
      html = serialize('img', { src: resolved ?? '', ...filterAttributes('img', others, trusted.policy), ...image.own }, true);
    } else if (image.tagName === 'video') {
      // Built by imagePolicy from the resolved ref: nothing here is the author's but alt and title.
      html = serialize('video', { ...image.attribs, ...image.own }, false) + '</video>';
    } else {
      html = serialize(image.tagName, image.attribs, false) + escapeText(image.text ?? '') + `</${image.tagName}>`;
    }
    return this.attrs(html, token);
  }
}
