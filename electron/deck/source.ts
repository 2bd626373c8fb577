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
const NOTES = /^\s{0,3}notes?:[ \t]?/i;
const INCLUDE = /^<!--\s*include:\s*([\s\S]*?)\s*-->$/;
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

export function splitDeck(source: string): SplitDeck {
  const lines = source.split('\n');
  const fm = findFrontMatter(lines);
  let i = fm ? fm.bodyStart : 0;
  const slides: SlideChunk[] = [];
  let fence: { char: string; length: number; line: number } | null = null;
  let unclosedFenceLine: number | null = null;
  let swallowed = false;

  let startIndex = i;
  let vertical = false;
  let notesIndex = -1;
  let notesColumn = 1;

  const finish = (endIndex: number): void => {
    // endIndex is exclusive (the separator line or lines.length).
    const bodyEnd = notesIndex >= 0 ? notesIndex : endIndex;
    const bodyLines = lines.slice(startIndex, bodyEnd);
    const body: SourceText = { text: bodyLines.join('\n'), line: startIndex + 1, column: 1 };
    let notes: SourceText | null = null;
    if (notesIndex >= 0) {
      const first = (lines[notesIndex] ?? '').slice(notesColumn - 1);
      notes = {
        text: [first, ...lines.slice(notesIndex + 1, endIndex)].join('\n'),
        line: notesIndex + 1,
        column: notesColumn,
      };
    }
    const trimmed = body.text.trim();
    const inc = INCLUDE.exec(trimmed);
    // The range covers the slide's content, not the blank lines around its separators.
    let first = startIndex;
    let last = endIndex - 1;
    while (first < last && (lines[first] ?? '').trim() === '') first++;
    while (last > first && (lines[last] ?? '').trim() === '') last--;
    slides.push({
      vertical,
      startLine: first + 1,
      endLine: Math.max(first + 1, last + 1),
      body,
      notes,
      include: inc && !trimmed.slice(4).includes('<!--') ? (inc[1] ?? '').trim() : null,
    });
  };

  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1] && f[1][0] === fence.char && f[1].length >= fence.length && (f[2] ?? '').trim() === '') {
        fence = null;
      } else if (isOnly(line, '---') || isOnly(line, '--')) {
        swallowed = true;
      }
      continue;
    }
    if (f && f[1]) {
      // Backtick fences cannot have backticks in their info string (CommonMark).
      if (!(f[1][0] === '`' && (f[2] ?? '').includes('`'))) {
        fence = { char: f[1][0] ?? '`', length: f[1].length, line: i + 1 };
        continue;
      }
    }
    if (isOnly(line, '---') || isOnly(line, '--')) {
      finish(i);
      startIndex = i + 1;
      vertical = isOnly(line, '--');
      notesIndex = -1;
      continue;
    }
    if (notesIndex < 0) {
      const n = NOTES.exec(line);
      if (n) {
        notesIndex = i;
        notesColumn = n[0].length + 1;
      }
    }
  }
  finish(lines.length);
  if (fence && swallowed) unclosedFenceLine = fence.line;
  return { frontMatter: fm ? fm.block : null, slides, unclosedFenceLine };
}
