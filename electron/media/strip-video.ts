// Lossless metadata removal for MP4 and WebM without moving a single media byte: a metadata box
// becomes a `free` box (MP4) or a Void element (Matroska) of the same size with zeroed content,
// so sample offsets (stco/co64) and cluster positions stay valid.
import { allElements, EBML_ID, readEbml } from './ebml';
import { allBoxes, readIsoBoxes } from './iso-boxes';
import { findXmpPacket } from './metadata-blocks';
import type { StrippedFile } from './strip-image';
import { ok, type Result } from './types';

const HEADER_TIMES = new Set(['mvhd', 'tkhd', 'mdhd']);

export function stripMp4(bytes: Uint8Array): Result<StrippedFile> {
  const boxes = readIsoBoxes(bytes);
  if (!boxes.ok) return boxes;
  const out = Buffer.from(bytes); // a copy: the caller's bytes (and the file) stay as they were
  const removed: string[] = [];
  let freedUntil = -1; // end of the last box turned into `free`: its children are gone with it
  for (const box of allBoxes(boxes.value)) {
    if (box.start < freedUntil) continue;
    const xmpUuid = box.type === 'uuid' && findXmpPacket(bytes.subarray(box.start, box.end)) !== undefined;
    if (box.type === 'udta' || box.type === 'meta' || xmpUuid) {
      out.write('free', box.start + 4, 'latin1');
      out.fill(0, box.start + box.headerSize, box.end);
      removed.push(`MP4 ${box.path}`);
      freedUntil = box.end;
    } else if (HEADER_TIMES.has(box.type)) {
      // Creation and modification times: 4 bytes each (version 0) or 8 (version 1), after version/flags.
      const at = box.start + box.headerSize;
      const width = out[at] === 1 ? 8 : 4;
      if (at + 4 + 2 * width <= box.end && out.subarray(at + 4, at + 4 + 2 * width).some((b) => b !== 0)) {
        out.fill(0, at + 4, at + 4 + 2 * width);
        removed.push(`MP4 ${box.path} creation/modification time`);
      }
    }
  }
  return ok({ bytes: out, removed });
}

const WEBM_DROP = new Set<number>([EBML_ID.Tags, EBML_ID.Attachments, EBML_ID.Title, EBML_ID.DateUTC]);

function writeVoid(out: Buffer, start: number, total: number): void {
  // Void = ID 0xEC, a size field, zeros. The size field takes up what the payload cannot.
  const sizeLength = total <= 9 ? total - 1 : 8;
  const payload = total - 1 - sizeLength;
  out.fill(0, start, start + total);
  out[start] = EBML_ID.Void;
  out[start + 1] = 0x80 >> (sizeLength - 1);
  let value = payload;
  for (let i = sizeLength - 1; i >= 1 && value > 0; i--) {
    out[start + 1 + i] = value & 0xff;
    value = Math.floor(value / 256);
  }
  if (sizeLength === 1) out[start + 1] = 0x80 | payload;
}

export function stripWebm(bytes: Uint8Array): Result<StrippedFile> {
  const elements = readEbml(bytes);
  if (!elements.ok) return elements;
  const out = Buffer.from(bytes);
  const removed: string[] = [];
  for (const e of allElements(elements.value)) {
    if (!WEBM_DROP.has(e.id) || e.end - e.start < 2) continue;
    writeVoid(out, e.start, e.end - e.start);
    removed.push(`Matroska element 0x${e.id.toString(16)}`);
  }
  return ok({ bytes: out, removed });
}
