// The bibliographies of one compile of a talk: those the top deck and its includes declare
// (confined like assets), parsed once per content, the citation style, and the talk's
// TalkCitations; plus the caches a compiler keeps across compiles. deck-citations.ts puts the
// citations in place once every slide has rendered.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AssetResolver } from './assets';
import {
  BibliographyCache, FormatterCache, createTalkCitations, mergeBibliographies, resolveStyle,
  type BibliographyLoad, type CitedEntry, type TalkCitations,
} from './citations/index';
import type { FrontMatter } from './frontmatter';
import type { Diagnostic } from './types';

/** Parsed bibliographies, formatters and filled slides, kept across compiles (one per compiler). */
export interface CitationCaches {
  bibliographies: BibliographyCache;
  formatters: FormatterCache;
  /** Citing slides' output by their render's citation list (see applyCitations). */
  filled: WeakMap<readonly unknown[], FilledSlide>;
  /** Citation HTML after the allowlist, by the HTML before it. */
  cleaned: Map<string, string>;
}

export function createCitationCaches(): CitationCaches {
  return { bibliographies: new BibliographyCache(), formatters: new FormatterCache(), filled: new WeakMap(), cleaned: new Map() };
}

/**
 * A citing slide's output. Kept by its render's citation list (the same array when a cached
 * render is reused, also when the slide moved): a recompile whose style, bibliographies and
 * numbering are unchanged fills nothing again.
 */
export interface FilledSlide {
  signature: string;
  html: string;
  notesHtml: string;
  text: string;
}

/** A deck file's `bibliography:` declaration. */
export interface BibliographyDeclaration {
  file: string;
  paths: NonNullable<FrontMatter['bibliography']>;
}

/** The citation state of one compile. */
export interface TalkBibliography {
  talk: TalkCitations;
  /** What a file's citations resolve against: the top deck's entries plus the file's own. */
  entriesFor(file: string): ReadonlyMap<string, CitedEntry>;
  /** Every entry of every bibliography (the top deck's first). */
  entries: ReadonlyMap<string, CitedEntry>;
  footers: boolean;
  /** The bibliography and .csl files read: what to watch. */
  files: string[];
  diagnostics: Diagnostic[];
  /** What formatted output depends on besides the numbering: style, bibliography contents, footers. */
  content: string;
}

/**
 * Loads the talk's bibliographies: `top` is the compiled deck's declaration, `included` the
 * included decks' in include order. Null when nobody declares one (citations are then off).
 */
export function loadTalkBibliography(
  top: { file: string; fm: FrontMatter },
  included: readonly BibliographyDeclaration[],
  resolver: AssetResolver,
  caches: CitationCaches,
): TalkBibliography | null {
  const declarations: BibliographyDeclaration[] = [];
  if (top.fm.bibliography?.length) declarations.push({ file: top.file, paths: top.fm.bibliography });
  declarations.push(...included);
  if (declarations.length === 0) return null;
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const byDeck = new Map<string, BibliographyLoad[]>();
  const loaded = new Map<string, BibliographyLoad>();
  for (const d of declarations) {
    const own = byDeck.get(d.file) ?? [];
    byDeck.set(d.file, own);
    for (const p of d.paths) {
      const res = resolver.resolve(p.path, dirname(d.file), 'any');
      if (res.stat) files.push(res.stat.path);
      if (!res.ok) {
        diagnostics.push({ file: d.file, line: p.line, column: p.column, severity: 'error', code: 'bibliography-missing', message: `bibliography ${p.path}: ${res.message}` });
        continue;
      }
      let load = loaded.get(res.asset.path);
      if (!load) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(res.asset.path);
        } catch (err) {
          diagnostics.push({ file: d.file, line: p.line, column: p.column, severity: 'error', code: 'bibliography-missing', message: `bibliography ${p.path}: ${err instanceof Error ? err.message : String(err)}` });
          continue;
        }
        load = caches.bibliographies.load(res.asset.path, bytes);
        loaded.set(res.asset.path, load);
        diagnostics.push(...load.diagnostics);
      }
      own.push(load);
    }
  }
  const topLoads = byDeck.get(top.file) ?? [];
  const all = [...loaded.values()];
  const csl = top.fm.csl;
  const where = csl ? { file: top.file, line: csl.line, column: csl.column } : { file: top.file, line: 1, column: 1 };
  const style = resolveStyle(csl?.value, where, (path) => {
    const res = resolver.resolve(path, dirname(top.file), 'any');
    if (res.stat) files.push(res.stat.path);
    if (!res.ok) return null;
    try {
      return { file: res.asset.path, text: readFileSync(res.asset.path, 'utf8') };
    } catch {
      return null;
    }
  });
  diagnostics.push(...style.diagnostics);
  const talk = createTalkCitations(all, style.style, caches.formatters);
  const perFile = new Map<string, ReadonlyMap<string, CitedEntry>>();
  const topEntries = mergeBibliographies(topLoads.map((l) => l.bibliography));
  return {
    talk,
    entries: talk.entries,
    entriesFor(file) {
      let m = perFile.get(file);
      if (!m) {
        const own = file === top.file ? [] : (byDeck.get(file) ?? []);
        m = own.length ? mergeBibliographies([...topLoads, ...own].map((l) => l.bibliography)) : topEntries;
        perFile.set(file, m);
      }
      return m;
    },
    footers: top.fm.citations === 'footer',
    files,
    diagnostics,
    content: [createHash('sha1').update(style.style.xml).digest('hex'), ...all.map((l) => l.bibliography.hash), top.fm.citations ?? ''].join(','),
  };
}
