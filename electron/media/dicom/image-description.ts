// The attributes that say how to read a DICOM image's pixels, read once and checked before any
// buffer is allocated: a header claiming 65,535 x 65,535 pixels is an error, not a 8 GB array.
import { fail, ok, type Result } from '../types';
import type { DicomDataSet } from './read-dicom';

export interface ImageDescription {
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  signed: boolean;
  photometric: string;
  planarConfiguration: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  /** Window from the file (first value when several), if any. */
  window?: { center: number; width: number };
  /** Milliseconds between frames of a cine loop, when the file gives it. */
  frameTimeMs?: number;
  burnedInAnnotation: boolean;
  instanceNumber?: number;
  /** Position along the slice normal, for sorting a series. */
  slicePosition?: number;
}

/** Most pixels one frame may have (8192 x 8192): bounds memory whatever a header claims. */
export const MAX_FRAME_PIXELS = 8192 * 8192;
/** Most frames one file may have. */
export const MAX_FRAMES = 5000;

const SUPPORTED_PHOTOMETRIC = new Set(['MONOCHROME1', 'MONOCHROME2', 'RGB', 'YBR_FULL', 'YBR_FULL_422']);

function numbers(dataSet: DicomDataSet, tag: string): number[] {
  const text = dataSet.string(tag);
  if (!text) return [];
  return text.split('\\').map((s) => Number(s.trim())).filter((n) => Number.isFinite(n));
}

function sliceNormalPosition(dataSet: DicomDataSet): number | undefined {
  const position = numbers(dataSet, 'x00200032');
  const orientation = numbers(dataSet, 'x00200037');
  if (position.length !== 3) return undefined;
  if (orientation.length !== 6) return position[2];
  const [a, b, c, d, e, f] = orientation as [number, number, number, number, number, number];
  const normal = [b * f - c * e, c * d - a * f, a * e - b * d];
  return position[0]! * normal[0]! + position[1]! * normal[1]! + position[2]! * normal[2]!;
}

export function describeImage(dataSet: DicomDataSet): Result<ImageDescription> {
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const frames = Math.max(1, Math.floor(numbers(dataSet, 'x00280008')[0] ?? 1));
  const samplesPerPixel = dataSet.uint16('x00280002') ?? 1;
  const bitsAllocated = dataSet.uint16('x00280100') ?? 0;
  const bitsStored = dataSet.uint16('x00280101') ?? bitsAllocated;
  const photometric = (dataSet.string('x00280004') ?? 'MONOCHROME2').trim().toUpperCase();
  if (!dataSet.elements['x7fe00010']) return fail('corrupt', 'DICOM file has no pixel data (7FE0,0010)');
  if (rows === 0 || columns === 0) return fail('corrupt', 'DICOM image has no Rows/Columns');
  if (rows * columns > MAX_FRAME_PIXELS) return fail('too-large', `DICOM image is ${columns} x ${rows} pixels; at most ${MAX_FRAME_PIXELS} pixels per frame are decoded`);
  if (frames > MAX_FRAMES) return fail('too-large', `DICOM file declares ${frames} frames; at most ${MAX_FRAMES} are decoded`);
  if (bitsAllocated !== 8 && bitsAllocated !== 16) return fail('unsupported', `DICOM BitsAllocated ${bitsAllocated} is not supported (8 or 16)`);
  if (bitsStored < 1 || bitsStored > bitsAllocated) return fail('corrupt', `DICOM BitsStored ${bitsStored} does not fit BitsAllocated ${bitsAllocated}`);
  if (!SUPPORTED_PHOTOMETRIC.has(photometric)) return fail('unsupported', `DICOM photometric interpretation ${photometric} is not supported`);
  if (samplesPerPixel !== (photometric.startsWith('MONO') ? 1 : 3)) return fail('corrupt', `DICOM SamplesPerPixel ${samplesPerPixel} does not match ${photometric}`);
  const center = numbers(dataSet, 'x00281050')[0];
  const width = numbers(dataSet, 'x00281051')[0];
  const frameTime = numbers(dataSet, 'x00181063')[0];
  const cineRate = numbers(dataSet, 'x00180040')[0] ?? numbers(dataSet, 'x00082144')[0];
  const frameTimeMs = frameTime && frameTime > 0 ? frameTime : cineRate && cineRate > 0 ? 1000 / cineRate : undefined;
  const instanceNumber = numbers(dataSet, 'x00200013')[0];
  const slicePosition = sliceNormalPosition(dataSet);
  return ok({
    rows, columns, frames, samplesPerPixel, bitsAllocated, bitsStored,
    signed: (dataSet.uint16('x00280103') ?? 0) === 1,
    photometric,
    planarConfiguration: dataSet.uint16('x00280006') ?? 0,
    rescaleSlope: numbers(dataSet, 'x00281053')[0] ?? 1,
    rescaleIntercept: numbers(dataSet, 'x00281052')[0] ?? 0,
    ...(center !== undefined && width !== undefined && width > 0 ? { window: { center, width } } : {}),
    ...(frameTimeMs !== undefined ? { frameTimeMs } : {}),
    burnedInAnnotation: (dataSet.string('x00280301') ?? '').trim().toUpperCase() === 'YES',
    ...(instanceNumber !== undefined ? { instanceNumber } : {}),
    ...(slicePosition !== undefined ? { slicePosition } : {}),
  });
}
