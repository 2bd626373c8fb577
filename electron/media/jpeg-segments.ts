// Walks a JPEG's marker segments from SOI to EOI, stepping over entropy-coded scan data. A
// progressive JPEG has several scans with tables (and possibly COM/APPn) between them, so the
// walk does not stop at the first scan. Only headers are read: a 65,535 x 65,535 header costs
// nothing; a segment running past the end is an error.
import { fail, ok, type Result } from './types';

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF that opens the marker. */
  start: number;
  /** Offset just past the segment (its payload included). */
  end: number;
  /** Payload, without marker and length. */
  payload: Uint8Array;
}

export interface JpegLayout {
  /** Every piece from SOI to EOI in file order: marker segments and entropy-coded data. */
  pieces: Array<{ kind: 'segment'; segment: JpegSegment } | { kind: 'data'; start: number; end: number }>;
  segments: JpegSegment[];
  /** Offset just past EOI (the file's length when EOI is missing). */
  end: number;
  /** False when the file stops inside scan data (no EOI): shown partly by viewers. */
  complete: boolean;
}

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;
const MAX_SEGMENTS = 100_000;

function isStandalone(marker: number): boolean {
  return (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;
}

/** End of the entropy-coded data starting at `from`: the next 0xFF followed by a real marker. */
function scanDataEnd(bytes: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    i = bytes.indexOf(0xff, i);
    if (i < 0 || i + 1 >= bytes.length) return bytes.length;
    const next = bytes[i + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) { i += next === 0xff ? 1 : 2; continue; }
    return i;
  }
}

export function readJpegLayout(bytes: Uint8Array): Result<JpegLayout> {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return fail('not-media', 'not a JPEG (no start-of-image marker)');
  const pieces: JpegLayout['pieces'] = [];
  const segments: JpegSegment[] = [];
  let sawScan = false;
  let pos = 2;
  while (pos < bytes.length) {
    if (segments.length > MAX_SEGMENTS) return fail('corrupt', 'JPEG has too many segments');
    if (bytes[pos] !== 0xff) return fail('corrupt', `JPEG marker expected at byte ${pos}`);
    let markerPos = pos;
    while (markerPos + 1 < bytes.length && bytes[markerPos + 1] === 0xff) markerPos++; // fill bytes
    if (markerPos + 1 >= bytes.length) break;
    const marker = bytes[markerPos + 1]!;
    if (marker === EOI) {
      if (!sawScan) return fail('corrupt', 'JPEG ends before any image data');
      return ok({ pieces, segments, end: markerPos + 2, complete: true });
    }
    if (isStandalone(marker)) { pos = markerPos + 2; continue; }
    if (markerPos + 4 > bytes.length) break;
    const length = (bytes[markerPos + 2]! << 8) | bytes[markerPos + 3]!;
    if (length < 2) return fail('corrupt', `JPEG segment 0x${marker.toString(16)} at byte ${markerPos} has length ${length}`);
    const end = markerPos + 2 + length;
    if (end > bytes.length) return fail('truncated', `JPEG segment 0x${marker.toString(16)} at byte ${markerPos} runs past the end of the file`);
    const segment = { marker, start: pos, end, payload: bytes.subarray(markerPos + 4, end) };
    segments.push(segment);
    pieces.push({ kind: 'segment', segment });
    pos = end;
    if (marker === SOS) {
      sawScan = true;
      const dataEnd = scanDataEnd(bytes, pos);
      pieces.push({ kind: 'data', start: pos, end: dataEnd });
      if (dataEnd >= bytes.length) return ok({ pieces, segments, end: bytes.length, complete: false });
      pos = dataEnd;
    }
  }
  return sawScan
    ? ok({ pieces, segments, end: bytes.length, complete: false })
    : fail('truncated', 'JPEG ends before its image data (no start-of-scan marker)');
}

export function startsWithAscii(payload: Uint8Array, text: string): boolean {
  if (payload.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (payload[i] !== text.charCodeAt(i)) return false;
  return true;
}

export const EXIF_HEADER = 'Exif\0\0';
export const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
export const XMP_EXTENSION_HEADER = 'http://ns.adobe.com/xmp/extension/\0';
export const ICC_HEADER = 'ICC_PROFILE\0';
export const PHOTOSHOP_HEADER = 'Photoshop 3.0\0';
