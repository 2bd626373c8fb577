// Identifying fields in MP4/M4V/MOV (udta, meta/ilst with mdta keys, XMP uuid boxes) and
// Matroska/WebM (Info title, Tags, attachments). Names and places only.
import { allElements, EBML_ID, readEbml, type EbmlElement } from './ebml';
import { categoryOfTagName, QUICKTIME_IDENTIFYING } from './identifying-names';
import { allBoxes, readIsoBoxes, type IsoBox } from './iso-boxes';
import { findXmpPacket, latin1, xmpFields } from './metadata-blocks';
import { dedupe } from './image-metadata';
import { ok, type IdentifyingField, type Result } from './types';

/** Tags that name the writing software or hold nothing: not worth a warning. */
const NOT_IDENTIFYING = new Set(['encoder', '\u00a9too', 'free', 'hdlr', 'ENCODER']);

/** Names listed in a `keys` box (ffmpeg's -movflags use_metadata_tags, Apple's mdta keys). */
function mdtaKeyNames(bytes: Uint8Array, keys: IsoBox): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  let pos = keys.start + keys.headerSize + 8; // version/flags, entry count
  while (pos + 8 <= keys.end && names.length < 10_000) {
    const size = view.getUint32(pos);
    if (size < 8 || pos + size > keys.end) break;
    names.push(latin1(bytes.subarray(pos + 8, pos + size)));
    pos += size;
  }
  return names;
}

export function mp4Fields(bytes: Uint8Array): Result<IdentifyingField[]> {
  const boxes = readIsoBoxes(bytes);
  if (!boxes.ok) return boxes;
  const out: IdentifyingField[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const box of allBoxes(boxes.value)) {
    if (box.type === 'uuid' || box.type === 'XMP_') {
      const xmp = findXmpPacket(bytes.subarray(box.start, box.end));
      if (xmp) out.push(...xmpFields(xmp, `MP4 ${box.path} XMP`));
    }
    if (box.type === 'meta' && box.children.some((c) => c.type === 'ilst')) {
      const keys = box.children.find((c) => c.type === 'keys');
      const keyNames = keys ? mdtaKeyNames(bytes, keys) : [];
      for (const item of box.children.find((c) => c.type === 'ilst')!.children) {
        // With a keys box, an ilst item's type is a 1-based index into it.
        const index = view.getUint32(item.start + 4);
        const name = keys && index >= 1 && index <= keyNames.length ? keyNames[index - 1]! : item.type;
        if (NOT_IDENTIFYING.has(name)) continue;
        out.push({ field: name, where: `MP4 ${item.path.replace(/\.[^.]*$/, '')}`, category: QUICKTIME_IDENTIFYING[name] ?? categoryOfTagName(name) });
      }
    }
    if (box.type === 'mvhd' && box.end - box.start >= box.headerSize + 12) {
      const at = box.start + box.headerSize;
      const width = bytes[at] === 1 ? 8 : 4;
      if (bytes.subarray(at + 4, at + 4 + width).some((b) => b !== 0)) out.push({ field: 'creation time', where: 'MP4 moov.mvhd', category: 'date' });
    }
    const parent = box.path.split('.').slice(-2, -1)[0];
    if (parent === 'udta' && box.type !== 'meta' && !NOT_IDENTIFYING.has(box.type)) {
      out.push({ field: box.type, where: `MP4 ${box.path.replace(/\.[^.]*$/, '')}`, category: QUICKTIME_IDENTIFYING[box.type] ?? categoryOfTagName(box.type) });
    }
  }
  return ok(dedupe(out));
}

function childText(bytes: Uint8Array, element: EbmlElement, id: number): string | undefined {
  const child = element.children.find((c) => c.id === id);
  if (!child) return undefined;
  return Buffer.from(bytes.subarray(child.dataStart, Math.min(child.end, child.dataStart + 256))).toString('utf8');
}

export function webmFields(bytes: Uint8Array): Result<IdentifyingField[]> {
  const elements = readEbml(bytes);
  if (!elements.ok) return elements;
  const out: IdentifyingField[] = [];
  for (const e of allElements(elements.value)) {
    if (e.id === EBML_ID.Title && e.end > e.dataStart) out.push({ field: 'Title', where: 'Matroska Segment Info', category: 'free-text' });
    if (e.id === EBML_ID.DateUTC) out.push({ field: 'DateUTC', where: 'Matroska Segment Info', category: 'date' });
    if (e.id === EBML_ID.Attachments) out.push({ field: 'Attachments', where: 'Matroska Segment', category: 'other' });
    if (e.id === EBML_ID.SimpleTag) {
      // A tag name is a label chosen by the writer ("TITLE", "COMMENT", "LOCATION"), not content.
      const name = childText(bytes, e, EBML_ID.TagName) ?? '(unnamed tag)';
      if (name.toUpperCase() === 'ENCODER' || name.toUpperCase() === 'DURATION') continue;
      out.push({ field: name, where: 'Matroska Tags', category: categoryOfTagName(name) });
    }
  }
  return ok(dedupe(out));
}
