// Deck assembly: front matter, includes (spliced slide lists, each a section), sections, slide
// numbering and deck-level diagnostics, with rendered slides cached by content so that
// recompiling after an edit only renders the slides that changed.
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { createAssetResolver, stampOf, type AssetResolver, type FileStamp } from './assets';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { renderSlide, type SlideRender } from './slide';
import { normalizeSource, splitDeck, type SlideChunk } from './source';
import type { Deck, DeckAsset, Diagnostic, Slide } from './types';

export interface CompileOptions {
  /** Folder that assets and includes are confined to (default: the deck file's folder). */
  root?: string;
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

/** A file's decks share one scope: the section its slides fall in, until a section comment. */
interface Scope {
  current: string;
}

interface Entry {
  chunk: SlideChunk;
  file: string;
  scope: Scope;
  /** First or last chunk of its file: dropped when blank (a leading or trailing separator). */
  edge: boolean;
}

interface Expansion {
  /** Include directives expanded so far in this compile (an include bomb stops at the cap). */
  includes: number;
  entries: Entry[];
  diagnostics: Diagnostic[];
  dependencies: Set<string>;
}

const MAX_INCLUDE_DEPTH = 32;
/** A talk made of section decks needs dozens of includes; ten thousand slides is no talk. */
const MAX_INCLUDES = 1000;
const MAX_SLIDES = 10_000;

/** Decodes deck bytes as UTF-8; invalid sequences become U+FFFD and a warning. */
export function decodeDeckBytes(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return {
      text,
      diagnostics: [{ file, line, column, severity: 'warning', code: 'invalid-utf8', message: 'the file is not valid UTF-8; invalid bytes show as \uFFFD' }],
    };
  }
}

function titleFromFile(file: string): string {
  return basename(file, extname(file));
}

/** Line and column of the include comment inside its chunk (after leading blank lines). */
function includePosition(chunk: SlideChunk): { line: number; column: number } {
  const lines = chunk.body.text.split('\n');
  const idx = Math.max(0, lines.findIndex((l) => l.trim() !== ''));
  const line = lines[idx] ?? '';
  return { line: chunk.body.line + idx, column: line.length - line.trimStart().length + 1 };
}

function isBlank(chunk: SlideChunk): boolean {
  return chunk.body.text.trim() === '' && (chunk.notes === null || chunk.notes.text.trim() === '');
}

export function createDeckCompiler(): DeckCompiler {
  const cache = new Map<string, CacheEntry>();
  let generation = 0;
  const stats = { rendered: 0, reused: 0 };

  function expand(
    source: string,
    file: string,
    scope: Scope,
    resolver: AssetResolver,
    root: string,
    stack: string[],
    out: Expansion,
  ): void {
    const split = splitDeck(source);
    const n = split.slides.length;
    if (split.unclosedFenceLine !== null) {
      out.diagnostics.push({
        file, line: split.unclosedFenceLine, column: 1, severity: 'warning', code: 'unclosed-code-fence',
        message: 'this code fence is never closed, so the slide separators after it are treated as code',
      });
    }
    split.slides.forEach((chunk, i) => {
      if (chunk.include === null) {
        out.entries.push({ chunk, file, scope, edge: i === 0 || i === n - 1 });
        return;
      }
      const at = includePosition(chunk);
      const report = (code: string, message: string): void => {
        out.diagnostics.push({ file, ...at, severity: 'error', code, message });
      };
      if (chunk.notes && chunk.notes.text.trim()) {
        out.diagnostics.push({ file, line: chunk.notes.line, column: 1, severity: 'warning', code: 'include-notes-ignored', message: 'notes on an include slide are not shown (the included slides carry their own)' });
      }
      if (chunk.include === '') return report('missing-include', 'include without a path');
      if (out.includes >= MAX_INCLUDES || out.entries.length >= MAX_SLIDES) {
        return report('include-limit', `include refused: the deck already has ${out.includes} includes and ${out.entries.length} slides (limits ${MAX_INCLUDES} and ${MAX_SLIDES})`);
      }
      out.includes++;
      const res = resolver.resolve(chunk.include, dirname(file), 'any');
      if (res.stat) out.dependencies.add(res.stat.path);
      if (!res.ok) {
        const code = res.code === 'missing-asset' ? 'missing-include' : res.code === 'asset-outside-deck' ? 'include-outside-deck' : 'bad-include';
        return report(code, `cannot include ${chunk.include}: ${res.message}`);
      }
      const target = res.asset.path;
      if (stack.includes(target)) {
        const chain = [...stack.slice(stack.indexOf(target)), target].map((p) => basename(p)).join(' -> ');
        return report('include-cycle', `include cycle: ${chain}`);
      }
      if (stack.length >= MAX_INCLUDE_DEPTH) return report('include-too-deep', `includes nested more than ${MAX_INCLUDE_DEPTH} deep`);
      let bytes: Buffer;
      try {
        bytes = readFileSync(target);
      } catch (err) {
        return report('missing-include', `cannot read ${chunk.include}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const decoded = decodeDeckBytes(bytes, target);
      out.diagnostics.push(...decoded.diagnostics);
      const text = normalizeSource(decoded.text);
      const inner = splitDeck(text);
      let title = '';
      if (inner.frontMatter) {
        const parsed = parseFrontMatter(inner.frontMatter, target);
        // Its own settings are ignored, but broken YAML is still the author's to fix.
        out.diagnostics.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
        title = parsed.fm.title ?? '';
      }
      if (!title) title = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text)?.[1] ?? titleFromFile(target);
      const first = out.entries.length;
      expand(text, target, { current: title }, resolver, root, [...stack, target], out);
      // An include placed under `--` continues the stack: its first slide takes that place.
      const head = out.entries[first];
      if (head && chunk.vertical) head.chunk = { ...head.chunk, vertical: true };
    });
  }

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
    const resolver = createAssetResolver(root);
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
      const render = renderCached(entry, root, resolver);
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

  function renderCached(entry: Entry, root: string, resolver: AssetResolver): SlideRender {
    const { chunk } = entry;
    const notes = chunk.notes;
    const key = [entry.file, root, notes ? `${notes.line - chunk.body.line}:${notes.column}` : '-', chunk.body.text, notes?.text ?? ''].join('\0');
    const hit = cache.get(key);
    if (hit && stampsUnchanged(hit.render.stamps)) {
      hit.generation = generation;
      stats.reused++;
      const delta = chunk.body.line - hit.baseLine;
      if (delta === 0) return hit.render;
      return { ...hit.render, diagnostics: hit.render.diagnostics.map((d) => ({ ...d, line: d.line + delta })) };
    }
    stats.rendered++;
    const render = renderSlide({ file: entry.file, body: chunk.body, notes, resolver });
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
