// The citation rules of `lectern check`: unknown keys are errors (with a did-you-mean); under
// --strict, entries cited nowhere and entries missing a year, a container title or a DOI/PMID
// are warnings. Pure functions over data the compiler collected.
import type { Diagnostic } from '../types';
import type { CitedEntry } from './talk';
import { readCitation } from './syntax';

/** How to write a key in a deck: `@key`, or `@{key}` when the bare form would stop early. */
export function citeForm(key: string): string {
  return readCitation(`@${key}`, '')?.length === key.length + 1 ? `@${key}` : `@{${key}}`;
}

/** A citation key as used in the deck, where the author wrote it. */
export interface KeyUse {
  key: string;
  file: string;
  line: number;
  column: number;
}

/** Damerau-Levenshtein distance, giving up above `max` (keeps 500-key bibliographies cheap). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** The closest known key, if it is close enough to be a typo. */
export function suggestKey(key: string, known: Iterable<string>): string | null {
  const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  let best: string | null = null;
  let bestD = max + 1;
  const lower = key.toLowerCase();
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = editDistance(lower, k.toLowerCase(), Math.min(max, bestD));
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

export function checkCitationKeys(uses: readonly KeyUse[], entries: ReadonlyMap<string, CitedEntry>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const suggestions = new Map<string, string | null>();
  for (const u of uses) {
    if (entries.has(u.key)) continue;
    if (!suggestions.has(u.key)) suggestions.set(u.key, suggestKey(u.key, entries.keys()));
    const s = suggestions.get(u.key);
    out.push({
      file: u.file,
      line: u.line,
      column: u.column,
      severity: 'error',
      code: 'citation-unknown-key',
      message: entries.size === 0 ? `@${u.key}: the deck has no bibliography (add "bibliography: references.bib" to the front matter)` : `@${u.key} is not in the bibliography${s ? `; did you mean ${citeForm(s)}?` : ''}`,
    });
  }
  return out;
}

// Types whose entries live in a journal, book or proceedings: those need a container title.
const CONTAINED = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'chapter', 'paper-conference', 'entry-encyclopedia', 'entry-dictionary', 'review', 'review-book']);

/**
 * `keywords = {lectern-no-identifier}` in an entry: the author knows it has no DOI or PMID (an old
 * paper, a talk that gives none) and says so, rather than inventing one.
 */
const NO_IDENTIFIER_KEYWORD = 'lectern-no-identifier';
function optedOut(keyword: unknown): boolean {
  return typeof keyword === 'string' && keyword.split(/[,;]\s*|\s+/).includes(NO_IDENTIFIER_KEYWORD);
}

/** --strict: entries cited nowhere, and entries a reader could not look up. */
export function checkBibliographyStrict(entries: ReadonlyMap<string, CitedEntry>, citedKeys: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, e] of entries) {
    const warn = (code: string, message: string): void => {
      out.push({ file: e.file, line: e.line, column: e.column, severity: 'warning', code, message: `entry "${key}": ${message}` });
    };
    if (!citedKeys.has(key)) warn('bibliography-uncited', 'cited nowhere in the talk');
    const item = e.item;
    const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? item.issued?.raw;
    if (year === undefined || year === '') warn('bibliography-no-year', 'has no year');
    if (CONTAINED.has(item.type) && !item['container-title']) warn('bibliography-no-container', 'has no journal or container title');
    if (!item.DOI && !item.PMID && !optedOut(item.keyword)) warn('bibliography-no-identifier', 'has neither a DOI nor a PMID, so readers cannot look it up');
  }
  return out;
}
