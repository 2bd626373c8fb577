// Citation styles: `vancouver` (NLM citation-sequence, numbered; the default, as ICMJE journals
// cite) and `apa`, bundled with @citation-js/plugin-csl (CSL styles, CC BY-SA 3.0, see
// README.md here), or a user's `.csl` file. Nothing is fetched: a dependent style, whose layout
// lives in a parent style on the web, is refused with a message saying so, and so is any DTD
// (an XML external entity could read files or the network).
import { citationPlugins } from './libraries';

export interface CitationStyle {
  /** `vancouver`, `apa`, or the .csl file's path. */
  name: string;
  /** The style's own title, from <info><title>. */
  title: string;
  xml: string;
  /** Numbered styles (citation-number in the citations): numbers follow the order of first citation. */
  numbered: boolean;
  /**
   * An entry's text does not include its number (the number sits in its own column, or is not
   * printed), so entries can be formatted once and renumbered freely.
   */
  entryTextWithoutNumber: boolean;
}

export const BUNDLED_STYLES = ['vancouver', 'apa'] as const;
export type BundledStyleName = (typeof BUNDLED_STYLES)[number];
export const DEFAULT_STYLE: BundledStyleName = 'vancouver';

/** CSL ids of the bundled styles, so that a dependent style pointing at one can say which to use. */
const BUNDLED_IDS: Record<string, BundledStyleName> = {
  'http://www.zotero.org/styles/nlm-citation-sequence': 'vancouver',
  'http://www.zotero.org/styles/vancouver': 'vancouver',
  'http://www.zotero.org/styles/apa': 'apa',
};

export const MAX_STYLE_BYTES = 1024 * 1024;

export type StyleResult = { ok: true; style: CitationStyle } | { ok: false; message: string; line: number; column: number };

function describe(name: string, xml: string): CitationStyle {
  const title = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml)?.[1]?.trim() ?? name;
  const citation = /<citation\b[\s\S]*?<\/citation>/.exec(xml)?.[0] ?? '';
  const bibliography = /<bibliography\b[\s\S]*?<\/bibliography>/.exec(xml)?.[0] ?? '';
  const ownColumn = /^<bibliography\b[^>]*second-field-align=/.test(bibliography);
  return { name, title, xml, numbered: /variable="citation-number"/.test(citation), entryTextWithoutNumber: ownColumn || !/variable="citation-number"/.test(bibliography) };
}

const bundled = new Map<string, CitationStyle>();

/** A bundled style by name (`vancouver`, `apa`), or null. */
export function bundledStyle(name: string): CitationStyle | null {
  const key = name.toLowerCase();
  if (!(BUNDLED_STYLES as readonly string[]).includes(key)) return null;
  let style = bundled.get(key);
  if (!style) {
    const xml = citationPlugins().plugins.config.get('@csl').styles.get(key);
    if (!xml) return null;
    style = describe(key, xml);
    bundled.set(key, style);
  }
  return style;
}

/** Front matter `csl:` value: a bundled name, or a path to a .csl file (relative to the deck). */
export function styleSpecKind(spec: string | undefined): { kind: 'bundled'; name: BundledStyleName } | { kind: 'file'; path: string } | { kind: 'unknown'; name: string } {
  const s = (spec ?? DEFAULT_STYLE).trim();
  const lower = s.toLowerCase();
  if ((BUNDLED_STYLES as readonly string[]).includes(lower)) return { kind: 'bundled', name: lower as BundledStyleName };
  if (/\.csl$/i.test(s)) return { kind: 'file', path: s };
  return { kind: 'unknown', name: s };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Reads a user's .csl file (its text; the caller reads the file). */
export function parseCslStyle(file: string, text: string): StyleResult {
  const fail = (message: string, offset = 0): StyleResult => ({ ok: false, message, ...positionOf(text, offset) });
  if (Buffer.byteLength(text) > MAX_STYLE_BYTES) return fail(`style file is larger than ${MAX_STYLE_BYTES / 1048576} MB`);
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (dtd) return fail(`style declares a ${dtd[1]!.toUpperCase()}: DTDs and XML entities are refused (an external entity could read files or the network)`, dtd.index);
  const root = /<style\b[^>]*>/.exec(text);
  if (!root || !/xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(root[0])) return fail('not a CSL style: no <style xmlns="http://purl.org/net/xbiblio/csl"> element', root?.index ?? 0);
  const parent = /<link\b[^>]*\brel="independent-parent"[^>]*>/.exec(text);
  if (parent) {
    const href = /href="([^"]*)"/.exec(parent[0])?.[1] ?? '';
    const instead = BUNDLED_IDS[href];
    return fail(
      `this is a dependent style: its layout is in the parent style ${href}, which Lectern would have to fetch from the web, and Lectern fetches nothing. ` +
        (instead ? `That parent is bundled: write "csl: ${instead}".` : 'Download the parent .csl file and point csl: at it.'),
      parent.index,
    );
  }
  if (!/<citation\b/.test(text) || !/<layout\b/.test(text)) return fail('CSL style has no <citation> layout', root.index);
  return { ok: true, style: describe(file, text) };
}
