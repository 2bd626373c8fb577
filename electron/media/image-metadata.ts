// Identifying fields in still images: JPEG, PNG, WebP, TIFF and HEIF/AVIF. Names and places only.
import { inflateSync } from 'node:zlib';
import { categoryOfTagName, PNG_KEYWORD_CATEGORY } from './identifying-names';
import { EXIF_HEADER, ICC_HEADER, PHOTOSHOP_HEADER, readJpegLayout, startsWithAscii, XMP_EXTENSION_HEADER, XMP_HEADER } from './jpeg-segments';
import { embeddedIptcFields, exifFields, findXmpPacket, latin1, photoshopIptcFields, xmpFields } from './metadata-blocks';
import { readPngChunks } from './png-chunks';
import { readWebpChunks } from './riff-chunks';
import { ok, type IdentifyingField, type Result } from './types';

/** Most a compressed text chunk may inflate to: keeps a zip bomb in a zTXt chunk from filling memory. */
const MAX_INFLATED_TEXT = 8 * 1024 * 1024;

const JPEG_APP_KNOWN_HARMLESS = new Set([0xe0 /* JFIF */, 0xee /* Adobe colour transform */]);

export async function jpegFields(bytes: Uint8Array): Promise<Result<IdentifyingField[]>> {
  const layout = readJpegLayout(bytes);
  if (!layout.ok) return layout;
  const out: IdentifyingField[] = [];
  for (const seg of layout.value.segments) {
    const p = seg.payload;
    const app = seg.marker - 0xe0;
    if (seg.marker === 0xfe) out.push({ field: 'Comment', where: 'JPEG COM segment', category: 'free-text' });
    else if (seg.marker === 0xe1 && startsWithAscii(p, EXIF_HEADER)) out.push(...(await exifFields(p.subarray(6), 'JPEG APP1 EXIF')));
    else if (seg.marker === 0xe1 && startsWithAscii(p, XMP_HEADER)) out.push(...xmpFields(latin1(p.subarray(XMP_HEADER.length)), 'JPEG APP1 XMP'));
    else if (seg.marker === 0xe1 && startsWithAscii(p, XMP_EXTENSION_HEADER)) out.push(...xmpFields(latin1(p.subarray(XMP_EXTENSION_HEADER.length + 40)), 'JPEG APP1 extended XMP'));
    else if (seg.marker === 0xed && startsWithAscii(p, PHOTOSHOP_HEADER)) out.push(...photoshopIptcFields(p.subarray(PHOTOSHOP_HEADER.length), 'JPEG APP13 Photoshop'));
    else if (seg.marker === 0xe2 && startsWithAscii(p, ICC_HEADER)) continue;
    else if (app >= 0 && app <= 15 && !JPEG_APP_KNOWN_HARMLESS.has(seg.marker)) {
      out.push({ field: `APP${app} segment`, where: `JPEG APP${app} at byte ${seg.start}`, category: 'other' });
    }
  }
  return ok(dedupe(out));
}

function nulTerminated(data: Uint8Array, from: number): { text: string; next: number } {
  let end = data.indexOf(0, from);
  if (end < 0) end = data.length;
  return { text: latin1(data.subarray(from, end)), next: end + 1 };
}

function boundedInflate(data: Uint8Array): Uint8Array | undefined {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_TEXT });
  } catch {
    return undefined;
  }
}

export async function pngFields(bytes: Uint8Array): Promise<Result<IdentifyingField[]>> {
  const chunks = readPngChunks(bytes);
  if (!chunks.ok) return chunks;
  const out: IdentifyingField[] = [];
  for (const chunk of chunks.value) {
    const where = `PNG ${chunk.type} chunk`;
    if (chunk.type === 'eXIf') out.push(...(await exifFields(stripExifPrefix(chunk.data), where)));
    else if (chunk.type === 'tIME') out.push({ field: 'Last modification time', where, category: 'date' });
    else if (chunk.type === 'tEXt' || chunk.type === 'zTXt' || chunk.type === 'iTXt') {
      const { text: keyword, next } = nulTerminated(chunk.data, 0);
      if (keyword === 'XML:com.adobe.xmp' && chunk.type === 'iTXt') {
        const compressed = chunk.data[next] === 1;
        const lang = nulTerminated(chunk.data, next + 2);
        const translated = nulTerminated(chunk.data, lang.next);
        const body = chunk.data.subarray(translated.next);
        const xmp = compressed ? boundedInflate(body) : body;
        out.push(...(xmp ? xmpFields(latin1(xmp), `${where} XMP`) : [{ field: 'XMP (unreadable)', where, category: 'other' as const }]));
      } else if (/^Raw profile type (exif|APP1)$/i.test(keyword)) {
        out.push({ field: `${keyword} (hex-encoded EXIF)`, where, category: 'other' });
      } else if (/^Raw profile type iptc$/i.test(keyword)) {
        out.push({ field: `${keyword} (hex-encoded IPTC)`, where, category: 'free-text' });
      } else {
        out.push({ field: keyword || '(empty keyword)', where, category: PNG_KEYWORD_CATEGORY[keyword] ?? categoryOfTagName(keyword) });
      }
    }
  }
  return ok(dedupe(out));
}

export function stripExifPrefix(data: Uint8Array): Uint8Array {
  return startsWithAscii(data, EXIF_HEADER) ? data.subarray(6) : data;
}

export async function webpFields(bytes: Uint8Array): Promise<Result<IdentifyingField[]>> {
  const chunks = readWebpChunks(bytes);
  if (!chunks.ok) return chunks;
  const out: IdentifyingField[] = [];
  for (const chunk of chunks.value) {
    if (chunk.fourcc === 'EXIF') out.push(...(await exifFields(stripExifPrefix(chunk.data), 'WebP EXIF chunk')));
    else if (chunk.fourcc === 'XMP ') out.push(...xmpFields(latin1(chunk.data), 'WebP XMP chunk'));
  }
  return ok(dedupe(out));
}

/** TIFF, HEIF and AVIF: exifr finds the EXIF structure itself; XMP is found as a packet. */
export async function tiffOrHeifFields(bytes: Uint8Array, label: string): Promise<Result<IdentifyingField[]>> {
  const out = [...(await exifFields(bytes, `${label} EXIF`)), ...(await embeddedIptcFields(bytes, `${label} IPTC`))];
  const xmp = findXmpPacket(bytes);
  if (xmp) out.push(...xmpFields(xmp, `${label} XMP`));
  return ok(dedupe(out));
}

export function dedupe(fields: IdentifyingField[]): IdentifyingField[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.field}\0${f.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
