// reveal-md reads front matter with js-yaml, which accepts a quoted value whose later lines are
// not indented:
//
//   description: "A practical look at contrast reactions,
//   what to do in the first five minutes"
//
// YAML wants those lines indented under their key (the `yaml` package is right to refuse them), so
// decks written for reveal-md fail here with "Missing closing quote". This finds such values and
// indents their later lines by what they lack, so the strict parser reads what js-yaml reads. It
// only adds spaces at the start of lines: every line keeps its number. Pure.

/** A key at the start of a line whose value opens with a quote: the key's column and the quote. */
const QUOTED_VALUE = /^( *)(?:[^\s#'"\-?:,[\]{}][^:#]*?|"[^"]*"|'[^']*'):[ \t]+(["'])/;

/**
 * Where a quoted scalar that starts at `from` in `line` (just after its opening quote) closes: the
 * index after the closing quote, or -1 when it runs on past the line.
 */
function closingQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (quote === '"' && ch === '\\') {
      i++; // an escaped character, `\"` included
      continue;
    }
    if (ch !== quote) continue;
    if (quote === "'" && line[i + 1] === "'") {
      i++; // '' is a quote inside a single-quoted value
      continue;
    }
    return i + 1;
  }
  return -1;
}

export interface QuotedContinuations {
  /** The front matter with the continuation lines indented. */
  text: string;
  /** The key of the first value that needed it, and the line (0-based) of its first short line. */
  key: string;
  line: number;
}

/** The front matter with the later lines of its multi-line quoted values indented under their
 *  keys; null when no line lacks indentation (there is nothing to repair). */
export function indentQuotedContinuations(text: string): QuotedContinuations | null {
  const lines = text.split('\n');
  let open: { quote: '"' | "'"; indent: number; key: string } | null = null;
  let first: { key: string; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    let from = 0;
    if (open) {
      const own = line.length - line.trimStart().length;
      if (line.trim() !== '' && own < open.indent) {
        line = ' '.repeat(open.indent - own) + line;
        lines[i] = line;
        first ??= { key: open.key, line: i };
      }
    } else {
      const m = QUOTED_VALUE.exec(line);
      if (!m) continue;
      const quote = m[2] as '"' | "'";
      open = { quote, indent: (m[1] ?? '').length + 1, key: line.slice(0, line.indexOf(':')).trim() };
      from = m[0].length;
    }
    // The value closes on this line, or runs on to the next.
    const end = closingQuote(line, from, open.quote);
    if (end >= 0) open = null;
  }
  return first ? { text: lines.join('\n'), ...first } : null;
}
