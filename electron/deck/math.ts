// KaTeX rendering, once per distinct formula. Formulas come from untrusted decks: trust is off,
// macro expansion and sizes are capped, and each render starts from empty macros so that a
// `\gdef` in one formula cannot change another (which would also make the cache wrong).
type Katex = typeof import('katex').default;

let katexLoaded: Katex | null = null;

/**
 * KaTeX with mhchem (\ce, \pu), loaded at the first formula: 30-100 ms at start that a deck
 * without math need not pay. `require` in a function stays lazy in the esbuild bundles.
 */
function katex(): Katex {
  if (!katexLoaded) {
    const loaded = require('katex') as Katex;
    require('katex/contrib/mhchem'); // registers \ce and \pu on the KaTeX it requires
    katexLoaded = loaded;
  }
  return katexLoaded;
}

export interface MathResult {
  /** KaTeX HTML, or the error box when the formula cannot be rendered. */
  html: string;
  /** Parse or render error message (the formula shows as an error box). */
  error: string | null;
  /** Non-fatal complaints: strict mode (e.g. unicode text in math mode), refused commands. */
  warnings: Array<{ code: 'katex-strict' | 'katex-untrusted'; message: string }>;
}

const MAX_CACHE = 20_000;
const cache = new Map<string, MathResult>();

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** The visible stand-in for a formula KaTeX refused; styled inline so it shows in any theme. */
export function mathErrorBox(tex: string, message: string, display: boolean): string {
  const tag = display ? 'div' : 'span';
  const delim = display ? '$$' : '$';
  return (
    `<${tag} class="lectern-math-error" role="note" title="${escapeHtml(message)}" ` +
    `style="display:${display ? 'block' : 'inline-block'};border:2px solid #c62828;border-radius:4px;` +
    `background:#fff3f3;color:#b71c1c;font:0.6em/1.3 monospace;padding:0.15em 0.4em;text-align:left;white-space:pre-wrap">` +
    `<span class="lectern-math-error-tex">${escapeHtml(delim + tex + delim)}</span> ` +
    `<span class="lectern-math-error-message">${escapeHtml(message)}</span></${tag}>`
  );
}

export function renderMath(tex: string, display: boolean): MathResult {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) return hit;
  const warnings: MathResult['warnings'] = [];
  let result: MathResult;
  try {
    const html = katex().renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      // Untrusted: refuse every \href, \url, \includegraphics, \html*; say so instead of silently.
      trust: (context: { command: string }) => {
        warnings.push({ code: 'katex-untrusted', message: `${context.command} is not allowed in a deck (formulas cannot link or load files)` });
        return false;
      },
      maxExpand: 1000,
      maxSize: 20,
      output: 'htmlAndMathml',
      macros: {},
      strict: (errorCode: string, errorMsg: string) => {
        warnings.push({ code: 'katex-strict', message: `${errorMsg} (${errorCode})` });
        return 'ignore';
      },
    });
    result = { html, error: null, warnings };
  } catch (err) {
    // KaTeX quotes the formula around the error, line breaks and all: one problem, one line.
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
    result = { html: mathErrorBox(tex, message, display), error: message, warnings };
  }
  if (cache.size >= MAX_CACHE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, result);
  return result;
}

/** For the benchmark: measure a cold compile. */
export function clearMathCache(): void {
  cache.clear();
}
