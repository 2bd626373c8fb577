// Pandoc's citation syntax, read from the start of an inline source string:
//   [@llovet2002]  [@llovet2002, p. 1736]  [see @lo2002; @llovet2002]  [-@key]  @key  @key [p. 3]
//   @{odd key}  (braces allow any characters but braces)
// Not citations: `\@` (marked's escape takes it first), e-mail addresses and words with an `@`
// inside (the character before `@` must not be a letter, digit or one of the key characters),
// and anything inside code or math (those tokenizers consume their spans before this one runs).
import type { Citation, CitedWork } from './types';

// Pandoc: a key starts with a letter, digit or `_`; inside it, `:.#$%&-+?<>~/` may join word characters.
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const KEY_AT = new RegExp(String.raw`^@(?:\{([^{}\n]{1,200})\}|(${KEY}))`, 'u');
const WORD_BEFORE = /[\p{L}\p{N}_.+-]$/u;
/** Bracketed citations longer than this are not looked at (no quadratic scans of huge lines). */
const MAX_BRACKET = 2000;

/** A key as written after `@`: `{...}` keys are taken verbatim. */
function readKey(s: string): { key: string; length: number } | null {
  const m = KEY_AT.exec(s);
  if (!m) return null;
  const key = m[1] ?? m[2] ?? '';
  if (key.length > 200) return null;
  return { key, length: m[0].length };
}

/** Index of the `]` closing the `[` at 0, or -1 (nested brackets balance; `\]` is literal). */
function closingBracket(src: string): number {
  let depth = 0;
  const end = Math.min(src.length, MAX_BRACKET);
  for (let i = 0; i < end; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
    else if (c === '\n' && src[i + 1] === '\n') return -1;
  }
  return -1;
}

function splitParts(inner: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if ((c === ';' && depth === 0) || i === inner.length) {
      parts.push({ text: inner.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return parts;
}

/** One `prefix -@key, locator` part; null when it holds no key (then the brackets are not a citation). */
function parsePart(text: string, offset: number): CitedWork | null {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '@') continue;
    const before = text.slice(0, i);
    const suppress = before.endsWith('-');
    const prefix = (suppress ? before.slice(0, -1) : before).trim();
    if (prefix !== '' && WORD_BEFORE.test(before) && !suppress) continue;
    if (suppress && WORD_BEFORE.test(before.slice(0, -1))) continue;
    if (before.endsWith('\\')) continue;
    const key = readKey(text.slice(i));
    if (!key) continue;
    const locator = text.slice(i + key.length).replace(/^\s*,?\s*/, '').trim();
    return { key: key.key, suppressAuthor: suppress, prefix, locator, offset: offset + i };
  }
  return null;
}

export interface CitationMatch {
  citation: Citation;
  /** Characters of `src` the citation takes. */
  length: number;
}

/**
 * Reads a citation at the very start of `src`. `charBefore` is the character just before it in
 * the text ('' at the start): `name@host` is not a citation.
 */
export function readCitation(src: string, charBefore: string): CitationMatch | null {
  if (src[0] === '[') {
    const close = closingBracket(src);
    if (close < 0) return null;
    const next = src[close + 1];
    // `[@a](url)` and `[@a][ref]` are links; `[@a]: url` opening a line is a link definition
    // (mid-sentence, as in "the meta-analysis [@a]:", it is a citation).
    if (next === '(' || next === '[' || (next === ':' && (charBefore === '' || charBefore === '\n'))) return null;
    const inner = src.slice(1, close);
    if (!inner.includes('@')) return null;
    const works: CitedWork[] = [];
    for (const part of splitParts(inner)) {
      const work = parsePart(part.text, part.offset + 1);
      if (!work) return null;
      works.push(work);
    }
    return { citation: { raw: src.slice(0, close + 1), inText: false, works }, length: close + 1 };
  }
  if (src[0] === '@') {
    if (charBefore !== '' && (WORD_BEFORE.test(charBefore) || charBefore === '\\' || charBefore === '@')) return null;
    const key = readKey(src);
    if (!key) return null;
    let length = key.length;
    let locator = '';
    // `@key [p. 33]`: a locator in brackets right after, which holds no key of its own.
    const rest = /^ ?\[([^\]@[\n]{1,200})\](?![([:])/.exec(src.slice(length));
    if (rest) {
      locator = (rest[1] ?? '').trim();
      length += rest[0].length;
    }
    return { citation: { raw: src.slice(0, length), inText: true, works: [{ key: key.key, suppressAuthor: false, prefix: '', locator, offset: 0 }] }, length };
  }
  return null;
}

/** Where a citation might start in `src` (for marked's `start`): the first `[` or a free `@`. */
export function citationStart(src: string): number | undefined {
  const lastAt = src.lastIndexOf('@');
  if (lastAt === -1) return undefined;
  for (let i = 0; i <= lastAt; i++) {
    const c = src[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') return i;
    if (c === '@' && (i === 0 || !WORD_BEFORE.test(src[i - 1] ?? ''))) return i;
  }
  return undefined;
}
