// Citations for the compiler. Pure Node: the compiler reads the files and passes contents.
//
//   const caches = { bibliographies: new BibliographyCache(), formatters: new FormatterCache() }; // per app/CLI run
//   per compile:
//     loads = files.map((f) => caches.bibliographies.load(f.path, f.bytes));      // parsed once per content
//     style = resolveStyle(frontMatter.csl, readCsl)                              // bundled or user .csl
//     talk  = createTalkCitations(loads, style, caches.formatters)
//     md.use({ extensions: [citationExtension] })                                 // once, on the Marked instance
//     for each slide in talk order: tokens = md.lexer(...); talk.addSlide(id, citationsOf(tokens))
//     for each slide to render:      annotateCitations(tokens, talk); md.parser(tokens)
//     references slides:             splitReferences(talk.references()) -> referenceListHtml(page, talk.style.numbered)
//     diagnostics:                   load diagnostics + checkCitationKeys(uses, talk.entries)
//                                    (+ checkBibliographyStrict(talk.entries, new Set(usedKeys)) under --strict)
import type { Diagnostic } from '../types';
import { mergeBibliographies, type BibliographyLoad } from './bibliography';
import { bundledStyle, parseCslStyle, styleSpecKind, BUNDLED_STYLES, DEFAULT_STYLE, type CitationStyle } from './styles';
import { FormatterCache, TalkCitations } from './talk';

export { BibliographyCache, parseBibliography, mergeBibliographies, MAX_BIBLIOGRAPHY_BYTES, type Bibliography, type BibliographyEntry, type BibliographyLoad } from './bibliography';
export { readCitation, citationStart } from './syntax';
export { citationExtension, citationsOf, citationTokens, annotateCitations, keyUses, type CitationToken } from './extension';
export { bundledStyle, parseCslStyle, BUNDLED_STYLES, DEFAULT_STYLE, type CitationStyle } from './styles';
export { CitationFormatter, StyleEngine, shortAuthors, type ReferenceEntry, type FormattedCitation } from './formatter';
export { TalkCitations, FormatterCache, referenceListHtml, type CitedEntry } from './talk';
export { splitReferences, estimateReferenceHeight, DEFAULT_REFERENCE_LAYOUT, type ReferenceLayout } from './split';
export { checkCitationKeys, checkBibliographyStrict, suggestKey, citeForm, type KeyUse } from './check';
export type { Citation, CitedWork, CslItem } from './types';

/** Where the `csl:` value sits in the front matter, for errors about it. */
export interface StyleSpecSource {
  file: string;
  line: number;
  column: number;
}

/**
 * The style named by front matter `csl:` (default vancouver). A .csl path is read by `readCsl`
 * (relative to the deck; the compiler confines it like any deck file); null means unreadable.
 */
export function resolveStyle(
  spec: string | undefined,
  where: StyleSpecSource,
  readCsl: (path: string) => { file: string; text: string } | null,
): { style: CitationStyle; diagnostics: Diagnostic[] } {
  const fallback = bundledStyle(DEFAULT_STYLE)!;
  const err = (file: string, line: number, column: number, message: string): { style: CitationStyle; diagnostics: Diagnostic[] } => ({
    style: fallback,
    diagnostics: [{ file, line, column, severity: 'error', code: 'citation-style', message }],
  });
  const kind = styleSpecKind(spec);
  if (kind.kind === 'bundled') return { style: bundledStyle(kind.name)!, diagnostics: [] };
  if (kind.kind === 'unknown') return err(where.file, where.line, where.column, `csl: "${kind.name}" is not a bundled style (${BUNDLED_STYLES.join(', ')}) or a .csl file`);
  const read = readCsl(kind.path);
  if (!read) return err(where.file, where.line, where.column, `csl: cannot read ${kind.path}`);
  const parsed = parseCslStyle(read.file, read.text);
  if (!parsed.ok) return err(read.file, parsed.line, parsed.column, parsed.message);
  return { style: parsed.style, diagnostics: [] };
}

/**
 * The citation state for one compile of a talk. `loads` in precedence order: the top deck's
 * bibliographies first, then an include's own (an include cites against both).
 */
export function createTalkCitations(loads: readonly BibliographyLoad[], style: CitationStyle, formatters: FormatterCache): TalkCitations {
  const bibliographies = loads.map((l) => l.bibliography);
  const entries = mergeBibliographies(bibliographies);
  const formatter = formatters.get(style, bibliographies.map((b) => b.hash), entries);
  return new TalkCitations(formatter, entries);
}
