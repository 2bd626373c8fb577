// Walks a WebP (RIFF) file's top-level chunks; odd-sized chunks carry one pad byte.
import { fail, ok, type Result } from './types';

export interface RiffChunk {
  fourcc: string;
  start: number;
  /** End including the pad byte. */
  end: number;
  data: Uint8Array;
}

export function readWebpChunks(bytes: Uint8Array): Result<RiffChunk[]> {
  const tag = (at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return fail('not-media', 'not a WebP file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = Math.min(bytes.length, 8 + view.getUint32(4, true));
  const chunks: RiffChunk[] = [];
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const size = view.getUint32(pos + 4, true);
    const dataEnd = pos + 8 + size;
    if (dataEnd > bytes.length) return fail('truncated', `WebP chunk ${JSON.stringify(tag(pos))} at byte ${pos} runs past the end of the file`);
    chunks.push({ fourcc: tag(pos), start: pos, end: Math.min(bytes.length, dataEnd + (size & 1)), data: bytes.subarray(pos + 8, dataEnd) });
    pos = dataEnd + (size & 1);
  }
  if (chunks.length === 0) return fail('truncated', 'WebP file holds no chunk');
  return ok(chunks);
}
