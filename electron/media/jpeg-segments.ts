// Walks a JPEG's marker segments up to the start of scan. Only headers are read, so a file
// declaring a 100,000 x 100,000 image costs nothing; a segment running past the end is an error.
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
  /** Segments between SOI and SOS (SOS excluded). */
  segments: JpegSegment[];
  /** Offset of the SOS marker: everything from here on is entropy-coded data and the EOI. */
  scanStart: number;
}

const SOI = 0xd8;
const SOS = 0xda;
const EOI = 0xd9;

export function readJpegLayout(bytes: Uint8Array): Result<JpegLayout> {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return fail('not-media', 'not a JPEG (no start-of-image marker)');
  const segments: JpegSegment[] = [];
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return fail('corrupt', `JPEG marker expected at byte ${pos}`);
    // Fill bytes (0xFF 0xFF ...) may pad between segments.
    let markerPos = pos;
    while (markerPos + 1 < bytes.length && bytes[markerPos + 1] === 0xff) markerPos++;
    if (markerPos + 1 >= bytes.length) break;
    const marker = bytes[markerPos + 1]!;
    if (marker === SOS) return ok({ segments, scanStart: markerPos });
    if (marker === EOI) return fail('corrupt', 'JPEG ends before any image data');
    // Standalone markers (RSTn, TEM) carry no length.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { pos = markerPos + 2; continue; }
    if (markerPos + 4 > bytes.length) break;
    const length = (bytes[markerPos + 2]! << 8) | bytes[markerPos + 3]!;
    if (length < 2) return fail('corrupt', `JPEG segment 0x${marker.toString(16)} at byte ${markerPos} has length ${length}`);
    const end = markerPos + 2 + length;
    if (end > bytes.length) return fail('truncated', `JPEG segment 0x${marker.toString(16)} at byte ${markerPos} runs past the end of the file`);
    segments.push({ marker, start: pos, end, payload: bytes.subarray(markerPos + 4, end) });
    pos = end;
  }
  return fail('truncated', 'JPEG ends before its image data (no start-of-scan marker)');
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
