// Lossless metadata removal for JPEG, PNG and WebP: segments and chunks are dropped, pixel data is
// copied byte for byte (never re-encoded). Colour profiles and the EXIF orientation survive.
import { EXIF_HEADER, ICC_HEADER, readJpegLayout, startsWithAscii } from './jpeg-segments';
import { PNG_SIGNATURE, readPngChunks } from './png-chunks';
import { readWebpChunks } from './riff-chunks';
import { ok, type Result } from './types';

export interface StrippedFile {
  bytes: Uint8Array;
  /** What was removed, e.g. "JPEG APP1 EXIF"; empty when the file carried nothing. */
  removed: string[];
}

/** The EXIF orientation (tag 0x0112 in IFD0), if the block has one. */
export function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const little = tiff[0] === 0x49;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
  }
  return undefined;
}

/** An APP1 segment whose EXIF holds nothing but the orientation. */
export function minimalExifSegment(orientation: number): Uint8Array {
  const tiff = [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation & 0xff, 0, 0, 0, 0, 0, 0, 0];
  const payload = [...Array.from(EXIF_HEADER, (c) => c.charCodeAt(0)), ...tiff];
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
}

/** APP0 (JFIF), APP2 ICC profile and APP14 (Adobe: tells decoders the colour transform) stay. */
function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xe0 || marker === 0xee) return true;
  if (marker === 0xe2) return startsWithAscii(payload, ICC_HEADER);
  return !(marker >= 0xe0 && marker <= 0xef) && marker !== 0xfe;
}

export function stripJpeg(bytes: Uint8Array): Result<StrippedFile> {
  const layout = readJpegLayout(bytes);
  if (!layout.ok) return layout;
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let orientation: number | undefined;
  let orientationAt = -1;
  for (const piece of layout.value.pieces) {
    if (piece.kind === 'data') { parts.push(bytes.subarray(piece.start, piece.end)); continue; }
    const seg = piece.segment;
    if (keepJpegSegment(seg.marker, seg.payload)) { parts.push(bytes.subarray(seg.start, seg.end)); continue; }
    const isExif = seg.marker === 0xe1 && startsWithAscii(seg.payload, EXIF_HEADER);
    if (isExif && orientation === undefined) {
      orientation = exifOrientation(seg.payload.subarray(6));
      orientationAt = parts.length;
    }
    removed.push(seg.marker === 0xfe ? 'JPEG COM' : `JPEG APP${seg.marker - 0xe0}${isExif ? ' EXIF' : ''}`);
  }
  if (orientation !== undefined && orientation !== 1) parts.splice(orientationAt, 0, minimalExifSegment(orientation));
  if (layout.value.complete) parts.push(Uint8Array.from([0xff, 0xd9]));
  // Phones append more images (MPF) after the end marker, each with its own EXIF.
  if (layout.value.end < bytes.length) removed.push(`${bytes.length - layout.value.end} bytes after the end of image`);
  return ok({ bytes: Buffer.concat(parts), removed });
}

/** Ancillary PNG chunks that change how pixels look or animate; every other ancillary chunk goes. */
const PNG_KEEP_ANCILLARY = new Set(['iCCP', 'sRGB', 'gAMA', 'cHRM', 'pHYs', 'sBIT', 'bKGD', 'tRNS', 'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT']);

export function stripPng(bytes: Uint8Array): Result<StrippedFile> {
  const chunks = readPngChunks(bytes);
  if (!chunks.ok) return chunks;
  const parts: Uint8Array[] = [PNG_SIGNATURE];
  const removed: string[] = [];
  for (const chunk of chunks.value) {
    const critical = chunk.type.charCodeAt(0) < 0x61; // upper-case first letter
    if (critical || PNG_KEEP_ANCILLARY.has(chunk.type)) parts.push(bytes.subarray(chunk.start, chunk.end));
    else removed.push(`PNG ${chunk.type}`);
  }
  return ok({ bytes: Buffer.concat(parts), removed });
}

const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

export function stripWebp(bytes: Uint8Array): Result<StrippedFile> {
  const chunks = readWebpChunks(bytes);
  if (!chunks.ok) return chunks;
  const parts: Uint8Array[] = [];
  const removed: string[] = [];
  for (const chunk of chunks.value) {
    if (!WEBP_KEEP.has(chunk.fourcc)) { removed.push(`WebP ${chunk.fourcc.trim()}`); continue; }
    const copy = Uint8Array.from(bytes.subarray(chunk.start, chunk.end));
    if (chunk.fourcc === 'VP8X' && copy.length > 8) copy[8] = copy[8]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
    parts.push(copy);
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return ok({ bytes: Buffer.concat([header, body]), removed });
}
