// Image export, for the CLI and the app: one PNG or JPEG per slide (or fragment step) in a folder,
// named so they sort (pptx/slide-images.ts). The pictures are captured into a hidden staging
// folder inside the output folder (same file system), then renamed into place only once every
// one was taken: a failed or interrupted export leaves no partial set, and each file appears whole.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportProgress } from '../contract/ipc';
import type { Deck, Slide } from '../deck/types';
import { FileNotWritableError } from './atomic-file';
import { removeFoldersOfEndedRuns } from './chromium-scratch';
import { exportProgressReporter, refuseDeckWithErrors } from './pdf-export';
import { IMAGE_SCALE, slideImageFileName, type ImageFormat } from './pptx/index';
import { refuseReadOnlyTarget } from './pptx-export';
import type { PrintEngine } from './print-target';
import { captureSlidePictures, chosenSlides, pictureCount, picturesOfSlide } from './slide-pictures';

/** A slide frame is 1280x720 CSS pixels; `--scale 1` is 1920x1080, so 1.5 device pixels each. */
const DEVICE_PIXELS_AT_SCALE_1 = 1.5;

export interface ExportImagesRequest {
  deck: Deck;
  engine: PrintEngine;
  /** The folder the pictures go into (created when missing). */
  outDir: string;
  format: ImageFormat;
  /** Multiplies 1920x1080 (IMAGE_SCALE). */
  scale?: number;
  /** JPEG quality 1-100. */
  quality?: number;
  /** 1-based slide numbers to export (slidesInRange); default all. */
  slideNumbers?: readonly number[];
  fragments?: boolean;
  /** Replace pictures of an earlier export with the same names. Default false: refuse. */
  overwrite?: boolean;
  allowErrors?: boolean;
  onProgress?: (progress: ExportProgress) => void;
}

const STAGING = /^\.lectern-images-(?<pid>\d+)-/;
/** Staging folders of exports still running in this process (an interrupt removes them). */
const stagingNow = new Set<string>();

/** Removes this process's staging folders (SIGINT/SIGTERM): the previous pictures stay as they were. */
export function discardAllStaging(): void {
  for (const dir of stagingNow) rmSync(dir, { recursive: true, force: true });
  stagingNow.clear();
}

export interface ExportImagesResult {
  files: string[];
}

/** Where a slide image goes in the folder. */
function nameOf(deck: Deck, slide: Slide, step: number | undefined, maxSteps: number, format: ImageFormat): string {
  const name = { slide: slide.index + 1, slideCount: deck.slides.length, format } as Parameters<typeof slideImageFileName>[0];
  if (step !== undefined) Object.assign(name, { step, maxSteps });
  return slideImageFileName(name);
}

/** The most steps any slide has: step numbers in names are padded to its width. */
function maxStepsOf(slides: readonly Slide[], fragments: boolean): number {
  return Math.max(1, ...slides.map((s) => picturesOfSlide(s, fragments)));
}

/** Every file name the export will write, in order (the refusal to overwrite checks them first). */
export function plannedImageNames(deck: Deck, slides: readonly Slide[], format: ImageFormat, fragments: boolean): string[] {
  const maxSteps = maxStepsOf(slides, fragments);
  return slides.flatMap((slide) =>
    fragments && slide.fragments > 0
      ? Array.from({ length: slide.fragments + 1 }, (_, k) => nameOf(deck, slide, k + 1, maxSteps, format))
      : [nameOf(deck, slide, undefined, maxSteps, format)],
  );
}

export async function exportImages(request: ExportImagesRequest): Promise<ExportImagesResult> {
  const { deck, engine, outDir, format, onProgress } = request;
  const fragments = request.fragments ?? false;
  const scale = request.scale ?? IMAGE_SCALE.default;
  const slides = chosenSlides(deck, request.slideNumbers);
  const total = pictureCount(slides, fragments);
  const report = exportProgressReporter(onProgress, total);

  refuseDeckWithErrors(deck, request.allowErrors);
  const names = plannedImageNames(deck, slides, format, fragments);
  const maxSteps = maxStepsOf(slides, fragments);
  const targets = names.map((name) => join(outDir, name));
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length > 0 && !request.overwrite) {
    throw new FileNotWritableError(existing[0]!, `${existing.length} picture${existing.length === 1 ? '' : 's'} of an earlier export would be replaced (--force replaces them)`);
  }
  for (const t of existing) refuseReadOnlyTarget(t);

  // Staging inside the output folder: the final renames stay on one file system.
  let staging: string;
  try {
    mkdirSync(outDir, { recursive: true });
    removeFoldersOfEndedRuns(outDir, STAGING); // left by killed exports
    staging = mkdtempSync(join(outDir, `.lectern-images-${process.pid}-`));
    stagingNow.add(staging);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FileNotWritableError(outDir, code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (err as Error).message);
  }
  const moved: string[] = [];
  try {
    report('layout', 0);
    let done = 0;
    await captureSlidePictures(
      {
        deck,
        slides,
        fragments,
        engine,
        capture: { scale: scale * DEVICE_PIXELS_AT_SCALE_1, format, ...(format === 'jpeg' ? { quality: request.quality ?? 90 } : {}) },
      },
      async ({ slide, step }, image) => {
        writeFileSync(join(staging, nameOf(deck, slide, step, maxSteps, format)), image);
        report('print', ++done);
      },
    );
    const staged = new Set(readdirSync(staging));
    const missing = names.filter((n) => !staged.has(n));
    if (missing.length > 0) throw new Error(`the export did not produce ${missing[0]}`);
    report('write', total);
    for (const name of names) {
      renameSync(join(staging, name), join(outDir, name));
      moved.push(join(outDir, name));
    }
    report('done', total);
    return { files: moved };
  } catch (err) {
    report('failed', 0, err instanceof Error ? err.message : String(err));
    throw err;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    stagingNow.delete(staging);
  }
}
