// Walks a slide's Markdown tokens in document order before rendering: renders each formula
// (once, through the cache) and leaves a placeholder, attaches reveal.js `.element` attributes
// to the token they target, collects `.slide` attributes and section comments.
import { randomBytes } from 'node:crypto';
import type { Token, Tokens } from 'marked';
import type { Locator, Position } from './locate';
import { CODESPAN_MATH, inlinePlainText, type CommentToken, type MathToken, type WithAttributes } from './markdown';
import { renderMath } from './math';
import { texPlainText } from './tex-text';
import { filterAttributes, type PolicyContext } from './policy';
import type { Severity } from './types';

// Unguessable per process, so a deck cannot forge a math placeholder.
export const NONCE = randomBytes(6).toString('hex');
export const PLACEHOLDER = new RegExp(`<span data-lectern-math="${NONCE}-(\\d+)"></span>`, 'g');

/** Parses reveal.js attribute syntax: `a="b" c='d' e=f data-flag`. */
export function parseAttributeString(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const name = m[1] ?? '';
    out[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

export type AnyToken = Token & WithAttributes & { tokens?: Token[] };
const NOT_ELEMENTS = new Set(['text', 'space', 'br', 'escape', 'lecternComment', 'html', 'def', 'checkbox', 'lecternMath']);

export interface PartState {
  /** The part holds raw HTML (so its output must go through the sanitizer). */
  rawHtml: boolean;
  locator: Locator;
  report(severity: Severity, code: string, message: string, where: Position): void;
  math: string[];
  slideAttrs: Record<string, string>;
  section: string | null;
  policy: PolicyContext;
}

function mergeAttrs(target: Record<string, string>, attrs: Record<string, string>): void {
  for (const [k, v] of Object.entries(attrs)) target[k] = k === 'class' && target[k] ? `${target[k]} ${v}` : v;
}

function placeMath(tex: string, display: boolean, raw: string, st: PartState): string {
  const where = st.locator.find(raw);
  const result = renderMath(tex, display);
  if (result.error !== null) st.report('error', 'katex-parse', `formula cannot be rendered: ${result.error}`, where);
  for (const w of result.warnings) st.report('warning', w.code, `formula: ${w.message}`, where);
  st.math.push(result.html);
  return `<span data-lectern-math="${NONCE}-${st.math.length - 1}"></span>`;
}

/** Walks tokens in document order: math, attribute comments, sections. */
export function walk(tokens: AnyToken[], parent: AnyToken | null, st: PartState): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as AnyToken;
    if (t.type === 'lecternMath') {
      const m = t as unknown as MathToken;
      m.placeholder = placeMath(m.tex, m.display, m.raw, st);
      continue;
    }
    if (t.type === 'codespan') {
      // reveal.js convention: a code span that is exactly `$..$` or `$$..$$` is math.
      const c = CODESPAN_MATH.exec((t as Tokens.Codespan).text);
      if (c && (c[2] ?? '').trim()) t.placeholder = placeMath((c[2] ?? '').trim(), c[1] === '$$', t.raw, st);
      else st.locator.find(t.raw);
      continue;
    }
    if (t.type === 'lecternComment') {
      const c = t as unknown as CommentToken;
      const where = st.locator.find(c.raw);
      if (c.kind === 'element') {
        let target: AnyToken | null = null;
        for (let j = i - 1; j >= 0; j--) {
          const prev = tokens[j] as AnyToken;
          // A raw HTML block counts when it opens with an element (its first tag gets the attributes).
          const htmlBlock = prev.type === 'html' && (prev as Tokens.HTML).block && /^\s*<[a-zA-Z]/.test(prev.raw);
          if (!NOT_ELEMENTS.has(prev.type) || htmlBlock) {
            target = prev;
            break;
          }
        }
        target = target ?? parent;
        const attrs = parseAttributeString(c.value);
        if (target) mergeAttrs((target.lecternAttrs ??= {}), attrs);
        // reveal.js: with no element before it, the comment's parent is the slide itself.
        else mergeAttrs(st.slideAttrs, filterAttributes('section', attrs, st.policy));
      } else if (c.kind === 'slide') {
        mergeAttrs(st.slideAttrs, filterAttributes('section', parseAttributeString(c.value), st.policy));
      } else if (c.kind === 'section') {
        if (c.value) st.section = c.value;
        else st.report('warning', 'empty-section', 'section comment without a title', where);
      } else {
        st.report('error', 'include-not-alone', 'an include must be the only content of its slide (put --- before and after it)', where);
      }
      continue;
    }
    if (t.type === 'html') {
      // Inside a raw HTML block, marked does not see comments as tokens: read ours here.
      st.rawHtml = true;
      const h = t as Tokens.HTML & WithAttributes;
      let text = h.text.replace(/<!--\s*\.slide\s*:?([\s\S]*?)-->/g, (_m, attrs: string) => {
        mergeAttrs(st.slideAttrs, filterAttributes('section', parseAttributeString(attrs), st.policy));
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
      for (const item of (t as Tokens.List).items) walk(item.tokens as AnyToken[], item as AnyToken, st);
      continue;
    }
    if (t.type === 'table') {
      const tb = t as Tokens.Table;
      for (const cell of tb.header) walk(cell.tokens as AnyToken[], t, st);
      for (const row of tb.rows) for (const cell of row) walk(cell.tokens as AnyToken[], t, st);
      continue;
    }
    if (t.tokens) {
      // A tight list item's `text` token renders no element of its own.
      walk(t.tokens as AnyToken[], t.type === 'text' ? parent : t, st);
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
