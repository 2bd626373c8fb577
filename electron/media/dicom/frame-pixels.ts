// Gets one frame's samples out of the pixel data element: native (uncompressed), RLE Lossless
// (PS3.5 Annex G) or JPEG baseline (decoded by jpeg-js). Output is interleaved samples.
import dicomParser from 'dicom-parser';
import jpeg from 'jpeg-js';
import { fail, ok, type Result } from '../types';
import type { ImageDescription } from './image-description';
import type { DicomDataSet } from './read-dicom';
import type { PixelEncoding } from './transfer-syntax';

/** Raw stored values: 8-bit or 16-bit, grayscale (1 sample) or colour (3 samples, interleaved). */
export type FrameSamples = Uint8Array | Uint16Array;

export function readFrame(dataSet: DicomDataSet, image: ImageDescription, encoding: PixelEncoding, frame: number): Result<FrameSamples> {
  const pixel = dataSet.elements['x7fe00010']!;
  const samples = image.rows * image.columns * image.samplesPerPixel;
  const bytesPerSample = image.bitsAllocated / 8;
  if (encoding === 'native') {
    const frameBytes = samples * bytesPerSample;
    const start = pixel.dataOffset + frame * frameBytes;
    if (start + frameBytes > dataSet.byteArray.length || (frame + 1) * frameBytes > pixel.length) {
      return fail('truncated', `DICOM pixel data holds fewer bytes than ${image.frames} frame(s) of ${image.columns} x ${image.rows} need`);
    }
    const bytes = dataSet.byteArray.subarray(start, start + frameBytes);
    const out = bytesPerSample === 1 ? Uint8Array.from(bytes) : new Uint16Array(Uint8Array.from(bytes).buffer);
    return ok(image.samplesPerPixel === 3 && image.planarConfiguration === 1 ? interleave(out, image.rows * image.columns) : out);
  }
  if (!pixel.encapsulatedPixelData) return fail('corrupt', 'DICOM compressed transfer syntax but pixel data is not encapsulated');
  let compressed: Uint8Array;
  try {
    compressed = image.frames === 1 && (pixel.fragments?.length ?? 0) > 1
      ? dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixel, 0, pixel.fragments!.length)
      : dicomParser.readEncapsulatedImageFrame(dataSet, pixel, frame, pixel.basicOffsetTable?.length ? undefined : dicomParser.createJPEGBasicOffsetTable(dataSet, pixel));
  } catch {
    return fail('corrupt', `DICOM encapsulated frame ${frame + 1} could not be read`);
  }
  return encoding === 'rle' ? decodeRle(compressed, image) : decodeJpegBaseline(compressed, image);
}

function interleave<T extends FrameSamples>(planar: T, pixels: number): T {
  const out = new (planar.constructor as new (n: number) => T)(planar.length);
  for (let i = 0; i < pixels; i++) {
    out[i * 3] = planar[i]!;
    out[i * 3 + 1] = planar[pixels + i]!;
    out[i * 3 + 2] = planar[2 * pixels + i]!;
  }
  return out;
}

/** RLE: a 64-byte header of segment offsets, one PackBits segment per byte plane, most significant byte first. */
function decodeRle(data: Uint8Array, image: ImageDescription): Result<FrameSamples> {
  if (data.length < 64) return fail('truncated', 'DICOM RLE frame is shorter than its header');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const segmentCount = view.getUint32(0, true);
  const bytesPerSample = image.bitsAllocated / 8;
  const expected = bytesPerSample * image.samplesPerPixel;
  if (segmentCount !== expected) return fail('corrupt', `DICOM RLE frame has ${segmentCount} segments, expected ${expected}`);
  const pixels = image.rows * image.columns;
  const planes: Uint8Array[] = [];
  for (let s = 0; s < segmentCount; s++) {
    const start = view.getUint32(4 + s * 4, true);
    const end = s + 1 < segmentCount ? view.getUint32(8 + s * 4, true) : data.length;
    if (start < 64 || end > data.length || start > end) return fail('corrupt', `DICOM RLE segment ${s + 1} has bad offsets`);
    const plane = new Uint8Array(pixels);
    let i = start;
    let o = 0;
    while (i < end && o < pixels) {
      const n = (data[i++]! << 24) >> 24; // signed header byte
      if (n >= 0) {
        const count = Math.min(n + 1, end - i, pixels - o);
        plane.set(data.subarray(i, i + count), o);
        i += n + 1;
        o += count;
      } else if (n !== -128) {
        const count = Math.min(1 - n, pixels - o);
        plane.fill(data[i++] ?? 0, o, o + count);
        o += count;
      }
    }
    if (o < pixels) return fail('truncated', `DICOM RLE segment ${s + 1} ends early`);
    planes.push(plane);
  }
  // Segments come per sample, and within a sample most significant byte first.
  const out = bytesPerSample === 1 ? new Uint8Array(pixels * image.samplesPerPixel) : new Uint16Array(pixels * image.samplesPerPixel);
  for (let sample = 0; sample < image.samplesPerPixel; sample++) {
    const high = planes[sample * bytesPerSample]!;
    const low = bytesPerSample === 2 ? planes[sample * 2 + 1]! : undefined;
    for (let p = 0; p < pixels; p++) out[p * image.samplesPerPixel + sample] = low ? (high[p]! << 8) | low[p]! : high[p]!;
  }
  return ok(out);
}

function decodeJpegBaseline(data: Uint8Array, image: ImageDescription): Result<FrameSamples> {
  if (image.bitsAllocated !== 8) return fail('unsupported', 'DICOM JPEG baseline with more than 8 bits per sample');
  try {
    const decoded = jpeg.decode(data, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: 70, maxMemoryUsageInMB: 512 });
    if (decoded.width !== image.columns || decoded.height !== image.rows) return fail('corrupt', 'DICOM JPEG frame size differs from Rows/Columns');
    const channels = decoded.data.length / (decoded.width * decoded.height);
    if (image.samplesPerPixel === 1) {
      if (channels === 1) return ok(decoded.data);
      const gray = new Uint8Array(decoded.width * decoded.height);
      for (let p = 0; p < gray.length; p++) gray[p] = decoded.data[p * channels]!;
      return ok(gray);
    }
    return ok(decoded.data);
  } catch (thrown) {
    return fail('corrupt', `DICOM JPEG frame could not be decoded (${thrown instanceof Error ? thrown.message.slice(0, 80) : 'error'})`);
  }
}
