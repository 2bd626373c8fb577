// The Markdown dialect: marked (GFM) plus extensions for math (`$..$`, `$$..$$`) and the
// comment directives declared in directives.ts. Tokens are lexed here; slide.ts walks them
// (walk.ts: rendering math, applying directives) and then renders them with renderTokens,
// giving each part its own renderer (html-renderer.ts). New syntax is one more extension in
// createMarkdown; what it means for a slide goes in the walker.
import { Marked, type Token, type Tokens, type TokenizerExtension, type RendererExtension } from 'marked';
import { directiveExtensions } from './directives';
import { SlideHtmlRenderer, type TrustedRender } from './html-renderer';
import type { MathToken } from './tokens';

const INLINE_MATH_DISPLAY = /^\$\$((?:\\[\s\S]|[^\\$])+?)\$\$/;
// Opening `$` not followed by a space, closing `$` not preceded by one nor followed by a digit,
// so "costs $5 and $10" stays text (pandoc's rule).
const INLINE_MATH = /^\$((?:\\[\s\S]|[^\\$\s])(?:(?:\\[\s\S]|[^\\$])*?(?:\\[\s\S]|[^\\$\s]))?)\$(?!\d)/;
const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
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

export function createMarkdown(): Marked {
  const md = new Marked({ gfm: true, breaks: false });
  md.use({ extensions: [blockMath, inlineMath, mathRenderer, ...directiveExtensions] });
  return md;
}

/**
 * Renders walked tokens to HTML with a renderer of their own: `trusted` carries the policy
 * for Markdown-only parts, null when the output is sanitized afterwards (html-renderer.ts).
 */
export function renderTokens(md: Marked, tokens: Token[], trusted: TrustedRender | null): string {
  return md.parser(tokens, { ...md.defaults, renderer: new SlideHtmlRenderer(trusted) });
}
