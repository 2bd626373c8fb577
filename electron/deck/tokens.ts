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

// reveal.js's math plugin finds formulas inside code spans (its docs wrap them in backticks so
// Markdown leaves them alone): a code span that is exactly one formula is math.
const CODESPAN_MATH = /^\s*(?:\$\$([\s\S]+)\$\$|\$([\s\S]+)\$|\\\[([\s\S]+)\\\]|\\\(([\s\S]+)\\\))\s*$/;

/** The formula a code span holds (reveal.js convention), or null. */
export function codespanMath(text: string): { tex: string; display: boolean } | null {
  const c = CODESPAN_MATH.exec(text);
  if (!c) return null;
  const tex = (c[1] ?? c[2] ?? c[3] ?? c[4] ?? '').trim();
  if (!tex) return null;
  return { tex, display: c[1] !== undefined || c[3] !== undefined };
}

type Plain = { text?: string; tokens?: unknown[]; type: string; tex?: string };
/** Plain text of inline tokens, with formulas as their TeX (for alt text and titles). */
export function inlinePlainText(
  tokens: readonly unknown[] | undefined,
  mathText: (tex: string) => string = (tex) => tex,
): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens as Plain[]) {
    const spanMath = t.type === 'codespan' ? codespanMath(t.text ?? '') : null;
    if (t.type === 'lecternMath') out += mathText(t.tex ?? '');
    else if (spanMath) out += mathText(spanMath.tex);
    else if (t.type === 'lecternComment' || t.type === 'html') continue;
    else if (t.type === 'br') out += ' ';
    else if (t.tokens) out += inlinePlainText(t.tokens, mathText);
    else out += t.text ?? '';
  }
  return out;
}
