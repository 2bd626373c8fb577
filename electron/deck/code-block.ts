// Fenced code at compile time: syntax colours from highlight.js (the highlighter reveal.js
// uses; synchronous, no network, no runtime script in the slide) and reveal.js's line
// highlights from the fence's info string (```js [5: 1-3|4]):
//   - `[...]` shows line numbers (`5:` makes them start at 5);
//   - `1-3,6` highlights those lines (the others dim), counted from the block's first line as
//     reveal.js does, whatever the displayed numbers;
//   - `|` separates steps: the first shows with the slide, each later one is a fragment (a copy
//     of the block stacked over the previous one), so the presenter's step counter, the
//     fragment count and printing with --fragments see them, and a print shows the last step.
type HighlightJs = typeof import('highlight.js/lib/common').default;

let hljsLoaded: HighlightJs | null = null;

/**
 * highlight.js with its common languages, loaded at the first fenced block with a language:
 * registering them costs 30-60 ms, and decks without code need none of it. `require` in a
 * function stays lazy in the esbuild bundles (an `import` loads it when the CLI or app starts).
 */
function hljs(): HighlightJs {
  hljsLoaded ??= require('highlight.js/lib/common') as HighlightJs;
  return hljsLoaded;
}

/** What a fence's info string asks for (reveal.js's markdown plugin syntax). */
export interface FenceInfo {
  /** The language name as written (`js`), or '' for none. */
  language: string;
  /** Line numbers shown: the fence had a `[...]` part. */
  lineNumbers: boolean;
  /** First displayed line number (`[5: ...]`). */
  startFrom: number;
  /** Highlight steps, each a list of line ranges; empty when no line is highlighted. */
  steps: LineRange[][];
}

export interface LineRange {
  start: number;
  end: number;
}

const LINE_NUMBERS = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;
const LANGUAGE_NAME = /^[A-Za-z0-9_+#.-]+$/;

/** Parses `1-3,5|7` into steps of ranges (reveal.js's deserializeHighlightSteps). */
export function parseHighlightSteps(spec: string): LineRange[][] {
  const compact = spec.replace(/\s/g, '');
  if (compact === '') return [];
  return compact.split('|').map((step) =>
    step.split(',').flatMap((part): LineRange[] => {
      if (!/^\d+(?:-\d+)?$/.test(part)) return [];
      const [a, b] = part.split('-').map((n) => parseInt(n, 10));
      const start = a ?? 0;
      return [{ start, end: b ?? start }];
    }),
  );
}

export function parseFenceInfo(info: string | undefined): FenceInfo {
  let rest = (info ?? '').trim();
  let lineNumbers = false;
  let startFrom = 1;
  let steps: LineRange[][] = [];
  const m = LINE_NUMBERS.exec(rest);
  if (m) {
    lineNumbers = true;
    if (m[2]) startFrom = parseInt(m[2], 10);
    steps = parseHighlightSteps(m[3] ?? '');
    rest = (rest.slice(0, m.index) + rest.slice(m.index + m[0].length)).trim();
  }
  const language = rest.split(/\s+/)[0] ?? '';
  return { language, lineNumbers, startFrom, steps };
}

/** Whether highlight.js knows a language name or alias. */
export function knownLanguage(name: string): boolean {
  return hljs().getLanguage(name) !== undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** The code as HTML: highlight.js spans (text escaped by it), or escaped text. */
function highlightToHtml(code: string, language: string): string {
  if (language && knownLanguage(language)) return hljs().highlight(code, { language, ignoreIllegals: true }).value;
  return escapeHtml(code);
}

/**
 * Splits highlighted HTML into lines, closing the spans open at each line break and reopening
 * them on the next line (a comment or string may span lines), so every line is balanced HTML.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  const tag = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    current += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (m[0] === '</span>') {
      open.pop();
      current += m[0];
    } else {
      open.push(m[0]);
      current += m[0];
    }
  }
  lines.push(current + html.slice(last));
  return lines;
}

function highlighted(ranges: LineRange[], line: number): boolean {
  return ranges.some((r) => line >= r.start && line <= r.end);
}

function serializeStep(ranges: LineRange[]): string {
  return ranges.map((r) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`)).join(',');
}

/** One `<code>` of the block: line spans with numbers and this step's highlights. */
function codeElement(lines: string[], info: FenceInfo, step: LineRange[], langClass: string, fragment: boolean): string {
  const dims = step.length > 0;
  const classes = ['hljs', langClass, dims ? 'has-highlights' : '', fragment ? 'fragment' : ''].filter(Boolean).join(' ');
  let body = '';
  lines.forEach((line, i) => {
    const cls = dims && highlighted(step, i + 1) ? 'line highlight-line' : 'line';
    const number = `<span class="ln" aria-hidden="true">${info.startFrom + i}</span>`;
    body += `<span class="${cls}">${number}${line === '' ? ' ' : line}</span>`;
  });
  const attrs = ` data-line-numbers="${escapeHtml(serializeStep(step))}"` + (info.startFrom !== 1 ? ` data-ln-start-from="${info.startFrom}"` : '');
  return `<code class="${classes}"${attrs}>${body}</code>`;
}

export interface CodeBlockHtml {
  html: string;
  /** Fragment steps the block adds (highlight steps after the first). */
  fragments: number;
}

/** A fenced code block as slide HTML (the caller adds `.element` attributes to the <pre>). */
export function renderCodeBlock(code: string, infoString: string | undefined): CodeBlockHtml {
  const info = parseFenceInfo(infoString);
  const language = LANGUAGE_NAME.test(info.language) ? info.language : '';
  const langClass = language ? `language-${language}` : '';
  const html = highlightToHtml(code.replace(/\n$/, ''), language);
  if (!info.lineNumbers) {
    const cls = language ? ` class="hljs ${langClass}"` : '';
    return { html: `<pre><code${cls}>${html}\n</code></pre>\n`, fragments: 0 };
  }
  const lines = splitHighlightedLines(html);
  const steps = info.steps.length > 0 ? info.steps : [[]];
  const codes = steps.map((step, i) => codeElement(lines, info, step, langClass, i > 0)).join('');
  const stepped = steps.length > 1 ? ' has-steps' : '';
  return { html: `<pre class="lectern-code line-numbers${stepped}">${codes}</pre>\n`, fragments: steps.length - 1 };
}
