// Citations put in place in one compile of a talk. Slides are cached by content, so a rendered
// slide holds placeholders for its citations; once every slide is built, applyCitations numbers
// them in talk order, fills them in, adds footers and builds the references slides.
import sanitizeHtml from 'sanitize-html';
import { checkBibliographyStrict, checkCitationKeys, referenceListHtml, splitReferences } from './citations/index';
import { escapeHtml } from './citations/html';
import type { CitationCaches, FilledSlide, TalkBibliography } from './deck-bibliography';
import { CITATION_PLACEHOLDER, type SlideRender } from './slide';
import type { Diagnostic, Slide } from './types';

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
function cleanWith(cleaned: Map<string, string>, html: string): string {
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
  caches: CitationCaches,
): CitationOutcome {
  const diagnostics: Diagnostic[] = [];
  const clean = (html: string): string => cleanWith(caches.cleaned, html);
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
        // Each page its own identity (ink and rehearsal timings are kept per slide key).
        key: n === 0 ? model.slide.key : `${model.slide.key}~page${n + 1}`,
        html: `<h2>${escapeHtml(title)}</h2>\n${clean(list)}`,
        title,
        text: [title, ...page.map((e) => referenceText(e.key))].join('\n'),
        attributes: { ...model.slide.attributes, class: [model.slide.attributes.class, 'lectern-references-slide'].filter(Boolean).join(' ') },
        fragments: 0,
        notesHtml: n === 0 ? model.slide.notesHtml : '',
        notesText: n === 0 ? model.slide.notesText : '',
      };
      // Continuation pages follow in the same direction: under `--` they stay in the stack.
      return { slide, vertical: model.vertical, render: model.render };
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
    const done = caches.filled.get(r.citations);
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
    const filled: FilledSlide = {
      signature,
      html: fill(p.slide.html) + (footer ? `\n${clean(footer)}` : ''),
      notesHtml: fill(p.slide.notesHtml),
      // The study view's search reads this: authors and titles of the works cited here.
      text: [p.slide.text, ...refs].filter(Boolean).join('\n'),
    };
    caches.filled.set(r.citations, filled);
    out.push({ ...p, slide: { ...p.slide, html: filled.html, notesHtml: filled.notesHtml, text: filled.text } });
  });
  if (since.some((id) => talk.keysOn(id).some((k) => bib.entries.has(k)))) {
    const last = out[out.length - 1];
    const model: PendingSlide = {
      slide: {
        index: 0, key: 'generated:references', h: 0, v: 0, html: '', notesHtml: '', notesText: '', text: '', title: REFERENCES, attributes: {}, fragments: 0,
        section: last?.slide.section ?? '',
        source: { file: options.file, startLine: options.lastLine, endLine: options.lastLine },
        // After the backup marker the generated references are a backup slide too (they follow it).
        ...(last?.slide.backup ? { backup: true } : {}),
      },
      vertical: false,
      render: last?.render ?? pending[0]!.render,
    };
    out.push(...pagesFor(since, REFERENCES, model, { file: options.file, line: options.lastLine }));
  }
  return { slides: out, diagnostics };
}
