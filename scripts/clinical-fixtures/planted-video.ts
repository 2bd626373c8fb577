// MP4 and WebM clips with planted metadata, made by ffmpeg when it is installed (undefined when not).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLANTED } from './planted';

export function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const METADATA = [
  '-metadata', `title=Angiogram ${PLANTED.name}`,
  '-metadata', `comment=MRN ${PLANTED.id} DOB ${PLANTED.birthDate}`,
  '-metadata', `artist=${PLANTED.institution}`,
  '-metadata', `location=${PLANTED.gps.iso6709}`,
  '-metadata', 'creation_time=2024-02-29T10:42:00Z',
];

function encode(extension: 'mp4' | 'webm', codec: string[], extra: string[] = []): Buffer | undefined {
  if (!hasFfmpeg()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'lectern-video-'));
  try {
    const out = join(dir, `clip.${extension}`);
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10:duration=1', ...codec, ...METADATA, ...extra, '-y', out], { stdio: 'ignore' });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** H.264 in MP4 with udta/meta tags (mdta keys, so ©xyz-style location survives as a key). */
export function plantedMp4(): Buffer | undefined {
  return encode('mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast'], ['-movflags', '+use_metadata_tags+faststart']);
}

/** VP8 in WebM with Matroska Tags and a segment title. */
export function plantedWebm(): Buffer | undefined {
  return encode('webm', ['-c:v', 'libvpx', '-b:v', '200k']);
}
