// Deck assembly: front matter, the slide list (includes.ts), sections, slide numbering and
// deck-level diagnostics, with rendered slides cached by content so that recompiling after an
// edit only renders the slides that changed.
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MediaLibrary } from '../media/media-library';
import { chooseAssetRoot, describeAssetRoot } from './asset-root';
import { createAssetResolver, stampOf, type FileStamp } from './assets';
import { createCitationCaches, loadTalkBibliography } from './deck-bibliography';
import { applyCitations, type PendingSlide } from './deck-citations';
import { createMediaResolver } from './media-assets';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { bodyLooksLikeSlides, notesLookLikeSlides } from './merged-slides';
import { expand, titleFromFile, type Entry, type Expansion } from './includes';
import { budgetsFor, chooseLength, lengthsAttributeLine, slideLengths } from './lengths';
import { DEFAULT_RENDER_OPTIONS, type DeckRenderContext } from './render-context';
import { loadThemeFile } from './theme-file';
import { renderSlide, type SlideRender } from './slide';
import { normalizeSource, splitDeck, type SlideChunk } from './source';
import { SlideKeys } from './slide-key';
import type { Deck, DeckAsset, Diagnostic, Slide } from './types';

export { decodeDeckBytes } from './includes';

export interface CompileOptions {
  /**
   * `--root`: a folder that assets and includes are confined to; it must contain the deck's
   * folder and wins over the front matter's `root:` (default: that key, else the deck's folder).
   */
  root?: string;
  /**
   * Send Markdown-only slides through sanitize-html as well (by default only slides with raw
   * HTML take it). Same output, slower: tests use it to compare the two paths.
   */
  sanitizeEverything?: boolean;
  /**
   * Keep slides marked `data-visibility="hidden"`. reveal.js removes them from the presentation;
   * Lectern leaves them out of the deck, so every view and every output agrees.
   */
  includeHidden?: boolean;
  /**
   * `lectern check --strict`: also warn about bibliography entries cited nowhere or lacking a
   * year, a container title or a DOI/PMID.
   */
  strictBibliography?: boolean;
  /**
   * Clinical media (issue 13): privacy check, DICOM to PNG, video posters. Without it DICOM
   * cannot be shown and no metadata is checked. See `compileWithMedia` for the compile loop.
   */
  media?: MediaLibrary;
  /**
   * The talk length to compile (a name from the front matter's `lengths:`); default the first
   * declared. Slides marked for other lengths are left out, budgets are that length's.
   */
  length?: string;
}

function isHidden(attributes: Readonly<Record<string, string>>): boolean {
  return (attributes['data-visibility'] ?? '').trim().toLowerCase() === 'hidden';
}

export interface DeckCompiler {
  compile(text: string, file: string, options?: CompileOptions): Deck;
  /** How the last compile went: slides rendered afresh vs. reused from the cache. */
  readonly stats: { rendered: number; reused: number };
}

interface CacheEntry {
  render: SlideRender;
  baseLine: number;
  generation: number;
}

function isBlank(chunk: SlideChunk): boolean {
  return chunk.body.text.trim() === '' && (chunk.notes === null || chunk.notes.text.trim() === '');
}

export function createDeckCompiler(): DeckCompiler {
  const cache = new Map<string, CacheEntry>();
  const citationCaches = createCitationCaches();
  let generation = 0;
  const stats = { rendered: 0, reused: 0 };


  function compile(text: string, fileArg: string, options: CompileOptions = {}): Deck {
    const file = resolve(fileArg);
    generation++;
    stats.rendered = 0;
    stats.reused = 0;
    const diagnostics: Diagnostic[] = [];
    const source = normalizeSource(typeof text === 'string' ? text : String(text));
    const split = splitDeck(source);
    let fm: FrontMatter = { sectionLines: new Map() };
    if (split.frontMatter) {
      const parsed = parseFrontMatter(split.frontMatter, file);
      fm = parsed.fm;
      diagnostics.push(...parsed.diagnostics);
    }
    const chosenRoot = chooseAssetRoot(file, options.root, fm.root);
    diagnostics.push(...chosenRoot.diagnostics);
    const root = chosenRoot.root.path;
    // Messages name the root and where it was set: renders keyed by it (a moved root: line too).
    const rootName = describeAssetRoot(chosenRoot.root);
    const confining = createAssetResolver(chosenRoot.root);
    const resolver = options.media ? createMediaResolver(confining, chosenRoot.root, options.media) : confining;
    let self = file;
    try {
      self = realpathSync(file);
    } catch {
      /* an unsaved or virtual deck: its path as given */
    }
    const expansion: Expansion = { includes: 0, entries: [], diagnostics: [], dependencies: new Set([file]), bibliographies: [], includeLengths: [] };
    expand(source, file, { current: '' }, resolver, root, [self], expansion, fm.separators);
    diagnostics.push(...expansion.diagnostics);
    const bibliography = loadTalkBibliography({ file, fm }, expansion.bibliographies, resolver, citationCaches);
    // Every slide of this compile (includes too) renders in this context.
    const deckContext: DeckRenderContext = {
      root,
      resolver,
      options: { ...DEFAULT_RENDER_OPTIONS, sanitizeEverything: options.sanitizeEverything ?? false, citations: bibliography !== null, media: options.media !== undefined },
    };

    const pending: PendingSlide[] = [];
    const keys = new SlideKeys();
    const assets = new Map<string, DeckAsset>();
    const deps = expansion.dependencies;
    // The theme file, then reveal-md's css: files in their order (the later wins, as on its pages).
    const sheets = [...(fm.themeFile ? [{ ...fm.themeFile, key: 'theme' as const }] : []), ...(fm.css ?? []).map((sheet) => ({ ...sheet, key: 'css' as const }))];
    const sheetCss: string[] = [];
    for (const sheet of sheets) {
      const loaded = loadThemeFile(sheet.ref, dirname(file), resolver, sheet.key);
      for (const p of loaded.problems) diagnostics.push({ file, line: sheet.line, column: sheet.column, ...p });
      for (const a of loaded.assets) assets.set(a.ref, a);
      if (loaded.path) deps.add(loaded.path);
      if (loaded.css) sheetCss.push(loaded.css);
    }
    const themeCss = sheetCss.length ? sheetCss.join('\n') : undefined;
    for (const f of bibliography?.files ?? []) deps.add(f);
    const declaredLengths = fm.lengths ?? [];
    const lengthNames = new Set(declaredLengths.map((l) => l.name));
    const lengthList = declaredLengths.length ? declaredLengths.map((l) => l.name).join(', ') : 'none (add lengths: {short: 20, full: 45} to the front matter)';
    const chosen = chooseLength(declaredLengths, options.length);
    if (options.length !== undefined && !chosen) {
      diagnostics.push({ file, line: declaredLengths[0]?.line ?? 1, column: 1, severity: 'error', code: 'unknown-length', message: `length "${options.length}" was asked for, but the deck's lengths are ${lengthList}` });
    }
    for (const b of fm.budgets ?? []) {
      if (b.length !== undefined && !lengthNames.has(b.length)) {
        diagnostics.push({ file, line: b.line, column: 1, severity: 'error', code: 'unknown-length', message: `budget of section "${b.title}" for length "${b.length}", but the deck's lengths are ${lengthList}` });
      }
    }
    for (const mark of expansion.includeLengths) {
      for (const name of mark.names) {
        if (lengthNames.has(name)) continue;
        diagnostics.push({ file: mark.file, line: mark.line, column: 1, severity: 'error', code: 'unknown-length', message: `data-lengths names "${name}", but the deck's lengths are ${lengthList}` });
      }
    }
    /** Sections of slides left out for the chosen length: their budgets are not "unknown". */
    const otherLengthSections = new Set<string>();
    /** Where the backup marker was, once one was read: the slides after it are backup slides. */
    let backupFrom: { file: string; line: number } | null = null;
    for (const entry of expansion.entries) {
      const { chunk } = entry;
      if (entry.edge && isBlank(chunk)) continue;
      const render = renderCached(entry, deckContext, rootName);
      for (const s of render.stamps) deps.add(s.path);
      if (render.section !== null) entry.scope.current = render.section;
      const own = slideLengths(render.attributes);
      const where = own ? lengthsAttributeLine(chunk.body.text) : 0;
      const ownLine = where ? chunk.body.line + where - 1 : chunk.startLine;
      if (own) {
        for (const name of own) {
          if (lengthNames.has(name)) continue;
          diagnostics.push({
            file: entry.file, line: ownLine, column: 1, severity: 'error', code: 'unknown-length',
            message: `data-lengths names "${name}", but the deck's lengths are ${lengthList}`,
          });
        }
      }
      // Inside an include slide's part, a slide is in the lengths both name.
      const lengths = own && entry.lengths ? own.filter((name) => entry.lengths!.includes(name)) : (own ?? entry.lengths);
      if (own && entry.lengths && lengths && lengths.length === 0 && declaredLengths.length) {
        diagnostics.push({
          file: entry.file, line: ownLine, column: 1, severity: 'warning', code: 'lengths-disjoint',
          message: `this slide's data-lengths (${own.join(' ')}) shares no length with its include slide's (${entry.lengths.join(' ') || 'none'}): it is in no length of the talk`,
        });
      }
      const otherLength = !!(lengths && chosen && !lengths.includes(chosen.name));
      if (otherLength) otherLengthSections.add(entry.scope.current);
      if ((!options.includeHidden && isHidden(render.attributes)) || otherLength) {
        // Its diagnostics still count (the author may show it later); it takes no place.
        for (const d of render.diagnostics) diagnostics.push({ ...d });
        // A hidden slide at the top of a stack hands the top to the next slide of the stack.
        const next = expansion.entries[expansion.entries.indexOf(entry) + 1];
        if (next && next.chunk.vertical && !chunk.vertical) next.chunk = { ...next.chunk, vertical: false };
        continue;
      }
      if (render.backupMarker) {
        for (const d of render.diagnostics) diagnostics.push({ ...d });
        if (backupFrom) {
          diagnostics.push({ file: entry.file, line: chunk.startLine, column: 1, severity: 'warning', code: 'backup-twice', message: `a second backup marker (the backup slides already start after ${backupFrom.file}:${backupFrom.line}); this one is ignored` });
        } else backupFrom = { file: entry.file, line: chunk.startLine };
        // The marker is no slide: it takes no place, and a stack under it starts anew.
        const next = expansion.entries[expansion.entries.indexOf(entry) + 1];
        if (next && next.chunk.vertical) next.chunk = { ...next.chunk, vertical: false };
        continue;
      }
      for (const a of render.assets) assets.set(a.ref, a);
      // Copies: the cache keeps the originals.
      for (const d of render.diagnostics) diagnostics.push({ ...d });
      const hasNotes = render.notesText.trim() !== '';
      const merged = chunk.notes ? notesLookLikeSlides(chunk.notes.text) : null;
      if (merged && chunk.notes) {
        diagnostics.push({
          file: entry.file, line: chunk.notes.line + merged.lineOffset, column: 1, severity: 'warning', code: 'notes-look-like-slides',
          message: `the speaker notes hold ${merged.what}: probably slides were merged into these notes (a missing separator, or separators Lectern does not read: it splits on ---, ---- and --, or on separator/verticalSeparator in the front matter)`,
        });
      }
      const run = bodyLooksLikeSlides(chunk.body.text);
      if (run) {
        diagnostics.push({
          file: entry.file, line: chunk.body.line + run.lineOffset, column: 1, severity: 'warning', code: 'slides-look-merged',
          message: `this slide holds ${run.headings} headings of level 1-2: probably several slides run together (Lectern splits on ---, ---- and --; separators set elsewhere, such as a reveal.js template's data-separator, go in the front matter as separator: and verticalSeparator:)`,
        });
      }
      if (render.empty) {
        diagnostics.push({ file: entry.file, line: chunk.startLine, column: 1, severity: 'warning', code: 'empty-slide', message: 'empty slide' });
      }
      if (!hasNotes && !render.references) {
        diagnostics.push({ file: entry.file, line: chunk.startLine, column: 1, severity: 'warning', code: 'slide-without-notes', message: `slide without speaker notes${render.title ? ` ("${render.title}")` : ''}: add a line starting with Note:` });
      }
      pending.push({ vertical: chunk.vertical, render, slide: {
        index: 0,
        key: keys.next(chunk.body.text, render.attributes.id),
        h: 0,
        v: 0,
        html: render.html,
        notesHtml: render.notesHtml,
        notesText: render.notesText,
        text: render.text,
        title: render.title,
        attributes: { ...render.attributes },
        fragments: render.fragments,
        section: entry.scope.current,
        source: { file: entry.file, startLine: chunk.startLine, endLine: chunk.endLine },
        ...(backupFrom ? { backup: true } : {}),
      } });
    }
    const cited = applyCitations(pending, bibliography, { file, lastLine: source.split('\n').length, strict: options.strictBibliography ?? false }, citationCaches);
    diagnostics.push(...cited.diagnostics);
    // Positions last: references slides may have been added.
    const slides: Slide[] = [];
    let h = -1;
    let v = 0;
    for (const p of cited.slides) {
      if (p.vertical && h >= 0) v++;
      else {
        h++;
        v = 0;
      }
      slides.push({ ...p.slide, index: slides.length, h, v });
    }
    if (slides.length === 0) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'warning', code: 'empty-deck', message: 'the deck has no slides' });
    }

    const sectionTitles = new Set([...slides.map((s) => s.section), ...otherLengthSections]);
    const budgeted = new Set<string>();
    for (const budget of fm.budgets ?? []) {
      if (budgeted.has(budget.title)) continue;
      budgeted.add(budget.title);
      if (!sectionTitles.has(budget.title)) {
        diagnostics.push({
          file, line: fm.sectionLines.get(budget.title) ?? 1, column: 1, severity: 'warning', code: 'unknown-section',
          message: `time budget for section "${budget.title}", but no slide is in a section of that name`,
        });
      }
    }
    evict();
    return {
      file,
      root,
      meta: {
        title: fm.title ?? slides.find((s) => s.title)?.title ?? titleFromFile(file),
        author: fm.author,
        date: fm.date,
        venue: fm.venue,
        theme: fm.theme ?? 'light',
        ...(themeCss ? { themeCss } : {}),
        duration: chosen ? chosen.minutes : fm.duration,
        ...(declaredLengths.length ? { lengths: declaredLengths.map(({ name, minutes }) => ({ name, minutes })) } : {}),
        ...(chosen ? { length: chosen.name } : {}),
        sections: budgetsFor(fm.budgets ?? [], chosen?.name ?? null),
        slideNumbers: fm.slideNumbers ?? true,
      },
      slides,
      assets: [...assets.values()],
      diagnostics,
      dependencies: [...deps],
    };
  }

  function stampsUnchanged(stamps: FileStamp[]): boolean {
    for (const s of stamps) {
      const now = stampOf(s.path);
      if (now.mtimeMs !== s.mtimeMs || now.size !== s.size) return false;
    }
    return true;
  }

  function renderCached(entry: Entry, deck: DeckRenderContext, rootName: string): SlideRender {
    const { chunk } = entry;
    const notes = chunk.notes;
    // Everything a slide's render reads: its text and position, and the deck context's settings.
    const key = [entry.file, rootName, deck.options.sanitizeEverything ? 'all' : 'raw', deck.options.citations ? 'cite' : '-', deck.options.media ? 'media' : '-', notes ? `${notes.line - chunk.body.line}:${notes.column}` : '-', chunk.body.text, notes?.text ?? ''].join('\0');
    const hit = cache.get(key);
    if (hit && !hit.render.pending && stampsUnchanged(hit.render.stamps)) {
      hit.generation = generation;
      stats.reused++;
      const delta = chunk.body.line - hit.baseLine;
      if (delta === 0) return hit.render;
      const r = hit.render;
      return {
        ...r,
        diagnostics: r.diagnostics.map((d) => ({ ...d, line: d.line + delta })),
        keyUses: r.keyUses.map((u) => ({ ...u, line: u.line + delta })),
        references: r.references && { ...r.references, where: { ...r.references.where, line: r.references.where.line + delta } },
      };
    }
    stats.rendered++;
    const render = renderSlide({ file: entry.file, body: chunk.body, notes }, deck);
    cache.set(key, { render, baseLine: chunk.body.line, generation });
    return render;
  }

  /** Keeps what the last two compiles used: enough for edit-recompile cycles, bounded memory. */
  function evict(): void {
    for (const [key, entry] of cache) if (entry.generation < generation - 1) cache.delete(key);
  }

  return {
    stats,
    compile(text, file, options) {
      try {
        return compile(text, file, options);
      } catch (err) {
        // A compiler bug must not take the app or the checker down: report it on the deck.
        const abs = resolve(String(file));
        const message = err instanceof Error ? err.message : String(err);
        return {
          file: abs,
          root: resolve(options?.root ?? dirname(abs)),
          meta: { title: titleFromFile(abs), theme: 'light', sections: [], slideNumbers: true },
          slides: [],
          assets: [],
          diagnostics: [{ file: abs, line: 1, column: 1, severity: 'error', code: 'internal-error', message: `the compiler failed: ${message}` }],
          dependencies: [abs],
        };
      }
    },
  };
}