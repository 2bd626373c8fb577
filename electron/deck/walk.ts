// Walks a slide's Markdown tokens in document order before rendering: renders each formula
// (once, through the cache) and leaves a placeholder, and applies each comment directive
// (directives.ts: `.element` attributes onto the token they target, `.slide` attributes,
// sections). Everything it learns goes into the part's RenderContext.
import { randomBytes } from 'node:crypto';
import type { Token, Tokens } from 'marked';
import { addSlideAttributes, directiveFor, mergeAttrs, parseAttributeString, type CommentToken } from './directives';
import { knownLanguage, parseFenceInfo } from './code-block';
import { renderMath } from './math';
import type { RenderContext } from './render-context';
import { texPlainText } from '../contract/tex-text';
import { codespanMath, inlinePlainText, type AnyToken, type MathToken, type WithAttributes } from './tokens';

// Unguessable per process, so a deck cannot forge a math placeholder.
export const NONCE = randomBytes(6).toString('hex');
export const PLACEHOLDER = new RegExp(`<span data-lectern-math="${NONCE}-(\\d+)"></span>`, 'g');

function placeMath(tex: string, display: boolean, raw: string, ctx: RenderContext): string {
  const where = ctx.locator.find(raw);
  const result = renderMath(tex, display);
  if (result.error !== null) ctx.report('error', 'katex-parse', `formula cannot be rendered: ${result.error}`, where);
  for (const w of result.warnings) ctx.report('warning', w.code, `formula: ${w.message}`, where);
  ctx.math.push(result.html);
  return `<span data-lectern-math="${NONCE}-${ctx.math.length - 1}"></span>`;
}

/** Walks tokens in document order: math, attribute comments, sections. */
export function walk(tokens: AnyToken[], parent: AnyToken | null, ctx: RenderContext): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnyToken;
    if (t.type === 'lecternMath') {
      const m = t as unknown as MathToken;
      m.placeholder = placeMath(m.tex, m.display, m.raw, ctx);
      continue;
    }
    if (t.type === 'codespan') {
      // reveal.js convention: a code span that is exactly `$..$` or `$$..$$` is math.
      const c = codespanMath((t as Tokens.Codespan).text);
      if (c) t.placeholder = placeMath(c.tex, c.display, t.raw, ctx);
      else ctx.locator.find(t.raw);
      continue;
    }
    if (t.type === 'text' && !t.tokens && (t as Tokens.Text).text.includes('$$')) {
      // A `$$` left in text found no partner in its paragraph: say so instead of guessing.
      const raw = t.raw;
      const at = ctx.locator.find(raw);
      const before = raw.slice(0, Math.max(0, raw.indexOf('$$')));
      const where = before.includes('\n') ? at : { line: at.line, column: at.column + before.length };
      ctx.report('warning', 'unpaired-math', 'a $$ here has no closing $$ in its paragraph, so it shows as text (close the formula, or write \\$\\$ for dollar signs)', where);
      continue;
    }
    if (t.type === 'code') {
      const where = ctx.locator.find(t.raw);
      const { language } = parseFenceInfo((t as Tokens.Code).lang);
      if (language && !knownLanguage(language)) {
        ctx.report('warning', 'code-language-unknown', `code in "${language}" is shown without syntax colours (not a language highlight.js knows; see the deck format reference)`, where);
      }
      continue;
    }
    if (t.type === 'lecternComment') {
      const c = t as unknown as CommentToken;
      const where = ctx.locator.find(c.raw);
      directiveFor(c.keyword)?.apply({ value: c.value, where, siblings: tokens, index: i, parent, ctx: ctx });
      continue;
    }
    if (t.type === 'html') {
      // Inside a raw HTML block, marked does not see comments as tokens: read ours here.
      ctx.rawHtml = true;
      const h = t as Tokens.HTML & WithAttributes;
      let text = h.text.replace(/<!--\s*\.slide\s*:?([\s\S]*?)-->/g, (_m, attrs: string) => {
        addSlideAttributes(ctx, parseAttributeString(attrs));
        return '';
      });
      const trailing = /<!--\s*\.element\s*:?([\s\S]*?)-->\s*$/.exec(text);
      if (trailing && h.block && /^\s*<[a-zA-Z]/.test(text)) {
        mergeAttrs((h.lecternAttrs ??= {}), parseAttributeString(trailing[1] ?? ''));
        text = text.slice(0, trailing.index) + '\n';
      }
      h.text = text;
      continue;
    }
    if (t.type === 'list') {
      for (const item of (t as Tokens.List).items) walk(item.tokens as AnyToken[], item as AnyToken, ctx);
      continue;
    }
    if (t.type === 'table') {
      const tb = t as Tokens.Table;
      for (const cell of tb.header) walk(cell.tokens as AnyToken[], t, ctx);
      for (const row of tb.rows) for (const cell of row) walk(cell.tokens as AnyToken[], t, ctx);
      continue;
    }
    if (t.tokens) {
      // A tight list item's `text` token renders no element of its own.
      walk(t.tokens as AnyToken[], t.type === 'text' ? parent : t, ctx);
      continue;
    }
  }
}

/**
 * The slide's text as a reader sees it, for the search index and excerpts: formulas as their
 * plain-text reading (texPlainText), never their TeX source.
 */
export function blockText(tokens: readonly Token[]): string {
  const inline = (t: readonly unknown[] | undefined): string => inlinePlainText(t, texPlainText);
  const out: string[] = [];
  for (const t of tokens as AnyToken[]) {
    if (t.type === 'list') for (const item of (t as Tokens.List).items) out.push(blockText(item.tokens));
    else if (t.type === 'table') {
      const tb = t as Tokens.Table;
      out.push(tb.header.map((c) => inline(c.tokens)).join('\t'));
      for (const row of tb.rows) out.push(row.map((c) => inline(c.tokens)).join('\t'));
    } else if (t.type === 'code') out.push((t as Tokens.Code).text);
    else if (t.type === 'lecternMath') out.push(texPlainText((t as unknown as MathToken).tex));
    else if (t.type === 'blockquote') out.push(blockText((t as Tokens.Blockquote).tokens));
    else if (t.type === 'heading' || t.type === 'paragraph' || t.type === 'text') out.push(inline(t.tokens));
  }
  return out.filter((s) => s.trim() !== '').join('\n');
}

