// A minimal DICOM Part 10 writer for synthetic fixtures: file meta in explicit VR little endian,
// the data set in implicit or explicit VR little endian (deflated when asked), pixel data native
// or encapsulated. Enough to exercise readers; not a general-purpose encoder.
import { deflateRawSync } from 'node:zlib';

export interface DicomElementSpec {
  tag: number; // (group << 16) | element
  vr: string;
  value: string | Uint8Array | number[] | DicomElementSpec[][];
}

export type DatasetEncoding = 'implicit' | 'explicit' | 'deflated';

const LONG_LENGTH_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

function valueBytes(spec: DicomElementSpec, encoding: DatasetEncoding): Uint8Array {
  const { vr, value } = spec;
  if (vr === 'SQ') {
    const items = (value as DicomElementSpec[][]).map((item) => {
      const body = encodeElements(item, encoding);
      const header = Buffer.alloc(8);
      header.writeUInt16LE(0xfffe, 0); header.writeUInt16LE(0xe000, 2); header.writeUInt32LE(body.length, 4);
      return Buffer.concat([header, body]);
    });
    return Buffer.concat(items);
  }
  if (value instanceof Uint8Array) return value.length % 2 ? Buffer.concat([value, Buffer.alloc(1)]) : value;
  if (Array.isArray(value)) {
    const nums = value as number[];
    const size = vr === 'US' || vr === 'SS' ? 2 : 4;
    const out = Buffer.alloc(nums.length * size);
    nums.forEach((n, i) => {
      if (vr === 'US') out.writeUInt16LE(n, i * 2);
      else if (vr === 'SS') out.writeInt16LE(n, i * 2);
      else if (vr === 'UL') out.writeUInt32LE(n, i * 4);
      else if (vr === 'FL') out.writeFloatLE(n, i * 4);
    });
    return out;
  }
  const text = Buffer.from(value, 'latin1');
  return text.length % 2 ? Buffer.concat([text, Buffer.from(vr === 'UI' ? '\0' : ' ', 'latin1')]) : text;
}

function encodeElement(spec: DicomElementSpec, encoding: DatasetEncoding): Buffer {
  const value = valueBytes(spec, encoding);
  const tag = Buffer.alloc(4);
  tag.writeUInt16LE(spec.tag >>> 16, 0);
  tag.writeUInt16LE(spec.tag & 0xffff, 2);
  if (encoding === 'implicit') {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(value.length, 0);
    return Buffer.concat([tag, length, value]);
  }
  if (LONG_LENGTH_VRS.has(spec.vr)) {
    const header = Buffer.alloc(8);
    header.write(spec.vr, 0, 'latin1');
    header.writeUInt32LE(value.length, 4);
    return Buffer.concat([tag, header, value]);
  }
  const header = Buffer.alloc(4);
  header.write(spec.vr, 0, 'latin1');
  header.writeUInt16LE(value.length, 2);
  return Buffer.concat([tag, header, value]);
}

function encodeElements(elements: DicomElementSpec[], encoding: DatasetEncoding): Buffer {
  return Buffer.concat([...elements].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0)).map((e) => encodeElement(e, encoding)));
}

/** Encapsulated pixel data: an empty basic offset table, then one fragment per frame. */
export function encapsulatedPixelData(frames: Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  const header = (group: number, element: number, length: number): Buffer => {
    const b = Buffer.alloc(8);
    b.writeUInt16LE(group, 0); b.writeUInt16LE(element, 2); b.writeUInt32LE(length, 4);
    return b;
  };
  const pixelTag = Buffer.alloc(12);
  pixelTag.writeUInt16LE(0x7fe0, 0); pixelTag.writeUInt16LE(0x0010, 2); pixelTag.write('OB', 4, 'latin1'); pixelTag.writeUInt32LE(0xffffffff, 8);
  parts.push(pixelTag, header(0xfffe, 0xe000, 0));
  for (const frame of frames) {
    const even = frame.length % 2 ? Buffer.concat([frame, Buffer.alloc(1)]) : Buffer.from(frame);
    parts.push(header(0xfffe, 0xe000, even.length), even);
  }
  parts.push(header(0xfffe, 0xe0dd, 0));
  return Buffer.concat(parts);
}

export interface DicomFileSpec {
  transferSyntaxUid: string;
  encoding: DatasetEncoding;
  sopClassUid: string;
  sopInstanceUid: string;
  elements: DicomElementSpec[];
  /** Already-encoded (7FE0,0010) element for compressed syntaxes; native pixel data goes in `elements`. */
  encapsulatedPixels?: Buffer;
}

export function writeDicom(spec: DicomFileSpec): Buffer {
  const metaElements: DicomElementSpec[] = [
    { tag: 0x00020001, vr: 'OB', value: Uint8Array.from([0, 1]) },
    { tag: 0x00020002, vr: 'UI', value: spec.sopClassUid },
    { tag: 0x00020003, vr: 'UI', value: spec.sopInstanceUid },
    { tag: 0x00020010, vr: 'UI', value: spec.transferSyntaxUid },
    { tag: 0x00020012, vr: 'UI', value: '1.2.826.0.1.3680043.10.1427.1' },
    { tag: 0x00020013, vr: 'SH', value: 'LECTERN_FIXTURE' },
  ];
  const meta = encodeElements(metaElements, 'explicit');
  const groupLength = encodeElement({ tag: 0x00020000, vr: 'UL', value: [meta.length] }, 'explicit');
  const body = [encodeElements(spec.elements, spec.encoding === 'implicit' ? 'implicit' : 'explicit')];
  if (spec.encapsulatedPixels) body.push(spec.encapsulatedPixels);
  const dataset = Buffer.concat(body);
  const preamble = Buffer.alloc(132);
  preamble.write('DICM', 128, 'latin1');
  return Buffer.concat([preamble, groupLength, meta, spec.encoding === 'deflated' ? deflateRawSync(dataset) : dataset]);
}
