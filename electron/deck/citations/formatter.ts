// Formats citations and reference entries with citeproc-js, one engine per (style, bibliography).
// The engine's registry holds the cited keys in order of first citation, so numbered styles
// number that way; formatted clusters and entries are cached until that order changes.
import CSL, { type CiteprocCitationItem, type CiteprocEngine } from 'citeproc';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
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

  constructor(readonly style: CitationStyle, locale = 'en-US') {
    const locales = plugins.config.get('@csl').locales;
    this.engine = new CSL.Engine(
      {
        retrieveLocale: (lang) => locales.get(lang) ?? locales.get('en-US') ?? '',
        retrieveItem: (id) => this.items.get(id),
      },
      style.xml,
      locale,
      true,
    );
    this.engine.setOutputFormat('html');
    this.engine.opt.development_extensions.wrap_url_and_doi = true;
  }
}

export class CitationFormatter {
  private readonly shared: StyleEngine;
  private order: string[] = [];
  private clusterCache = new Map<string, FormattedCitation>();
  private entriesCache: ReferenceEntry[] | null = null;

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
    const known = keys.filter((k) => this.items.has(k));
    if (known.length === this.order.length && known.every((k, i) => k === this.order[i])) return;
    this.order = known;
    if (this.shared.owner === this) this.shared.engine.updateItems(known);
    this.clusterCache = new Map();
    this.entriesCache = null;
  }

  numberOf(key: string): number | null {
    if (!this.style.numbered) return null;
    const i = this.order.indexOf(key);
    return i < 0 ? null : i + 1;
  }

  /** A citation's in-text form. Every key must be known and registered by setOrder. */
  formatCitation(citation: Citation): FormattedCitation {
    const cacheKey = JSON.stringify([citation.inText, citation.works]);
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

  /** The reference list, in the style's order (citation order for numbered styles). */
  entries(): ReferenceEntry[] {
    if (this.entriesCache) return this.entriesCache;
    const out: ReferenceEntry[] = [];
    const bib = this.order.length ? this.engine.makeBibliography() : false;
    if (bib) {
      const [meta, htmls] = bib;
      meta.entry_ids.forEach((ids, i) => {
        const key = ids[0] ?? '';
        const item = this.items.get(key);
        const raw = htmls[i] ?? '';
        // citeproc wraps each entry as csl-entry, with the number in csl-left-margin when numbered.
        const body = /<div class="csl-right-inline">([\s\S]*)<\/div>\s*<\/div>\s*$/.exec(raw)?.[1] ?? /<div class="csl-entry">([\s\S]*)<\/div>\s*$/.exec(raw)?.[1] ?? raw;
        const html = withPmidLink(body.trim(), item?.PMID !== undefined ? String(item.PMID) : undefined);
        const short = item ? shortReference(item) : key;
        out.push({ key, number: this.numberOf(key), html, text: htmlToText(html), shortHtml: escapeHtml(short), shortText: short });
      });
    }
    this.entriesCache = out;
    return out;
  }
}
