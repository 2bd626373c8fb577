// Renders one slide (body and notes) from its Markdown: lex with the deck dialect, walk the
// tokens (render math once, attach reveal.js attributes, read section comments), render,
// sanitize, then put the KaTeX output in place of its placeholders. Pure apart from reading
// the files it refers to; the result is plain data the compiler can cache.
import { dirname } from 'node:path';
import type { Token, Tokens } from 'marked';
import type { AssetResolver, FileStamp } from './assets';
import { Locator, type Position } from './locate';
import { createMarkdown, inlinePlainText, renderTrusted, type TrustedRender } from './markdown';
import { texPlainText } from './tex-text';
import { estimateOverflow } from './overflow';
import type { PolicyContext } from './policy';
import { sanitizeSlideHtml, type SanitizeResult } from './sanitize';
import type { SourceText } from './source';
import type { DeckAsset, Diagnostic, Severity } from './types';
import { PLACEHOLDER, blockText, walk, type AnyToken, type PartState } from './walk';

export { parseAttributeString } from './walk';

const md = createMarkdown();
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

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
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

let sanitizeEverything = false;
/** Tests: send Markdown-only slides through sanitize-html too, to compare both paths. */
export function setSanitizeEverything(on: boolean): void {
  sanitizeEverything = on;
}

function renderPart(src: SourceText, input: SlideInput, st: PartState, isBody: boolean): PartResult {
  let tokens: Token[];
  let clean: SanitizeResult;
  try {
    if (nestingDepth(src.text) > MAX_NESTING) throw new RangeError('nesting');
    tokens = md.lexer(src.text);
    walk(tokens as AnyToken[], null, st);
    if (st.rawHtml || sanitizeEverything) {
      clean = sanitizeSlideHtml(md.parser(tokens), st.policy);
    } else {
      // No raw HTML: marked's output is escaped; URLs and attributes take the policy as rendered.
      const trusted: TrustedRender = { ctx: st.policy, indexed: new Set(), unindexed: 0 };
      const html = renderTrusted(trusted, () => md.parser(tokens));
      clean = { html, fragments: trusted.indexed.size + trusted.unindexed };
    }
  } catch (err) {
    // marked recurses per nesting level; absurd nesting ends here instead of crashing the deck.
    const why = err instanceof RangeError ? `it is nested too deeply (more than ${MAX_NESTING} levels of lists, quotes or indentation)` : err instanceof Error ? err.message : String(err);
    st.report('error', 'render-failed', `${isBody ? 'slide' : 'notes'} could not be rendered: ${why}`, st.locator.start());
    return { html: `<pre class="lectern-render-error">${escapeHtml(src.text)}</pre>`, text: src.text, title: '', fragments: 0, hasMedia: false };
  }
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
    // Titles feed the outline, bookmarks and contents: formulas there read as text, not TeX.
    title: heading ? inlinePlainText(heading.tokens, texPlainText).trim() : '',
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
      rawHtml: false,
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
