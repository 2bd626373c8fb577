// Reads a DICOM file or a series folder from disk into a StackRequest: listing and stat first
// (cheap, gives the fingerprint), bytes only when the cache misses.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fail, ok, type Result } from '../types';
import type { StackRequest } from './cached-stack';
import type { DicomSource } from './decode-dicom';
import { MAX_FRAMES } from './image-description';

/** Most bytes one series may hold: 2 GB of DICOM is more than a slide needs. */
const MAX_SERIES_BYTES = 2 * 1024 * 1024 * 1024;

function looksLikeDicom(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/**
 * A file is one image or a multi-frame stack; a folder is a series (its DICOM files, hidden files,
 * DICOMDIR and non-DICOM files skipped). `label` is how errors name it (the path the author wrote).
 */
export async function dicomStackRequest(path: string, label: string): Promise<Result<StackRequest>> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return fail('not-media', `${label}: no such file or folder`);
  }
  let files: Array<{ path: string; name: string; size: number; mtimeMs: number }>;
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => !n.startsWith('.') && n.toUpperCase() !== 'DICOMDIR').sort();
    if (names.length > MAX_FRAMES) return fail('too-large', `${label}: the folder holds ${names.length} files; at most ${MAX_FRAMES} are read`);
    files = [];
    for (const name of names) {
      const s = await stat(join(path, name));
      if (s.isFile()) files.push({ path: join(path, name), name: `${label.replace(/\/?$/, '/')}${name}`, size: s.size, mtimeMs: s.mtimeMs });
    }
  } else {
    files = [{ path, name: label, size: info.size, mtimeMs: info.mtimeMs }];
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_SERIES_BYTES) return fail('too-large', `${label}: ${Math.round(total / 1e6)} MB of files; at most ${MAX_SERIES_BYTES / 1e6} MB are read`);
  const fingerprint = files.map((f) => `${basename(f.path)}\0${f.size}\0${f.mtimeMs}`).join('\n');
  return ok({
    fingerprint,
    async load(): Promise<DicomSource[]> {
      const sources: DicomSource[] = [];
      for (const file of files) {
        const bytes = await readFile(file.path);
        if (files.length === 1 || looksLikeDicom(bytes)) sources.push({ name: file.name, bytes });
      }
      return sources;
    },
  });
}
