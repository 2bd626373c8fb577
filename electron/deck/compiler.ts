// Deck assembly: front matter, the slide list (includes.ts), sections, slide numbering and
// deck-level diagnostics, with rendered slides cached by content so that recompiling after an
// edit only renders the slides that changed.
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MediaLibrary } from '../media/media-library';
import { createAssetResolver, stampOf, type FileStamp } from './assets';
import { createMediaResolver } from './media-assets';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { expand, titleFromFile, type Entry, type Expansion } from './includes';
import { DEFAULT_RENDER_OPTIONS, type DeckRenderContext } from './render-context';
import { renderSlide, type SlideRender } from './slide';
import { normalizeSource, splitDeck, type SlideChunk } from './source';
import type { Deck, DeckAsset, Diagnostic, Slide } from './types';

export { decodeDeckBytes } from './includes';

export interface CompileOptions {
  /** Folder that assets and includes are confined to (default: the deck file's folder). */
  root?: string;
  /**
   * Send Markdown-only slides through sanitize-html as well (by default only slides with raw
   * HTML take it). Same output, slower: tests use it to compare the two paths.
   */
  sanitizeEverything?: boolean;
  /**
   * Clinical media (issue 13): privacy check, DICOM to PNG, video posters. Without it DICOM
   * cannot be shown and no metadata is checked. See `compileWithMedia` for the compile loop.
   */
  media?: MediaLibrary;
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
  let generation = 0;
  const stats = { rendered: 0, reused: 0 };


  function compile(text: string, fileArg: string, options: CompileOptions = {}): Deck {
    const file = resolve(fileArg);
    const root = resolve(options.root ?? dirname(file));
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
    const confining = createAssetResolver(root);
    const resolver = options.media ? createMediaResolver(confining, root, options.media) : confining;
    // Every slide of this compile (includes too) renders in this context.
    const deckContext: DeckRenderContext = {
      root,
      resolver,
      options: { ...DEFAULT_RENDER_OPTIONS, sanitizeEverything: options.sanitizeEverything ?? false, media: options.media !== undefined },
    };
    let self = file;
    try {
      self = realpathSync(file);
    } catch {
      /* an unsaved or virtual deck: its path as given */
    }
    const expansion: Expansion = { includes: 0, entries: [], diagnostics: [], dependencies: new Set([file]) };
    expand(source, file, { current: '' }, resolver, root, [self], expansion);
    diagnostics.push(...expansion.diagnostics);

    const slides: Slide[] = [];
    const assets = new Map<string, DeckAsset>();
    const deps = expansion.dependencies;
    let h = -1;
    let v = 0;
    for (const entry of expansion.entries) {
      const { chunk } = entry;
      if (entry.edge && isBlank(chunk)) continue;
      const render = renderCached(entry, deckContext);
      for (const s of render.stamps) deps.add(s.path);
      for (const a of render.assets) assets.set(a.ref, a);
      if (render.section !== null) entry.scope.current = render.section;
      if (chunk.vertical && h >= 0) v++;
      else {
        h++;
        v = 0;
      }
      // Copies: the cache keeps the originals.
      for (const d of render.diagnostics) diagnostics.push({ ...d });
      const hasNotes = render.notesText.trim() !== '';
      if (render.empty) {
        diagnostics.push({ file: entry.file, line: chunk.startLine, column: 1, severity: 'warning', code: 'empty-slide', message: 'empty slide' });
      }
      if (!hasNotes) {
        diagnostics.push({ file: entry.file, line: chunk.startLine, column: 1, severity: 'warning', code: 'slide-without-notes', message: `slide without speaker notes${render.title ? ` ("${render.title}")` : ''}: add a line starting with Note:` });
      }
      slides.push({
        index: slides.length,
        h,
        v,
        html: render.html,
        notesHtml: render.notesHtml,
        notesText: render.notesText,
        text: render.text,
        title: render.title,
        attributes: { ...render.attributes },
        fragments: render.fragments,
        section: entry.scope.current,
        source: { file: entry.file, startLine: chunk.startLine, endLine: chunk.endLine },
      });
    }
    if (slides.length === 0) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'warning', code: 'empty-deck', message: 'the deck has no slides' });
    }

    const sectionTitles = new Set(slides.map((s) => s.section));
    for (const budget of fm.sections ?? []) {
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
        duration: fm.duration,
        sections: fm.sections ?? [],
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

  function renderCached(entry: Entry, deck: DeckRenderContext): SlideRender {
    const { chunk } = entry;
    const notes = chunk.notes;
    // Everything a slide's render reads: its text and position, and the deck context's settings.
    const key = [entry.file, deck.root, deck.options.sanitizeEverything ? 'all' : 'raw', deck.options.media ? 'media' : '-', notes ? `${notes.line - chunk.body.line}:${notes.column}` : '-', chunk.body.text, notes?.text ?? ''].join('\0');
    const hit = cache.get(key);
    if (hit && !hit.render.pending && stampsUnchanged(hit.render.stamps)) {
      hit.generation = generation;
      stats.reused++;
      const delta = chunk.body.line - hit.baseLine;
      if (delta === 0) return hit.render;
      return { ...hit.render, diagnostics: hit.render.diagnostics.map((d) => ({ ...d, line: d.line + delta })) };
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