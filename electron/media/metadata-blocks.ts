// Reads the names (never the values) of identifying fields inside the three metadata payloads
// every image container reuses: EXIF (a TIFF structure, read with exifr), XMP (RDF/XML) and
// IPTC IIM (optionally wrapped in Photoshop image resources).
import exifr from 'exifr';
import { categoryOfTagName, EXIF_IDENTIFYING, IPTC_DATASETS, XMP_IDENTIFYING } from './identifying-names';
import type { IdentifyingField } from './types';

const EXIF_BLOCKS = ['ifd0', 'exif', 'gps', 'interop', 'ifd1'] as const;
const BLOCK_LABEL: Record<string, string> = { ifd0: 'IFD0', exif: 'EXIF IFD', gps: 'GPS IFD', interop: 'Interop IFD', ifd1: 'IFD1' };

function hasContent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.replace(/\0/g, '').trim() !== '';
  if (value instanceof Uint8Array) return value.some((b) => b !== 0 && b !== 0x20);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Fields of an EXIF/TIFF block. `tiff` starts at the TIFF header ("II*\0" or "MM\0*"). */
export async function exifFields(tiff: Uint8Array, where: string): Promise<IdentifyingField[]> {
  let parsed: Record<string, Record<string, unknown> | undefined> | undefined;
  try {
    parsed = await exifr.parse(Buffer.from(tiff.buffer, tiff.byteOffset, tiff.byteLength), {
      tiff: true, exif: true, gps: true, interop: true, ifd1: true, makerNote: true, userComment: true,
      xmp: false, icc: false, iptc: false, jfif: false, ihdr: false,
      mergeOutput: false, translateKeys: true, translateValues: false, reviveValues: false, sanitize: false,
      silentErrors: true, chunkLimit: 20,
    } as Parameters<typeof exifr.parse>[1]);
  } catch {
    return [{ field: 'EXIF (unreadable)', where, category: 'other' }];
  }
  const out: IdentifyingField[] = [];
  for (const block of EXIF_BLOCKS) {
    const tags = parsed?.[block];
    if (!tags || typeof tags !== 'object') continue;
    for (const [name, value] of Object.entries(tags)) {
      // exifr adds decimal `latitude`/`longitude` computed from the GPS tags: not tags themselves.
      if (!hasContent(value) || name === 'latitude' || name === 'longitude') continue;
      const category = block === 'gps' ? 'gps' : EXIF_IDENTIFYING[name];
      if (category) out.push({ field: name, where: `${where} ${BLOCK_LABEL[block]}`, category });
    }
  }
  return out;
}

/** IPTC datasets that exifr finds in a whole TIFF or HEIF file (TIFF tag 33723). */
export async function embeddedIptcFields(file: Uint8Array, where: string): Promise<IdentifyingField[]> {
  try {
    const parsed = (await exifr.parse(Buffer.from(file.buffer, file.byteOffset, file.byteLength), {
      tiff: false, exif: false, gps: false, iptc: true, xmp: false, icc: false, mergeOutput: false, translateValues: false, reviveValues: false,
    } as Parameters<typeof exifr.parse>[1])) as { iptc?: Record<string, unknown> } | undefined;
    return Object.entries(parsed?.iptc ?? {})
      .filter(([name, value]) => name !== 'ApplicationRecordVersion' && hasContent(value))
      .map(([name]) => ({ field: name, where, category: categoryOfTagName(name) }));
  } catch {
    return [];
  }
}

/** Fields of an XMP packet, found by property name: `dc:creator`, `exif:GPSLatitude`, `aux:SerialNumber`... */
export function xmpFields(xmp: string, where: string): IdentifyingField[] {
  const seen = new Set<string>();
  const out: IdentifyingField[] = [];
  // Element start tags and attributes both carry properties; xmlns declarations do not.
  const re = /<([A-Za-z][\w.-]*):([A-Za-z][\w.-]*)[\s>/]|\s([A-Za-z][\w.-]*):([A-Za-z][\w.-]*)\s*=/g;
  for (const m of xmp.slice(0, 4_000_000).matchAll(re)) {
    const prefix = m[1] ?? m[3]!;
    const local = m[2] ?? m[4]!;
    if (prefix === 'xmlns' || prefix === 'rdf' || prefix === 'x' || prefix === 'xml') continue;
    const category = XMP_IDENTIFYING[local] ?? (local.startsWith('GPS') ? 'gps' : undefined);
    const key = `${prefix}:${local}`;
    if (category && !seen.has(key)) {
      seen.add(key);
      out.push({ field: key, where, category });
    }
  }
  return out;
}

/** Fields of IPTC IIM data (a run of 0x1C-tagged datasets). */
export function iptcFields(iim: Uint8Array, where: string): IdentifyingField[] {
  const out: IdentifyingField[] = [];
  const seen = new Set<number>();
  let pos = 0;
  while (pos + 5 <= iim.length && iim[pos] === 0x1c) {
    const record = iim[pos + 1]!;
    const dataset = iim[pos + 2]!;
    let length = (iim[pos + 3]! << 8) | iim[pos + 4]!;
    let header = 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const n = length & 0x7fff;
      if (n > 4 || pos + 5 + n > iim.length) break;
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + iim[pos + 5 + i]!;
      header += n;
    }
    if (record === 2 && dataset !== 0 && length > 0 && !seen.has(dataset)) {
      seen.add(dataset);
      const [name, category] = IPTC_DATASETS[dataset] ?? [`Dataset 2:${dataset}`, 'free-text' as const];
      out.push({ field: name, where, category });
    }
    pos += header + length;
  }
  return out;
}

/** IPTC inside Photoshop image resources ("8BIM" blocks, resource 0x0404). */
export function photoshopIptcFields(resources: Uint8Array, where: string): IdentifyingField[] {
  const out: IdentifyingField[] = [];
  let pos = 0;
  while (pos + 12 <= resources.length) {
    if (resources[pos] !== 0x38 || resources[pos + 1] !== 0x42 || resources[pos + 2] !== 0x49 || resources[pos + 3] !== 0x4d) break;
    const id = (resources[pos + 4]! << 8) | resources[pos + 5]!;
    const nameLength = resources[pos + 6]!;
    let p = pos + 6 + 1 + nameLength;
    if ((1 + nameLength) % 2) p++; // the Pascal name is padded to an even length
    if (p + 4 > resources.length) break;
    const size = ((resources[p]! << 24) >>> 0) + (resources[p + 1]! << 16) + (resources[p + 2]! << 8) + resources[p + 3]!;
    const dataStart = p + 4;
    const dataEnd = Math.min(resources.length, dataStart + size);
    if (id === 0x0404) out.push(...iptcFields(resources.subarray(dataStart, dataEnd), `${where} IPTC`));
    pos = dataStart + size + (size % 2);
  }
  return out;
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The first XMP packet anywhere in a byte range (HEIF items, TIFF tag 700, MP4 uuid boxes). */
export function findXmpPacket(bytes: Uint8Array): string | undefined {
  const text = latin1(bytes.subarray(0, Math.min(bytes.length, 64 * 1024 * 1024)));
  const start = text.indexOf('<x:xmpmeta');
  if (start < 0) return undefined;
  const end = text.indexOf('</x:xmpmeta>', start);
  return text.slice(start, end < 0 ? Math.min(text.length, start + 1_000_000) : end + 12);
}
