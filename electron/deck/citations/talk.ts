// The citation state of one composed talk (the top deck plus its includes): which keys are cited
// on which slide, their order of first citation (the numbering of numbered styles), and the
// formatted citations, footers and reference lists. The compiler makes one per compile and
// passes it explicitly; there is no module state. The expensive part, the formatter, is shared
// between compiles through FormatterCache so that an edit reformats nothing that did not change.
import type { BibliographyEntry } from './bibliography';
import { CitationFormatter, StyleEngine, type ReferenceEntry } from './formatter';
import type { CitationStyle } from './styles';
import type { Citation, CslItem } from './types';
import { escapeHtml } from './html';

export type CitedEntry = BibliographyEntry & { file: string };

/** Formatters by style and bibliography content, and one citeproc engine per style; one per app/CLI run. */
export class FormatterCache {
  private readonly byKey = new Map<string, CitationFormatter>();
  private readonly engines = new Map<string, StyleEngine>();
  constructor(private readonly capacity = 4) {}

  private engineFor(style: CitationStyle): StyleEngine {
    let e = this.engines.get(style.xml);
    if (!e) {
      e = new StyleEngine(style);
      this.engines.set(style.xml, e);
      while (this.engines.size > this.capacity) this.engines.delete(this.engines.keys().next().value as string);
    }
    return e;
  }

  get(style: CitationStyle, bibliographyHashes: readonly string[], entries: ReadonlyMap<string, CitedEntry>): CitationFormatter {
    const key = `${style.name}\0${style.xml.length}\0${style.xml.slice(0, 64)}\0${bibliographyHashes.join(',')}`;
    let f = this.byKey.get(key);
    if (f && f.style.xml !== style.xml) f = undefined;
    if (!f) {
      const items = new Map<string, CslItem>();
      for (const [k, e] of entries) items.set(k, e.item);
      f = new CitationFormatter(style, items, this.engineFor(style));
      this.byKey.set(key, f);
      while (this.byKey.size > this.capacity) this.byKey.delete(this.byKey.keys().next().value as string);
    }
    return f;
  }
}

export class TalkCitations {
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();
  private readonly bySlide = new Map<string, string[]>();

  constructor(
    private readonly formatter: CitationFormatter,
    readonly entries: ReadonlyMap<string, CitedEntry>,
  ) {}

  get style(): CitationStyle {
    return this.formatter.style;
  }

  knows(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Records a slide's citations (body and notes, in document order). Call for every slide of the
   * talk in order, rendered or cached, before formatting: that fixes the numbering.
   */
  addSlide(slideId: string, citations: readonly Citation[]): void {
    const keys = this.bySlide.get(slideId) ?? [];
    for (const c of citations) {
      for (const w of c.works) {
        if (!keys.includes(w.key)) keys.push(w.key);
        this.note(w.key);
      }
    }
    this.bySlide.set(slideId, keys);
  }

  private note(key: string): void {
    if (this.seen.has(key) || !this.entries.has(key)) return;
    this.seen.add(key);
    this.order.push(key);
  }

  /** Known keys in order of first citation. */
  citedKeys(): readonly string[] {
    return this.order;
  }

  /**
   * What formatted output depends on: style, and for numbered styles the numbering. A slide's
   * cached render stays valid while this is unchanged.
   */
  signature(): string {
    return `${this.style.name}|${this.style.numbered ? this.order.join(',') : ''}`;
  }

  // Always re-applied: another talk sharing the formatter (same style and bibliography) may have
  // set its own order since; setOrder compares and returns at once when nothing changed.
  private sync(): void {
    this.formatter.setOrder(this.order);
  }

  /** A citation's HTML. Keys not registered yet are numbered now (after everything registered). */
  citationHtml(citation: Citation): string {
    for (const w of citation.works) this.note(w.key);
    const unknown = citation.works.filter((w) => !this.entries.has(w.key));
    if (unknown.length) {
      // Pandoc prints the key with a question mark; the check reports it at its line.
      return `<span class="lectern-cite lectern-cite-unknown">${escapeHtml(citation.raw)}</span>`;
    }
    this.sync();
    const { html, text } = this.formatter.formatCitation(citation);
    const keys = citation.works.map((w) => w.key);
    const titles = keys.map((k) => this.referenceText(k)).join('\n');
    return `<span class="lectern-cite" data-cite="${escapeHtml(keys.join(' '))}" title="${escapeHtml(titles)}" aria-label="${escapeHtml(text)}">${html}</span>`;
  }

  /** Every cited entry, formatted, in the style's order. */
  references(): ReferenceEntry[] {
    this.sync();
    return this.formatter.entries();
  }

  /** The entries cited on these slides only (a section's own references slide); numbers stay global. */
  referencesFor(slideIds: readonly string[]): ReferenceEntry[] {
    const keys = new Set<string>();
    for (const id of slideIds) for (const k of this.bySlide.get(id) ?? []) keys.add(k);
    return this.references().filter((e) => keys.has(e.key));
  }

  private textsFor: ReferenceEntry[] | null = null;
  private texts = new Map<string, string>();

  private referenceText(key: string): string {
    this.sync();
    const entries = this.formatter.entries();
    if (entries !== this.textsFor) {
      this.texts = new Map(entries.map((e) => [e.key, e.number !== null ? `${e.number}. ${e.text}` : e.text]));
      this.textsFor = entries;
    }
    return this.texts.get(key) ?? key;
  }

  /** Keys cited on one slide, in order. */
  keysOn(slideId: string): readonly string[] {
    return this.bySlide.get(slideId) ?? [];
  }

  private byKeyFor: ReferenceEntry[] | null = null;
  private byKeyMap = new Map<string, ReferenceEntry>();

  /** The formatted entries by key, rebuilt only when the reference list changes. */
  private referencesByKey(): ReadonlyMap<string, ReferenceEntry> {
    const entries = this.references();
    if (entries !== this.byKeyFor) {
      this.byKeyMap = new Map(entries.map((e) => [e.key, e]));
      this.byKeyFor = entries;
    }
    return this.byKeyMap;
  }

  /** The per-slide footer (`citations: footer`): short references cited on the slide; '' if none. */
  footerHtml(slideId: string): string {
    const keys = this.keysOn(slideId).filter((k) => this.entries.has(k));
    if (!keys.length) return '';
    const byKey = this.referencesByKey();
    const items = keys.map((k) => {
      const e = byKey.get(k);
      if (!e) return '';
      const n = e.number !== null ? `<span class="lectern-cite-number">${e.number}.</span> ` : '';
      return `<li data-cite="${escapeHtml(k)}">${n}${e.shortHtml}</li>`;
    });
    return `<footer class="lectern-cite-footer"><ul>${items.join('')}</ul></footer>`;
  }

  /** Plain text of the slide's references, for notes and search. */
  footerText(slideId: string): string {
    const byKey = this.referencesByKey();
    return this.keysOn(slideId)
      .map((k) => byKey.get(k))
      .filter((e): e is ReferenceEntry => e !== undefined)
      .map((e) => (e.number !== null ? `${e.number}. ${e.text}` : e.text))
      .join('\n');
  }
}

/** The reference list as HTML: a numbered list for numbered styles, hanging-indent paragraphs otherwise. */
export function referenceListHtml(entries: readonly ReferenceEntry[], numbered: boolean): string {
  if (!numbered) {
    return `<div class="lectern-references lectern-references-author-date">${entries.map((e) => `<p class="lectern-reference" id="ref-${escapeHtml(e.key)}">${e.html}</p>`).join('')}</div>`;
  }
  const start = entries[0]?.number ?? 1;
  return `<ol class="lectern-references" start="${start}">${entries.map((e) => `<li class="lectern-reference" id="ref-${escapeHtml(e.key)}" value="${e.number ?? ''}">${e.html}</li>`).join('')}</ol>`;
}
