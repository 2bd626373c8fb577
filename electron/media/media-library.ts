// What the compiler needs from the media layer, prepared ahead of a (synchronous) compile: the
// identifying fields of each local image/video/DICOM a deck uses, DICOM converted to PNG frames
// in a cache folder, and a first-frame poster for videos (ffmpeg, when installed). The compiler
// asks `get`; a miss is queued (`want`), the caller awaits `settle()` and compiles again. Only this
// module and the cache write files, and only under the cache folder the CLI or app passes in.
import { spawn } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contentKey, directoryCache, type ContentCache } from './content-cache';
import { dicomStackCached } from './dicom/cached-stack';
import { dicomStackRequest } from './dicom/dicom-files';
import type { WindowChoice } from './dicom/windowing';
import { scanMediaFile } from './media-file';
import type { IdentifyingField, MediaError } from './types';

export interface PreparedStack {
  /** Absolute paths of the PNG frames, in display order. */
  frames: string[];
  keyFrame: number;
  frameTimeMs?: number;
  burnedInAnnotation: boolean;
  width: number;
  height: number;
}

export interface PreparedMedia {
  /** Identifying fields (names and places only). */
  fields: IdentifyingField[];
  /** The file could not be read or converted. */
  problem?: MediaError;
  /** DICOM: its frames as PNG files. */
  stack?: PreparedStack;
  /** Video: a first-frame PNG, when ffmpeg could make one. */
  poster?: string;
}

export interface MediaRequest {
  /** Absolute path of the file or folder. */
  path: string;
  /** How errors name it: the reference as the author wrote it. */
  label: string;
  kind: 'dicom' | 'video' | 'image';
  window?: WindowChoice;
  keyFrame?: number;
}

/** How long ffmpeg may take for one poster frame. */
const POSTER_TIMEOUT_MS = 15_000;

/** Key of a request at the file's current stamp: an edited file is prepared again. */
async function requestKey(request: MediaRequest): Promise<string | undefined> {
  try {
    const s = await stat(request.path);
    return stampedKey(request, s.mtimeMs, s.isFile() ? s.size : -1);
  } catch {
    return undefined;
  }
}

export function stampedKey(request: MediaRequest, mtimeMs: number, size: number): string {
  return JSON.stringify([request.path, request.kind, request.window ?? 'file', request.keyFrame ?? null, mtimeMs, size]);
}

function runFfmpegPoster(source: string, target: string): Promise<boolean> {
  return new Promise((done) => {
    let child;
    try {
      child = spawn('ffmpeg', ['-v', 'error', '-y', '-i', source, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', target], { stdio: 'ignore' });
    } catch {
      done(false);
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), POSTER_TIMEOUT_MS);
    child.on('error', () => { clearTimeout(timer); done(false); });
    child.on('exit', (code) => { clearTimeout(timer); done(code === 0); });
  });
}

export class MediaLibrary {
  private readonly prepared = new Map<string, PreparedMedia>();
  private readonly queued = new Map<string, MediaRequest>();
  private readonly cache: ContentCache;

  /** `cacheDir`: where converted frames and posters live (e.g. ~/.cache/lectern/media). */
  constructor(readonly cacheDir: string) {
    this.cache = directoryCache(cacheDir);
  }

  /** The prepared result for a request at a stamp, or undefined (then `want` it). */
  get(key: string): PreparedMedia | undefined {
    return this.prepared.get(key);
  }

  want(key: string, request: MediaRequest): void {
    if (!this.prepared.has(key)) this.queued.set(key, request);
  }

  get pending(): number {
    return this.queued.size;
  }

  /** Prepares everything queued, one file at a time (bounded memory). */
  async settle(): Promise<void> {
    const jobs = [...this.queued.values()];
    this.queued.clear();
    for (const request of jobs) {
      const key = await requestKey(request);
      if (key === undefined || this.prepared.has(key)) continue;
      this.prepared.set(key, await this.prepare(request));
    }
    // Old stamps of edited files: keep the map to what was last asked for.
    if (this.prepared.size > 4096) for (const k of [...this.prepared.keys()].slice(0, 2048)) this.prepared.delete(k);
  }

  private async prepare(request: MediaRequest): Promise<PreparedMedia> {
    if (request.kind === 'dicom') return this.prepareDicom(request);
    const scan = await scanMediaFile(request.path);
    const out: PreparedMedia = scan.ok ? { fields: scan.value.fields } : { fields: [], problem: scan.error };
    if (request.kind === 'video' && scan.ok) {
      const target = join(this.cacheDir, `poster-${contentKey(request.path, String((await stat(request.path)).mtimeMs))}.png`);
      try {
        await stat(target);
        out.poster = target;
      } catch {
        await mkdir(this.cacheDir, { recursive: true });
        if (await runFfmpegPoster(request.path, target)) out.poster = target;
      }
    }
    return out;
  }

  private async prepareDicom(request: MediaRequest): Promise<PreparedMedia> {
    const found = await dicomStackRequest(request.path, request.label);
    if (!found.ok) return { fields: [], problem: found.error };
    let fields: IdentifyingField[] = [];
    const info = await stat(request.path);
    // The privacy check reads the first file's tags (a series shares its patient and study).
    if (info.isFile()) {
      const scan = await scanMediaFile(request.path);
      if (scan.ok) fields = scan.value.fields;
    } else {
      const names = (await readdir(request.path)).filter((n) => !n.startsWith('.') && n.toUpperCase() !== 'DICOMDIR').sort();
      for (const name of names.slice(0, 8)) {
        const scan = await scanMediaFile(join(request.path, name));
        if (scan.ok && scan.value.format === 'dicom') {
          fields = scan.value.fields;
          break;
        }
      }
    }
    const options = { ...(request.window ? { window: request.window } : {}), ...(request.keyFrame !== undefined ? { keyFrame: request.keyFrame } : {}) };
    const stack = await dicomStackCached(found.value, options, this.cache);
    if (!stack.ok) return { fields, problem: stack.error };
    const { frameKeys, keyFrame, frameTimeMs, burnedInAnnotation, width, height } = stack.value;
    return {
      fields,
      stack: {
        frames: frameKeys.map((k) => join(this.cacheDir, k)),
        keyFrame,
        ...(frameTimeMs !== undefined ? { frameTimeMs } : {}),
        burnedInAnnotation,
        width,
        height,
      },
    };
  }
}
