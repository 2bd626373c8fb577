// Walks a PNG's chunks. CRCs are not checked (a viewer would still show the image); lengths are,
// so a chunk running past the end is an error rather than a read out of bounds.
import { fail, ok, type Result } from './types';

export interface PngChunk {
  type: string;
  start: number;
  end: number;
  data: Uint8Array;
}

export const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPngChunks(bytes: Uint8Array): Result<PngChunk[]> {
  for (let i = 0; i < 8; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return fail('not-media', 'not a PNG (bad signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let pos = 8;
  while (pos + 8 <= bytes.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    const end = pos + 12 + length;
    if (end > bytes.length) return fail('truncated', `PNG chunk ${JSON.stringify(type)} at byte ${pos} runs past the end of the file`);
    chunks.push({ type, start: pos, end, data: bytes.subarray(pos + 8, pos + 8 + length) });
    pos = end;
    if (type === 'IEND') return ok(chunks);
  }
  return fail('truncated', 'PNG ends without an IEND chunk');
}
