// PowerPoint export, for the CLI and the app: every slide (or step) as a 3840x2160 picture from
// the print pages (slide-pictures.ts), with its title, speaker notes and the slide's text as the
// picture's alt text, and the deck's videos (cine loops) as embedded videos. Parts are captured
// side by side; each picture is spooled to a scratch file and handed to the streaming writer
// (pptx/pptx-writer.ts) in slide order, then deleted, so memory holds a few pictures at a time.

import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ExportProgress } from '../contract/ipc';
import { ASSET_SCHEME, type Deck, type Slide } from '../deck/types';
import { stripDeckExtension } from '../deck/deck-file';
import { FileNotWritableError } from './atomic-file';
import { scratchDir } from './chromium-scratch';
import { exportProgressReporter, refuseDeckWithErrors } from './pdf-export';
import { stripMediaFile } from '../media/index';
import { notesFromHtml, writePptx, type PptxSlide, type PptxVideo } from './pptx/index';
import type { PrintEngine } from './print-target';
import { captureSlidePictures, chosenSlides, pictureCount, type SlidePicture } from './slide-pictures';

/** 1280x720 CSS pixels at 3 device pixels each: 3840x2160, twice 1920x1080. */
const PPTX_PICTURE_SCALE = 3;

/**
 * PowerPoint pictures are PNGs encoded for speed (the same pixels): at 3840x2160 the encoding was
 * half the browser's CPU for a slide, and this cuts a 30-slide export's CPU by about a fifth for
 * files about 65% larger (~300 KB a text slide against ~185 KB). Images export keeps the compact
 * encoding: its pictures are a quarter the pixels and often go on a web page.
 */
const PPTX_FAST_PNG = true;

export interface ExportPptxRequest {
  deck: Deck;
  engine: PrintEngine;
  /** The .pptx to write (replaced atomically). */
  target: string;
  /** One PowerPoint slide per fragment step. */
  fragments?: boolean;
  /** 1-based slide numbers to export (`--range`, slidesInRange); default all. Each picture keeps
   *  the slide's number in the whole deck, as the images export does. */
  slideNumbers?: readonly number[];
  onProgress?: (progress: ExportProgress) => void;
  /** Export a deck that has compile errors (they show as error boxes). Default false. */
  allowErrors?: boolean;
  /** Something the user should know that does not stop the export (a very long deck). */
  onWarning?: (message: string) => void;
}

/**
 * From this many pictures the user is told what is coming: the export streams (memory stays flat,
 * the capture spools at most a round of parts to disk), but the file and the wait grow with the
 * deck: ~300 KB and ~0.15 s of CPU a picture, so 2,000 slides are ~600 MB and minutes of work,
 * more than a presentation computer or a mail attachment takes gladly.
 */
export const LARGE_PPTX_PICTURES = 1000;

/** About what a text slide's 3840x2160 picture weighs (pictures of images weigh more). */
const TYPICAL_PICTURE_MB = 0.3;

/** What a user is told before a PowerPoint export of this many pictures (the command line warns,
 *  the app asks); undefined below LARGE_PPTX_PICTURES. */
export function largePptxNotice(pictures: number): string | undefined {
  if (pictures < LARGE_PPTX_PICTURES) return undefined;
  return `${pictures} pictures make a PowerPoint file of roughly ${Math.round((pictures * TYPICAL_PICTURE_MB) / 100) * 100} MB and take minutes to capture`;
}

/** Spool folders of exports running in this process (an interrupt removes them). */
const spoolsNow = new Set<string>();

/** Removes this process's picture spools (SIGINT/SIGTERM), as discardAllStaging does for images. */
export function discardAllSpools(): void {
  for (const dir of spoolsNow) rmSync(dir, { recursive: true, force: true });
  spoolsNow.clear();
}

/** The file name for a deck's PowerPoint file: `talk.pptx`. */
export function pptxFileName(deckFile: string): string {
  return `${stripDeckExtension(deckFile)}.pptx`;
}

/** A read-only file is one the user chose to keep: it is not replaced (root could rename over it). */
export function refuseReadOnlyTarget(target: string): void {
  let mode: number;
  try {
    mode = statSync(target).mode;
  } catch {
    return; // absent: nothing to keep
  }
  if ((mode & 0o222) === 0) throw new FileNotWritableError(target, 'the file is read-only (make it writable to replace it)');
}

/** The .mp4 file of each `<video>` of a slide, by document order (undefined: no .mp4 source). */
export function slideVideoFiles(deck: Deck, slide: Slide): Array<string | undefined> {
  if (!slide.html.includes('<video')) return [];
  const byRef = new Map(deck.assets.map((a) => [a.ref, a.path]));
  const refOf = (src: string | undefined): string | undefined => {
    if (!src?.startsWith(ASSET_SCHEME)) return undefined;
    const ref = src.slice(ASSET_SCHEME.length);
    let decoded = ref;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      // keep it as written
    }
    return byRef.get(ref) ?? byRef.get(decoded);
  };
  const videos = DomUtils.getElementsByTagName('video', parseDocument(slide.html).children, true);
  return videos.map((video) => {
    const sources = [video.attribs.src, ...DomUtils.getElementsByTagName('source', video.children, true).map((s) => s.attribs.src)];
    return sources.map(refOf).find((path) => path !== undefined && /\.mp4$/i.test(path));
  });
}

/** What PowerPoint gets for one picture: title, notes, alt text, and the .mp4 videos it shows. */
function pptxSlideOf(deck: Deck, picture: SlidePicture, image: string | Buffer, posterFile: (k: number) => string): PptxSlide {
  const { slide } = picture;
  const files = slideVideoFiles(deck, slide);
  const videos: PptxVideo[] = [];
  picture.videos.forEach((seen, k) => {
    const path = files[seen.ordinal];
    // A WebM or other video stays in the picture as the frame it shows (PowerPoint plays MP4 everywhere).
    if (path && seen.poster) videos.push({ path, poster: posterFile(k), box: seen.box });
  });
  const result: PptxSlide = { image, title: slide.title, notes: notesFromHtml(slide.notesHtml), altText: slide.text };
  if (videos.length > 0) result.videos = videos;
  return result;
}

/** The slide with each video replaced by its stripped copy; a video that cannot be stripped is left out. */
async function withStrippedVideos(slide: PptxSlide, strip: (path: string) => Promise<string | null>): Promise<PptxSlide> {
  const videos: PptxVideo[] = [];
  for (const video of slide.videos ?? []) {
    const path = await strip(video.path);
    if (path) videos.push({ ...video, path });
  }
  const { videos: _original, ...rest } = slide;
  return videos.length > 0 ? { ...rest, videos } : rest;
}

/**
 * Pictures that arrive in any order, taken in export order: a waiter per page number. A picture
 * further than `window` pages ahead of the writer waits for room before it is spooled, so the
 * spool holds at most a window of pictures however long the deck and however fast the capture.
 */
class OrderedSpool {
  private ready = new Map<number, PptxSlide>();
  private waiting = new Map<number, { resolve: (slide: PptxSlide) => void; reject: (err: unknown) => void }>();
  private roomWaiters: Array<{ page: number; resolve: () => void; reject: (err: unknown) => void }> = [];
  private failure: { reason: unknown } | undefined;
  /** Pages taken by the writer so far (it takes them in order). */
  private taken = 0;
  window = Number.POSITIVE_INFINITY;

  /** Whether the writer is waiting for `page` now. */
  wanted(page: number): boolean {
    return this.waiting.has(page);
  }

  /** Resolves once `page` is within the window of the writer. */
  room(page: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.reason);
    if (page < this.taken + this.window) return Promise.resolve();
    return new Promise((resolve, reject) => this.roomWaiters.push({ page, resolve, reject }));
  }

  put(page: number, slide: PptxSlide): void {
    const waiter = this.waiting.get(page);
    if (waiter) {
      this.waiting.delete(page);
      waiter.resolve(slide);
    } else this.ready.set(page, slide);
  }

  fail(reason: unknown): void {
    if (this.failure) return;
    this.failure = { reason };
    for (const waiter of this.waiting.values()) waiter.reject(reason);
    this.waiting.clear();
    for (const waiter of this.roomWaiters.splice(0)) waiter.reject(reason);
  }

  take(page: number): Promise<PptxSlide> {
    this.taken = Math.max(this.taken, page + 1);
    this.roomWaiters = this.roomWaiters.filter((w) => (w.page < this.taken + this.window ? (w.resolve(), false) : true));
    const slide = this.ready.get(page);
    if (slide) {
      this.ready.delete(page);
      return Promise.resolve(slide);
    }
    if (this.failure) return Promise.reject(this.failure.reason);
    return new Promise((resolve, reject) => this.waiting.set(page, { resolve, reject }));
  }
}

export async function exportPptx(request: ExportPptxRequest): Promise<void> {
  const { deck, engine, target, onProgress } = request;
  const fragments = request.fragments ?? false;
  const slides = chosenSlides(deck, request.slideNumbers);
  const total = pictureCount(slides, fragments);
  const report = exportProgressReporter(onProgress, total);
  refuseDeckWithErrors(deck, request.allowErrors);
  refuseReadOnlyTarget(target);
  const large = largePptxNotice(total);
  if (large) request.onWarning?.(`${large}; --range exports fewer`);

  const spool = scratchDir('pictures');
  spoolsNow.add(spool);
  const pictures = new OrderedSpool();
  const files = new Map<number, string[]>();
  let firstPage: number[] = [];
  let abandoned = false;
  let captured: Promise<unknown> = Promise.resolve();
  try {
    report('layout', 0);
    captured = captureSlidePictures(
      { deck, slides, fragments, engine, capture: { scale: PPTX_PICTURE_SCALE, format: 'png', fastEncoding: PPTX_FAST_PNG }, videoPosters: true },
      async (picture, image) => {
        if (abandoned) throw new Error('the export was abandoned');
        const n = firstPage[picture.part]! + picture.page;
        await pictures.room(n);
        const written: string[] = [];
        // The picture the writer waits for goes to it as bytes; only pictures ahead of it are spooled.
        let picturePart: string | Buffer = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
        if (!pictures.wanted(n)) {
          picturePart = join(spool, `page-${n}.png`);
          writeFileSync(picturePart, image);
          written.push(picturePart);
        }
        const slide = pptxSlideOf(deck, picture, picturePart, (k) => {
          const poster = join(spool, `page-${n}-video-${k}.png`);
          writeFileSync(poster, picture.videos[k]!.poster!);
          written.push(poster);
          return poster;
        });
        files.set(n, written);
        pictures.put(n, slide);
      },
      (parts) => {
        firstPage = parts.map((p) => p.firstPage);
        // Room for the parts that run at once: the one being written streams through, the others
        // spool until their turn. A later part that starts early waits for the writer.
        pictures.window = Math.max(1, engine.concurrency) * Math.max(1, ...parts.map((p) => p.pages));
      },
    );
    captured.catch((err: unknown) => pictures.fail(err));
    // A video goes into the file stripped of its metadata (a cine loop exported from PACS can carry
    // the patient's name); one that cannot be stripped losslessly stays as the frame the slide shows.
    const strippedVideos = new Map<string, Promise<string | null>>();
    const strippedVideo = (path: string): Promise<string | null> => {
      let done = strippedVideos.get(path);
      if (!done) {
        const copy = join(spool, `video-${strippedVideos.size}.mp4`);
        done = stripMediaFile(path, copy).then((r) => (r.ok ? copy : null));
        strippedVideos.set(path, done);
      }
      return done;
    };
    async function* inOrder(): AsyncGenerator<PptxSlide> {
      for (let n = 0; n < total; n++) {
        const taken = await pictures.take(n);
        const slide = taken.videos ? await withStrippedVideos(taken, strippedVideo) : taken;
        // The writer reads the picture from its file when it takes it: that file can go once the next is asked for.
        yield slide;
        for (const file of files.get(n) ?? []) rmSync(file, { force: true });
        files.delete(n);
      }
    }
    await writePptx({
      target,
      deck: { title: deck.meta.title, ...(deck.meta.author ? { author: deck.meta.author } : {}) },
      slideCount: total,
      slides: inOrder(),
      onSlide: (written) => report('print', written),
    });
    await captured;
    report('write', total);
    report('done', total);
  } catch (err) {
    // Let the capture stop before its scratch folder goes (a part waiting for room is released).
    abandoned = true;
    pictures.fail(err);
    await captured.catch(() => undefined);
    report('failed', 0, err instanceof Error ? err.message : String(err));
    throw err;
  } finally {
    rmSync(spool, { recursive: true, force: true });
    spoolsNow.delete(spool);
  }
}
