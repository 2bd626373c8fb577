// Renders one slide (body and notes) from its Markdown: lex with the deck dialect, walk the
// tokens (render math once, attach reveal.js attributes, read section comments), render,
// sanitize, then put the KaTeX output in place of its placeholders. Pure apart from reading
// the files it refers to; the result is plain data the compiler can cache.
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Token, Tokens } from 'marked';
import type { AssetResolver, FileStamp } from './assets';
import { Locator, type Position } from './locate';
import { createMarkdown, inlinePlainText, type CommentToken, type MathToken, type WithAttributes } from './markdown';
import { renderMath } from './math';
import { estimateOverflow } from './overflow';
import { filterAttributes, sanitizeSlideHtml, type PolicyContext } from './sanitize';
import type { SourceText } from './source';
import type { DeckAsset, Diagnostic, Severity } from './types';

const md = createMarkdown();
// Unguessable per process, so a deck cannot forge a math placeholder.
const NONCE = randomBytes(6).toString('hex');
const PLACEHOLDER = new RegExp(`<span data-lectern-math="${NONCE}-(\\d+)"></span>`, 'g');

export interface SlideRender {
  html: string;
  notesHtml: string;
  text: string;
  notesText: string;
  title: string;
  attributes: Record<string, string>;
  fragments: number;
  /** Title from `<!-- section: Title -->`, or null. */
  section: string | null;
  /** Diagnostics from rendering (lines absolute for the chunk's position when rendered). */
  diagnostics: Diagnostic[];
  assets: DeckAsset[];
  stamps: FileStamp[];
  /** Nothing to show: no text, no media, no slide attributes. */
  empty: boolean;
}

export interface SlideInput {
  file: string;
  body: SourceText;
  notes: SourceText | null;
  resolver: AssetResolver;
}

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

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

type AnyToken = Token & WithAttributes & { tokens?: Token[] };
const NOT_ELEMENTS = new Set(['text', 'space', 'br', 'escape', 'lecternComment', 'html', 'def', 'checkbox', 'lecternMath']);
const CODESPAN_MATH = /^(\$\$?)([\s\S]+)\1$/;

interface PartState {
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
function walk(tokens: AnyToken[], parent: AnyToken | null, st: PartState): void {
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

function blockText(tokens: readonly Token[]): string {
  const out: string[] = [];
  for (const t of tokens as AnyToken[]) {
    if (t.type === 'list') for (const item of (t as Tokens.List).items) out.push(blockText(item.tokens));
    else if (t.type === 'table') {
      const tb = t as Tokens.Table;
      out.push(tb.header.map((c) => inlinePlainText(c.tokens)).join('\t'));
      for (const row of tb.rows) out.push(row.map((c) => inlinePlainText(c.tokens)).join('\t'));
    } else if (t.type === 'code') out.push((t as Tokens.Code).text);
    else if (t.type === 'lecternMath') out.push((t as unknown as MathToken).tex);
    else if (t.type === 'blockquote') out.push(blockText((t as Tokens.Blockquote).tokens));
    else if (t.type === 'heading' || t.type === 'paragraph' || t.type === 'text') out.push(inlinePlainText(t.tokens));
  }
  return out.filter((s) => s.trim() !== '').join('\n');
}

interface PartResult {
  html: string;
  text: string;
  title: string;
  fragments: number;
  hasMedia: boolean;
}

const MAX_NESTING = 100;

/**
 * Deepest container nesting a line opens (list markers, quote markers, indentation / 2).
 * marked's cost grows steeply with nesting, so absurd depths are refused before lexing.
 */
export function nestingDepth(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) {
    let depth = 0;
    let i = 0;
    let indent = 0;
    while (i < line.length) {
      const c = line.charCodeAt(i);
      if (c === 32) indent++;
      else if (c === 9) indent += 4;
      else if (c === 62 /* > */) depth++;
      else if ((c === 45 || c === 42 || c === 43) && (line.charCodeAt(i + 1) === 32 || i + 1 === line.length)) depth++;
      else break;
      i++;
    }
    max = Math.max(max, depth + (indent >> 1));
    if (max > MAX_NESTING) return max;
  }
  return max;
}

function renderPart(src: SourceText, input: SlideInput, st: PartState, isBody: boolean): PartResult {
  let tokens: Token[];
  let html: string;
  try {
    if (nestingDepth(src.text) > MAX_NESTING) throw new RangeError('nesting');
    tokens = md.lexer(src.text);
    walk(tokens as AnyToken[], null, st);
    html = md.parser(tokens);
  } catch (err) {
    // marked recurses per nesting level; absurd nesting ends here instead of crashing the deck.
    const why = err instanceof RangeError ? `it is nested too deeply (more than ${MAX_NESTING} levels of lists, quotes or indentation)` : err instanceof Error ? err.message : String(err);
    st.report('error', 'render-failed', `${isBody ? 'slide' : 'notes'} could not be rendered: ${why}`, st.locator.start());
    return { html: `<pre class="lectern-render-error">${escapeHtml(src.text)}</pre>`, text: src.text, title: '', fragments: 0, hasMedia: false };
  }
  const clean = sanitizeSlideHtml(html, st.policy);
  const math = st.math;
  const withMath = clean.html.replace(PLACEHOLDER, (_m, i: string) => math[Number(i)] ?? '');
  const heading = (tokens as AnyToken[]).find((t) => t.type === 'heading') as Tokens.Heading | undefined;
  if (isBody) {
    const over = estimateOverflow(tokens);
    if (over) {
      st.report('warning', 'overflow', `slide content will likely overflow the 16:9 frame (about ${over.height}px of ${over.limit}px); split it or shorten it`, st.locator.start());
    }
  }
  return {
    html: withMath,
    text: blockText(tokens),
    title: heading ? inlinePlainText(heading.tokens).trim() : '',
    fragments: clean.fragments,
    hasMedia: /<(?:img|video|audio|span class="lectern-asset-error")\b/.test(clean.html) || math.length > 0,
  };
}

export function renderSlide(input: SlideInput): SlideRender {
  const diagnostics: Diagnostic[] = [];
  const assets = new Map<string, DeckAsset>();
  const stamps: FileStamp[] = [];
  const slideAttrs: Record<string, string> = {};
  let section: string | null = null;
  const seen = new Set<string>();

  const makeState = (src: SourceText): PartState => {
    const locator = new Locator(src);
    const report = (severity: Severity, code: string, message: string, where: Position): void => {
      const key = `${code}\0${message}\0${where.line}`;
      if (seen.has(key)) return;
      seen.add(key);
      diagnostics.push({ file: input.file, line: where.line, column: where.column, severity, code, message });
    };
    const st: PartState = {
      locator,
      report,
      math: [],
      slideAttrs,
      section: null,
      policy: {
        fromDir: dirname(input.file),
        resolver: input.resolver,
        report,
        locate: (needle, insensitive) => {
          const exact = locator.next(needle, insensitive);
          if (exact || insensitive) return exact;
          // marked percent-encodes Markdown URLs (spaces, backslashes): look for them as written.
          try {
            return locator.next(decodeURI(needle));
          } catch {
            return null;
          }
        },
        start: () => locator.start(),
        assets,
        stamps,
      },
    };
    return st;
  };

  const bodyState = makeState(input.body);
  const body = renderPart(input.body, input, bodyState, true);
  section = bodyState.section;
  let notes: PartResult = { html: '', text: '', title: '', fragments: 0, hasMedia: false };
  if (input.notes) {
    const notesState = makeState(input.notes);
    notes = renderPart(input.notes, input, notesState, false);
    section = section ?? notesState.section;
  }
  const empty = body.text.trim() === '' && !body.hasMedia && Object.keys(slideAttrs).length === 0;
  return {
    html: body.html,
    notesHtml: notes.html,
    text: body.text,
    notesText: notes.text,
    title: body.title,
    attributes: slideAttrs,
    fragments: body.fragments,
    section,
    diagnostics,
    assets: [...assets.values()],
    stamps,
    empty,
  };
}
