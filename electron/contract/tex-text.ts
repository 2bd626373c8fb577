// Shared by the compiler (titles, search index) and the renderer (study highlights), so it lives
// in the contract: pure string code, no Node, no DOM.
// A formula as plain text, for slide titles (outline, PDF bookmarks, study contents) and the
// search index: `^{90}\text{Y}` reads "⁹⁰Y", `T_{1/2}` reads "T₁/₂", not raw TeX. Search folds
// these forms back (NFKD: "⁹⁰Y" is found by "90Y"), so what the reader sees is what they can type.
// Covers what the talk's formulas use; anything else keeps its letters, TeX commands removed.

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', o: 'ₒ', x: 'ₓ', h: 'ₕ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', p: 'ₚ', s: 'ₛ', t: 'ₜ',
};
/** Characters with no script form that still read right at the baseline between scripted ones ("₁/₂"). */
const SCRIPT_NEUTRAL = new Set(['/', '.', ',']);
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'µ', nu: 'ν',
  pi: 'π', sigma: 'σ', tau: 'τ', phi: 'φ', omega: 'ω', Delta: 'Δ', Omega: 'Ω',
  times: '×', cdot: '·', approx: '≈', le: '≤', leq: '≤', ge: '≥', geq: '≥', pm: '±',
  to: '→', rightarrow: '→', infty: '∞', ln: 'ln', log: 'log', exp: 'exp',
  quad: ' ', qquad: ' ',
};
/** Commands whose argument is shown as it is. */
const KEEP_ARGUMENT = /\\(?:ce|text|textrm|textbf|textit|mathrm|mathbf|mathit|operatorname|bar|hat|vec|overline|boldsymbol)\s*\{([^{}]*)\}/g;
const FRACTION = /\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;
const SQRT = /\\sqrt\s*\{([^{}]*)\}/g;
const SCRIPT_RUN = /([\^_])\s*(?:\{([^{}]*)\}|([^{}\s\\]))/g;
/** A bare group: not a command's argument (after a letter or a group) nor a script (after ^ or _). */
const BARE_GROUP = /(?<![A-Za-z}^_])\{([^{}]*)\}/g;
/** Commands the loop below still needs; every other unknown command is dropped. */
const STRUCTURAL = new Set(['ce', 'text', 'textrm', 'textbf', 'textit', 'mathrm', 'mathbf', 'mathit', 'operatorname', 'bar', 'hat', 'vec', 'overline', 'boldsymbol', 'frac', 'dfrac', 'tfrac', 'sqrt']);

const HELD_SUP = '\u0001';
const HELD_SUB = '\u0002';

/** One `^`/`_` script as Unicode when each character has a form (or reads right unscripted), else as `^(…)`. */
function script(body: string, table: Record<string, string>, mark: string): string {
  const chars = [...body];
  const formed = chars.filter((c) => table[c]).length;
  if (formed > 0 && chars.every((c) => table[c] || SCRIPT_NEUTRAL.has(c))) return chars.map((c) => table[c] ?? c).join('');
  // The mark is held as a control character until the end, so later passes do not read it again.
  const held = mark === '^' ? HELD_SUP : HELD_SUB;
  return body.length === 1 ? `${held}${body}` : `${held}(${body})`;
}

/** A fraction's part, bracketed when it is more than one term. */
function operand(part: string): string {
  const t = part.trim();
  return /[\s+\-−=]/.test(t) ? `(${t})` : t;
}

export function texPlainText(tex: string): string {
  let s = tex
    // Symbols first, so a command name never runs into the text that follows it.
    .replace(/\\([A-Za-z]+)/g, (m, name: string) => SYMBOLS[name] ?? (STRUCTURAL.has(name) ? m : ''))
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/->/g, '→');
  // Innermost groups first, until nothing changes: `\frac{\ln 2}{T_{1/2}}` needs its script done
  // before the fraction can be read.
  for (let pass = 0; pass < 20; pass++) {
    const before = s;
    s = s
      .replace(KEEP_ARGUMENT, '$1')
      .replace(FRACTION, (_m, a: string, b: string) => `${operand(a)}/${operand(b)}`)
      .replace(SQRT, (_m, a: string) => `√${operand(a)}`)
      .replace(SCRIPT_RUN, (_m, mark: string, group?: string, one?: string) =>
        script((group ?? one ?? '').trim(), mark === '^' ? SUPERSCRIPT : SUBSCRIPT, mark),
      )
      .replace(BARE_GROUP, '$1');
    if (s === before) break;
  }
  s = s.replace(/\\[A-Za-z]+/g, '').replace(/[{}]/g, '').replace(/~/g, ' ').replaceAll(HELD_SUP, '^').replaceAll(HELD_SUB, '_');
  return s.replace(/\s+/g, ' ').trim();
}
