// Renders one slide (body and notes) from its Markdown: lex with the deck dialect, walk the
// tokens (render math once, apply comment directives), render, sanitize, then put the KaTeX
// output in place of its placeholders. Each part renders with its own RenderContext
// (render-context.ts); the slide's contexts share one SlideRenderContext, which references
// the compile's DeckRenderContext. Pure apart from reading the files it refers to; the result
// is plain data the compiler can cache.
import type { Token, Tokens } from 'marked';
import type { FileStamp } from './assets';
import { createMarkdown, renderTokens } from './markdown';
import { texPlainText } from '../contract/tex-text';
import { estimateOverflow } from './overflow';
import { createRenderContext, createSlideContext, type DeckRenderContext, type RenderContext } from './render-context';
import { sanitizeSlideHtml } from './sanitize';
import type { SourceText } from './source';
import { inlinePlainText, type AnyToken } from './tokens';
import type { DeckAsset, Diagnostic } from './types';
import { PLACEHOLDER, blockText, walk } from './walk';

export { parseAttributeString } from './directives';

// Configuration only: marked makes a Lexer and Parser per call, renderTokens a renderer per part.
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
  /** The slide is a `<!-- backup -->` marker alone: the slides after it are backup slides. */
  backupMarker: boolean;
}

export interface SlideInput {
  /** The file the slide is written in. */
  file: string;
  body: SourceText;
  notes: SourceText | null;
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

function renderPart(src: SourceText, ctx: RenderContext, isBody: boolean): PartResult {
  let tokens: Token[];
  let html: string;
  try {
    if (nestingDepth(src.text) > MAX_NESTING) throw new RangeError('nesting');
    tokens = md.lexer(src.text);
    walk(tokens as AnyToken[], null, ctx);
    if (ctx.rawHtml || ctx.slide.deck.options.sanitizeEverything) {
      html = sanitizeSlideHtml(renderTokens(md, tokens, null), ctx.policy, ctx.fragments);
    } else {
      // No raw HTML: marked's output is escaped; URLs and attributes take the policy as rendered.
      html = renderTokens(md, tokens, { policy: ctx.policy, fragments: ctx.fragments });
    }
  } catch (err) {
    // marked recurses per nesting level; absurd nesting ends here instead of crashing the deck.
    const why = err instanceof RangeError ? `it is nested too deeply (more than ${MAX_NESTING} levels of lists, quotes or indentation)` : err instanceof Error ? err.message : String(err);
    ctx.report('error', 'render-failed', `${isBody ? 'slide' : 'notes'} could not be rendered: ${why}`, ctx.locator.start());
    return { html: `<pre class="lectern-render-error">${escapeHtml(src.text)}</pre>`, text: src.text, title: '', fragments: 0, hasMedia: false };
  }
  const math = ctx.math;
  const withMath = html.replace(PLACEHOLDER, (_m, i: string) => math[Number(i)] ?? '');
  const heading = (tokens as AnyToken[]).find((t) => t.type === 'heading') as Tokens.Heading | undefined;
  if (isBody) {
    const over = estimateOverflow(tokens);
    if (over) {
      ctx.report('warning', 'overflow', `slide content will likely overflow the 16:9 frame (about ${over.height}px of ${over.limit}px); split it or shorten it`, ctx.locator.start());
    }
  }
  return {
    html: withMath,
    text: blockText(tokens),
    // Titles feed the outline, bookmarks and contents: formulas there read as text, not TeX.
    title: heading ? inlinePlainText(heading.tokens, texPlainText).trim() : '',
    fragments: ctx.fragments.total,
    hasMedia: /<(?:img|video|audio|span class="lectern-asset-error")\b/.test(html) || math.length > 0,
  };
}

/** Renders a slide's body and notes in the compile's deck context. */
export function renderSlide(input: SlideInput, deck: DeckRenderContext): SlideRender {
  const slide = createSlideContext(deck, input.file);
  const bodyCtx = createRenderContext(slide, input.body);
  const body = renderPart(input.body, bodyCtx, true);
  let section = bodyCtx.section;
  let notes: PartResult = { html: '', text: '', title: '', fragments: 0, hasMedia: false };
  if (input.notes) {
    const notesCtx = createRenderContext(slide, input.notes);
    notes = renderPart(input.notes, notesCtx, false);
    section = section ?? notesCtx.section;
  }
  const empty = body.text.trim() === '' && !body.hasMedia && Object.keys(slide.attributes).length === 0;
  const backupMarker = slide.backupAt !== null && body.text.trim() === '' && !body.hasMedia;
  if (slide.backupAt && !backupMarker) {
    bodyCtx.report('error', 'backup-not-alone', 'a backup marker must be the only content of its slide (put --- before and after it); the slides after that slide are the backup slides', slide.backupAt);
  }
  return {
    html: body.html,
    notesHtml: notes.html,
    text: body.text,
    notesText: notes.text,
    title: body.title,
    attributes: slide.attributes,
    fragments: body.fragments,
    section,
    diagnostics: slide.diagnostics,
    assets: [...slide.assets.assets.values()],
    stamps: slide.assets.stamps,
    empty,
    backupMarker,
  };
}
