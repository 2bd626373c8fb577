// A formula as plain text, for slide titles (outline, PDF bookmarks, study contents) and search:
// `^{90}\text{Y}` reads "⁹⁰Y", not raw TeX. Covers what slide headings use; anything else keeps
// its letters with the TeX commands and braces removed.

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
};
const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'µ', nu: 'ν',
  pi: 'π', sigma: 'σ', tau: 'τ', phi: 'φ', omega: 'ω', Delta: 'Δ', Omega: 'Ω',
  times: '×', cdot: '·', approx: '≈', le: '≤', leq: '≤', ge: '≥', geq: '≥', pm: '±',
  to: '→', rightarrow: '→', infty: '∞', ln: 'ln', log: 'log', exp: 'exp',
};

/** One run of `^`/`_` script as Unicode when every character has a form, else as `^(…)`. */
function script(body: string, table: Record<string, string>, mark: string): string {
  const chars = [...body];
  return chars.every((c) => table[c]) ? chars.map((c) => table[c]).join('') : `${mark}(${body})`;
}

export function texPlainText(tex: string): string {
  let s = tex
    // Symbols first, so a command name never runs into the text that follows it.
    .replace(/\\([A-Za-z]+)/g, (m, name: string) => SYMBOLS[name] ?? m)
    // \ce{...} (mhchem), \text{...}, \mathrm{...} and friends: keep their content.
    .replace(/\\(?:ce|text|textrm|textbf|textit|mathrm|mathbf|mathit|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\[A-Za-z]+/g, '')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\^\{([^{}]*)\}|\^(.)/g, (_m, group?: string, one?: string) => script((group ?? one ?? '').trim(), SUPERSCRIPT, '^'))
    .replace(/_\{([^{}]*)\}|_(.)/g, (_m, group?: string, one?: string) => script((group ?? one ?? '').trim(), SUBSCRIPT, '_'));
  s = s.replace(/[{}]/g, '').replace(/~/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}
