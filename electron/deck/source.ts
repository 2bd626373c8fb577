import type { TextPattern } from './separators';

// Splits a deck's Markdown into front matter and slide chunks, line by line, keeping 1-based
// source lines. Separators (`---`, `--`) and `Note:` lines inside fenced code are text.

/** A piece of Markdown with the file position of its first character. */
export interface SourceText {
  text: string;
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column of the first character (notes start after `Note:`). */
  column: number;
}

export interface SlideChunk {
  /** Preceded by `--` (continues the vertical stack) rather than `---`. */
  vertical: boolean;
  startLine: number;
  endLine: number;
  body: SourceText;
  /** Speaker notes, or null when the slide has no `Note:` line. */
  notes: SourceText | null;
  /** Set when the slide is only `<!-- include: path -->`: the path as written. */
  include: string | null;
  /**
   * An include slide's `<!-- .slide: ... -->` attributes (the only other content it may have),
   * at the line of the first such comment: `data-lengths` there applies to every included slide.
   */
  includeAttributes?: SourceText;
}

export interface FrontMatterBlock {
  text: string;
  /** 1-based line of the YAML's first line (the line after the opening `---`). */
  line: number;
}

export interface SplitDeck {
  frontMatter: FrontMatterBlock | null;
  slides: SlideChunk[];
  /** A code fence still open at the end of the file swallowed separators: its line. */
  unclosedFenceLine: number | null;
}

/** Strip BOM, unify line endings, and replace characters the compiler reserves (NUL). */
export function normalizeSource(text: string): string {
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  out = out.replace(/\r\n?/g, '\n');
  // NUL is invalid in HTML; the private-use pair is reserved for the compiler's math markers.
  return out.replace(/[\u0000\uE000\uE001]/g, '\uFFFD');
}

const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;
const NOTES = /^[ ]{0,3}notes?:[ \t]?/i;
const NOTES_ANYWHERE = new RegExp(NOTES.source, 'gim');
const INCLUDE = /^<!--\s*include:\s*([\s\S]*?)\s*-->$/;
const SLIDE_ATTRIBUTES = /<!--\s*\.slide\b\s*:?([\s\S]*?)-->/g;

/**
 * The include a slide's body is, if it is one: the include comment alone, or with `.slide`
 * attribute comments around it (their text and the line of the first, relative to the body).
 */
function includeOf(body: string): { path: string; attributes: { text: string; lineOffset: number } | null } | null {
  const comments = [...body.matchAll(SLIDE_ATTRIBUTES)];
  const rest = body.replace(SLIDE_ATTRIBUTES, '').trim();
  const inc = INCLUDE.exec(rest);
  if (!inc || rest.slice(4).includes('<!--')) return null;
  const first = comments[0];
  const attributes = first ? { text: comments.map((m) => (m[1] ?? '').trim()).join(' '), lineOffset: body.slice(0, first.index).split('\n').length - 1 } : null;
  return { path: (inc[1] ?? '').trim(), attributes };
}
const FRONT_MATTER_KEY = /^[A-Za-z_][\w-]*\s*:/;

function isOnly(line: string, sep: string): boolean {
  return line.trimEnd() === sep;
}

/** The front matter block: `---` first line, a closing `---`/`...`, and YAML-looking content. */
function findFrontMatter(lines: string[]): { block: FrontMatterBlock; bodyStart: number } | null {
  if (lines.length < 2 || !isOnly(lines[0] ?? '', '---')) return null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isOnly(line, '---') || isOnly(line, '...')) {
      const content = lines.slice(1, i);
      const first = content.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
      // A deck may also open with a plain separator; only YAML-looking content is front matter.
      if (first !== undefined && !FRONT_MATTER_KEY.test(first.trimStart())) return null;
      // Only `# ...` lines: a heading between two separators, not commented-out settings.
      if (first === undefined && content.some((l) => /^#{1,6}\s/.test(l))) return null;
      // Speaker notes mean this is a slide between separators, not settings.
      if (content.some((l) => NOTES.test(l))) return null;
      return { block: { text: content.join('\n'), line: 2 }, bodyStart: i + 1 };
    }
  }
  return null;
}

/**
 * Custom separators from the front matter (reveal-md's `separator`, `verticalSeparator`,
 * `notesSeparator`), already checked by separators.ts. Null: Lectern's defaults.
 */
export interface Separators {
  horizontal: TextPattern | null;
  vertical: TextPattern | null;
  notes: TextPattern | null;
}

interface Cut {
  /** Offset of the separator's first character. */
  start: number;
  /** Offset just after it: where the next slide's text begins. */
  end: number;
  vertical: boolean;
}

/** Offsets of the start of each line (plus one past the end). */
function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  starts.push(at);
  return starts;
}

/** Marks the lines inside fenced code (fence lines included) from `from` on: the one reading of
 *  fences, for the splitter and for the checks that must skip code (merged-slides.ts,
 *  item-comments.ts). */
export function fencedLines(lines: string[], from: number): { inFence: boolean[]; unclosed: number | null } {
  const inFence = new Array<boolean>(lines.length).fill(false);
  let fence: { char: string; length: number; line: number } | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = FENCE.exec(line);
    if (fence) {
      inFence[i] = true;
      if (f && f[1] && f[1][0] === fence.char && f[1].length >= fence.length && (f[2] ?? '').trim() === '') fence = null;
      continue;
    }
    // Backtick fences cannot have backticks in their info string (CommonMark).
    if (f && f[1] && !(f[1][0] === '`' && (f[2] ?? '').includes('`'))) {
      fence = { char: f[1][0] ?? '`', length: f[1].length, line: i + 1 };
      inFence[i] = true;
    }
  }
  return { inFence, unclosed: fence ? fence.line : null };
}

/**
 * Lectern's own separators: `---` horizontal; `----` vertical (reveal-md's default); `--`
 * vertical too when a blank line (or the slide's start) precedes it, so that it is never the
 * underline of a setext heading (`Title` over `--`), which reveal-md would render as a heading.
 */
function defaultCuts(lines: string[], starts: number[], from: number, inFence: boolean[]): Cut[] {
  const cuts: Cut[] = [];
  let previousBlank = true;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!inFence[i]) {
      const bare = line.trimEnd();
      const kind = bare === '---' ? 'h' : bare === '----' || (bare === '--' && previousBlank) ? 'v' : null;
      if (kind) {
        cuts.push({ start: starts[i] ?? 0, end: starts[i + 1] ?? 0, vertical: kind === 'v' });
        previousBlank = true;
        continue;
      }
    }
    previousBlank = line.trim() === '';
  }
  return cuts;
}

/**
 * Separators given as regular expressions, matched the way reveal.js's Markdown plugin does
 * (horizontal or vertical, whichever matches first), except that a match starting inside
 * fenced code is text. Without a `separator`, `---` lines still separate slides.
 */
function patternCuts(source: string, from: number, seps: Separators, lineOf: (offset: number) => number, inFence: boolean[]): Cut[] {
  const horizontal = seps.horizontal
    ? seps.horizontal.matches(source)
    : [...source.matchAll(/^---[ \t]*$/gm)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const all = [
    ...horizontal.map((m) => ({ ...m, vertical: false })),
    ...(seps.vertical?.matches(source) ?? []).map((m) => ({ ...m, vertical: true })),
  ].sort((a, b) => a.start - b.start || (a.vertical ? 1 : -1));
  const cuts: Cut[] = [];
  let after = from;
  for (const m of all) {
    if (m.start < after || inFence[lineOf(m.start) - 1]) continue;
    cuts.push(m);
    after = m.end;
  }
  return cuts;
}

export function splitDeck(source: string, separators?: Separators): SplitDeck {
  const lines = source.split('\n');
  const starts = lineStarts(lines);
  const fm = findFrontMatter(lines);
  const firstLine = fm ? fm.bodyStart : 0;
  const from = starts[firstLine] ?? source.length;
  const { inFence, unclosed } = fencedLines(lines, firstLine);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const custom = separators && (separators.horizontal || separators.vertical);
  const cuts = custom ? patternCuts(source, from, separators, lineOf, inFence) : defaultCuts(lines, starts, firstLine, inFence);

  const slides: SlideChunk[] = [];
  let begin = from;
  let vertical = false;
  const push = (end: number): void => {
    slides.push(makeChunk(source, begin, end, vertical, lineOf, starts, inFence, separators?.notes ?? null));
  };
  for (const cut of cuts) {
    if (cut.start < begin) continue;
    push(cut.start);
    begin = cut.end;
    vertical = cut.vertical;
  }
  push(source.length);
  // A fence still open at the end swallowed the separators after it: worth a warning only then.
  let unclosedFenceLine: number | null = null;
  if (unclosed !== null) {
    const tail = lines.slice(unclosed);
    if (tail.some((l) => ['---', '----', '--'].includes(l.trimEnd()))) unclosedFenceLine = unclosed;
  }
  return { frontMatter: fm ? fm.block : null, slides, unclosedFenceLine };
}

function makeChunk(
  source: string,
  begin: number,
  end: number,
  vertical: boolean,
  lineOf: (offset: number) => number,
  starts: number[],
  inFence: boolean[],
  notesPattern: TextPattern | null,
): SlideChunk {
  const text = source.slice(begin, end);
  const at = (offset: number): { line: number; column: number } => {
    const line = lineOf(offset);
    return { line, column: offset - (starts[line - 1] ?? 0) + 1 };
  };
  // The notes marker: the first outside fenced code.
  const marks = notesPattern
    ? notesPattern.matches(text)
    : [...text.matchAll(NOTES_ANYWHERE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const mark = marks.find((m) => !inFence[lineOf(begin + m.start) - 1]);
  const notesAt = mark ? mark.start : -1;
  const notesEnd = mark ? mark.end : -1;
  const bodyText = notesAt >= 0 ? text.slice(0, notesAt) : text;
  const bodyPos = at(begin);
  const body: SourceText = { text: bodyText, line: bodyPos.line, column: bodyPos.column };
  let notes: SourceText | null = null;
  if (notesAt >= 0) {
    const p = at(begin + notesEnd);
    notes = { text: text.slice(notesEnd), line: p.line, column: p.column };
  }
  const inc = includeOf(bodyText);
  // The range covers the slide's content, not the blank lines around its separators.
  const lead = text.length - text.trimStart().length;
  const trail = text.trimEnd().length;
  const first = lineOf(begin + Math.min(lead, Math.max(0, text.length - 1)));
  const last = trail > 0 ? lineOf(begin + trail - 1) : first;
  return {
    vertical,
    startLine: first,
    endLine: Math.max(first, last),
    body,
    notes,
    include: inc ? inc.path : null,
    ...(inc?.attributes ? { includeAttributes: { text: inc.attributes.text, line: body.line + inc.attributes.lineOffset, column: 1 } } : {}),
  };
}
