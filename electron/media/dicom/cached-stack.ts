// DICOM conversion behind the content cache. A stack is stored as its PNG frames (each under the
// hash of its bytes) and a small manifest. The manifest is found by the hash of the DICOM bytes
// and the options; a caller may also pass a cheap fingerprint (names, sizes, modification times)
// so a warm recompile of a 300-file series reads no DICOM byte at all.
import { contentKey, type ContentCache } from '../content-cache';
import { fail, ok, type Result } from '../types';
import { decodeDicomSeries, type DicomDecodeOptions, type DicomSource, type DicomStack } from './decode-dicom';

export interface CachedStack extends Omit<DicomStack, 'frames'> {
  /** Cache keys of the PNG frames, in display order; read them with `cache.read(key)`. */
  frameKeys: string[];
}

export interface StackRequest {
  /** Optional cheap key for the inputs; when it hits, `load` is not called. */
  fingerprint?: string;
  load(): Promise<DicomSource[]>;
}

const MANIFEST_VERSION = 'lectern-dicom-stack-1';

async function readManifest(cache: ContentCache, key: string): Promise<CachedStack | undefined> {
  const bytes = await cache.read(key);
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as CachedStack;
    return Array.isArray(parsed.frameKeys) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function dicomStackCached(request: StackRequest, options: DicomDecodeOptions, cache: ContentCache): Promise<Result<CachedStack>> {
  const optionsKey = JSON.stringify({ v: MANIFEST_VERSION, window: options.window ?? 'file', keyFrame: options.keyFrame ?? null });
  const fingerprintKey = request.fingerprint === undefined ? undefined : `stack-fp-${contentKey(optionsKey, request.fingerprint)}`;
  if (fingerprintKey) {
    const hit = await readManifest(cache, fingerprintKey);
    if (hit) return ok(hit);
  }
  let sources: DicomSource[];
  try {
    sources = await request.load();
  } catch (thrown) {
    return fail('corrupt', `DICOM input could not be read (${thrown instanceof Error ? thrown.message : 'error'})`);
  }
  const manifestKey = `stack-${contentKey(optionsKey, ...sources.flatMap((s) => [s.bytes]))}`;
  let manifest = await readManifest(cache, manifestKey);
  if (!manifest) {
    const decoded = await decodeDicomSeries(sources, options);
    if (!decoded.ok) return decoded;
    const { frames, ...rest } = decoded.value;
    const frameKeys: string[] = [];
    for (const frame of frames) {
      const key = `png-${contentKey(frame)}`;
      await cache.write(key, frame);
      frameKeys.push(key);
    }
    manifest = { ...rest, frameKeys };
    await cache.write(manifestKey, Buffer.from(JSON.stringify(manifest)));
  }
  if (fingerprintKey) await cache.write(fingerprintKey, Buffer.from(JSON.stringify(manifest)));
  return ok(manifest);
}
