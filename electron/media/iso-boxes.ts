// Walks ISO base media boxes (MP4, M4V, MOV, HEIF/AVIF). Only box headers are read, so a 2 GB
// mdat is skipped by its size; nesting depth is bounded so a hostile file cannot recurse forever.
import { fail, ok, type Result } from './types';

export interface IsoBox {
  type: string;
  start: number;
  headerSize: number;
  end: number;
  /** Dotted path from the top, e.g. "moov.udta.meta". */
  path: string;
  children: IsoBox[];
}

/** Boxes whose payload is itself a list of boxes. `meta` is a full box: 4 bytes of version/flags first. */
const CONTAINERS: Record<string, number> = {
  moov: 0, trak: 0, mdia: 0, minf: 0, stbl: 0, udta: 0, edts: 0, dinf: 0, ilst: 0, moof: 0, traf: 0, mvex: 0, meta: 4,
};
const MAX_DEPTH = 12;
const MAX_BOXES = 100_000;

export function readIsoBoxes(bytes: Uint8Array): Result<IsoBox[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  const walk = (from: number, to: number, parentPath: string, depth: number): Result<IsoBox[]> => {
    const boxes: IsoBox[] = [];
    let pos = from;
    while (pos + 8 <= to) {
      if (++count > MAX_BOXES) return fail('corrupt', 'too many boxes');
      let size = view.getUint32(pos);
      const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
      let headerSize = 8;
      if (size === 1) {
        if (pos + 16 > to) return fail('truncated', `box ${JSON.stringify(type)} at byte ${pos} is cut off`);
        const big = view.getBigUint64(pos + 8);
        size = big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
        headerSize = 16;
      } else if (size === 0) {
        size = to - pos; // runs to the end of its parent
      }
      if (size < headerSize) return fail('corrupt', `box ${JSON.stringify(type)} at byte ${pos} has size ${size}`);
      const end = pos + size;
      if (end > to) return fail('truncated', `box ${JSON.stringify(type)} at byte ${pos} runs past the end of ${parentPath || 'the file'}`);
      const path = parentPath ? `${parentPath}.${type}` : type;
      const box: IsoBox = { type, start: pos, headerSize, end, path, children: [] };
      const skip = CONTAINERS[type];
      // Inside ilst every child is a container of data boxes; inside stsd and others we stop.
      const isIlstItem = parentPath.endsWith('ilst');
      if ((skip !== undefined || isIlstItem) && depth < MAX_DEPTH) {
        const inner = walk(pos + headerSize + (skip ?? 0), end, path, depth + 1);
        if (!inner.ok) return inner;
        box.children = inner.value;
      }
      boxes.push(box);
      pos = end;
    }
    return ok(boxes);
  };
  return walk(0, bytes.length, '', 0);
}

export function* allBoxes(boxes: IsoBox[]): Generator<IsoBox> {
  for (const box of boxes) {
    yield box;
    yield* allBoxes(box.children);
  }
}
