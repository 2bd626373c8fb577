// Walks the parts of a Matroska/WebM file that carry metadata (Segment > Info, Tags). Clusters
// (the media) are skipped by size; unknown sizes (live streams) run to the parent's end.
import { fail, ok, type Result } from './types';

export interface EbmlElement {
  id: number;
  start: number;
  dataStart: number;
  end: number;
  children: EbmlElement[];
}

export const EBML_ID = {
  Segment: 0x18538067, Info: 0x1549a966, Title: 0x7ba9, Tags: 0x1254c367, Tag: 0x7373,
  SimpleTag: 0x67c8, TagName: 0x45a3, TagString: 0x4487, Attachments: 0x1941a469, Void: 0xec,
  DateUTC: 0x4461, Cluster: 0x1f43b675, Cues: 0x1c53bb6b, Tracks: 0x1654ae6b, TrackEntry: 0xae, Name: 0x536e,
} as const;

const MASTERS = new Set<number>([EBML_ID.Segment, EBML_ID.Info, EBML_ID.Tags, EBML_ID.Tag, EBML_ID.SimpleTag, EBML_ID.Tracks, EBML_ID.TrackEntry]);
const MAX_DEPTH = 8;
const MAX_ELEMENTS = 200_000;

function readVint(bytes: Uint8Array, pos: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = bytes[pos];
  if (first === undefined || first === 0) return undefined;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (pos + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[pos + i]!;
    if (bytes[pos + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

export function readEbml(bytes: Uint8Array): Result<EbmlElement[]> {
  let count = 0;
  const walk = (from: number, to: number, depth: number): Result<EbmlElement[]> => {
    const out: EbmlElement[] = [];
    let pos = from;
    while (pos < to) {
      if (++count > MAX_ELEMENTS) return fail('corrupt', 'too many EBML elements');
      const id = readVint(bytes, pos, true);
      if (!id) return fail('corrupt', `bad EBML element id at byte ${pos}`);
      const size = readVint(bytes, pos + id.length, false);
      if (!size) return fail('truncated', `EBML element at byte ${pos} is cut off`);
      const dataStart = pos + id.length + size.length;
      const end = size.unknown ? to : dataStart + size.value;
      if (end > to) return fail('truncated', `EBML element 0x${id.value.toString(16)} at byte ${pos} runs past the end`);
      const element: EbmlElement = { id: id.value, start: pos, dataStart, end, children: [] };
      if (MASTERS.has(id.value) && depth < MAX_DEPTH) {
        const inner = walk(dataStart, end, depth + 1);
        if (!inner.ok) return inner;
        element.children = inner.value;
      }
      out.push(element);
      pos = end;
    }
    return ok(out);
  };
  return walk(0, bytes.length, 0);
}

export function* allElements(elements: EbmlElement[]): Generator<EbmlElement> {
  for (const e of elements) {
    yield e;
    yield* allElements(e.children);
  }
}
