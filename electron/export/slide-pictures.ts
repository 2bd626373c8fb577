// Pictures of a deck's slides (or fragment steps) for image and PowerPoint export: the same print
// pages, planned into the same parts as a PDF (print-parts.ts) and captured side by side, one
// part per renderer (print-sequence.ts capturePagesOn). Each picture is handed to the caller as
// it is taken, with what it shows (slide, step, videos in view), and let go: no export holds the
// deck's pictures in memory.

import type { Deck, Slide } from '../deck/types';
import { inlineDeckAssets, buildOfflineHtml } from './offline-html';
import { normaliseExportOptions, printPageSize } from './pdf-export';
import { planPrintParts } from './print-parts';
import { capturePagesOn, type CaptureOptions } from './print-sequence';
import type { PageRect, PrintEngine, PrintTarget } from './print-target';

/** A video of the slide in view on a picture, where it shows (fractions of the picture). */
export interface VideoInView {
  /** Which `<video>` of the slide's HTML it is (0-based, document order). */
  ordinal: number;
  box: { x: number; y: number; width: number; height: number };
  /** What the video shows in the picture (PNG), when posters were asked for. */
  poster?: Uint8Array;
}

export interface SlidePicture {
  /** Which part captured it and its page within that part (0-based): parts run side by side. */
  part: number;
  page: number;
  slide: Slide;
  /** 1-based fragment step, when steps were asked for and the slide has fragments. */
  step?: number;
  videos: VideoInView[];
}

export interface SlidePicturesRequest {
  deck: Deck;
  /** The slides to capture (a --range); default every slide. They keep their whole-deck numbers. */
  slides?: readonly Slide[];
  /** One picture per fragment step, as `--fragments` prints one page per step. */
  fragments: boolean;
  engine: PrintEngine;
  capture: CaptureOptions;
  /** Also capture each video in view as its own picture (PowerPoint's poster frame). */
  videoPosters?: boolean;
}

/**
 * Fewest slides worth a renderer of its own when taking pictures. A 3840x2160 capture costs about
 * 0.17 s of CPU a slide against a few milliseconds to print one to PDF, so a second renderer
 * (~0.5 s to open) pays off from a dozen slides, not from 60 as for PDFs.
 */
const MIN_PICTURE_PART_SLIDES = 12;

/** The slides a `--range` chose (1-based numbers, slidesInRange), in deck order; every slide
 *  without one. Empty is an error: an export of nothing is a mistake, not an empty file. */
export function chosenSlides(deck: Deck, slideNumbers: readonly number[] | undefined): Slide[] {
  if (!slideNumbers) return deck.slides;
  const numbers = new Set(slideNumbers);
  const slides = deck.slides.filter((s) => numbers.has(s.index + 1));
  if (slides.length === 0) throw new Error(`${deck.file}: no slides to export`);
  return slides;
}

/** Pages the print view lays out for these slides: one each, or one per step plus the slide before. */
export function pictureCount(slides: readonly Slide[], fragments: boolean): number {
  return slides.reduce((sum, slide) => sum + picturesOfSlide(slide, fragments), 0);
}

/** How many pictures one slide gives: one per fragment step (the first with none shown), or one. */
export function picturesOfSlide(slide: Slide, fragments: boolean): number {
  return fragments && slide.fragments > 0 ? slide.fragments + 1 : 1;
}

/** Parts of the pages to capture: `firstPage` is where each part's pages start over the export. */
export interface PicturePart {
  slides: Slide[];
  firstPage: number;
  pages: number;
}

/** What page `page` of the print view shows: its slide, and the videos in view with their boxes. */
function pageInfoScript(page: number): string {
  return `(() => {
  const page = document.querySelectorAll('.lectern-print > .lectern-page')[${Number(page)}];
  const frame = page && page.querySelector('.lectern-frame');
  if (!frame) return null;
  const r = page.getBoundingClientRect();
  const videos = [...frame.querySelectorAll('video')].map((video, ordinal) => {
    const b = video.getBoundingClientRect();
    const style = getComputedStyle(video);
    const hidden = b.width < 1 || b.height < 1 || style.visibility === 'hidden' || video.closest('.fragment:not(.visible)') !== null;
    return hidden ? null : { ordinal, rect: { x: b.left + window.scrollX, y: b.top + window.scrollY, width: b.width, height: b.height },
      box: { x: (b.left - r.left) / r.width, y: (b.top - r.top) / r.height, width: b.width / r.width, height: b.height / r.height } };
  }).filter(Boolean);
  return { index: Number(frame.dataset.lecternIndex), videos };
})()`;
}

interface PageInfo {
  index: number;
  videos: Array<{ ordinal: number; rect: PageRect; box: VideoInView['box'] }>;
}

/**
 * Captures every page of the chosen slides, the parts side by side (as many as the engine runs
 * at once), and calls `onPicture` for each picture as it is taken (in page order within a part;
 * parts interleave). Rejects with the first failure; resolves with the parts as planned.
 */
export async function captureSlidePictures(
  request: SlidePicturesRequest,
  onPicture: (picture: SlidePicture, image: Uint8Array) => Promise<void>,
  onPlanned?: (parts: readonly PicturePart[]) => void,
): Promise<PicturePart[]> {
  const { deck, engine } = request;
  const slides = [...(request.slides ?? deck.slides)];
  const options = normaliseExportOptions({ format: 'slides', fragments: request.fragments });
  const planned = planPrintParts({ ...deck, slides }, options, engine.concurrency, MIN_PICTURE_PART_SLIDES);
  const whole = deck.slides.length;
  const positions = deck.slides.map((s): [number, number] => [s.h, s.v]);
  const assets = inlineDeckAssets(deck);
  const parts: PicturePart[] = [];
  let first = 0;
  for (const p of planned) {
    const pages = pictureCount(p.slides, request.fragments);
    parts.push({ slides: p.slides, firstPage: first, pages });
    first += pages;
  }
  onPlanned?.(parts);
  const byIndex = new Map(deck.slides.map((s) => [s.index, s]));

  const capturePart = (k: number) =>
    engine.withTarget(async (target: PrintTarget) => {
      // Slide numbers and links count over the whole deck, whatever the range.
      const part = { ...planned[k]!.part, totalSlides: whole, positions };
      const html = buildOfflineHtml({ ...deck, slides: planned[k]!.slides }, { view: 'print', print: options, printPart: part, assets });
      let lastIndex = -1;
      let step = 0;
      const onPage = async (page: number, image: Uint8Array, described: unknown) => {
        if (failure.failed) throw failure.reason; // another part failed: stop, the export is lost
        const info = described as PageInfo | null;
        const slide = info ? byIndex.get(info.index) : undefined;
        if (!info || !slide) throw new Error(`page ${page + 1} of the print view shows no slide`);
        step = info.index === lastIndex ? step + 1 : 1;
        lastIndex = info.index;
        const videos: VideoInView[] = [];
        for (const v of info.videos) {
          const seen: VideoInView = { ordinal: v.ordinal, box: v.box };
          if (request.videoPosters) seen.poster = await target.capture!({ clip: v.rect, scale: request.capture.scale, format: 'png' });
          videos.push(seen);
        }
        const picture: SlidePicture = { part: k, page, slide, videos };
        if (request.fragments && slide.fragments > 0) picture.step = step;
        await onPicture(picture, image);
      };
      return capturePagesOn(target, { html, page: printPageSize(options) }, request.capture, onPage, pageInfoScript);
    });

  // Every part settles before this returns, so no picture arrives after a failure is reported.
  const failure: { failed: boolean; reason?: unknown } = { failed: false };
  const settled = await Promise.allSettled(
    planned.map((_, k) =>
      capturePart(k).catch((err: unknown) => {
        if (!failure.failed) Object.assign(failure, { failed: true, reason: err });
        throw err;
      }),
    ),
  );
  if (failure.failed) throw failure.reason;
  const counts = settled.map((s) => (s.status === 'fulfilled' ? s.value : 0));
  counts.forEach((count, k) => {
    if (count !== parts[k]!.pages) throw new Error(`the print view laid out ${count} pages where ${parts[k]!.pages} were expected`);
  });
  return parts;
}
