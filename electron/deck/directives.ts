// The comment directives a deck may write, declared once: reveal.js's attribute comments
// (`<!-- .slide: -->`, `<!-- .element: -->`) and Lectern's own (`<!-- section: -->`,
// `<!-- include: -->`). The table below drives both the Markdown tokenizer (markdown.ts) and
// what the slide walker (walk.ts) does with each comment, so a new directive is one entry.
import type { Tokens, TokenizerExtension, RendererExtension } from 'marked';
import type { Position } from './locate';
import { filterAttributes } from './policy';
import type { RenderContext } from './render-context';
import { inlinePlainText, type AnyToken } from './tokens';

/** Where a directive comment was found, and what it may act on. */
export interface DirectiveSite {
  /** The text after the keyword (and its optional colon), trimmed. */
  value: string;
  where: Position;
  /** The comment's siblings in document order, and its index among them. */
  siblings: AnyToken[];
  index: number;
  /** The token whose children the siblings are (a list item, a paragraph...), or null at top level. */
  parent: AnyToken | null;
  ctx: RenderContext;
}

export interface CommentDirective {
  /**
   * What follows `<!--` (spaces allowed around it, the colon after it optional): `.slide`
   * matches `<!-- .slide: x -->` and `<!--.slide x-->`.
   */
  keyword: string;
  apply(site: DirectiveSite): void;
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

/** Merges attributes into `target`, appending to its `class`. */
export function mergeAttrs(target: Record<string, string>, attrs: Record<string, string>): void {
  for (const [k, v] of Object.entries(attrs)) target[k] = k === 'class' && target[k] ? `${target[k]} ${v}` : v;
}

/** `.slide` attributes (and `.element` ones with no element before them) go on the slide's <section>. */
export function addSlideAttributes(ctx: RenderContext, attrs: Record<string, string>): void {
  mergeAttrs(ctx.slide.attributes, filterAttributes('section', attrs, ctx.policy));
}

/** Tokens that render no element of their own, so `.element` skips back past them. */
const NOT_ELEMENTS = new Set(['text', 'space', 'br', 'escape', 'lecternComment', 'html', 'def', 'checkbox', 'lecternMath']);

/** The element an `.element` comment applies to: the nearest one before it, else its parent. */
function elementTarget(site: DirectiveSite): AnyToken | null {
  for (let j = site.index - 1; j >= 0; j--) {
    const prev = site.siblings[j] as AnyToken;
    // A raw HTML block counts when it opens with an element (its first tag gets the attributes).
    const htmlBlock = prev.type === 'html' && (prev as Tokens.HTML).block && /^\s*<[a-zA-Z]/.test(prev.raw);
    if (!NOT_ELEMENTS.has(prev.type) || htmlBlock) return prev;
  }
  return site.parent;
}

/** Inline elements an `.element` comment can land on when it ends a line of text. */
const INLINE_ELEMENTS = new Set(['strong', 'em', 'del', 'codespan', 'link', 'image']);

function visibleText(t: AnyToken): boolean {
  if (t.type === 'lecternComment' || t.type === 'html' || t.type === 'br' || t.type === 'space') return false;
  if (t.type === 'image' || t.type === 'lecternMath') return true;
  return inlinePlainText([t]).trim() !== '';
}

/**
 * reveal.js applies an `.element` comment to the element just before it, so one written after
 * `**not**` at the end of a line makes only the bold word a fragment and the line reads
 * inverted until the click. Warn when a fragment hides an inline element whose line stays visible.
 */
function warnPartialFragment(site: DirectiveSite, target: AnyToken, attrs: Record<string, string>): void {
  if (!INLINE_ELEMENTS.has(target.type) || !/(?:^|\s)fragment(?:\s|$)/.test(attrs.class ?? '')) return;
  if (!site.siblings.some((t) => t !== target && visibleText(t))) return;
  const hidden = inlinePlainText([target]).trim() || target.raw.trim();
  const item = site.parent?.type === 'list_item';
  site.ctx.report(
    'warning',
    'fragment-hides-part',
    `this fragment hides only "${hidden.length > 40 ? hidden.slice(0, 39) + '…' : hidden}" (an .element comment applies to the element just before it) while the rest of the line stays visible; ` +
      (item
        ? 'to reveal the whole item, put the comment at its start: - <!-- .element: class="fragment" --> text'
        : 'to reveal the whole paragraph, put the comment on its own line right after it') +
      '; to hide a word on purpose, write <span class="fragment">word</span>',
    site.where,
  );
}

export const COMMENT_DIRECTIVES: readonly CommentDirective[] = [
  {
    keyword: '.slide',
    apply: (site) => addSlideAttributes(site.ctx, parseAttributeString(site.value)),
  },
  {
    keyword: '.element',
    apply(site) {
      const target = elementTarget(site);
      const attrs = parseAttributeString(site.value);
      // The renderer (html-renderer.ts) puts these on the target's first tag.
      if (target) {
        warnPartialFragment(site, target, attrs);
        mergeAttrs((target.lecternAttrs ??= {}), attrs);
      }
      // reveal.js: with no element before it, the comment's parent is the slide itself.
      else addSlideAttributes(site.ctx, attrs);
    },
  },
  {
    keyword: 'section',
    apply(site) {
      if (site.value) site.ctx.section = site.value;
      else site.ctx.report('warning', 'empty-section', 'section comment without a title', site.where);
    },
  },
  {
    // The reference list goes here (the compiler fills it in: citations/ and deck-citations.ts).
    keyword: 'references',
    apply(site) {
      if (site.parent !== null) site.ctx.report('error', 'references-not-alone', 'a references comment must be on a line of its own, under at most a heading', site.where);
      else site.ctx.slide.references ??= site.where;
    },
  },
  {
    // The end of the talk: slides after a slide holding only this comment are backup slides
    // (compiler.ts marks them; renderSlide refuses the marker beside other content).
    keyword: 'backup',
    apply(site) {
      site.ctx.slide.backupAt ??= site.where;
    },
  },
  {
    // A slide that is only an include is expanded before rendering (source.ts, includes.ts).
    keyword: 'include',
    apply(site) {
      site.ctx.report('error', 'include-not-alone', 'an include must be the only content of its slide (put --- before and after it)', site.where);
    },
  },
];

const BY_KEYWORD = new Map(COMMENT_DIRECTIVES.map((d) => [d.keyword, d]));

export function directiveFor(keyword: string): CommentDirective | undefined {
  return BY_KEYWORD.get(keyword);
}

// --- Syntax: marked extensions built from the table ---

export interface CommentToken {
  type: 'lecternComment';
  raw: string;
  /** The directive's keyword as declared (`.slide`, `section`...). */
  keyword: string;
  value: string;
  block: boolean;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KEYWORDS = COMMENT_DIRECTIVES.map((d) => escapeRe(d.keyword)).join('|');
// The keyword ends at a word boundary: `<!-- sections -->` and `<!-- included later -->` are
// ordinary comments, not a section "s" or an include. The comment's own `-->` may follow it at
// once (`<!--backup-->`), so a hyphen ends the keyword only when it starts that `-->`.
const KEYWORD_END = String.raw`(?!\w|-(?!->))`;
const COMMENT_BODY = String.raw`<!--\s*(${KEYWORDS})${KEYWORD_END}\s*:?([\s\S]*?)-->`;
// A directive alone on its line, or opening a line whose text follows (`- <!-- .element: -->
// text`, as reveal.js reads it: the comment applies to the list item, the text stays text).
const BLOCK_COMMENT = new RegExp(String.raw`^ {0,3}` + COMMENT_BODY + String.raw`(?:[ \t]*(?:\n+|$)|[ \t]*(?=\S))`);
const INLINE_COMMENT = new RegExp('^' + COMMENT_BODY);
/** Where a directive may start: marked cuts a paragraph's or a text's source there to try the tokenizers. */
const BLOCK_START = new RegExp(String.raw`^ {0,3}<!--\s*(?:${KEYWORDS})` + KEYWORD_END, 'm');
const INLINE_START = new RegExp(String.raw`<!--\s*(?:${KEYWORDS})` + KEYWORD_END);

function commentToken(m: RegExpExecArray, block: boolean): Tokens.Generic {
  const token: CommentToken = { type: 'lecternComment', raw: m[0], keyword: m[1] ?? '', value: (m[2] ?? '').trim(), block };
  return token as unknown as Tokens.Generic;
}

const blockComment: TokenizerExtension = {
  name: 'lecternCommentBlock',
  level: 'block',
  start: (src) => src.match(BLOCK_START)?.index,
  tokenizer(src) {
    const m = BLOCK_COMMENT.exec(src);
    return m ? commentToken(m, true) : undefined;
  },
};

const inlineComment: TokenizerExtension = {
  name: 'lecternCommentInline',
  level: 'inline',
  start: (src) => INLINE_START.exec(src)?.index,
  tokenizer(src) {
    const m = INLINE_COMMENT.exec(src);
    return m ? commentToken(m, false) : undefined;
  },
};

/** Directive comments render nothing themselves: the walker has applied them. */
const commentRenderer: RendererExtension = { name: 'lecternComment', renderer: () => '' };

export const directiveExtensions = [blockComment, inlineComment, commentRenderer];
