// Synthetic slide pictures for PPTX and image-export tests and benchmarks: a valid RGB PNG of any
// size whose compressed size is steered by a share of noisy rows (random rows do not deflate),
// so a 3840x2160 picture of about 1 MB costs no browser and no image library.

import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export interface SyntheticPngOptions {
  width?: number;
  height?: number;
  /** Roughly how many bytes the PNG should take (noise rows); 0 for a flat picture. */
  approxBytes?: number;
  /** Varies the colour and the noise, so two slides differ. */
  seed?: number;
}

export function syntheticPng({ width = 3840, height = 2160, approxBytes = 0, seed = 1 }: SyntheticPngOptions = {}): Buffer {
  const rowBytes = width * 3 + 1;
  const raw = Buffer.alloc(rowBytes * height);
  const colour = [(seed * 53) & 0xff, (seed * 97 + 80) & 0xff, (seed * 151 + 160) & 0xff];
  let state = (seed * 2654435761) >>> 0 || 1;
  const noisyRows = Math.min(height, Math.ceil(approxBytes / (width * 3)));
  const every = noisyRows > 0 ? height / noisyRows : Infinity;
  let nextNoisy = 0;
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes; // filter byte 0 (none) is already there
    if (y >= nextNoisy && noisyRows > 0) {
      nextNoisy += every;
      for (let i = 1; i < rowBytes; i++) {
        state ^= state << 13; state >>>= 0;
        state ^= state >>> 17;
        state ^= state << 5; state >>>= 0;
        raw[row + i] = state & 0xff;
      }
    } else {
      for (let x = 0; x < width; x++) raw.set(colour, row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
