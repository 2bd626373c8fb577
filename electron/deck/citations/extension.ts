// The marked extension: an inline tokenizer for citations and a renderer that prints the HTML a
// TalkCitations put on the token beforehand (annotateCitations). Tokenizing is pure and
// renders nothing, so lexed slides can be cached; the per-talk state is passed explicitly to
// annotateCitations, never held here.
import type { Token, TokenizerAndRendererExtension } from 'marked';
import { citationStart, readCitation } from './syntax';
import type { Citation } from './types';
import type { TalkCitations } from './talk';
import { escapeHtml } from './html';
import type { KeyUse } from './check';

export interface CitationToken {
  type: 'lecternCitation';
  raw: string;
  citation: Citation;
  /** Set by annotateCitations; until then the renderer prints the source text. */
  html?: string;
}

/** The character before the current position, from the inline tokens lexed so far. */
function charBefore(tokens: readonly Token[]): string {
  const last = tokens[tokens.length - 1];
  if (!last) return '';
  return last.raw.slice(-1);
}

export const citationExtension: TokenizerAndRendererExtension = {
  name: 'lecternCitation',
  level: 'inline',
  start(src: string) {
    return citationStart(src);
  },
  tokenizer(src: string, tokens: Token[]) {
    // Inside a link's text a citation would nest one link in another: leave it as text.
    if (this.lexer.state.inLink) return undefined;
    const match = readCitation(src, charBefore(tokens));
    if (!match) return undefined;
    const token: CitationToken = { type: 'lecternCitation', raw: src.slice(0, match.length), citation: match.citation };
    return token as unknown as Token;
  },
  renderer(token) {
    const t = token as unknown as CitationToken;
    return t.html ?? escapeHtml(t.raw);
  },
};

type Nested = Token & { tokens?: Token[]; items?: Token[]; header?: Array<{ tokens: Token[] }>; rows?: Array<Array<{ tokens: Token[] }>> };

/** Every citation token in document order (tables, lists and nested inline tokens included). */
export function citationTokens(tokens: readonly Token[]): CitationToken[] {
  const out: CitationToken[] = [];
  const visit = (list: readonly Token[] | undefined): void => {
    for (const t of list ?? []) {
      if (t.type === 'lecternCitation') {
        out.push(t as unknown as CitationToken);
        continue;
      }
      const n = t as Nested;
      visit(n.tokens);
      visit(n.items);
      for (const cell of n.header ?? []) visit(cell.tokens);
      for (const row of n.rows ?? []) for (const cell of row) visit(cell.tokens);
    }
  };
  visit(tokens);
  return out;
}

/** The citations of a slide's tokens, for TalkCitations.addSlide. */
export function citationsOf(tokens: readonly Token[]): Citation[] {
  return citationTokens(tokens).map((t) => t.citation);
}

/** Puts each citation's formatted HTML on its token, ready for marked's parser. */
export function annotateCitations(tokens: readonly Token[], talk: TalkCitations): void {
  for (const t of citationTokens(tokens)) t.html = talk.citationHtml(t.citation);
}

/**
 * Where each cited key was written, for checkCitationKeys. `locate` gives the position of a
 * citation's raw text in its file (the compiler's Locator does this with a moving cursor).
 */
export function keyUses(tokens: readonly Token[], locate: (raw: string) => { file: string; line: number; column: number } | null): KeyUse[] {
  const out: KeyUse[] = [];
  for (const t of citationTokens(tokens)) {
    const at = locate(t.raw);
    if (!at) continue;
    for (const w of t.citation.works) {
      const before = t.raw.slice(0, w.offset);
      const nl = before.lastIndexOf('\n');
      const line = at.line + (before.match(/\n/g)?.length ?? 0);
      const column = nl === -1 ? at.column + w.offset : w.offset - nl;
      out.push({ key: w.key, file: at.file, line, column });
    }
  }
  return out;
}
