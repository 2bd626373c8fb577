// Loads a bibliography file (BibTeX/BibLaTeX or CSL-JSON, as Zotero, EndNote and PubMed export)
// into CSL-JSON items keyed by citation key. citation-js parses; this module decodes, locates
// problems at the file's line:col, and caches parses by content hash so that a recompile after a
// slide edit parses nothing.
import { createHash } from 'node:crypto';
import { citationPlugins } from './libraries';
import type { Diagnostic } from '../types';
import type { CslItem, CslName } from './types';
import { LineIndex, bibtexEntryStarts, decodeBibliographyBytes, findUnbalancedEntry } from './location';

export type BibliographyFormat = 'bibtex' | 'csl-json';

/** Files above this are refused: a 20 MB export takes citation-js seconds, and a talk cites dozens. */
export const MAX_BIBLIOGRAPHY_BYTES = 8 * 1024 * 1024;

export interface BibliographyEntry {
  key: string;
  item: CslItem;
  /** Where the entry starts in its file (1-based). */
  line: number;
  column: number;
}

export interface Bibliography {
  file: string;
  /** sha256 of the bytes and format: the cache key. */
  hash: string;
  entries: ReadonlyMap<string, BibliographyEntry>;
}

export interface BibliographyLoad {
  bibliography: Bibliography;
  /** Errors: a bad file yields the entries it could read (possibly none) plus what went wrong. */
  diagnostics: Diagnostic[];
}

export function bibliographyFormatOf(file: string, text: string): BibliographyFormat {
  if (/\.(bib|bibtex|biblatex)$/i.test(file)) return 'bibtex';
  if (/\.json$/i.test(file)) return 'csl-json';
  return /^\s*[[{]/.test(text) ? 'csl-json' : 'bibtex';
}

function error(file: string, line: number, column: number, code: string, message: string): Diagnostic {
  return { file, line, column, severity: 'error', code, message };
}

/** BibTeX `and others` means "et al."; citation-js reads it as an author called "others". */
function withEtAl(names: CslName[] | undefined): CslName[] | undefined {
  if (!names) return names;
  return names.map((n) => (n.family === 'others' && !n.given ? { literal: 'et al.' } : n));
}

/**
 * NFC everywhere, and a dotless i under an accent back to i: `\'{\i}` (how BibTeX writes í)
 * comes out of the parser as ı + U+0301, which neither looks up nor compares as í.
 */
function tidyStrings<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\u0131(?=[\u0300-\u036f])/g, 'i').normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(tidyStrings) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = tidyStrings(v);
    return out as T;
  }
  return value;
}

function normalise(raw: unknown): CslItem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const item = tidyStrings(raw as CslItem);
  if (typeof item.id !== 'string' && typeof item.id !== 'number') return null;
  const id = String((raw as CslItem).id);
  const out: CslItem = { ...item, id, type: typeof item.type === 'string' ? item.type : 'article-journal' };
  if (out.author) out.author = withEtAl(out.author);
  if (out.editor) out.editor = withEtAl(out.editor);
  delete out._graph;
  // Zotero's BibTeX export puts the PMID in `note` (from its "extra" field).
  if (out.PMID === undefined && typeof out.note === 'string') {
    const pmid = /\bPMID:\s*(\d{1,9})\b/.exec(out.note)?.[1];
    if (pmid) out.PMID = pmid;
  }
  return out;
}

const DOI = /^10\.\d{4,9}\/[^\s"<>]+$/;
const PMID = /^\d{1,9}$/;

/**
 * DOIs, PMIDs and URLs become links in the reference list: keep only well-formed ones (a quote in
 * a DOI would break out of citeproc's href attribute) and say which were dropped.
 */
function checkLinks(file: string, entry: BibliographyEntry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const item = entry.item;
  const warn = (message: string): void => {
    out.push({ file, line: entry.line, column: entry.column, severity: 'warning', code: 'bibliography-bad-identifier', message: `entry "${entry.key}": ${message}` });
  };
  if (item.DOI !== undefined) {
    const raw = String(item.DOI);
    const doi = raw.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
    if (DOI.test(doi)) item.DOI = doi;
    else {
      delete item.DOI;
      warn(`DOI "${raw}" is not a DOI (10.NNNN/...): left out`);
    }
  }
  if (item.PMID !== undefined && !PMID.test(String(item.PMID).trim())) {
    warn(`PMID "${String(item.PMID)}" is not a PubMed id (digits): left out`);
    delete item.PMID;
  }
  if (item.URL !== undefined && !/^https?:\/\/[^\s"<>]+$/i.test(String(item.URL))) {
    warn(`URL "${String(item.URL)}" is not an http(s) address: left out`);
    delete item.URL;
  }
  return out;
}

function parseBibtex(file: string, text: string): { entries: Map<string, BibliographyEntry>; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  const starts = bibtexEntryStarts(text);
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, BibliographyEntry>();
  const firstStart = new Map<string, { line: number; column: number }>();
  for (const s of starts) {
    const at = lines.at(s.offset);
    const seen = firstStart.get(s.key);
    if (seen) {
      const k = lines.at(s.keyOffset);
      diagnostics.push(error(file, k.line, k.column, 'bibliography-duplicate-key', `duplicate key "${s.key}" (first defined at line ${seen.line}); keys must be unique`));
    } else firstStart.set(s.key, at);
  }
  let items: unknown[];
  try {
    items = citationPlugins().plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false });
  } catch (e) {
    const unbalanced = findUnbalancedEntry(text, starts);
    if (unbalanced) {
      const p = lines.at(unbalanced.offset);
      diagnostics.push(error(file, p.line, p.column, 'bibliography-syntax', `unbalanced braces in entry "${unbalanced.entry.key}": a "{" opened in it is never closed (it ends before the next entry)`));
    } else {
      const message = e instanceof Error ? e.message : String(e);
      const m = /at line (\d+) col (\d+)/.exec(message);
      const first = message.split('\n')[0]?.replace(/ at line \d+ col \d+:?$/, '') ?? 'does not parse';
      diagnostics.push(error(file, m ? Number(m[1]) : 1, m ? Number(m[2]) : 1, 'bibliography-syntax', `BibTeX does not parse: ${first}`));
    }
    return { entries, diagnostics };
  } finally {
    citationPlugins().logger._log.length = 0;
  }
  for (const raw of items) {
    const item = normalise(raw);
    if (!item || entries.has(item.id)) continue;
    const at = firstStart.get(item.id) ?? { line: 1, column: 1 };
    const entry = { key: item.id, item, line: at.line, column: at.column };
    diagnostics.push(...checkLinks(file, entry));
    entries.set(item.id, entry);
  }
  return { entries, diagnostics };
}

/** Offset of `"id": "key"` (or a number id) in CSL-JSON text, after `from`. */
function jsonIdOffset(text: string, key: string, from: number): number {
  const escaped = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`"id"\\s*:\\s*(?:${escaped}|${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s,}]))`, 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

function parseCslJson(file: string, text: string): { entries: Map<string, BibliographyEntry>; diagnostics: Diagnostic[] } {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, BibliographyEntry>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const p = pos ? lines.at(Number(pos[1])) : { line: 1, column: 1 };
    diagnostics.push(error(file, p.line, p.column, 'bibliography-syntax', `CSL-JSON does not parse: ${message.replace(/ in JSON at position \d+.*$/, '')}`));
    return { entries, diagnostics };
  }
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : null;
  if (!list) {
    diagnostics.push(error(file, 1, 1, 'bibliography-syntax', 'CSL-JSON must be an array of items (as Zotero exports "CSL JSON")'));
    return { entries, diagnostics };
  }
  let items: unknown[];
  try {
    items = citationPlugins().plugins.input.chain(list, { forceType: '@csl/list+object', generateGraph: false });
  } finally {
    citationPlugins().logger._log.length = 0;
  }
  let searchFrom = 0;
  items.forEach((raw, i) => {
    const item = normalise(raw);
    if (!item) {
      diagnostics.push(error(file, 1, 1, 'bibliography-syntax', `CSL-JSON item ${i + 1} has no "id"`));
      return;
    }
    const offset = jsonIdOffset(text, item.id, searchFrom);
    if (offset !== -1) searchFrom = offset + 1;
    const at = lines.at(Math.max(0, offset));
    const first = entries.get(item.id);
    if (first) {
      diagnostics.push(error(file, at.line, at.column, 'bibliography-duplicate-key', `duplicate key "${item.id}" (first defined at line ${first.line}); keys must be unique`));
      return;
    }
    const entry = { key: item.id, item, line: at.line, column: at.column };
    diagnostics.push(...checkLinks(file, entry));
    entries.set(item.id, entry);
  });
  return { entries, diagnostics };
}

function hashOf(bytes: Uint8Array | string, format: BibliographyFormat | undefined): string {
  return createHash('sha256').update(format ?? 'auto').update('\0').update(bytes).digest('hex');
}

/** Parses one bibliography file. Pure: give it the file's bytes (or text) and its path for messages. */
export function parseBibliography(file: string, content: Uint8Array | string, format?: BibliographyFormat): BibliographyLoad {
  const hash = hashOf(content, format);
  const empty = (d: Diagnostic): BibliographyLoad => ({ bibliography: { file, hash, entries: new Map() }, diagnostics: [d] });
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (size > MAX_BIBLIOGRAPHY_BYTES) {
    return empty(error(file, 1, 1, 'bibliography-too-large', `bibliography is ${(size / 1048576).toFixed(1)} MB; Lectern reads at most ${MAX_BIBLIOGRAPHY_BYTES / 1048576} MB: export only the collection this talk cites`));
  }
  let text: string;
  if (typeof content === 'string') text = content.replace(/^\uFEFF/, '');
  else {
    const decoded = decodeBibliographyBytes(content);
    if (!decoded.ok) {
      return empty(error(file, decoded.position.line, decoded.position.column, 'bibliography-encoding', `invalid UTF-8 at byte ${decoded.byteOffset}: save the file as UTF-8`));
    }
    text = decoded.text.replace(/^\uFEFF/, '');
  }
  const fmt = format ?? bibliographyFormatOf(file, text);
  const { entries, diagnostics } = fmt === 'bibtex' ? parseBibtex(file, text) : parseCslJson(file, text);
  return { bibliography: { file, hash, entries }, diagnostics };
}

/**
 * Parsed bibliographies by content hash. One per app/CLI run; a deck recompiled after an edit
 * finds its unchanged .bib here. Holds a few files at most (least recently used is dropped).
 */
export class BibliographyCache {
  private readonly byHash = new Map<string, BibliographyLoad>();
  constructor(private readonly capacity = 8) {}

  load(file: string, content: Uint8Array | string, format?: BibliographyFormat): BibliographyLoad {
    const key = `${file}\0${hashOf(content, format)}`;
    const hit = this.byHash.get(key);
    if (hit) {
      this.byHash.delete(key);
      this.byHash.set(key, hit);
      return hit;
    }
    const load = parseBibliography(file, content, format);
    this.byHash.set(key, load);
    while (this.byHash.size > this.capacity) this.byHash.delete(this.byHash.keys().next().value as string);
    return load;
  }
}

/** Entries of several files (the top deck's and an include's): the first file to define a key wins. */
export function mergeBibliographies(list: readonly Bibliography[]): Map<string, BibliographyEntry & { file: string }> {
  const out = new Map<string, BibliographyEntry & { file: string }>();
  for (const b of list) for (const [k, e] of b.entries) if (!out.has(k)) out.set(k, { ...e, file: b.file });
  return out;
}
