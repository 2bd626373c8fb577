// Options and file names for `lectern export --format png|jpeg`: pure functions, so the CLI and
// the app parse and name the same way and each rule is tested on its own. Parse errors are values
// with the message the user sees (the CLI turns them into a usage error, exit 2).

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const error = <T>(message: string): Parsed<T> => ({ ok: false, error: message });

export type ImageFormat = 'png' | 'jpeg';

export interface SlideImageName {
  /** 1-based slide number in the deck. */
  slide: number;
  slideCount: number;
  /** 1-based fragment step, only with --fragments on a slide that has steps. */
  step?: number;
  /** The most steps any slide of the deck has, so step numbers pad alike (2 before 10). */
  maxSteps?: number;
  format: ImageFormat;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * `slide-007.png`, or `slide-003-2.png` for a step: zero-padded to at least three digits, more
 * for longer decks (`slide-0042.png` in a 2,000-slide deck), so names sort in slide order.
 */
export function slideImageFileName({ slide, slideCount, step, maxSteps, format }: SlideImageName): string {
  const slideWidth = Math.max(3, String(slideCount).length);
  const stepPart = step === undefined ? '' : `-${pad(step, String(Math.max(maxSteps ?? step, step)).length)}`;
  return `slide-${pad(slide, slideWidth)}${stepPart}.${format === 'png' ? 'png' : 'jpg'}`;
}

/** Inclusive 1-based runs of slides, in the order written (`3-7,12` is [3,7] and [12,12]). */
export type SlideRange = Array<{ from: number; to: number }>;

/** `--range 3-7,12`: the syntax alone (the deck's length is checked by `slidesInRange`). */
export function parseSlideRange(spec: string): Parsed<SlideRange> {
  const runs: SlideRange = [];
  const parts = spec.split(',').map((p) => p.trim());
  if (spec.trim() === '') return error('--range is empty: give slide numbers such as 3-7,12');
  for (const part of parts) {
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!match) {
      return error(`--range ${spec}: "${part || '(empty)'}" is not a slide number or a run like 3-7`);
    }
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < 1) return error(`--range ${spec}: slides are numbered from 1`);
    if (to < from) return error(`--range ${spec}: "${part}" runs backwards (write ${to}-${from})`);
    runs.push({ from, to });
  }
  return ok(runs);
}

/** The slide numbers a range selects, ascending and once each; an error names what lies beyond the deck. */
export function slidesInRange(range: SlideRange, slideCount: number): Parsed<number[]> {
  const beyond = range.filter((r) => r.to > slideCount);
  if (beyond.length > 0) {
    const shown = beyond.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');
    return error(`--range ${shown} is beyond the deck: it has ${slideCount} slide${slideCount === 1 ? '' : 's'}`);
  }
  const chosen = new Set<number>();
  for (const { from, to } of range) for (let n = from; n <= to; n++) chosen.add(n);
  return ok([...chosen].sort((a, b) => a - b));
}

/** --scale multiplies 1920x1080: 0.25 gives 480x270, 4 gives 7680x4320 (8K, within Chromium's capture limit). */
export const IMAGE_SCALE = { min: 0.25, max: 4, default: 1 } as const;
export const BASE_SIZE = { width: 1920, height: 1080 } as const;

export function parseImageScale(text: string): Parsed<number> {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < IMAGE_SCALE.min || value > IMAGE_SCALE.max) {
    return error(
      `--scale must be a number from ${IMAGE_SCALE.min} to ${IMAGE_SCALE.max} ` +
        `(1 = ${BASE_SIZE.width}x${BASE_SIZE.height} pixels, 2 = ${BASE_SIZE.width * 2}x${BASE_SIZE.height * 2}); got ${text}`,
    );
  }
  return ok(value);
}

/** Pixel size of a slide image at a scale, rounded to whole pixels. */
export function imageSize(scale: number): { width: number; height: number } {
  return { width: Math.round(BASE_SIZE.width * scale), height: Math.round(BASE_SIZE.height * scale) };
}

export const JPEG_QUALITY = { min: 1, max: 100, default: 90 } as const;

export function parseJpegQuality(text: string): Parsed<number> {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < JPEG_QUALITY.min || value > JPEG_QUALITY.max) {
    return error(`--quality must be a whole number from ${JPEG_QUALITY.min} to ${JPEG_QUALITY.max} (default ${JPEG_QUALITY.default}); got ${text}`);
  }
  return ok(value);
}
