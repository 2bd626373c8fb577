// YAML front matter -> deck settings, with every problem located at its line in the deck file.
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode, type Pair } from 'yaml';
import type { DeclaredRoot } from './asset-root';
import { indentQuotedContinuations } from './quoted-continuations';
import { compileSeparator } from './separators';
import { looksLikeThemeFile } from './theme-file';
import type { FrontMatterBlock, Separators } from './source';
import type { DeclaredBudget } from './lengths';
import { themeAttribute, type Diagnostic, type SectionBudget, type ThemeName } from './types';

export interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
  venue?: string;
  theme?: ThemeName;
  /** `theme: path/to/file.css`: the path as written, and its line. */
  themeFile?: { ref: string; line: number; column: number };
  /** reveal-md's `css: a.css,b.css` (or a list): stylesheets after the theme, as written. */
  css?: Array<{ ref: string; line: number; column: number }>;
  duration?: number;
  slideNumbers?: boolean;
  /** Budgets for every length (the deck's `sections:` as plain minutes). */
  sections?: SectionBudget[];
  /** Every budget as declared, per length ones included (`Intro: {short: 3, full: 8}`). */
  budgets?: DeclaredBudget[];
  /** `lengths: {short: 20, full: 45}`: the talk's versions, the first the default, with their lines. */
  lengths?: Array<{ name: string; minutes: number; line: number }>;
  /** reveal-md's `separator`, `verticalSeparator`, `notesSeparator`, compiled; null when none. */
  separators?: Separators;
  /** Where each section budget was declared (for "no such section" warnings). */
  sectionLines: Map<string, number>;
  /** `bibliography:` paths as written (relative to the deck), and where they were written. */
  bibliography?: Array<{ path: string; line: number; column: number }>;
  /** `csl:` a bundled style name or a .csl path, and where it was written. */
  csl?: { value: string; line: number; column: number };
  /** `citations: footer` prints the short references cited on each slide at its foot. */
  citations?: 'footer' | 'inline';
  /** `root: ..`: a wider folder assets are confined to (asset-root.ts checks it), as written. */
  root?: DeclaredRoot;
}

const KEYS = ['title', 'author', 'date', 'venue', 'theme', 'css', 'duration', 'lengths', 'slideNumbers', 'sections', 'separator', 'verticalSeparator', 'notesSeparator', 'bibliography', 'csl', 'citations', 'root'];
/** reveal-md settings a deck written for it may carry; harmless, so not worth a warning. */
const REVEAL_MD_KEYS = new Set(['revealOptions', 'highlightTheme', 'preprocessor', 'template', 'listingTemplate', 'description', 'static', 'absoluteUrl', 'assetsDir', 'staticDirs', 'glob', 'mermaid']);
/** Marp and Slidev settings: the dialect note (dialect.ts) says what does not carry over. */
const OTHER_DIALECT_KEYS = new Set(['marp', 'paginate', 'headingDivider', 'class', 'backgroundColor', 'backgroundImage', 'color', 'header', 'footer', 'size', 'math', 'style', 'layout', 'background', 'highlighter', 'lineNumbers', 'drawings', 'transition', 'mdc', 'info', 'fonts', 'colorSchema', 'aspectRatio', 'canvasWidth', 'themeConfig', 'addons', 'download', 'exportFilename', 'monaco', 'clicks', 'level', 'hideInToc', 'routeAlias', 'src', 'preload']);

/** reveal.js's high-contrast variants, shown as the theme they vary. */
const CONTRAST_THEMES: Readonly<Record<string, ThemeName>> = { 'black-contrast': 'black', 'white-contrast': 'white' };

/**
 * A duration in minutes from a number or a human form: `40`, `40 min`, `40 minutes`, `1h`,
 * `1 h 30 min`, `1:30` (hours:minutes), `90m`, `45 mins`. Null when it is none of these.
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  const clock = /^(\d+):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) || null;
  const re = /(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?)\b/gy;
  let total = 0;
  let at = 0;
  let units = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * ((m[2] ?? '').startsWith('h') ? 60 : 1);
    units++;
    at = re.lastIndex;
    while (text[at] === ' ' || text[at] === ',') at++;
    re.lastIndex = at;
  }
  if (units > 0 && at >= text.length && total > 0) return total;
  const bare = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
  return bare > 0 ? bare : null;
}

export function parseFrontMatter(block: FrontMatterBlock, file: string): { fm: FrontMatter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fm: FrontMatter = { sectionLines: new Map() };
  const parse = (text: string) => {
    const lineCounter = new LineCounter();
    return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }), counter: lineCounter };
  };
  let { doc, counter } = parse(block.text);
  const pos = (offset: number | undefined): { line: number; column: number } => {
    const p = counter.linePos(offset ?? 0);
    return { line: block.line + p.line - 1, column: p.col };
  };
  const add = (severity: 'error' | 'warning', code: string, message: string, offset: number | undefined): void => {
    diagnostics.push({ file, ...pos(offset), severity, code, message });
  };
  /** A value that is one text or a list of texts, each trimmed with where it stands; an item that
   *  is no text is an error saying what `expected`. */
  const textItems = (value: YamlNode | null, valueAt: number | undefined, expected: string): Array<{ text: string; offset: number | undefined }> => {
    const out: Array<{ text: string; offset: number | undefined }> = [];
    for (const item of isSeq(value) ? (value.items as YamlNode[]) : [value]) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v === 'string' && v.trim() !== '') out.push({ text: v.trim(), offset: item?.range?.[0] });
      else add('error', 'front-matter-type', `front matter: ${expected}`, item?.range?.[0] ?? valueAt);
    }
    return out;
  };
  // A quoted value whose later lines are not indented: reveal-md reads it, so Lectern does too
  // (quoted-continuations.ts), with a warning, when that is all that was wrong.
  const repaired = doc.errors.length ? indentQuotedContinuations(block.text) : null;
  const reparsed = repaired ? parse(repaired.text) : null;
  if (repaired && reparsed && reparsed.doc.errors.length === 0) {
    ({ doc, counter } = reparsed);
    diagnostics.push({
      file, line: block.line + repaired.line, column: 1, severity: 'warning', code: 'front-matter-syntax',
      message: `front matter: the quoted value of ${repaired.key} goes on over lines that are not indented; read as reveal-md reads it, but YAML wants them indented under the key`,
    });
  }
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
        if (typeof scalar === 'string' && themeAttribute(scalar) === scalar) fm.theme = scalar as ThemeName;
        else if (typeof scalar === 'string' && looksLikeThemeFile(scalar)) fm.themeFile = { ref: scalar, ...pos(valueAt) };
        else if (typeof scalar === 'string' && CONTRAST_THEMES[scalar]) {
          fm.theme = CONTRAST_THEMES[scalar];
          add('warning', 'theme-approximated', `front matter: reveal.js theme "${scalar}" is shown as "${fm.theme}"`, valueAt);
        } else if (typeof scalar === 'string' && scalar.trim() !== '') {
          fm.theme = 'light';
          add('warning', 'unknown-theme', `front matter: unknown theme "${scalar}"; using Lectern's light theme (themes: light, dark, or a reveal.js theme name)`, valueAt);
        } else wrong('light, dark or a reveal.js theme name');
        break;
      case 'duration': {
        const minutes = parseDuration(scalar);
        if (minutes !== null) fm.duration = minutes;
        else wrong('a length such as 40, "40 min", "1h 30min" or "1:30"');
        break;
      }
      case 'separator':
      case 'verticalSeparator':
      case 'notesSeparator': {
        if (typeof scalar !== 'string' || scalar === '') {
          wrong('a regular expression (text)');
          break;
        }
        const pattern = compileSeparator(scalar, key === 'notesSeparator');
        if ('error' in pattern) {
          add('error', 'bad-separator', `front matter: ${key} ${JSON.stringify(scalar)} is ${pattern.error}`, valueAt);
          break;
        }
        fm.separators ??= { horizontal: null, vertical: null, notes: null };
        fm.separators[key === 'separator' ? 'horizontal' : key === 'verticalSeparator' ? 'vertical' : 'notes'] = pattern;
        break;
      }
      case 'slideNumbers':
        if (typeof scalar === 'boolean') fm.slideNumbers = scalar;
        else wrong('true or false');
        break;
      case 'sections':
        fm.budgets = parseSections(value, key, add, fm.sectionLines, pos);
        fm.sections = fm.budgets.filter((b) => b.length === undefined).map(({ title, minutes }) => ({ title, minutes }));
        break;
      case 'lengths':
        fm.lengths = parseLengths(value, add, pos);
        break;
      case 'bibliography':
        // One path or a list of paths (Pandoc's form).
        fm.bibliography = textItems(value, valueAt, 'bibliography must be a file path or a list of paths').map((t) => ({ path: t.text, ...pos(t.offset) }));
        break;
      case 'css': {
        // reveal-md's form: one path, several separated by commas, or a list.
        const files: Array<{ ref: string; line: number; column: number }> = [];
        for (const t of textItems(value, valueAt, 'css must be a .css file path, several separated by commas, or a list')) {
          for (const ref of t.text.split(',').map((r) => r.trim()).filter(Boolean)) {
            if (looksLikeThemeFile(ref)) files.push({ ref, ...pos(t.offset) });
            else add('warning', 'css-not-stylesheet', `front matter: css ${ref} is not a .css file; not used`, t.offset);
          }
        }
        fm.css = files;
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
      case 'root':
        if (typeof scalar === 'string' && scalar.trim() !== '') fm.root = { value: scalar.trim(), ...pos(valueAt) };
        else wrong('a folder path relative to the deck, such as ..');
        break;
      case 'scripts':
        // Said once, at the key: charts and widgets a deck's scripts draw will be missing.
        add('warning', 'scripts-not-run', 'front matter: scripts are not run (Lectern runs no deck scripts, so what they draw will be missing); draw it as an image or inline SVG', at);
        break;
      default:
        if (!REVEAL_MD_KEYS.has(key) && !OTHER_DIALECT_KEYS.has(key)) {
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
): DeclaredBudget[] {
  const out: DeclaredBudget[] = [];
  const push = (title: unknown, minutes: unknown, offset: number | undefined, length?: string): void => {
    if (typeof title !== 'string' && typeof title !== 'number') return add('error', 'front-matter-type', `front matter: a section title must be text`, offset);
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
      return add('error', 'front-matter-type', `front matter: section "${title}"${length ? ` (length ${length})` : ''} needs a number of minutes`, offset);
    }
    const line = pos(offset).line;
    out.push({ title: String(title), minutes, line, ...(length !== undefined ? { length } : {}) });
    if (!lines.has(String(title))) lines.set(String(title), line);
  };
  if (isMap(value)) {
    for (const p of value.items as Pair<YamlNode, YamlNode>[]) {
      const k = isScalar(p.key) ? p.key.value : undefined;
      // `Intro: {short: 3, full: 8}`: a budget per talk length.
      if (isMap(p.value)) {
        for (const q of p.value.items as Pair<YamlNode, YamlNode>[]) {
          const name = isScalar(q.key) ? String(q.key.value) : '';
          push(k, isScalar(q.value) ? q.value.value : undefined, q.key?.range?.[0] ?? p.key?.range?.[0], name);
        }
        continue;
      }
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

/** `lengths: {short: 20, full: 45}` (minutes in any form `duration` takes), in order. */
function parseLengths(value: YamlNode | null, add: Add, pos: (offset: number | undefined) => { line: number }): Array<{ name: string; minutes: number; line: number }> {
  const out: Array<{ name: string; minutes: number; line: number }> = [];
  if (!isMap(value)) {
    add('error', 'front-matter-type', 'front matter: lengths must map length names to minutes, e.g. {short: 20, full: 45}', value?.range?.[0]);
    return out;
  }
  for (const p of value.items as Pair<YamlNode, YamlNode>[]) {
    const name = isScalar(p.key) ? String(p.key.value).trim() : '';
    const at = p.key?.range?.[0];
    const minutes = parseDuration(isScalar(p.value) ? p.value.value : undefined);
    if (!/^[A-Za-z0-9_-]+$/.test(name)) add('error', 'front-matter-type', `front matter: a length name must be one word (letters, digits, - or _), not "${name}"`, at);
    else if (minutes === null) add('error', 'front-matter-type', `front matter: length "${name}" needs a number of minutes`, p.value?.range?.[0] ?? at);
    else out.push({ name, minutes, line: pos(at).line });
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
