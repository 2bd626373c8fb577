// Formats citations and reference entries with citeproc-js, one engine per (style, bibliography).
// The engine's registry holds the cited keys in order of first citation, so numbered styles
// number that way; formatted clusters and entries are cached until that order changes.
import type { CiteprocCitationItem, CiteprocEngine } from 'citeproc';
import { citationPlugins, citeprocLibrary } from './libraries';
import type { Citation, CitedWork, CslItem, CslName } from './types';
import type { CitationStyle } from './styles';
import { escapeHtml, htmlToText } from './html';

export interface FormattedCitation {
  html: string;
  text: string;
}

export interface ReferenceEntry {
  key: string;
  /** 1-based number in numbered styles, else null. */
  number: number | null;
  /** The entry's HTML body (no number), with DOI and PMID links. */
  html: string;
  /** Plain text, for search and notes. */
  text: string;
  /** Short form for per-slide footers: "Devcic et al. J Nucl Med 2014;55:1–7". */
  shortHtml: string;
  shortText: string;
}

// "p. 33", "pp. 3-4", "chap. 2", "fig. 1": CSL locator labels, as Pandoc recognises them.
const LOCATOR_LABELS: Array<[RegExp, string]> = [
  [/^(?:p|pp|page|pages)\.?\s*/i, 'page'],
  [/^(?:chap|ch|chapter|chapters)\.?\s*/i, 'chapter'],
  [/^(?:fig|figs|figure|figures)\.?\s*/i, 'figure'],
  [/^(?:sec|secs|section|sections|§|§§)\.?\s*/i, 'section'],
  [/^(?:tab|table|tables)\.?\s*/i, 'table'],
  [/^(?:vol|vols|volume|volumes)\.?\s*/i, 'volume'],
  [/^(?:para|paras|paragraph)\.?\s*/i, 'paragraph'],
  [/^(?:l|ll|line|lines)\.\s*/i, 'line'],
];

function citeprocItem(work: CitedWork): CiteprocCitationItem {
  const item: CiteprocCitationItem = { id: work.key };
  if (work.prefix) item.prefix = `${work.prefix} `;
  if (work.suppressAuthor) item['suppress-author'] = true;
  if (work.locator) {
    const label = LOCATOR_LABELS.find(([re]) => re.test(work.locator));
    if (label) {
      const [locator, ...rest] = work.locator.replace(label[0], '').split(/(?<=\S),\s+/);
      item.label = label[1];
      item.locator = locator ?? '';
      if (rest.length) item.suffix = `, ${rest.join(', ')}`;
    } else item.suffix = `, ${work.locator}`;
  }
  return item;
}

function nameText(n: CslName): string {
  return n.literal ?? [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
}

/** "Llovet", "Llovet and Lo", "Devcic et al.": the author part of running-text citations and footers. */
export function shortAuthors(item: CslItem | undefined): string {
  const names = item?.author ?? item?.editor ?? [];
  const real = names.filter((n) => n.literal !== 'et al.');
  const etAl = real.length < names.length;
  if (real.length === 0) return item?.title ? String(item.title) : '';
  if (real.length === 1) return nameText(real[0]!) + (etAl ? ' et al.' : '');
  if (real.length === 2 && !etAl) return `${nameText(real[0]!)} and ${nameText(real[1]!)}`;
  return `${nameText(real[0]!)} et al.`;
}

function yearOf(item: CslItem): string {
  const parts = item.issued?.['date-parts']?.[0];
  return parts?.[0] !== undefined ? String(parts[0]) : (item.issued?.literal ?? item.issued?.raw ?? '');
}

function shortReference(item: CslItem): string {
  const journal = item['container-title-short'] ?? item['container-title'] ?? '';
  const vol = item.volume !== undefined ? `;${item.volume}` : '';
  const page = item.page ? `${vol ? ':' : ';'}${String(item.page).replace(/-+/g, '–')}` : '';
  const where = [journal, `${yearOf(item)}${vol}${page}`].filter(Boolean).join(' ');
  const authors = shortAuthors(item);
  if (!authors || !where) return authors || where;
  return `${authors}${authors.endsWith('.') ? '' : '.'} ${where}`;
}

const PMID_TEXT = /PMID:?\s*(\d{1,9})/;

/** DOI links come from citeproc; a PMID is linked where the style prints it, else appended. */
function withPmidLink(html: string, pmid: string | undefined): string {
  if (!pmid || !/^\d{1,9}$/.test(pmid)) return html;
  const link = `<a href="https://pubmed.ncbi.nlm.nih.gov/${pmid}/">${pmid}</a>`;
  const m = PMID_TEXT.exec(html);
  if (m && m[1] === pmid) return html.replace(PMID_TEXT, `PMID: ${link}`);
  return `${html} PMID: ${link}.`;
}

/**
 * A citeproc engine for one style. Building one parses the style (APA takes citeproc about 2.5 s,
 * vancouver 0.1 s), so formatters of the same style share it: whoever uses it next points it at
 * its own items and order.
 */
export class StyleEngine {
  readonly engine: CiteprocEngine;
  items: ReadonlyMap<string, CslItem> = new Map();
  owner: object | null = null;
  private bibliographyEngine: CiteprocEngine | null = null;
  /**
   * Formatted entry bodies by the entry's content (numbered styles): a bibliography edited in
   * Zotero and re-exported reformats only the entries that changed. citeproc spends 1-2 ms on each.
   */
  readonly bodies = new Map<string, EntryBody>();

  constructor(readonly style: CitationStyle, private readonly locale = 'en-US') {
    this.engine = this.build();
  }

  private build(): CiteprocEngine {
    const locales = citationPlugins().plugins.config.get('@csl').locales;
    const CSL = citeprocLibrary();
    const engine = new CSL.Engine(
      {
        retrieveLocale: (lang) => locales.get(lang) ?? locales.get('en-US') ?? '',
        retrieveItem: (id) => this.items.get(id),
      },
      this.style.xml,
      this.locale,
      true,
    );
    engine.setOutputFormat('html');
    engine.opt.development_extensions.wrap_url_and_doi = true;
    return engine;
  }

  /**
   * A second engine that formats only the entries not formatted yet (numbered styles: an entry's
   * text does not depend on its number or on the other entries), so renumbering costs no
   * bibliography work.
   */
  get forEntries(): CiteprocEngine {
    return (this.bibliographyEngine ??= this.build());
  }
}

export interface EntryBody {
  html: string;
  text: string;
  shortHtml: string;
  shortText: string;
}

/** The body of one citeproc bibliography entry: the number column (csl-left-margin) is dropped. */
function entryBody(raw: string): string {
  return /<div class="csl-right-inline">([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(raw)?.[1] ?? /<div class="csl-entry">([\s\S]*)<\/div>\s*$/.exec(raw)?.[1] ?? raw;
}

const MAX_CLUSTERS = 50_000;

export class CitationFormatter {
  private readonly shared: StyleEngine;
  private order: string[] = [];
  private lastKeys: readonly string[] | null = null;
  private lastLength = -1;
  private numbers = new Map<string, number>();
  private clusterCache = new Map<string, FormattedCitation>();
  private entriesCache: ReferenceEntry[] | null = null;
  /** Numbered styles: each key's content signature, the key into StyleEngine.bodies. */
  private readonly signatures = new Map<string, string>();

  constructor(
    readonly style: CitationStyle,
    private readonly items: ReadonlyMap<string, CslItem>,
    shared?: StyleEngine,
  ) {
    this.shared = shared && shared.style.xml === style.xml ? shared : new StyleEngine(style);
  }

  /** The engine, registered with this formatter's items and order. */
  private get engine(): CiteprocEngine {
    if (this.shared.owner !== this) {
      this.shared.owner = this;
      this.shared.items = this.items;
      this.shared.engine.updateItems(this.order);
    }
    return this.shared.engine;
  }

  /** The cited keys (known ones only), in order of first citation. Cheap when unchanged. */
  setOrder(keys: readonly string[]): void {
    // The caller's growing order array, seen at this length before: nothing to compare (a talk
    // syncs before every citation it formats; comparing 500 keys 2,000 times adds up).
    if (keys === this.lastKeys && keys.length === this.lastLength) return;
    this.lastKeys = keys;
    this.lastLength = keys.length;
    const known = keys.filter((k) => this.items.has(k));
    if (known.length === this.order.length && known.every((k, i) => k === this.order[i])) return;
    this.order = known;
    this.numbers = new Map(known.map((k, i) => [k, i + 1]));
    if (this.shared.owner === this) this.shared.engine.updateItems(known);
    // Numbered clusters are cached under their numbers (below), so they survive renumbering;
    // author-date clusters depend on which works are cited (disambiguation), so they go.
    if (!this.style.numbered || this.clusterCache.size > MAX_CLUSTERS) this.clusterCache = new Map();
    this.entriesCache = null;
  }

  numberOf(key: string): number | null {
    if (!this.style.numbered) return null;
    return this.numbers.get(key) ?? null;
  }

  /** A citation's in-text form. Every key must be known and registered by setOrder. */
  formatCitation(citation: Citation): FormattedCitation {
    const cacheKey = JSON.stringify([citation.inText, citation.works.map((w) => [w.key, this.numbers.get(w.key), w.prefix, w.locator, w.suppressAuthor])]);
    const hit = this.clusterCache.get(cacheKey);
    if (hit) return hit;
    const items = citation.works.map(citeprocItem);
    let html: string;
    if (citation.inText) {
      // Running text: "Llovet et al. (1)" in numbered styles, "Llovet et al. (2002)" otherwise.
      const work = citation.works[0]!;
      const author = escapeHtml(shortAuthors(this.items.get(work.key)));
      const rest = this.engine.makeCitationCluster([{ ...items[0]!, 'suppress-author': true }]);
      html = `${author} ${rest}`;
    } else html = this.engine.makeCitationCluster(items);
    const out = { html, text: htmlToText(html) };
    this.clusterCache.set(cacheKey, out);
    return out;
  }

  private signature(key: string): string {
    let sig = this.signatures.get(key);
    if (sig === undefined) {
      sig = JSON.stringify(this.items.get(key) ?? key);
      this.signatures.set(key, sig);
    }
    return sig;
  }

  private body(key: string, raw: string): EntryBody {
    const item = this.items.get(key);
    const html = withPmidLink(entryBody(raw).trim(), item?.PMID !== undefined ? String(item.PMID) : undefined);
    const short = item ? shortReference(item) : key;
    return { html, text: htmlToText(html), shortHtml: escapeHtml(short), shortText: short };
  }

  /** The reference list, in the style's order (citation order for numbered styles). */
  entries(): ReferenceEntry[] {
    if (this.entriesCache) return this.entriesCache;
    let out: ReferenceEntry[];
    if (this.style.numbered && this.style.entryTextWithoutNumber) {
      const bodies = this.shared.bodies;
      const missing = this.order.filter((k) => !bodies.has(this.signature(k)));
      if (missing.length) {
        void this.engine; // points the shared items at this formatter's
        const engine = this.shared.forEntries;
        engine.updateItems(missing);
        const bib = engine.makeBibliography();
        if (bib) bib[0].entry_ids.forEach((ids, i) => bodies.set(this.signature(ids[0] ?? ''), this.body(ids[0] ?? '', bib[1][i] ?? '')));
        while (bodies.size > MAX_CLUSTERS) bodies.delete(bodies.keys().next().value as string);
      }
      out = this.order.map((key, i) => ({ key, number: i + 1, ...(bodies.get(this.signature(key)) ?? this.body(key, escapeHtml(key))) }));
    } else {
      out = [];
      const bib = this.order.length ? this.engine.makeBibliography() : false;
      if (bib) bib[0].entry_ids.forEach((ids, i) => out.push({ key: ids[0] ?? '', number: null, ...this.body(ids[0] ?? '', bib[1][i] ?? '') }));
    }
    this.entriesCache = out;
    return out;
  }
}
