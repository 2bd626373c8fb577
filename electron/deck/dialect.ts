// Decks written for Marp or Slidev: which dialect a file looks like (one warning naming what
// does not carry over), and the constructs that map cleanly onto Lectern's: notes written as
// HTML comments, Marp's `![bg](file)` backgrounds and `<!-- _class: -->` directives, Slidev's
// per-slide front matter (read as settings, never as a text slide).
import type { SlideChunk, SourceText } from './source';

export type Dialect = 'marp' | 'slidev';

export interface DialectGuess {
  dialect: Dialect;
  /** 1-based line of the evidence. */
  line: number;
  message: string;
}

const MARP_LOST = 'Marp themes, paginate, header/footer, split backgrounds (left/right) and image filters do not carry over';
const SLIDEV_LOST = 'layouts, v-click and other components, per-slide settings and Vue/UnoCSS styling do not carry over';

/** Looks for `marp: true` in the front matter, else for Slidev's marks (v-click, layout: ...). */
export function detectDialect(source: string, frontMatter: string | null, frontMatterLine: number): DialectGuess | null {
  const fmLines = (frontMatter ?? '').split('\n');
  const marp = fmLines.findIndex((l) => /^marp\s*:\s*true\s*$/.test(l.trim()));
  if (marp >= 0) {
    return { dialect: 'marp', line: frontMatterLine + marp, message: `this deck looks written for Marp (marp: true): its comment notes, ![bg] backgrounds and _class directives are read; ${MARP_LOST}` };
  }
  const lines = source.split('\n');
  const slidevFm = fmLines.findIndex((l) => /^(highlighter|drawings|mdc|colorSchema|layout|addons)\s*:/.test(l.trim()));
  const vclick = lines.findIndex((l) => /<v-clicks?\b|\bv-click\b|<v-after\b/.test(l));
  const at = slidevFm >= 0 ? frontMatterLine + slidevFm : vclick >= 0 ? vclick + 1 : -1;
  if (at < 0) return null;
  return { dialect: 'slidev', line: at, message: `this deck looks written for Slidev: its comment notes are read and per-slide front matter is not shown; ${SLIDEV_LOST}` };
}

const COMMENT = /<!--([\s\S]*?)-->/g;
/** Comments that are directives, not notes: reveal.js, Lectern and Marp's `key: value` forms. */
const DIRECTIVE = /^\s*(?:\.slide:|\.element:|include:|section:|_?(?:theme|paginate|header|footer|class|background(?:Color|Image|Position|Repeat|Size)|color|headingDivider|style|size|math|lang|marp)\s*:|fit\s*$)/;
const FRONT_MATTER_LINE = /^(?:[A-Za-z_][\w-]*\s*:.*|\s+\S.*|\s*#.*|\s*)$/;

function positionIn(src: SourceText, offset: number): { line: number; column: number } {
  const before = src.text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  const line = src.line + (before.match(/\n/g)?.length ?? 0);
  return { line, column: nl < 0 ? src.column + offset : offset - nl };
}

/** Notes from the last HTML comment that is not a directive (Slidev reads the last; Marp all). */
function commentNotes(body: SourceText): SourceText | null {
  let found: { text: string; at: number } | null = null;
  for (const m of body.text.matchAll(COMMENT)) {
    const inner = m[1] ?? '';
    if (inner.trim() === '' || DIRECTIVE.test(inner)) continue;
    found = { text: inner, at: m.index + 4 };
  }
  if (!found) return null;
  const p = positionIn(body, found.at);
  return { text: found.text, line: p.line, column: p.column };
}

/** Marp's slide-level forms rewritten as reveal.js slide comments (same line, so lines hold). */
function marpBody(text: string): string {
  return text
    .replace(/^!\[bg([^\]]*)\]\(([^)\s]+)\)[ \t]*$/gm, (_m, opts: string, url: string) => {
      const size = /\b(contain|fit)\b/.test(opts) ? 'contain' : /\bauto\b/.test(opts) ? 'auto' : 'cover';
      return `<!-- .slide: data-background-image="${url.replace(/"/g, '%22')}" data-background-size="${size}" -->`;
    })
    .replace(/<!--\s*_class\s*:\s*([\w -]+?)\s*-->/g, (_m, cls: string) => `<!-- .slide: class="${cls}" -->`)
    .replace(/<!--\s*_backgroundColor\s*:\s*([#\w(),. %]+?)\s*-->/g, (_m, c: string) => `<!-- .slide: data-background-color="${c}" -->`);
}

function isFrontMatterChunk(chunk: SlideChunk): boolean {
  const lines = chunk.body.text.split('\n').filter((l) => l.trim() !== '');
  return chunk.notes === null && lines.length > 0 && /^[A-Za-z_][\w-]*\s*:/.test(lines[0] ?? '') && lines.every((l) => FRONT_MATTER_LINE.test(l));
}

/** The chunks of a Marp or Slidev file, adapted; other decks are returned as they are. */
export function adaptChunks(chunks: SlideChunk[], dialect: Dialect | null): SlideChunk[] {
  if (!dialect) return chunks;
  const out: SlideChunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let chunk = chunks[i] as SlideChunk;
    // Slidev: `---` + `layout: center` + `---` is the next slide's settings, not a slide.
    if (dialect === 'slidev' && isFrontMatterChunk(chunk) && i + 1 < chunks.length && out.length > 0) {
      const next = chunks[i + 1] as SlideChunk;
      chunks[i + 1] = { ...next, vertical: chunk.vertical };
      continue;
    }
    if (dialect === 'marp') chunk = { ...chunk, body: { ...chunk.body, text: marpBody(chunk.body.text) } };
    if (chunk.notes === null) chunk = { ...chunk, notes: commentNotes(chunk.body) };
    out.push(chunk);
  }
  return out;
}
