// Reads a .pptx back for tests with libraries independent of the writer (fflate for the zip,
// xmldom for the XML, both strict), checks the package the way Office does before it offers a
// repair, and returns what a user would see: slide titles, picture alt text, notes, properties.
//
// Checks (ECMA-376 Part 2 OPC and Part 1 PresentationML): every part has a content type and
// every Override names a part; part names are unique ignoring case; every relationship target
// exists, ids are unique per part and every r:id/r:embed/r:link used is declared; every part is
// reachable from the package relationships; presentation.xml ids are in range and unique; each
// slide links a layout and a notes slide that links back; shape ids are unique per slide; zip
// entries use only stored or deflated data.

import { DOMParser, onWarningStopParsing, type Document, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { posix } from 'node:path';

const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  dc: 'http://purl.org/dc/elements/1.1/',
};
const SLIDE_CT = 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml';
const REL_SLIDE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';
const REL_LAYOUT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';
const REL_NOTES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide';

export interface NoteParagraphRead {
  text: string;
  /** 'bullet', 'number' (with its number) or 'none'. */
  bullet: 'bullet' | 'number' | 'none';
  number?: number;
  level: number;
}

export interface SlideRead {
  part: string;
  title: string;
  titleBox: { x: number; y: number } | undefined;
  altText: string;
  picture: { part: string; bytes: number; box: { x: number; y: number; width: number; height: number } };
  notes: NoteParagraphRead[];
  videos: Array<{ part: string; poster: string; loops: boolean }>;
}

export interface PptxRead {
  parts: string[];
  title: string;
  creator: string;
  language: string;
  slideSize: { cx: number; cy: number };
  slides: SlideRead[];
  /** Stored zip entries whose sizes follow the data (flag bit 3): readers such as LibreOffice refuse them. */
  storedWithDataDescriptor: string[];
  /** Zip entries stored (not deflated). */
  stored: string[];
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function fail(message: string): never {
  throw new Error(`invalid package: ${message}`);
}

function parseXml(part: string, bytes: Uint8Array): Document {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  try {
    return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, 'text/xml');
  } catch (err) {
    fail(`${part} is not well-formed XML: ${(err as Error).message}`);
  }
}

function elements(root: Document | Element, ns: string, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, name));
}

function textOf(el: Element): string {
  return elements(el, NS.a, 't').map((t) => t.textContent ?? '').join('');
}

/** Zip entry names and flags straight from the central directory (fflate hides the flags). */
function centralDirectory(zip: Uint8Array): Array<{ name: string; flags: number; method: number }> {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) fail('no end of central directory');
  let offset = view.readUInt32LE(eocd + 16);
  const count = view.readUInt16LE(eocd + 10);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (view.readUInt32LE(offset) !== 0x02014b50) fail(`central directory entry ${i} has no signature`);
    const flags = view.readUInt16LE(offset + 8);
    const method = view.readUInt16LE(offset + 10);
    const nameLength = view.readUInt16LE(offset + 28);
    const extra = view.readUInt16LE(offset + 30);
    const comment = view.readUInt16LE(offset + 32);
    out.push({ name: view.toString('utf8', offset + 46, offset + 46 + nameLength), flags, method });
    offset += 46 + nameLength + extra + comment;
  }
  return out;
}

/** What follows the last dot of the name (`.rels` counts: path.extname would say ''). */
function extensionOf(part: string): string {
  const name = posix.basename(part);
  return name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
}

function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

export function readPptx(zip: Uint8Array): PptxRead {
  const directory = centralDirectory(zip);
  const seen = new Set<string>();
  for (const entry of directory) {
    if (seen.has(entry.name.toLowerCase())) fail(`part ${entry.name} appears twice (names ignore case)`);
    seen.add(entry.name.toLowerCase());
    if (entry.method !== 0 && entry.method !== 8) fail(`${entry.name} uses compression method ${entry.method}`);
  }
  // Folder entries (JSZip writes them) are not parts; OPC readers ignore them, and so does this one.
  const files = Object.fromEntries(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')));
  const parts = Object.keys(files);
  const xml = new Map<string, Document>();
  for (const part of parts) if (/\.(xml|rels)$/.test(part)) xml.set(part, parseXml(part, files[part]!));
  const doc = (part: string): Document => xml.get(part) ?? fail(`missing part ${part}`);

  // Content types: a type for every part, no Override without its part.
  const types = doc('[Content_Types].xml');
  const defaults = new Map(elements(types, NS.ct, 'Default').map((d) => [d.getAttribute('Extension')!.toLowerCase(), d.getAttribute('ContentType')!]));
  const overrides = new Map(elements(types, NS.ct, 'Override').map((o) => [o.getAttribute('PartName')!.replace(/^\//, ''), o.getAttribute('ContentType')!]));
  for (const name of overrides.keys()) if (!files[name]) fail(`content type override for missing part /${name}`);
  const typeOf = (part: string): string => overrides.get(part) ?? defaults.get(extensionOf(part)) ?? fail(`part ${part} has no content type`);
  for (const part of parts) if (part !== '[Content_Types].xml') typeOf(part);

  // Relationships: declared once, pointing at parts that exist, and every use declared.
  const relsCache = new Map<string, Map<string, Rel>>();
  const relsOf = (source: string): Map<string, Rel> => {
    const cached = relsCache.get(source);
    if (cached) return cached;
    const relsPart = source === '' ? '_rels/.rels' : relsPartOf(source);
    const map = new Map<string, Rel>();
    if (files[relsPart]) {
      for (const el of elements(doc(relsPart), NS.rels, 'Relationship')) {
        const id = el.getAttribute('Id')!;
        if (map.has(id)) fail(`${relsPart}: relationship id ${id} declared twice`);
        const external = el.getAttribute('TargetMode') === 'External';
        const raw = el.getAttribute('Target')!;
        const target = external ? raw : raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(posix.dirname(source), raw));
        if (!external && !files[target]) fail(`${relsPart}: ${id} points at missing part ${target}`);
        map.set(id, { id, type: el.getAttribute('Type')!, target, external });
      }
    }
    relsCache.set(source, map);
    return map;
  };
  const reachable = new Set<string>();
  const visit = (source: string): void => {
    for (const rel of relsOf(source).values()) {
      if (rel.external || reachable.has(rel.target)) continue;
      reachable.add(rel.target);
      visit(rel.target);
    }
    if (source === '' || !xml.has(source)) return;
    const declared = relsOf(source);
    for (const el of elements(doc(source), '*', '*')) {
      for (const attr of ['id', 'embed', 'link']) {
        const id = el.getAttributeNS(NS.r, attr);
        if (id && !declared.has(id)) fail(`${source}: <${el.tagName}> uses undeclared relationship ${id}`);
      }
    }
  };
  visit('');
  for (const part of parts) {
    if (part === '[Content_Types].xml' || part.endsWith('.rels')) continue;
    if (!reachable.has(part)) fail(`part ${part} is not reachable from the package relationships`);
  }

  const root = [...relsOf('').values()];
  const presentationPart = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? fail('no officeDocument relationship');
  const corePart = root.find((r) => r.type.endsWith('/metadata/core-properties'))?.target ?? fail('no core properties');
  const presentation = doc(presentationPart);
  const presRels = relsOf(presentationPart);

  for (const el of elements(presentation, NS.p, 'sldMasterId')) {
    if (Number(el.getAttribute('id')) < 2147483648) fail('slide master id below 2147483648');
  }
  if (elements(presentation, NS.p, 'notesMasterId').length !== 1) fail('presentation.xml names no notes master');
  const size = elements(presentation, NS.p, 'sldSz')[0] ?? fail('no slide size');
  const slideIds = new Set<number>();
  const slides: SlideRead[] = [];
  for (const el of elements(presentation, NS.p, 'sldId')) {
    const id = Number(el.getAttribute('id'));
    if (!(id >= 256 && id < 2147483648) || slideIds.has(id)) fail(`slide id ${id} out of range or repeated`);
    slideIds.add(id);
    const rel = presRels.get(el.getAttributeNS(NS.r, 'id')!) ?? fail('sldId without relationship');
    if (rel.type !== REL_SLIDE || typeOf(rel.target) !== SLIDE_CT) fail(`${rel.target} is not a slide`);
    slides.push(readSlide(rel.target, doc, relsOf, files));
  }

  const core = doc(corePart);
  const dcText = (name: string): string => elements(core, NS.dc, name)[0]?.textContent ?? '';
  return {
    parts,
    title: dcText('title'),
    creator: dcText('creator'),
    language: dcText('language'),
    slideSize: { cx: Number(size.getAttribute('cx')), cy: Number(size.getAttribute('cy')) },
    slides,
    storedWithDataDescriptor: directory.filter((e) => e.method === 0 && e.flags & 0x8).map((e) => e.name),
    stored: directory.filter((e) => e.method === 0).map((e) => e.name),
  };
}

function readSlide(
  part: string,
  doc: (part: string) => Document,
  relsOf: (source: string) => Map<string, Rel>,
  files: Record<string, Uint8Array>,
): SlideRead {
  const slide = doc(part);
  const rels = [...relsOf(part).values()];
  if (!rels.some((r) => r.type === REL_LAYOUT)) fail(`${part} has no slide layout`);
  const notesRel = rels.find((r) => r.type === REL_NOTES) ?? fail(`${part} has no notes slide`);
  if (![...relsOf(notesRel.target).values()].some((r) => r.type === REL_SLIDE && r.target === part)) {
    fail(`${notesRel.target} does not point back at ${part}`);
  }
  const ids = elements(slide, NS.p, 'cNvPr').map((el) => el.getAttribute('id'));
  if (new Set(ids).size !== ids.length) fail(`${part}: shape ids repeat (${ids.join(',')})`);
  for (const target of elements(slide, NS.p, 'spTgt')) {
    if (!ids.includes(target.getAttribute('spid'))) fail(`${part}: timing targets shape ${target.getAttribute('spid')}, which is not on the slide`);
  }
  const timeNodeIds = elements(slide, NS.p, 'cTn').map((el) => el.getAttribute('id'));
  if (new Set(timeNodeIds).size !== timeNodeIds.length) fail(`${part}: time node ids repeat`);

  const title = elements(slide, NS.p, 'sp').find((sp) => elements(sp, NS.p, 'ph').some((ph) => ph.getAttribute('type') === 'title'));
  const titleOff = title && elements(title, NS.a, 'off')[0];
  const pics = elements(slide, NS.p, 'pic');
  const picture = pics.find((pic) => elements(pic, NS.a, 'videoFile').length === 0) ?? fail(`${part} has no picture`);
  const blip = elements(picture, NS.a, 'blip')[0]!;
  const picturePart = relsOf(part).get(blip.getAttributeNS(NS.r, 'embed')!)!.target;
  const off = elements(picture, NS.a, 'off')[0]!;
  const ext = elements(picture, NS.a, 'ext').find((e) => e.parentNode && (e.parentNode as Element).localName === 'xfrm')!;

  const notesBody = elements(doc(notesRel.target), NS.p, 'sp').find((sp) => elements(sp, NS.p, 'ph').some((ph) => ph.getAttribute('type') === 'body'));
  const notes: NoteParagraphRead[] = (notesBody ? elements(notesBody, NS.a, 'p') : []).map((p) => {
    const pPr = elements(p, NS.a, 'pPr')[0];
    const autoNum = pPr && elements(pPr, NS.a, 'buAutoNum')[0];
    const char = pPr && elements(pPr, NS.a, 'buChar')[0];
    const lines = Array.from(p.childNodes)
      .filter((n): n is Element => n.nodeType === 1)
      .map((n) => (n.localName === 'br' ? '\n' : n.localName === 'r' ? textOf(n) : ''))
      .join('');
    return {
      text: lines,
      bullet: autoNum ? 'number' : char ? 'bullet' : 'none',
      ...(autoNum ? { number: Number(autoNum.getAttribute('startAt') ?? 1) } : {}),
      level: Number(pPr?.getAttribute('lvl') ?? 0),
    };
  });
  const videos = pics
    .filter((pic) => elements(pic, NS.a, 'videoFile').length > 0)
    .map((pic) => {
      const spid = elements(pic, NS.p, 'cNvPr')[0]!.getAttribute('id');
      const node = elements(slide, NS.p, 'cMediaNode').find((m) => elements(m, NS.p, 'spTgt')[0]?.getAttribute('spid') === spid);
      return {
        part: relsOf(part).get(elements(pic, NS.a, 'videoFile')[0]!.getAttributeNS(NS.r, 'link')!)!.target,
        poster: relsOf(part).get(elements(pic, NS.a, 'blip')[0]!.getAttributeNS(NS.r, 'embed')!)!.target,
        loops: elements(node ?? pic, NS.p, 'cTn')[0]?.getAttribute('repeatCount') === 'indefinite',
      };
    });
  return {
    part,
    title: title ? textOf(title) : '',
    titleBox: titleOff ? { x: Number(titleOff.getAttribute('x')), y: Number(titleOff.getAttribute('y')) } : undefined,
    altText: elements(picture, NS.p, 'cNvPr')[0]!.getAttribute('descr') ?? '',
    picture: {
      part: picturePart,
      bytes: files[picturePart]!.length,
      box: { x: Number(off.getAttribute('x')), y: Number(off.getAttribute('y')), width: Number(ext.getAttribute('cx')), height: Number(ext.getAttribute('cy')) },
    },
    notes,
    videos,
  };
}
