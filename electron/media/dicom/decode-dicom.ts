// Turns a DICOM file, or the files of a series, into a stack of PNG frames. Only pixels leave:
// the result holds images and the few numbers the player needs, never a tag value.
import { fail, ok, type Result } from '../types';
import { describeImage, MAX_FRAMES, type ImageDescription } from './image-description';
import { readFrame, type FrameSamples } from './frame-pixels';
import { encodePngFrame } from './png-frame';
import { readDicom } from './read-dicom';
import { TRANSFER_SYNTAX } from './transfer-syntax';
import { applyLookup, displayLookup, resolveWindow, type Window, type WindowChoice } from './windowing';

export interface DicomDecodeOptions {
  /** 'file' (default): the file's own window, else the frame's full range. */
  window?: WindowChoice;
  /** 0-based frame to print in PDFs and handouts; default the middle one. */
  keyFrame?: number;
}

export interface DicomStack {
  width: number;
  height: number;
  /** One PNG per frame, in display order. */
  frames: Uint8Array[];
  keyFrame: number;
  /** Cine loop: milliseconds per frame, when the file gives a frame time or cine rate. */
  frameTimeMs?: number;
  /** BurnedInAnnotation (0028,0301) is YES in at least one file: text is drawn into the pixels. */
  burnedInAnnotation: boolean;
  /** Window used for grey images (of the first file); absent for colour images. */
  window?: Window;
}

export interface DicomSource {
  /** How the author named the file (shown in errors). */
  name: string;
  bytes: Uint8Array;
}

interface DecodedFile {
  image: ImageDescription;
  frames: Uint8Array[];
  window?: Window;
}

function ybrToRgb(samples: Uint8Array): Uint8Array {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i += 3) {
    const y = samples[i]!, cb = samples[i + 1]! - 128, cr = samples[i + 2]! - 128;
    out[i] = Math.max(0, Math.min(255, Math.round(y + 1.402 * cr)));
    out[i + 1] = Math.max(0, Math.min(255, Math.round(y - 0.344136 * cb - 0.714136 * cr)));
    out[i + 2] = Math.max(0, Math.min(255, Math.round(y + 1.772 * cb)));
  }
  return out;
}

function displayFrame(samples: FrameSamples, image: ImageDescription, lut: Uint8Array | undefined, encodedAsJpeg: boolean): Uint8Array {
  if (lut) return applyLookup(samples, lut, image.bitsStored);
  const bytes = samples instanceof Uint8Array ? samples : Uint8Array.from(samples, (v) => v >> (image.bitsStored - 8));
  // jpeg-js already turns YCbCr into RGB; native YBR_FULL still needs it.
  return image.photometric.startsWith('YBR') && !encodedAsJpeg ? ybrToRgb(bytes) : bytes;
}

/** PNG encodes in flight at once: enough to keep the zlib pool busy, few enough to bound memory. */
const ENCODES_IN_FLIGHT = 8;

class EncodeQueue {
  private readonly pending: Array<Promise<Uint8Array>> = [];
  private readonly done: Uint8Array[] = [];
  async add(job: Promise<Uint8Array>): Promise<void> {
    this.pending.push(job);
    if (this.pending.length >= ENCODES_IN_FLIGHT) this.done.push(await this.pending.shift()!);
  }
  async drain(): Promise<Uint8Array[]> {
    for (const job of this.pending.splice(0)) this.done.push(await job);
    return this.done.splice(0);
  }
}

async function decodeOne(source: DicomSource, options: DicomDecodeOptions, queue: EncodeQueue): Promise<Result<Omit<DecodedFile, 'frames'>>> {
  const where = (message: string): string => `${source.name}: ${message}`;
  const file = readDicom(source.bytes);
  if (!file.ok) return fail(file.error.kind, where(file.error.message));
  const { dataSet, syntax } = file.value;
  if (!syntax.encoding) {
    return fail('unsupported', where(`transfer syntax ${syntax.uid} (${syntax.name}) is not supported; export the images as uncompressed, RLE or JPEG baseline DICOM`));
  }
  const described = describeImage(dataSet);
  if (!described.ok) return fail(described.error.kind, where(described.error.message));
  const image = described.value;
  const grey = image.samplesPerPixel === 1;
  let lut: Uint8Array | undefined;
  let window: Window | undefined;
  for (let f = 0; f < image.frames; f++) {
    const samples = readFrame(dataSet, image, syntax.encoding, f);
    if (!samples.ok) return fail(samples.error.kind, where(`frame ${f + 1}: ${samples.error.message}`));
    if (grey && !lut) {
      // One window for the whole file, so a cine loop or a multi-frame stack does not flicker.
      window = resolveWindow(options.window ?? 'file', image, samples.value);
      lut = displayLookup(image, window);
    }
    const pixels = displayFrame(samples.value, image, lut, syntax.uid === TRANSFER_SYNTAX.jpegBaseline);
    await queue.add(encodePngFrame(pixels, image.columns, image.rows, grey ? 1 : 3));
  }
  return ok({ image, ...(window ? { window } : {}) });
}

function keyFrameOf(count: number, requested: number | undefined): number {
  if (requested !== undefined && Number.isInteger(requested) && requested >= 0 && requested < count) return requested;
  return Math.floor((count - 1) / 2);
}

/** A single file: one image, or a multi-frame stack / cine loop. */
export function decodeDicom(source: DicomSource, options: DicomDecodeOptions = {}): Promise<Result<DicomStack>> {
  return decodeDicomSeries([source], options);
}

/** The files of one series, sorted by InstanceNumber, else position along the slice normal, else name. */
export async function decodeDicomSeries(sources: DicomSource[], options: DicomDecodeOptions = {}): Promise<Result<DicomStack>> {
  if (sources.length === 0) return fail('not-media', 'the series holds no DICOM file');
  if (sources.length > MAX_FRAMES) return fail('too-large', `the series holds ${sources.length} files; at most ${MAX_FRAMES} are decoded`);
  const decoded: Array<DecodedFile & { name: string }> = [];
  const queue = new EncodeQueue();
  for (const source of sources) {
    const one = await decodeOne(source, options, queue);
    if (!one.ok) {
      await queue.drain();
      return one;
    }
    // Frames finish in order, so each file's frames are the next `frames` PNGs of the queue.
    decoded.push({ ...one.value, frames: [], name: source.name });
  }
  const encoded = await queue.drain();
  let next = 0;
  for (const d of decoded) d.frames = encoded.slice(next, (next += d.image.frames));
  const first = decoded[0]!;
  const odd = decoded.find((d) => d.image.rows !== first.image.rows || d.image.columns !== first.image.columns);
  if (odd) return fail('corrupt', `${odd.name}: ${odd.image.columns} x ${odd.image.rows} differs from ${first.name} (${first.image.columns} x ${first.image.rows}); a stack needs one size`);
  decoded.sort((a, b) =>
    (a.image.instanceNumber ?? 0) - (b.image.instanceNumber ?? 0)
    || (a.image.slicePosition ?? 0) - (b.image.slicePosition ?? 0)
    || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const frames = decoded.flatMap((d) => d.frames);
  if (frames.length > MAX_FRAMES) return fail('too-large', `the stack has ${frames.length} frames; at most ${MAX_FRAMES} are decoded`);
  const frameTimeMs = decoded.length === 1 ? first.image.frameTimeMs : undefined;
  return ok({
    width: first.image.columns,
    height: first.image.rows,
    frames,
    keyFrame: keyFrameOf(frames.length, options.keyFrame),
    ...(frameTimeMs !== undefined ? { frameTimeMs } : {}),
    burnedInAnnotation: decoded.some((d) => d.image.burnedInAnnotation),
    ...(first.window ? { window: first.window } : {}),
  });
}
