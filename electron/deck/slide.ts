// Renders one slide (body and notes) from its Markdown: lex with the deck dialect, walk the
// tokens (render math once, apply comment directives), render, sanitize, then put the KaTeX
// output in place of its placeholders. Each part renders with its own RenderContext
// (render-context.ts); the slide's contexts share one SlideRenderContext, which references
// the compile's DeckRenderContext. Pure apart from reading the files it refers to; the result
// is plain data the compiler can cache.
import { keepElementCommentsInItems } from './item-comments';
import type { Token, Tokens } from 'marked';
import type { FileStamp } from './assets';
import { createMarkdown, renderTokens } from './markdown';
import { texPlainText } from '../contract/tex-text';
import { citationExtension, citationTokens, keyUses, type Citation, type KeyUse } from './citations/index';
import { Locator, type Position } from './locate';
import { estimateOverflow } from './overflow';
import { createRenderContext, createSlideContext, type DeckRenderContext, type RenderContext } from './render-context';
import { sanitizeSlideHtml } from './sanitize';
import type { SourceText } from './source';
import { inlinePlainText, type AnyToken } from './tokens';
import type { DeckAsset, Diagnostic } from './types';
import { NONCE, PLACEHOLDER, blockText, walk } from './walk';

export { parseAttributeString } from './directives';

// Configuration only: marked makes a Lexer and Parser per call, renderTokens a renderer per part.
const md = createMarkdown();
// Decks with a bibliography read `[@key]` and `@key` as citations; others keep `@handles` as text.
const mdCitations = createMarkdown();
mdCitations.use({ extensions: [citationExtension] });

/**
 * Where a citation goes in a slide's HTML. Its text depends on the whole talk (numbering), so the
 * cached render keeps this and the compiler fills it in (deck-citations.ts).
 */
export const CITATION_PLACEHOLDER = new RegExp(`<span data-lectern-cite="${NONCE}-(\\d+)"></span>`, 'g');

/** A `<!-- references -->` slide: the compiler replaces it by the reference list. */
export interface ReferencesSlot {
  /** The heading written above the comment ('' for none: "References"). */
  heading: string;
  where: Position;
}

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
  /** Citations in document order, body then notes; placeholder i in the HTML is citations[i]. */
  citations: Citation[];
  /** How many of `citations` are in the body (the rest are in the notes). */
  bodyCitations: number;
  /** Where each cited key was written (lines absolute for the chunk's position when rendered). */
  keyUses: KeyUse[];
  references: ReferencesSlot | null;
  /** A reference waited for the media layer: never reuse this render. */
  pending: boolean;
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
  /** reveal.js's `<aside class="notes">` in the body: sanitized HTML that belongs to the notes. */
  asideNotes: string[];
  text: string;
  title: string;
  fragments: number;
  hasMedia: boolean;
}

const ASIDE_NOTES = /<aside\b[^>]*\bclass="(?:[^"]*\s)?notes(?:\s[^"]*)?"[^>]*>([\s\S]*?)<\/aside>\s*/g;

/** Moves reveal.js's `<aside class="notes">` out of sanitized body HTML. */
function takeAsideNotes(html: string): { html: string; notes: string[] } {
  const notes: string[] = [];
  const rest = html.replace(ASIDE_NOTES, (_m, inner: string) => {
    notes.push(inner.trim());
    return '';
  });
  return { html: rest, notes };
}

function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
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

/** Puts a placeholder for each citation and records it, with where its keys were written. */
function placeCitations(tokens: Token[], src: SourceText, ctx: RenderContext, cites: CitationRecord): void {
  for (const t of citationTokens(tokens)) {
    t.html = `<span data-lectern-cite="${NONCE}-${cites.citations.length}"></span>`;
    cites.citations.push(t.citation);
  }
  const locator = new Locator(src);
  const file = ctx.slide.file;
  cites.keyUses.push(...keyUses(tokens, (raw) => {
    const at = locator.next(raw);
    return at && { file, ...at };
  }));
}

interface CitationRecord {
  citations: Citation[];
  keyUses: KeyUse[];
}

function renderPart(src: SourceText, ctx: RenderContext, isBody: boolean, cites: CitationRecord): PartResult & { tokens: Token[] } {
  let tokens: Token[] = [];
  let html: string;
  const citing = ctx.slide.deck.options.citations;
  const dialect = citing ? mdCitations : md;
  try {
    if (nestingDepth(src.text) > MAX_NESTING) throw new RangeError('nesting');
    tokens = dialect.lexer(keepElementCommentsInItems(src.text));
    walk(tokens as AnyToken[], null, ctx);
    if (citing) placeCitations(tokens, src, ctx, cites);
    if (ctx.rawHtml || ctx.slide.deck.options.sanitizeEverything) {
      html = sanitizeSlideHtml(renderTokens(dialect, tokens, null), ctx.policy, ctx.fragments);
    } else {
      // No raw HTML: marked's output is escaped; URLs and attributes take the policy as rendered.
      html = renderTokens(dialect, tokens, { policy: ctx.policy, fragments: ctx.fragments });
    }
  } catch (err) {
    // marked recurses per nesting level; absurd nesting ends here instead of crashing the deck.
    const why = err instanceof RangeError ? `it is nested too deeply (more than ${MAX_NESTING} levels of lists, quotes or indentation)` : err instanceof Error ? err.message : String(err);
    ctx.report('error', 'render-failed', `${isBody ? 'slide' : 'notes'} could not be rendered: ${why}`, ctx.locator.start());
    return { html: `<pre class="lectern-render-error">${escapeHtml(src.text)}</pre>`, text: src.text, title: '', fragments: 0, hasMedia: false, tokens: [], asideNotes: [] };
  }
  const math = ctx.math;
  let withMath = html.replace(PLACEHOLDER, (_m, i: string) => math[Number(i)] ?? '');
  let asideNotes: string[] = [];
  if (isBody && ctx.rawHtml) ({ html: withMath, notes: asideNotes } = takeAsideNotes(withMath));
  const heading = (tokens as AnyToken[]).find((t) => t.type === 'heading') as Tokens.Heading | undefined;
  if (isBody) {
    const over = estimateOverflow(tokens);
    if (over) {
      ctx.report('warning', 'overflow', `slide content will likely overflow the 16:9 frame (about ${over.height}px of ${over.limit}px); split it or shorten it`, ctx.locator.start());
    }
  }
  return {
    html: withMath,
    asideNotes,
    text: blockText(tokens),
    // Titles feed the outline, bookmarks and contents: formulas there read as text, not TeX.
    title: heading ? inlinePlainText(heading.tokens, texPlainText).trim() : '',
    fragments: ctx.fragments.total,
    hasMedia: /<(?:img|video|audio|span class="lectern-asset-error")\b/.test(html) || math.length > 0,
    tokens,
  };
}

const SKIPPABLE = new Set(['space', 'lecternComment', 'heading']);

/** A references slide holds its comment and at most a heading; anything else is reported. */
function referencesSlot(tokens: Token[], where: Position, title: string, ctx: RenderContext): ReferencesSlot {
  const headings = tokens.filter((t) => t.type === 'heading').length;
  const other = tokens.find((t) => !SKIPPABLE.has(t.type) && !(t.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(t.raw)));
  if (other || headings > 1) {
    ctx.report('error', 'references-not-alone', 'a references slide holds only <!-- references --> (and at most a heading): the reference list fills it; move the rest to another slide', where);
  }
  return { heading: title, where };
}

/** Renders a slide's body and notes in the compile's deck context. */
export function renderSlide(input: SlideInput, deck: DeckRenderContext): SlideRender {
  const slide = createSlideContext(deck, input.file);
  const bodyCtx = createRenderContext(slide, input.body);
  const cites: CitationRecord = { citations: [], keyUses: [] };
  const body = renderPart(input.body, bodyCtx, true, cites);
  const bodyCitations = cites.citations.length;
  const slot = slide.references;
  const references = slot ? referencesSlot(body.tokens, slot, body.title, bodyCtx) : null;
  let section = bodyCtx.section;
  let notes: PartResult = { html: '', asideNotes: [], text: '', title: '', fragments: 0, hasMedia: false };
  if (input.notes) {
    const notesCtx = createRenderContext(slide, input.notes);
    notes = renderPart(input.notes, notesCtx, false, cites);
    section = section ?? notesCtx.section;
    if (slide.references !== slot) notesCtx.report('error', 'references-in-notes', 'a references comment belongs in the slide, not in its notes', slide.references ?? notesCtx.locator.start());
  }
  // reveal.js shows an <aside class="notes"> as speaker notes: after the part's own notes.
  const notesHtml = body.asideNotes.length === 0 ? notes.html : [notes.html.trimEnd(), ...body.asideNotes].filter((h) => h !== '').join('\n');
  const notesText = body.asideNotes.length === 0 ? notes.text : [notes.text, ...body.asideNotes.map(htmlText)].filter((t) => t.trim() !== '').join('\n');
  const empty = !references && body.text.trim() === '' && !body.hasMedia && Object.keys(slide.attributes).length === 0;
  const backupMarker = slide.backupAt !== null && !references && body.text.trim() === '' && !body.hasMedia;
  if (slide.backupAt && !backupMarker) {
    bodyCtx.report('error', 'backup-not-alone', 'a backup marker must be the only content of its slide (put --- before and after it); the slides after that slide are the backup slides', slide.backupAt);
  }
  return {
    html: body.html,
    notesHtml,
    text: body.text,
    notesText,
    title: body.title,
    attributes: slide.attributes,
    fragments: body.fragments,
    section,
    diagnostics: slide.diagnostics,
    assets: [...slide.assets.assets.values()],
    stamps: slide.assets.stamps,
    empty,
    citations: cites.citations,
    bodyCitations,
    keyUses: cites.keyUses,
    references,
    pending: slide.assets.pending,
    backupMarker,
  };
}
