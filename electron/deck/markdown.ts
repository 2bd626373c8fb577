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
// LaTeX's own delimiters, as reveal.js's math plugin reads them: \(..\) inline, \[..\] display.
// They win over Markdown's backslash escapes (`\[` would otherwise be a literal bracket).
const INLINE_PAREN_MATH = /^\\\(((?:(?!\n[ \t]*\n)[\s\S])+?)\\\)/;
const INLINE_BRACKET_MATH = /^\\\[((?:(?!\n[ \t]*\n)[\s\S])+?)\\\]/;
// A display formula: `$$` (or `\[`) opening a line, closed by `$$` (`\]`) ending a line, with no
// blank line between, so an unpaired `$$` can never swallow the paragraphs after it.
const NO_BLANK_LINE = String.raw`(?:(?!\n[ \t]*\n)[\s\S])+?`;
const BLOCK_MATH = new RegExp(String.raw`^ {0,3}\$\$((?:(?!\n[ \t]*\n)(?!\$\$)[\s\S])+?)\$\$[ \t]*(?:\n+|$)`);
const BLOCK_BRACKET_MATH = new RegExp(String.raw`^ {0,3}\\\[(${NO_BLANK_LINE})\\\][ \t]*(?:\n+|$)`);
const BLOCK_MATH_LINE = /^ {0,3}(?:\$\$|\\\[)/gm;

function mathToken(raw: string, tex: string, display: boolean): Tokens.Generic {
  const token: MathToken = { type: 'lecternMath', raw, tex: tex.trim(), display };
  return token as unknown as Tokens.Generic;
}

function matchBlockMath(src: string): RegExpExecArray | null {
  return BLOCK_MATH.exec(src) ?? BLOCK_BRACKET_MATH.exec(src);
}

const blockMath: TokenizerExtension = {
  name: 'lecternMathBlock',
  level: 'block',
  // marked cuts a paragraph where a block may start: only where a whole formula does, so a
  // `$$` that closes a backtick-wrapped formula (`` `$$ ... $$` `` over lines) stays in its paragraph.
  start(src) {
    BLOCK_MATH_LINE.lastIndex = 0;
    for (let m = BLOCK_MATH_LINE.exec(src); m; m = BLOCK_MATH_LINE.exec(src)) {
      if (matchBlockMath(src.slice(m.index))) return m.index;
    }
    return undefined;
  },
  tokenizer(src) {
    const m = matchBlockMath(src);
    return m ? mathToken(m[0], m[1] ?? '', true) : undefined;
  },
};

const inlineMath: TokenizerExtension = {
  name: 'lecternMathInline',
  level: 'inline',
  start: (src) => {
    const m = /\$|\\[([]/.exec(src);
    return m ? m.index : undefined;
  },
  tokenizer(src) {
    if (src.charCodeAt(0) === 92 /* \ */) {
      const p = INLINE_PAREN_MATH.exec(src);
      if (p) return mathToken(p[0], p[1] ?? '', false);
      const b = INLINE_BRACKET_MATH.exec(src);
      if (b) return mathToken(b[0], b[1] ?? '', true);
      return undefined;
    }
    if (src.charCodeAt(0) !== 36) return undefined;
    const d = INLINE_MATH_DISPLAY.exec(src);
    if (d) return mathToken(d[0], d[1] ?? '', true);
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
