// Reads only the metadata-bearing parts of a large MP4 or WebM file: top-level boxes other than
// `mdat` (MP4), or the Segment's children other than Clusters and Cues (WebM). A 2 GB video
// costs a few header reads and its moov/Info/Tags, never its media. The parts are joined into a
// small stand-in file that the in-memory readers understand, with a map back to file offsets.
import type { FileHandle } from 'node:fs/promises';
import { fail, ok, type Result } from './types';

export interface SparsePiece {
  /** Where the piece sits in the stand-in buffer and in the file (-1: made up, not from the file). */
  at: number;
  fileOffset: number;
  length: number;
}

export interface SparseFile {
  bytes: Uint8Array;
  pieces: SparsePiece[];
}

/** Most bytes one metadata box or element may have: a moov of a two-hour film is ~20 MB. */
const MAX_PIECE = 64 * 1024 * 1024;
const MAX_PIECES = 10_000;

async function readAt(file: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

function join(parts: Array<{ fileOffset: number; bytes: Uint8Array }>): SparseFile {
  const pieces: SparsePiece[] = [];
  let at = 0;
  for (const part of parts) {
    pieces.push({ at, fileOffset: part.fileOffset, length: part.bytes.length });
    at += part.bytes.length;
  }
  return { bytes: Buffer.concat(parts.map((p) => p.bytes)), pieces };
}

export async function sparseMp4(file: FileHandle, size: number): Promise<Result<SparseFile>> {
  const parts: Array<{ fileOffset: number; bytes: Uint8Array }> = [];
  let pos = 0;
  while (pos + 8 <= size) {
    if (parts.length > MAX_PIECES) return fail('corrupt', 'too many top-level boxes');
    const head = await readAt(file, pos, 16);
    let boxSize = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (boxSize === 1) boxSize = Number(head.readBigUInt64BE(8));
    else if (boxSize === 0) boxSize = size - pos;
    if (boxSize < 8 || pos + boxSize > size) return fail('truncated', `box ${JSON.stringify(type)} at byte ${pos} runs past the end of the file`);
    if (type !== 'mdat' && type !== 'free' && type !== 'skip') {
      if (boxSize > MAX_PIECE) return fail('too-large', `box ${JSON.stringify(type)} at byte ${pos} is ${Math.round(boxSize / 1e6)} MB; metadata over ${MAX_PIECE / 1e6} MB is not read`);
      parts.push({ fileOffset: pos, bytes: await readAt(file, pos, boxSize) });
    }
    pos += boxSize;
  }
  return ok(join(parts));
}

function vint(bytes: Uint8Array, pos: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = bytes[pos];
  if (!first) return undefined;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || pos + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[pos + i]!;
    if (bytes[pos + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

const SEGMENT = 0x18538067;
const SKIPPED = new Set([0x1f43b675 /* Cluster */, 0x1c53bb6b /* Cues */]);
/** A Segment header of unknown size, so the stand-in needs no size arithmetic. */
const SEGMENT_UNKNOWN_SIZE = Uint8Array.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

export async function sparseWebm(file: FileHandle, size: number): Promise<Result<SparseFile>> {
  const parts: Array<{ fileOffset: number; bytes: Uint8Array }> = [];
  let pos = 0;
  let inSegment = false;
  let segmentEnd = size;
  while (pos < Math.min(size, segmentEnd)) {
    if (parts.length > MAX_PIECES) return fail('corrupt', 'too many EBML elements');
    const head = await readAt(file, pos, 12);
    const id = vint(head, 0, true);
    const length = id && vint(head, id.length, false);
    if (!id || !length) return fail('corrupt', `bad EBML element at byte ${pos}`);
    const dataStart = pos + id.length + length.length;
    if (id.value === SEGMENT && !inSegment) {
      inSegment = true;
      segmentEnd = length.unknown ? size : Math.min(size, dataStart + length.value);
      parts.push({ fileOffset: -1, bytes: SEGMENT_UNKNOWN_SIZE });
      pos = dataStart;
      continue;
    }
    if (length.unknown) break; // a live-stream Cluster: nothing after it can be found without parsing it
    const end = dataStart + length.value;
    if (end > size) return fail('truncated', `EBML element at byte ${pos} runs past the end of the file`);
    if (!SKIPPED.has(id.value)) {
      if (end - pos > MAX_PIECE) return fail('too-large', `EBML element at byte ${pos} is over ${MAX_PIECE / 1e6} MB`);
      parts.push({ fileOffset: pos, bytes: await readAt(file, pos, end - pos) });
    }
    pos = end;
  }
  return ok(join(parts));
}

/** Byte ranges where `after` differs from the stand-in, as writes at file offsets. */
export function filePatches(sparse: SparseFile, after: Uint8Array): Result<Array<{ fileOffset: number; bytes: Uint8Array }>> {
  if (after.length !== sparse.bytes.length) return fail('corrupt', 'stripping changed the size of a video');
  const patches: Array<{ fileOffset: number; bytes: Uint8Array }> = [];
  for (const piece of sparse.pieces) {
    let i = piece.at;
    const end = piece.at + piece.length;
    while (i < end) {
      if (after[i] === sparse.bytes[i]) { i++; continue; }
      const start = i;
      while (i < end && after[i] !== sparse.bytes[i]) i++;
      if (piece.fileOffset < 0) return fail('corrupt', 'stripping touched a made-up header');
      patches.push({ fileOffset: piece.fileOffset + (start - piece.at), bytes: after.subarray(start, i) });
    }
  }
  return ok(patches);
}
