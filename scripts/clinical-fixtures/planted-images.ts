// JPEG, PNG and WebP files whose pixels are a small phantom and whose metadata carries the
// planted identifiers in every place real tools put them.
import { execFileSync } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { ICC_SENTINEL, plantedExif, plantedPhotoshopIptc, plantedXmp } from './exif-writer';
import { greyFromHu, phantomHu } from './phantom';
import { PLANTED } from './planted';

function segment(marker: number, payload: Buffer): Buffer {
  const length = payload.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), payload]);
}

function rgbaPhantom(width: number, height: number): Uint8Array {
  const grey = greyFromHu(phantomHu(Math.max(width, height)));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const g = grey[y * Math.max(width, height) + x]!;
    rgba.set([g, Math.min(255, g + 20), 255 - g, 255], (y * width + x) * 4);
  }
  return rgba;
}

/** A JPEG as a PACS viewer export or a phone might write it: EXIF with GPS, XMP, IPTC, COM, ICC. */
export function plantedJpeg(width = 64, height = 48): Buffer {
  const plain = Buffer.from(jpeg.encode({ data: rgbaPhantom(width, height), width, height }, 90).data);
  // jpeg-js writes SOI + APP0 (JFIF) first; the metadata goes right after it.
  const app0End = 4 + ((plain[4]! << 8) | plain[5]!);
  const metadata = Buffer.concat([
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), plantedExif(6)])),
    segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(plantedXmp(), 'utf8')])),
    segment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1]), ICC_SENTINEL])),
    segment(0xed, plantedPhotoshopIptc()),
    segment(0xfe, Buffer.from(`Patient: ${PLANTED.name}  MRN: ${PLANTED.id}  DOB: 1942-01-01  ${PLANTED.institution}`, 'latin1')),
  ]);
  return Buffer.concat([plain.subarray(0, app0End), metadata, plain.subarray(app0End)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG with tEXt, zTXt, iTXt (XMP), eXIf and tIME chunks, plus iCCP, gAMA and pHYs to keep. */
export function plantedPng(width = 64, height = 48): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgbaPhantom(width, height));
  const plain = PNG.sync.write(png);
  const ihdrEnd = 8 + 25;
  const time = Buffer.from([0x07, 0xe8, 2, 29, 10, 42, 0]);
  const phys = Buffer.alloc(9); phys.writeUInt32BE(2835, 0); phys.writeUInt32BE(2835, 4); phys[8] = 1;
  const gama = Buffer.alloc(4); gama.writeUInt32BE(45455, 0);
  const before = Buffer.concat([
    pngChunk('iCCP', Buffer.concat([Buffer.from('sentinel\0\0', 'latin1'), deflateSync(ICC_SENTINEL)])),
    pngChunk('gAMA', gama),
    pngChunk('pHYs', phys),
    pngChunk('eXIf', plantedExif(1)),
    pngChunk('tEXt', Buffer.from(`Author\0${PLANTED.name}`, 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from(`MRN ${PLANTED.id}`, 'latin1'))])),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(plantedXmp(), 'utf8')])),
    pngChunk('tEXt', Buffer.from(`Description\0Patient ${PLANTED.name} DOB ${PLANTED.birthDate}`, 'latin1')),
    pngChunk('tIME', time),
  ]);
  return Buffer.concat([plain.subarray(0, ihdrEnd), before, plain.subarray(ihdrEnd)]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A lossless WebP (encoded by ImageMagick) wrapped in VP8X with EXIF and XMP chunks; undefined without ImageMagick. */
export function plantedWebp(width = 64, height = 48): Buffer | undefined {
  let encoded: Buffer;
  try {
    const png = new PNG({ width, height });
    png.data = Buffer.from(rgbaPhantom(width, height));
    encoded = execFileSync('convert', ['png:-', '-strip', '-define', 'webp:lossless=true', 'webp:-'], { input: PNG.sync.write(png), stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  if (encoded.toString('latin1', 12, 16) === 'VP8X') return undefined; // expected a simple file to wrap
  const image = encoded.subarray(12);
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([riffChunk('VP8X', vp8x), image, riffChunk('EXIF', plantedExif(1)), riffChunk('XMP ', Buffer.from(plantedXmp(), 'utf8'))]);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
