// The tokens Lectern's Markdown extensions add to marked's, the fields the slide walker sets
// on tokens before rendering, and their plain text (titles, alt text, search, overflow).
import type { Token } from 'marked';

export interface MathToken {
  type: 'lecternMath';
  raw: string;
  tex: string;
  display: boolean;
  /** Placeholder HTML, set by the slide walker once the formula is rendered. */
  placeholder?: string;
}

/** Attributes from a following `<!-- .element: -->`, attached to a token by the slide walker. */
export interface WithAttributes {
  lecternAttrs?: Record<string, string>;
  placeholder?: string;
}

/** Any token as the walker and renderer see it. */
export type AnyToken = Token & WithAttributes & { tokens?: Token[] };

/** reveal.js convention: a code span that is exactly `$..$` or `$$..$$` is math. */
export const CODESPAN_MATH = /^(\$\$?)([\s\S]+)\1$/;

type Plain = { text?: string; tokens?: unknown[]; type: string; tex?: string };
/** Plain text of inline tokens, with formulas as their TeX (for alt text and titles). */
export function inlinePlainText(
  tokens: readonly unknown[] | undefined,
  mathText: (tex: string) => string = (tex) => tex,
): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens as Plain[]) {
    if (t.type === 'lecternMath') out += mathText(t.tex ?? '');
    else if (t.type === 'codespan' && CODESPAN_MATH.test(t.text ?? '')) out += mathText((t.text ?? '').replace(CODESPAN_MATH, '$2').trim());
    else if (t.type === 'lecternComment' || t.type === 'html') continue;
    else if (t.type === 'br') out += ' ';
    else if (t.tokens) out += inlinePlainText(t.tokens, mathText);
    else out += t.text ?? '';
  }
  return out;
}
