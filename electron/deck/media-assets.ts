// The converting asset resolver (issue 13): wraps the confining resolver so that every image,
// video and DICOM reference is checked for identifying metadata (reported as warnings at the
// reference, naming the field, never its value), a DICOM file or series folder becomes PNG
// frames (a stack), and a video used as an image becomes a cine loop. The conversions are
// prepared by a MediaLibrary before the compile (the compiler stays synchronous and writes
// nothing): a miss is queued and the caller compiles again after `library.settle()`.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { MediaLibrary, MediaRequest, PreparedMedia } from '../media/media-library';
import { stampedKey } from '../media/media-library';
import { sniffFormat } from '../media/sniff';
import { isWindowPreset, type WindowChoice } from '../media/dicom/windowing';
import { describeAssetRoot, isInsideFolder, type AssetRoot } from './asset-root';
import type { AssetHints, AssetKind, AssetNotice, AssetResolution, AssetResolver } from './assets';
import type { DeckAsset } from './types';

const DICOM_EXTENSIONS = new Set(['.dcm', '.dicom', '.dic']);
const VIDEO_EXTENSIONS = new Set(['.mp4', '.m4v', '.webm']);
/** Formats whose metadata the privacy check reads. */
const SCANNED = new Set(['jpeg', 'png', 'webp', 'tiff', 'heif', 'mp4', 'webm', 'dicom']);
const SNIFFED_MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', mp4: 'video/mp4', webm: 'video/webm' };
const EXTENSION_FORMAT: Record<string, string> = { '.jpg': 'jpeg', '.jpeg': 'jpeg', '.png': 'png', '.webp': 'webp', '.mp4': 'mp4', '.m4v': 'mp4', '.webm': 'webm', '.tif': 'tiff', '.tiff': 'tiff', '.heic': 'heif', '.avif': 'heif' };
/** Refs of converted files: content-addressed, under a prefix no deck path is read through. */
export const MEDIA_REF_PREFIX = '~media/';

function head(path: string, bytes = 512): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** `data-window`: a preset name or `center/width` (also `center,width`). */
export function parseWindow(value: string | undefined): WindowChoice | 'bad' | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase().replace(/\s+/g, '-');
  if (v === 'file') return 'file';
  if (isWindowPreset(v)) return v;
  const m = /^(-?\d+(?:\.\d+)?)[/,](\d+(?:\.\d+)?)$/.exec(value.replace(/\s+/g, ''));
  if (m && Number(m[2]) > 0) return { center: Number(m[1]), width: Number(m[2]) };
  return 'bad';
}

function derived(path: string, mime = 'image/png'): DeckAsset {
  const name = basename(path).replace(/\.png$/, '');
  return { ref: `${MEDIA_REF_PREFIX}${name}.png`, path, mime };
}

function withLabel(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

function privacyNotices(label: string, prepared: PreparedMedia): AssetNotice[] {
  const notices: AssetNotice[] = prepared.fields.map((f) => ({
    severity: 'warning',
    code: 'identifying-metadata',
    message: `${label}: identifying metadata ${f.field} (${f.where}); every output strips it, the file itself keeps it`,
  }));
  if (prepared.stack?.burnedInAnnotation) {
    notices.push({ severity: 'warning', code: 'burned-in-annotation', message: `${label} has BurnedInAnnotation YES: text (possibly patient details) is drawn into the pixels; check every frame or crop it` });
  }
  return notices;
}

/** Wraps `base` so local media go through `library` (see the file comment). */
export function createMediaResolver(base: AssetResolver, rootArg: string | AssetRoot, library: MediaLibrary): AssetResolver {
  const root: AssetRoot = typeof rootArg === 'string' ? { path: resolve(rootArg), origin: { kind: 'deck-folder' } } : rootArg;
  const rootAbs = resolve(root.path);
  let rootReal = rootAbs;
  try {
    rootReal = realpathSync(rootAbs);
  } catch {
    /* the root as given */
  }

  /** Looks the request up; a miss is queued and reported as pending. */
  function prepared(request: MediaRequest, mtimeMs: number, size: number): PreparedMedia | undefined {
    const key = stampedKey(request, mtimeMs, size);
    const found = library.get(key);
    if (!found) library.want(key, request);
    return found;
  }

  function dicom(ref: string, label: string, path: string, hints: AssetHints | undefined, stat: { path: string; mtimeMs: number; size: number }): AssetResolution {
    const window = parseWindow(hints?.window);
    const notices: AssetNotice[] = [];
    if (window === 'bad') {
      notices.push({ severity: 'warning', code: 'bad-window', message: `data-window="${hints?.window ?? ''}" is not a window: use liver, soft-tissue, bone, lung, angiography, file or centre/width such as 40/400` });
    }
    const slice = hints?.slice !== undefined && /^\s*\d+\s*$/.test(hints.slice) ? Number(hints.slice) - 1 : undefined;
    const request: MediaRequest = { path, label, kind: 'dicom', ...(window && window !== 'bad' ? { window } : {}), ...(slice !== undefined && slice >= 0 ? { keyFrame: slice } : {}) };
    const ready = prepared(request, stat.mtimeMs, stat.size);
    if (!ready) return { ok: false, code: 'media-pending', message: `${label} is being converted`, stat, pending: true };
    notices.push(...privacyNotices(label, ready));
    if (!ready.stack) {
      return { ok: false, code: 'bad-media', message: withLabel(label, ready.problem?.message ?? 'no image in this DICOM'), stat, notices };
    }
    const frames = ready.stack.frames.map((p) => derived(p));
    const key = frames[ready.stack.keyFrame] ?? frames[0]!;
    if (slice !== undefined && slice >= frames.length) {
      notices.push({ severity: 'warning', code: 'bad-slice', message: `data-slice="${hints?.slice ?? ''}" is past the last image of ${label} (${frames.length}); printing the middle one` });
    }
    return {
      ok: true,
      asset: key,
      stat,
      notices,
      extra: frames,
      media: { kind: 'stack', frames: frames.map((f) => f.ref), keyFrame: frames.indexOf(key), ...(ready.stack.frameTimeMs !== undefined ? { frameTimeMs: ready.stack.frameTimeMs } : {}) },
    };
  }

  return {
    resolve(ref: string, fromDir: string, kind: AssetKind, hints?: AssetHints): AssetResolution {
      const label = ref.replace(/[?#].*$/s, '');
      const any = base.resolve(ref, fromDir, 'any');
      if (!any.ok) {
        // A folder: a DICOM series, when the reference is an image and the folder is in the deck.
        const st = any.stat;
        if (kind === 'image' && any.code === 'missing-asset' && st && st.mtimeMs >= 0 && st.size < 0) {
          let real: string;
          try {
            real = realpathSync(st.path);
            if (!statSync(real).isDirectory()) return any;
          } catch {
            return any;
          }
          if (!isInsideFolder(rootReal, real)) return { ok: false, code: 'asset-outside-deck', message: `"${ref}" is a link that leads outside ${describeAssetRoot({ ...root, path: rootAbs })}`, stat: st };
          return dicom(ref, label, real, hints, st);
        }
        return any;
      }
      if (kind === 'any') return any;
      const path = any.asset.path;
      const ext = extname(path).toLowerCase();
      let format: string;
      try {
        format = sniffFormat(head(path, 132));
      } catch {
        return any;
      }
      if (format === 'dicom' || (DICOM_EXTENSIONS.has(ext) && kind === 'image')) return dicom(ref, label, path, hints, any.stat);
      if (!SCANNED.has(format)) {
        // SVG, GIF, AVIF and files we cannot tell: the plain rules (type check for images).
        return kind === 'image' ? base.resolve(ref, fromDir, kind) : any;
      }
      const notices: AssetNotice[] = [];
      const claimed = EXTENSION_FORMAT[ext];
      if (claimed && claimed !== format) {
        notices.push({ severity: 'warning', code: 'media-type-mismatch', message: `${label} is named ${ext} but holds ${format.toUpperCase()}; it is served as ${format.toUpperCase()} (rename it)` });
      }
      const isVideo = format === 'mp4' || format === 'webm';
      if (isVideo && kind === 'image' && !VIDEO_EXTENSIONS.has(ext) && !claimed) {
        return { ok: false, code: 'not-an-image', message: `"${ref}" is a video; name it .mp4, .m4v or .webm`, stat: any.stat };
      }
      if (format === 'tiff' || format === 'heif') return kind === 'image' ? base.resolve(ref, fromDir, kind) : any;
      const request: MediaRequest = { path, label, kind: isVideo ? 'video' : 'image' };
      const ready = prepared(request, any.stat.mtimeMs, any.stat.size);
      if (!ready) return { ...any, pending: true };
      notices.push(...privacyNotices(label, ready));
      if (ready.problem) {
        notices.push({ severity: 'warning', code: 'unreadable-media', message: withLabel(label, `${ready.problem.message}; it may not display`) });
      }
      const asset: DeckAsset = { ...any.asset, mime: SNIFFED_MIME[format] ?? any.asset.mime };
      const poster = ready.poster ? derived(ready.poster) : undefined;
      return {
        ok: true,
        asset,
        stat: any.stat,
        notices,
        ...(poster ? { extra: [poster] } : {}),
        ...(isVideo && kind === 'image' ? { media: { kind: 'video' as const, ...(poster ? { poster: poster.ref } : {}) } } : {}),
      };
    },
  };
}

