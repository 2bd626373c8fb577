// Parses a DICOM Part 10 file with dicom-parser (cornerstone's parser: no dependencies, and it
// indexes elements without copying pixel data). Errors come back as values naming the problem.
import dicomParser from 'dicom-parser';
import { inflateRawSync } from 'node:zlib';
import { fail, ok, type Result } from '../types';
import { transferSyntax, type TransferSyntax } from './transfer-syntax';

export type DicomDataSet = dicomParser.DataSet;
export type DicomElement = dicomParser.Element;

export interface DicomFile {
  dataSet: DicomDataSet;
  syntax: TransferSyntax;
}

/** A deflated data set may not inflate past this: a small file must not become gigabytes. */
const MAX_INFLATED = 1024 * 1024 * 1024;

function inflateBounded(bytes: Uint8Array, position: number): Uint8Array {
  const inflated = inflateRawSync(bytes.subarray(position), { maxOutputLength: MAX_INFLATED });
  const whole = new Uint8Array(position + inflated.length);
  whole.set(bytes.subarray(0, position), 0);
  whole.set(inflated, position);
  return whole;
}

function message(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown.replace(/^dicomParser\.\w+: /, '');
  if (thrown && typeof thrown === 'object' && 'exception' in thrown) return String((thrown as { exception: unknown }).exception).replace(/^dicomParser\.\w+: /, '');
  return thrown instanceof Error ? thrown.message : String(thrown);
}

export function readDicom(bytes: Uint8Array): Result<DicomFile> {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    return fail('not-media', 'not a DICOM Part 10 file (no "DICM" at byte 128)');
  }
  let dataSet: DicomDataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, { inflater: inflateBounded as (arr: Uint8Array, position: number) => void });
  } catch (thrown) {
    const text = message(thrown);
    const kind = /buffer overread|overrun|end of buffer|past the end|truncated/i.test(text) ? 'truncated' : 'corrupt';
    return fail(kind, `DICOM parse failed: ${text}`);
  }
  const uid = (dataSet.string('x00020010') ?? '').replace(/\0/g, '').trim();
  if (!uid) return fail('corrupt', 'DICOM file has no transfer syntax UID (0002,0010)');
  return ok({ dataSet, syntax: transferSyntax(uid) });
}
