// Citations in one compile of a talk: loads the bibliographies the top deck and its includes
// declare (confined like assets), makes the talk's TalkCitations, and after every slide has
// rendered (slides are cached by content, so citations sit in them as placeholders) numbers the
// citations in talk order, fills them in, adds footers and builds the references slides.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sanitizeHtml from 'sanitize-html';
import type { AssetResolver } from './assets';
import {
  BibliographyCache, FormatterCache, checkBibliographyStrict, checkCitationKeys, createTalkCitations, mergeBibliographies,
  referenceListHtml, resolveStyle, splitReferences, type BibliographyLoad, type CitedEntry, type TalkCitations,
} from './citations/index';
import { escapeHtml } from './citations/html';
import type { FrontMatter } from './frontmatter';
import { CITATION_PLACEHOLDER, type SlideRender } from './slide';
import type { Diagnostic, Slide } from './types';

/** Parsed bibliographies and formatters, kept across compiles (one per compiler). */
export interface CitationCaches {
  bibliographies: BibliographyCache;
  formatters: FormatterCache;
}

export function createCitationCaches(): CitationCaches {
  return { bibliographies: new BibliographyCache(), formatters: new FormatterCache() };
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

/** A slide as the compiler built it, before citations: its render and whether it sits under `--`. */
export interface PendingSlide {
  slide: Slide;
  vertical: boolean;
  render: SlideRender;
}

// Citation HTML comes from citeproc and our own templates; it still goes through a narrow
// allowlist (an entry's title may carry markup from the .bib file). Memoised: entries repeat.
const CITATION_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['span', 'a', 'sup', 'sub', 'i', 'b', 'em', 'strong', 'ol', 'ul', 'li', 'p', 'div', 'footer', 'h2', 'small'],
  allowedAttributes: {
    span: ['class', 'data-cite', 'title', 'aria-label', 'tabindex', 'role'],
    a: ['href'],
    ol: ['class', 'start'],
    ul: ['class'],
    li: ['class', 'value', 'id', 'data-cite'],
    p: ['class', 'id'],
    div: ['class'],
    footer: ['class'],
    h2: ['class'],
  },
  allowedSchemes: ['https', 'http'],
  allowProtocolRelative: false,
};
const cleaned = new Map<string, string>();
function clean(html: string): string {
  let out = cleaned.get(html);
  if (out === undefined) {
    out = sanitizeHtml(html, CITATION_HTML);
    if (cleaned.size > 20_000) cleaned.clear();
    cleaned.set(html, out);
  }
  return out;
}

export interface CitationOutcome {
  slides: PendingSlide[];
  diagnostics: Diagnostic[];
}

const REFERENCES = 'References';

/**
 * A citing slide's output, by its render's citation list (kept when a cached render is reused,
 * also when it moved): a recompile whose numbering, style and bibliography are unchanged fills
 * nothing again.
 */
interface Filled {
  signature: string;
  html: string;
  notesHtml: string;
  text: string;
}
const filledSlides = new WeakMap<readonly unknown[], Filled>();

/**
 * Numbers the talk's citations in slide order and puts them in place: citation HTML for the
 * placeholders, footers (`citations: footer`), the reference text in each citing slide's
 * searchable text, and the references slides. A `<!-- references -->` slide lists the works cited
 * since the previous one (so a section can have its own); works cited after the last one get
 * references slides generated at the end of the talk.
 */
export function applyCitations(
  pending: readonly PendingSlide[],
  bib: TalkBibliography | null,
  options: { file: string; lastLine: number; strict: boolean },
): CitationOutcome {
  const diagnostics: Diagnostic[] = [];
  if (!bib) {
    for (const p of pending) {
      const slot = p.render.references;
      if (slot) diagnostics.push({ file: p.slide.source.file, ...slot.where, severity: 'error', code: 'references-without-bibliography', message: 'references slide, but the deck declares no bibliography (add "bibliography: references.bib" to the front matter)' });
    }
    return { slides: [...pending], diagnostics };
  }
  const { talk } = bib;
  diagnostics.push(...bib.diagnostics);
  pending.forEach((p, i) => {
    talk.addSlide(`${i}`, p.render.citations.slice(0, p.render.bodyCitations));
    talk.addSlide(`${i}n`, p.render.citations.slice(p.render.bodyCitations));
    diagnostics.push(...checkCitationKeys(p.render.keyUses, bib.entriesFor(p.slide.source.file)));
  });
  if (options.strict) diagnostics.push(...checkBibliographyStrict(bib.entries, new Set(talk.citedKeys())));

  const byKey = new Map(talk.references().map((e) => [e.key, e]));
  const referenceText = (key: string): string => {
    const e = byKey.get(key);
    return e ? (e.number !== null ? `${e.number}. ${e.text}` : e.text) : '';
  };
  const out: PendingSlide[] = [];
  let since: string[] = [];
  const pagesFor = (ids: readonly string[], heading: string, model: PendingSlide, where: { file: string; line: number }): PendingSlide[] => {
    const entries = talk.referencesFor(ids);
    const pages = entries.length ? splitReferences(entries) : [[]];
    if (!entries.length) diagnostics.push({ file: where.file, line: where.line, column: 1, severity: 'warning', code: 'references-empty', message: 'references slide, but no work is cited before it (since the previous references slide)' });
    return pages.map((page, n) => {
      const title = n === 0 ? heading : `${heading} (${n + 1}/${pages.length})`;
      const list = page.length ? referenceListHtml(page, talk.style.numbered) : '<p class="lectern-references-none">No works cited.</p>';
      const slide: Slide = {
        ...model.slide,
        html: `<h2>${escapeHtml(title)}</h2>\n${clean(list)}`,
        title,
        text: [title, ...page.map((e) => referenceText(e.key))].join('\n'),
        attributes: { ...model.slide.attributes, class: [model.slide.attributes.class, 'lectern-references-slide'].filter(Boolean).join(' ') },
        fragments: 0,
        notesHtml: n === 0 ? model.slide.notesHtml : '',
        notesText: n === 0 ? model.slide.notesText : '',
      };
      return { slide, vertical: n === 0 ? model.vertical : model.vertical, render: model.render };
    });
  };

  // Author-date styles disambiguate by what else is cited, so the cited set is part of it too.
  const signature = `${bib.content}|${talk.style.name}|${talk.citedKeys().join(",")}`;
  pending.forEach((p, i) => {
    const r = p.render;
    if (r.references) {
      out.push(...pagesFor(since, r.references.heading || REFERENCES, p, { file: p.slide.source.file, line: r.references.where.line }));
      since = [];
      return;
    }
    if (r.citations.length) since.push(`${i}`, `${i}n`);
    if (!r.citations.length) {
      out.push(p);
      return;
    }
    const done = filledSlides.get(r.citations);
    if (done && done.signature === signature) {
      out.push({ ...p, slide: { ...p.slide, html: done.html, notesHtml: done.notesHtml, text: done.text } });
      return;
    }
    const fill = (html: string): string => html.replace(CITATION_PLACEHOLDER, (_m, n: string) => {
      const c = r.citations[Number(n)];
      return c ? clean(talk.citationHtml(c)) : '';
    });
    const keys = [...new Set(r.citations.flatMap((c) => c.works.map((w) => w.key)))];
    const footer = bib.footers ? talk.footerHtml(`${i}`) : '';
    const refs = keys.map(referenceText).filter(Boolean);
    // What the footer shows is on the slide, so search (and the check of the talk's facts) sees it.
    if (footer) refs.push(...talk.keysOn(`${i}`).map((k) => byKey.get(k)?.shortText ?? '').filter(Boolean));
    const filled: Filled = {
      signature,
      html: fill(p.slide.html) + (footer ? `\n${clean(footer)}` : ''),
      notesHtml: fill(p.slide.notesHtml),
      // The study view's search reads this: authors and titles of the works cited here.
      text: [p.slide.text, ...refs].filter(Boolean).join('\n'),
    };
    filledSlides.set(r.citations, filled);
    out.push({ ...p, slide: { ...p.slide, html: filled.html, notesHtml: filled.notesHtml, text: filled.text } });
  });
  if (since.some((id) => talk.keysOn(id).some((k) => bib.entries.has(k)))) {
    const last = out[out.length - 1];
    const model: PendingSlide = {
      slide: {
        index: 0, h: 0, v: 0, html: '', notesHtml: '', notesText: '', text: '', title: REFERENCES, attributes: {}, fragments: 0,
        section: last?.slide.section ?? '',
        source: { file: options.file, startLine: options.lastLine, endLine: options.lastLine },
      },
      vertical: false,
      render: last?.render ?? pending[0]!.render,
    };
    out.push(...pagesFor(since, REFERENCES, model, { file: options.file, line: options.lastLine }));
  }
  return { slides: out, diagnostics };
}
