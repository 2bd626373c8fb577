// Includes: a slide that is only `<!-- include: path.md -->` is replaced by that deck's slides
// (confined to the top deck's asset root, cycles and bombs refused), each included deck a section.
// Produces the flat list of slide chunks the compiler renders, with each chunk's file and scope.
// An include slide may carry `<!-- .slide: data-lengths="full" -->` for the whole included part:
// its slides are then in those lengths only (intersected with their own and outer includes').
import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { AssetResolver } from './assets';
import { adaptChunks, detectDialect } from './dialect';
import { parseAttributeString } from './directives';
import { LENGTHS_ATTRIBUTE, slideLengths } from './lengths';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { normalizeSource, splitDeck, type Separators, type SlideChunk } from './source';
import type { Diagnostic } from './types';

/** A file's decks share one scope: the section its slides fall in, until a section comment. */
export interface Scope {
  current: string;
}

export interface Entry {
  chunk: SlideChunk;
  file: string;
  scope: Scope;
  /** First or last chunk of its file: dropped when blank (a leading or trailing separator). */
  edge: boolean;
  /** The talk lengths its include slides allow (their `data-lengths`, intersected); undefined: all. */
  lengths?: readonly string[];
}

/** An include slide's `data-lengths`, where it was written (the compiler checks the names). */
export interface IncludeLengths {
  file: string;
  line: number;
  names: string[];
}

export interface Expansion {
  /** Include directives expanded so far in this compile (an include bomb stops at the cap). */
  includes: number;
  entries: Entry[];
  diagnostics: Diagnostic[];
  dependencies: Set<string>;
  /** Included decks' own `bibliography:` declarations, in include order (citations resolve against them). */
  bibliographies: Array<{ file: string; paths: NonNullable<FrontMatter['bibliography']> }>;
  /** Every include slide's `data-lengths`, in order. */
  includeLengths: IncludeLengths[];
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

export function titleFromFile(file: string): string {
  return basename(file, extname(file));
}

/** Line and column of the include comment inside its chunk (after leading blank lines). */
function includePosition(chunk: SlideChunk): { line: number; column: number } {
  const lines = chunk.body.text.split('\n');
  const at = lines.findIndex((l) => /<!--\s*include:/.test(l));
  const idx = at >= 0 ? at : Math.max(0, lines.findIndex((l) => l.trim() !== ''));
  const line = lines[idx] ?? '';
  return { line: chunk.body.line + idx, column: line.length - line.trimStart().length + 1 };
}

/** Appends `source`'s slide chunks to `out`, replacing include slides by the included decks'. */
export function expand(
  source: string,
  file: string,
  scope: Scope,
  resolver: AssetResolver,
  root: string,
  stack: string[],
  out: Expansion,
  separators?: Separators,
  /** The lengths the include slides above this file allow (undefined: every length). */
  lengths?: readonly string[],
): void {
  const split = splitDeck(source, separators);
  const guess = detectDialect(source, split.frontMatter?.text ?? null, split.frontMatter?.line ?? 1);
  if (guess) out.diagnostics.push({ file, line: guess.line, column: 1, severity: 'warning', code: 'foreign-dialect', message: guess.message });
  split.slides = adaptChunks(split.slides, guess?.dialect ?? null);
  const n = split.slides.length;
  if (split.unclosedFenceLine !== null) {
    out.diagnostics.push({
      file, line: split.unclosedFenceLine, column: 1, severity: 'warning', code: 'unclosed-code-fence',
      message: 'this code fence is never closed, so the slide separators after it are treated as code',
    });
  }
  split.slides.forEach((chunk, i) => {
    if (chunk.include === null) {
      out.entries.push({ chunk, file, scope, edge: i === 0 || i === n - 1, ...(lengths ? { lengths } : {}) });
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
    const partLengths = includeLengths(chunk, file, lengths, out);
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
    let innerSeparators: Separators | undefined;
    if (inner.frontMatter) {
      const parsed = parseFrontMatter(inner.frontMatter, target);
      // Its own settings are ignored, but broken YAML is still the author's to fix.
      out.diagnostics.push(...parsed.diagnostics.filter((d) => d.severity === 'error'));
      title = parsed.fm.title ?? '';
      // Separators are how that file is written, so they apply to it.
      innerSeparators = parsed.fm.separators;
      if (parsed.fm.bibliography?.length) out.bibliographies.push({ file: target, paths: parsed.fm.bibliography });
    }
    if (!title) title = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text)?.[1] ?? titleFromFile(target);
    const first = out.entries.length;
    expand(text, target, { current: title }, resolver, root, [...stack, target], out, innerSeparators, partLengths);
    // An include placed under `--` continues the stack: its first slide takes that place.
    const head = out.entries[first];
    if (head && chunk.vertical) head.chunk = { ...head.chunk, vertical: true };
  });
}

/**
 * The lengths an include slide's part is in: its `data-lengths` intersected with the outer
 * includes' (a slide inside the part intersects again with its own). Other attributes on an
 * include slide have no slide to go on: a warning says so.
 */
function includeLengths(chunk: SlideChunk, file: string, outer: readonly string[] | undefined, out: Expansion): readonly string[] | undefined {
  const written = chunk.includeAttributes;
  if (!written) return outer;
  const attributes = parseAttributeString(written.text);
  const ignored = Object.keys(attributes).filter((name) => name !== LENGTHS_ATTRIBUTE);
  if (ignored.length) {
    out.diagnostics.push({
      file, line: written.line, column: 1, severity: 'warning', code: 'include-attributes-ignored',
      message: `an include slide takes only ${LENGTHS_ATTRIBUTE} (for the whole included part); ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored: put ${ignored.length === 1 ? 'it' : 'them'} on the included slides`,
    });
  }
  const names = slideLengths(attributes);
  if (!names) return outer;
  out.includeLengths.push({ file, line: written.line, names });
  if (!outer) return names;
  const both = outer.filter((name) => names.includes(name));
  if (!both.length) {
    out.diagnostics.push({ file, line: written.line, column: 1, severity: 'warning', code: 'lengths-disjoint', message: `this include slide's data-lengths (${names.join(' ')}) shares no length with the include slide that includes this file (${outer.join(' ') || 'none'}): its part is in no length of the talk` });
  }
  return both;
}
