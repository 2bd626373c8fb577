// File-level entry points with bounded memory: images and DICOM are read whole up to a limit;
// MP4/WebM of any size are read sparsely (metadata parts only) and stripped into a new file by
// copying the original and overwriting the metadata bytes in place. The source is never written.
import { copyFile, open, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scanMetadata, type MetadataScan } from './scan-metadata';
import { sniffFormat } from './sniff';
import { filePatches, sparseMp4, sparseWebm, type SparseFile } from './sparse-video';
import { stripMetadata } from './strip-metadata';
import { stripMp4, stripWebm } from './strip-video';
import { fail, ok, type MediaFormat, type Result } from './types';
import { mp4Fields, webmFields } from './video-metadata';

/** Images and DICOM files above this are refused rather than read into memory. */
export const MAX_IN_MEMORY_BYTES = 512 * 1024 * 1024;

async function withFile<T>(path: string, body: (file: Awaited<ReturnType<typeof open>>, size: number, format: MediaFormat) => Promise<Result<T>>): Promise<Result<T>> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return fail('not-media', 'file not found or not readable');
  }
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, 4096));
    await file.read(head, 0, head.length, 0);
    return await body(file, size, sniffFormat(head));
  } catch (thrown) {
    return fail('corrupt', `could not be read (${thrown instanceof Error ? thrown.message : 'error'})`);
  } finally {
    await file.close();
  }
}

async function sparse(file: Awaited<ReturnType<typeof open>>, size: number, format: MediaFormat): Promise<Result<SparseFile>> {
  return format === 'mp4' ? sparseMp4(file, size) : sparseWebm(file, size);
}

async function readWhole(file: Awaited<ReturnType<typeof open>>, size: number): Promise<Result<Buffer>> {
  if (size > MAX_IN_MEMORY_BYTES) return fail('too-large', `file is ${Math.round(size / 1e6)} MB; images over ${MAX_IN_MEMORY_BYTES / 1e6} MB are not read`);
  const bytes = Buffer.alloc(size);
  await file.read(bytes, 0, size, 0);
  return ok(bytes);
}

/** Identifying fields of the file at `path` (names and places only). */
export function scanMediaFile(path: string): Promise<Result<MetadataScan>> {
  return withFile(path, async (file, size, format) => {
    if (format === 'mp4' || format === 'webm') {
      const parts = await sparse(file, size, format);
      if (!parts.ok) return parts;
      const fields = format === 'mp4' ? mp4Fields(parts.value.bytes) : webmFields(parts.value.bytes);
      return fields.ok ? ok({ format, fields: fields.value }) : fields;
    }
    const bytes = await readWhole(file, size);
    return bytes.ok ? scanMetadata(bytes.value) : bytes;
  });
}

interface StripPlan {
  format: MediaFormat;
  removed: string[];
  /** Video: writes at file offsets over a copy of the source. */
  patches: Array<{ fileOffset: number; bytes: Uint8Array }>;
  /** Image: the whole stripped file. */
  whole?: Uint8Array;
}

/**
 * Writes `destination` as `source` without identifying metadata. Videos are copied and patched in
 * place (same size, same media bytes); images are stripped in memory. A failed strip leaves no file.
 */
export async function stripMediaFile(source: string, destination: string): Promise<Result<{ format: MediaFormat; removed: string[] }>> {
  if (resolve(source) === resolve(destination)) return fail('unsupported', 'refusing to overwrite the original file');
  const plan = await withFile<StripPlan>(source, async (file, size, format) => {
    if (format === 'mp4' || format === 'webm') {
      const parts = await sparse(file, size, format);
      if (!parts.ok) return parts;
      const stripped = format === 'mp4' ? stripMp4(parts.value.bytes) : stripWebm(parts.value.bytes);
      if (!stripped.ok) return stripped;
      const patches = filePatches(parts.value, stripped.value.bytes);
      return patches.ok ? ok({ format, removed: stripped.value.removed, patches: patches.value }) : patches;
    }
    const bytes = await readWhole(file, size);
    if (!bytes.ok) return bytes;
    const stripped = stripMetadata(bytes.value);
    return stripped.ok ? ok({ format, removed: stripped.value.removed, patches: [], whole: stripped.value.bytes }) : stripped;
  });
  if (!plan.ok) return plan;
  const { format, removed, patches, whole } = plan.value;
  try {
    if (whole) {
      const out = await open(destination, 'w');
      try { await out.write(whole, 0, whole.length, 0); } finally { await out.close(); }
    } else {
      await copyFile(source, destination);
      const out = await open(destination, 'r+');
      try {
        for (const patch of patches) await out.write(patch.bytes, 0, patch.bytes.length, patch.fileOffset);
      } finally {
        await out.close();
      }
    }
  } catch (thrown) {
    await rm(destination, { force: true });
    return fail('corrupt', `could not write the stripped copy (${thrown instanceof Error ? thrown.message : 'error'})`);
  }
  return ok({ format, removed });
}

