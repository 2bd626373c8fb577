// Synthetic DICOM files: the phantom in each supported transfer syntax, a multi-frame cine loop,
// a series, an unsupported syntax, and hostile headers. All carry the planted identifiers.
import { execFileSync } from 'node:child_process';
import jpeg from 'jpeg-js';
import { encapsulatedPixelData, writeDicom, type DatasetEncoding, type DicomElementSpec } from './dicom-writer';
import { addNoise, greyFromHu, phantomHu, storedFromHu } from './phantom';
import { PLANTED } from './planted';

export const SYNTAX = {
  implicit: '1.2.840.10008.1.2',
  explicit: '1.2.840.10008.1.2.1',
  deflated: '1.2.840.10008.1.2.1.99',
  rle: '1.2.840.10008.1.2.5',
  jpegBaseline: '1.2.840.10008.1.2.4.50',
  jpeg2000: '1.2.840.10008.1.2.4.90',
} as const;
export type FixtureSyntax = keyof typeof SYNTAX;

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const XA_MULTIFRAME = '1.2.840.10008.5.1.4.1.1.12.1';
const UID_ROOT = '1.2.826.0.1.3680043.10.1427';

function identifying(instance: number): DicomElementSpec[] {
  return [
    { tag: 0x00080018, vr: 'UI', value: `${UID_ROOT}.3.${instance}` },
    { tag: 0x00080020, vr: 'DA', value: '20240229' },
    { tag: 0x00080050, vr: 'SH', value: 'ACC-PLANTED-9' },
    { tag: 0x00080080, vr: 'LO', value: PLANTED.institution },
    { tag: 0x00080081, vr: 'ST', value: PLANTED.address },
    { tag: 0x00080090, vr: 'PN', value: 'REFERRER^PLANTED' },
    { tag: 0x00081010, vr: 'SH', value: 'PLANTED-CT1' },
    { tag: 0x00081110, vr: 'SQ', value: [[{ tag: 0x00081155, vr: 'UI', value: `${UID_ROOT}.9.${instance}` }, { tag: 0x00100010, vr: 'PN', value: PLANTED.name }]] },
    { tag: 0x00090010, vr: 'LO', value: 'PLANTED PRIVATE CREATOR' },
    { tag: 0x00091001, vr: 'LO', value: PLANTED.id },
    { tag: 0x00100010, vr: 'PN', value: PLANTED.name },
    { tag: 0x00100020, vr: 'LO', value: PLANTED.id },
    { tag: 0x00100030, vr: 'DA', value: PLANTED.birthDate },
    { tag: 0x00101040, vr: 'LO', value: PLANTED.address },
    { tag: 0x00181000, vr: 'LO', value: PLANTED.serial },
    { tag: 0x0020000d, vr: 'UI', value: `${UID_ROOT}.1.1` },
    { tag: 0x0020000e, vr: 'UI', value: `${UID_ROOT}.2.1` },
    { tag: 0x00204000, vr: 'LT', value: `Patient ${PLANTED.name} ${PLANTED.id}` },
  ];
}

interface ImageAttributes { rows: number; columns: number; bits: 8 | 16; samples: 1 | 3; photometric: string; frames?: number }

function imageElements(a: ImageAttributes): DicomElementSpec[] {
  const out: DicomElementSpec[] = [
    { tag: 0x00280002, vr: 'US', value: [a.samples] },
    { tag: 0x00280004, vr: 'CS', value: a.photometric },
    { tag: 0x00280010, vr: 'US', value: [a.rows] },
    { tag: 0x00280011, vr: 'US', value: [a.columns] },
    { tag: 0x00280100, vr: 'US', value: [a.bits] },
    { tag: 0x00280101, vr: 'US', value: [a.bits === 16 ? 12 : 8] },
    { tag: 0x00280102, vr: 'US', value: [a.bits === 16 ? 11 : 7] },
    { tag: 0x00280103, vr: 'US', value: [0] },
  ];
  if (a.samples === 3) out.push({ tag: 0x00280006, vr: 'US', value: [0] });
  if (a.frames) out.push({ tag: 0x00280008, vr: 'IS', value: String(a.frames) });
  if (a.bits === 16) {
    out.push({ tag: 0x00281050, vr: 'DS', value: '40' }, { tag: 0x00281051, vr: 'DS', value: '400' });
    out.push({ tag: 0x00281052, vr: 'DS', value: '-1024' }, { tag: 0x00281053, vr: 'DS', value: '1' });
  }
  return out;
}

function littleEndianBytes(values: Uint16Array): Uint8Array {
  const out = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => out.writeUInt16LE(v, i * 2));
  return out;
}

/** PackBits with replicate runs, as DICOM RLE (PS3.5 G.3.1) wants. */
function packBits(plane: Uint8Array): Buffer {
  const out: number[] = [];
  let i = 0;
  while (i < plane.length) {
    let run = 1;
    while (i + run < plane.length && run < 128 && plane[i + run] === plane[i]) run++;
    if (run >= 3) { out.push(257 - run, plane[i]!); i += run; continue; }
    const start = i;
    let literal = 0;
    while (i < plane.length && literal < 128 && !(i + 2 < plane.length && plane[i] === plane[i + 1] && plane[i] === plane[i + 2])) { i++; literal++; }
    out.push(literal - 1, ...plane.subarray(start, start + literal));
  }
  return Buffer.from(out);
}

function rleFrame(stored: Uint16Array): Buffer {
  const high = Uint8Array.from(stored, (v) => v >> 8);
  const low = Uint8Array.from(stored, (v) => v & 0xff);
  let segments = [packBits(high), packBits(low)].map((s) => (s.length % 2 ? Buffer.concat([s, Buffer.from([0x80])]) : s));
  const header = Buffer.alloc(64);
  header.writeUInt32LE(2, 0);
  header.writeUInt32LE(64, 4);
  header.writeUInt32LE(64 + segments[0]!.length, 8);
  return Buffer.concat([header, ...segments]);
}

export interface CtImageOptions { size?: number; z?: number; instance?: number; position?: number; /** HU of noise, for realistic compression in benchmarks. */ noise?: number }

/** One CT slice of the phantom in the given transfer syntax. */
export function ctImage(syntax: FixtureSyntax, options: CtImageOptions = {}): Buffer {
  const size = options.size ?? 128;
  const instance = options.instance ?? 1;
  const clean = phantomHu(size, options.z ?? 0.5);
  const hu = options.noise ? addNoise(clean, options.noise, instance) : clean;
  const position = options.position ?? instance * 5;
  const common: DicomElementSpec[] = [
    ...identifying(instance),
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00200013, vr: 'IS', value: String(instance) },
    { tag: 0x00200032, vr: 'DS', value: `-100\\-100\\${position}` },
    { tag: 0x00200037, vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
  ];
  const encoding: DatasetEncoding = syntax === 'implicit' ? 'implicit' : syntax === 'deflated' ? 'deflated' : 'explicit';
  const base = { transferSyntaxUid: SYNTAX[syntax], encoding, sopClassUid: CT_IMAGE_STORAGE, sopInstanceUid: `${UID_ROOT}.3.${instance}` };
  if (syntax === 'jpegBaseline') {
    const grey = greyFromHu(hu);
    const rgba = new Uint8Array(size * size * 4);
    grey.forEach((g, p) => rgba.set([g, g, g, 255], p * 4));
    const encoded = jpeg.encode({ data: rgba, width: size, height: size }, 95).data;
    return writeDicom({ ...base, elements: [...common, ...imageElements({ rows: size, columns: size, bits: 8, samples: 3, photometric: 'YBR_FULL_422' })], encapsulatedPixels: encapsulatedPixelData([encoded]) });
  }
  const stored = storedFromHu(hu);
  const image = imageElements({ rows: size, columns: size, bits: 16, samples: 1, photometric: 'MONOCHROME2' });
  if (syntax === 'rle') return writeDicom({ ...base, elements: [...common, ...image], encapsulatedPixels: encapsulatedPixelData([rleFrame(stored)]) });
  if (syntax === 'jpeg2000') {
    // Not a real codestream: the reader must refuse by transfer syntax before looking at it.
    return writeDicom({ ...base, elements: [...common, ...image], encapsulatedPixels: encapsulatedPixelData([Buffer.from('ff4fff51not-a-codestream', 'latin1')]) });
  }
  return writeDicom({ ...base, elements: [...common, ...image, { tag: 0x7fe00010, vr: 'OW', value: littleEndianBytes(stored) }] });
}

/** A MONOCHROME2 JPEG baseline slice (one-component JPEG, as CR/DX exports are); undefined without ImageMagick. */
export function greyJpegBaseline(size = 64): Buffer | undefined {
  const grey = greyFromHu(phantomHu(size));
  let encoded: Buffer;
  try {
    encoded = execFileSync('convert', ['-size', `${size}x${size}`, '-depth', '8', 'gray:-', '-quality', '95', 'jpeg:-'], { input: grey, stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  return writeDicom({
    transferSyntaxUid: SYNTAX.jpegBaseline, encoding: 'explicit', sopClassUid: CT_IMAGE_STORAGE, sopInstanceUid: `${UID_ROOT}.7.1`,
    elements: [...identifying(1), ...imageElements({ rows: size, columns: size, bits: 8, samples: 1, photometric: 'MONOCHROME2' })],
    encapsulatedPixels: encapsulatedPixelData([encoded]),
  });
}

/** A multi-frame X-ray-angiography-style cine loop: a dot moves across the phantom. */
export function cineLoop(frames = 8, size = 96, frameTimeMs = 66.7): Buffer {
  const stored = Array.from({ length: frames }, (_, f) => storedFromHu(phantomHu(size, 0.5, f / Math.max(1, frames - 1))));
  const pixels = Buffer.concat(stored.map(littleEndianBytes));
  return writeDicom({
    transferSyntaxUid: SYNTAX.explicit, encoding: 'explicit', sopClassUid: XA_MULTIFRAME, sopInstanceUid: `${UID_ROOT}.4.1`,
    elements: [
      ...identifying(1),
      { tag: 0x00181063, vr: 'DS', value: String(frameTimeMs) },
      { tag: 0x00280009, vr: 'AT', value: Uint8Array.from([0x18, 0x00, 0x63, 0x10]) },
      { tag: 0x00280301, vr: 'CS', value: 'YES' },
      ...imageElements({ rows: size, columns: size, bits: 16, samples: 1, photometric: 'MONOCHROME2', frames }),
      { tag: 0x7fe00010, vr: 'OW', value: pixels },
    ],
  });
}

/** Files of a series, named so that name order differs from instance order. */
export function ctSeries(count: number, size = 64, noise = 0): Array<{ name: string; bytes: Buffer }> {
  return Array.from({ length: count }, (_, i) => {
    const instance = i + 1;
    // 48271 and 100003 are prime: names are distinct and out of instance order for any series size.
    return { name: `IM${String((instance * 48271) % 100003).padStart(6, '0')}.dcm`, bytes: ctImage('explicit', { size, z: i / Math.max(1, count - 1), instance, noise }) };
  });
}

/** A header claiming 65,535 x 65,535 pixels over a few bytes of pixel data. */
export function hugeHeader(): Buffer {
  return writeDicom({
    transferSyntaxUid: SYNTAX.explicit, encoding: 'explicit', sopClassUid: CT_IMAGE_STORAGE, sopInstanceUid: `${UID_ROOT}.5.1`,
    elements: [...imageElements({ rows: 65535, columns: 65535, bits: 16, samples: 1, photometric: 'MONOCHROME2' }), { tag: 0x7fe00010, vr: 'OW', value: Uint8Array.from([1, 2, 3, 4]) }],
  });
}

/** A file that stops in the middle of its pixel data. */
export function truncatedFile(): Buffer {
  const whole = ctImage('explicit', { size: 64 });
  return whole.subarray(0, whole.length - 3000);
}

export function noPixelData(): Buffer {
  return writeDicom({ transferSyntaxUid: SYNTAX.explicit, encoding: 'explicit', sopClassUid: CT_IMAGE_STORAGE, sopInstanceUid: `${UID_ROOT}.6.1`, elements: identifying(1) });
}
