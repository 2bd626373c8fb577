// YAML front matter -> deck settings, with every problem located at its line in the deck file.
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { FrontMatterBlock } from './source';
import type { Diagnostic, SectionBudget, ThemeName } from './types';

export interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  venue?: string;
  theme?: ThemeName;
  duration?: number;
  slideNumbers?: boolean;
  sections?: SectionBudget[];
  /** Where each section budget was declared (for "no such section" warnings). */
  sectionLines: Map<string, number>;
  /** `bibliography:` paths as written (relative to the deck), and where they were written. */
  bibliography?: Array<{ path: string; line: number; column: number }>;
  /** `csl:` a bundled style name or a .csl path, and where it was written. */
  csl?: { value: string; line: number; column: number };
  /** `citations: footer` prints the short references cited on each slide at its foot. */
  citations?: 'footer' | 'inline';
}

const KEYS = ['title', 'author', 'date', 'venue', 'theme', 'duration', 'slideNumbers', 'sections', 'bibliography', 'csl', 'citations'];
/** reveal-md settings a deck written for it may carry; harmless, so not worth a warning. */
const REVEAL_MD_KEYS = new Set(['revealOptions', 'separator', 'verticalSeparator', 'highlightTheme', 'css', 'scripts', 'preprocessor', 'template', 'listingTemplate', 'notesSeparator', 'description', 'static', 'absoluteUrl']);

export function parseFrontMatter(block: FrontMatterBlock, file: string): { fm: FrontMatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fm: FrontMatter = { sectionLines: new Map() };
  const counter = new LineCounter();
  const doc = parseDocument(block.text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number | undefined): { line: number; column: number } => {
    const p = counter.linePos(offset ?? 0);
    return { line: block.line + p.line - 1, column: p.col };
  };
  const add = (severity: 'error' | 'warning', code: string, message: string, offset: number | undefined): void => {
    diagnostics.push({ file, ...pos(offset), severity, code, message });
  };
  for (const e of doc.errors) add('error', 'front-matter-syntax', `front matter: ${e.message.split('\n')[0]}`, e.pos[0]);
  if (doc.errors.length) return { fm, diagnostics };
  for (const w of doc.warnings) add('warning', 'front-matter-syntax', `front matter: ${w.message.split('\n')[0]}`, w.pos[0]);

  // Converting resolves aliases; a "billion laughs" document fails here instead of hanging.
  try {
    doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    add('error', 'front-matter-syntax', `front matter: ${err instanceof Error ? err.message : String(err)}`, 0);
    return { fm, diagnostics };
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { fm, diagnostics };
  if (!isMap(root)) {
    add('error', 'front-matter-type', 'front matter must be a list of `key: value` settings', (root as YamlNode).range?.[0]);
    return { fm, diagnostics };
  }
  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const at = keyNode?.range?.[0];
    const value = pair.value;
    const valueAt = value?.range?.[0] ?? at;
    const scalar = isScalar(value) ? value.value : undefined;
    const wrong = (expected: string): void => add('error', 'front-matter-type', `front matter: ${key} must be ${expected}`, valueAt);
    switch (key) {
      case 'title':
      case 'author':
      case 'venue':
        if (typeof scalar === 'string' || typeof scalar === 'number') fm[key] = String(scalar);
        else wrong('text');
        break;
      case 'date':
        if (scalar instanceof Date) fm.date = scalar.toISOString().slice(0, 10);
        else if (typeof scalar === 'string' || typeof scalar === 'number') fm.date = String(scalar);
        else wrong('a date or text');
        break;
      case 'theme':
        if (scalar === 'light' || scalar === 'dark') fm.theme = scalar;
        else wrong('light or dark');
        break;
      case 'duration':
        if (typeof scalar === 'number' && Number.isFinite(scalar) && scalar > 0) fm.duration = scalar;
        else wrong('a positive number of minutes');
        break;
      case 'slideNumbers':
        if (typeof scalar === 'boolean') fm.slideNumbers = scalar;
        else wrong('true or false');
        break;
      case 'sections':
        fm.sections = parseSections(value, key, add, fm.sectionLines, pos);
        break;
      case 'bibliography': {
        // One path or a list of paths (Pandoc's form).
        const items = isSeq(value) ? (value.items as YamlNode[]) : [value];
        const paths: Array<{ path: string; line: number; column: number }> = [];
        for (const item of items) {
          const v = isScalar(item) ? item.value : undefined;
          if (typeof v === 'string' && v.trim() !== '') paths.push({ path: v.trim(), ...pos(item?.range?.[0]) });
          else add('error', 'front-matter-type', 'front matter: bibliography must be a file path or a list of paths', item?.range?.[0] ?? valueAt);
        }
        fm.bibliography = paths;
        break;
      }
      case 'csl':
        if (typeof scalar === 'string' && scalar.trim() !== '') fm.csl = { value: scalar.trim(), ...pos(valueAt) };
        else wrong('a style name (vancouver, apa) or a .csl file path');
        break;
      case 'citations':
        if (scalar === 'footer' || scalar === 'inline') fm.citations = scalar;
        else wrong('footer or inline');
        break;
      default:
        if (!REVEAL_MD_KEYS.has(key)) {
          const hint = KEYS.find((k) => closeTo(k, key));
          add('warning', 'unknown-front-matter-key', `unknown front-matter key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`, at);
        }
    }
  }
  return { fm, diagnostics };
}

type Add = (severity: 'error' | 'warning', code: string, message: string, offset: number | undefined) => void;

function parseSections(
  value: YamlNode | null,
  key: string,
  add: Add,
  lines: Map<string, number>,
  pos: (offset: number | undefined) => { line: number },
): SectionBudget[] {
  const out: SectionBudget[] = [];
  const push = (title: unknown, minutes: unknown, offset: number | undefined): void => {
    if (typeof title !== 'string' && typeof title !== 'number') return add('error', 'front-matter-type', `front matter: a section title must be text`, offset);
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
      return add('error', 'front-matter-type', `front matter: section "${title}" needs a number of minutes`, offset);
    }
    out.push({ title: String(title), minutes });
    lines.set(String(title), pos(offset).line);
  };
  if (isMap(value)) {
    for (const p of value.items as Pair<YamlNode, YamlNode>[]) {
      const k = isScalar(p.key) ? p.key.value : undefined;
      push(k, isScalar(p.value) ? p.value.value : undefined, p.key?.range?.[0]);
    }
  } else if (isSeq(value)) {
    for (const item of value.items as YamlNode[]) {
      if (isMap(item)) {
        const t = item.get('title');
        const m = item.get('minutes');
        push(t, m, item.range?.[0]);
      } else add('error', 'front-matter-type', `front matter: each entry of ${key} must be {title, minutes}`, item?.range?.[0]);
    }
  } else {
    add('error', 'front-matter-type', `front matter: ${key} must map section titles to minutes`, value?.range?.[0]);
  }
  return out;
}

/** Edit distance <= 2: catches typos like `durtion` or `titel`. */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return ((d[a.length] as number[])[b.length] ?? 99) <= 2;
}
