// Writes a 16:9 .pptx from slide pictures, streaming: each picture goes into the zip as it comes
// and is let go once written, so a 1,000-slide deck holds a few pictures in memory, not a
// thousand. pptxgenjs (the library Marp CLI uses) builds the whole zip in memory with JSZip:
// measured here at 1.6 GB peak RSS for 300 slides of 1.1 MB pictures and 5.2 GB for 1,000, so
// this module writes the OOXML itself over yazl, a streaming zip writer.
//
// The file appears atomically: written to a temp file beside the target, renamed over it only
// when complete; any failure (a bad picture, a full disk, an interrupted iterable) removes it.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { PendingFile } from '../atomic-file';
import { packageParts } from './package-parts';
import { notesSlideRelsXml, notesSlideXml, pictureBox, slideRelsXml, slideXml, type SlideMedia } from './slide-parts';
import type { PptxDeckMeta, PptxSlide } from './types';
import { languageTag } from './xml';

/** Bad input the caller can act on: which slide, and what is wrong with it. */
export class PptxInputError extends Error {
  readonly slide: number | undefined;
  constructor(message: string, slide?: number) {
    super(slide === undefined ? message : `slide ${slide}: ${message}`);
    this.name = 'PptxInputError';
    this.slide = slide;
  }
}

export interface WritePptxOptions {
  /** Where the .pptx goes; replaced only when the new one is complete. */
  target: string;
  deck: PptxDeckMeta;
  /** How many slides `slides` yields: presentation.xml and the content types are written first. */
  slideCount: number;
  slides: AsyncIterable<PptxSlide> | Iterable<PptxSlide>;
  /** Called after each slide is queued into the file, with its 1-based number. */
  onSlide?: (written: number, total: number) => void;
}

export interface PptxWriteResult {
  target: string;
  slides: number;
  bytes: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or an error naming the slide. */
export function pngSize(bytes: Buffer, slide: number, what = 'picture'): { width: number; height: number } {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new PptxInputError(`the ${what} is not a PNG file`, slide);
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) throw new PptxInputError(`the ${what} has no pixels (${width}x${height})`, slide);
  return { width, height };
}

function imageExtension(bytes: Buffer, slide: number, what: string): 'png' | 'jpeg' {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  throw new PptxInputError(`the ${what} is neither PNG nor JPEG`, slide);
}

async function bytesOf(source: string | Buffer, slide: number, what: string): Promise<Buffer> {
  if (typeof source !== 'string') return source;
  try {
    return await readFile(source);
  } catch (err) {
    throw new PptxInputError(`cannot read the ${what} ${source}: ${(err as Error).message}`, slide);
  }
}

/** Counts the bytes that reached the file, so the writer can wait for its pictures to leave memory. */
class ByteCounter extends Transform {
  bytes = 0;
  private waiters: Array<{ bytes: number; resolve: () => void }> = [];

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.waiters = this.waiters.filter((w) => (w.bytes <= this.bytes ? (w.resolve(), false) : true));
    done(null, chunk);
  }

  reached(bytes: number, failure: Promise<unknown>): Promise<unknown> {
    if (this.bytes >= bytes) return Promise.resolve();
    return Promise.race([new Promise<void>((resolve) => this.waiters.push({ bytes, resolve })), failure]);
  }
}

export async function writePptx(options: WritePptxOptions): Promise<PptxWriteResult> {
  const { target, deck, slideCount } = options;
  if (!Number.isInteger(slideCount) || slideCount < 0) throw new PptxInputError(`slide count must be a whole number, not ${slideCount}`);
  const pending = new PendingFile(target);
  const zip = new ZipFile();
  const counter = new ByteCounter();
  const file = createWriteStream(pending.tempPath);
  const written = pipeline(zip.outputStream as Readable, counter, file);
  // Settles with the error when the disk fails mid-way, so no wait below hangs on it.
  const failure = written.then(
    () => new Promise<never>(() => {}),
    (err: unknown) => Promise.reject(err),
  );
  failure.catch(() => {});
  const language = languageTag(deck.language);
  const entry = { mtime: deck.date ?? new Date(), forceDosTimestamp: true };
  const xmlPart = (path: string, xml: string): void => zip.addBuffer(Buffer.from(xml, 'utf8'), path, { ...entry, compress: true });
  // Pictures and videos are compressed already: stored, not deflated again (OPC allows both).
  const mediaPart = (path: string, bytes: Buffer): void => zip.addBuffer(bytes, path, { ...entry, compress: false });

  try {
    for (const [path, xml] of packageParts(deck, language, slideCount)) xmlPart(path, xml);
    let n = 0;
    let mediaQueued = 0;
    let mediaQueuedBeforeLast = 0;
    for await (const slide of options.slides) {
      n++;
      if (n > slideCount) throw new PptxInputError(`more slides than the ${slideCount} announced`);
      const picture = await bytesOf(slide.image, n, 'picture');
      const size = pngSize(picture, n);
      const videos = await Promise.all(
        (slide.videos ?? []).map(async (video, k) => {
          if (!/\.mp4$/i.test(video.path)) throw new PptxInputError(`video ${video.path} is not an .mp4 file`, n);
          const poster = await bytesOf(video.poster, n, 'video poster');
          return {
            video,
            bytes: await bytesOf(video.path, n, 'video'),
            posterBytes: poster,
            file: `ppt/media/video${n}-${k + 1}.mp4`,
            poster: `ppt/media/poster${n}-${k + 1}.${imageExtension(poster, n, 'video poster')}`,
          };
        }),
      );
      // Wait until the slide before last has reached the disk: at most two slides' media queued.
      await counter.reached(mediaQueuedBeforeLast, failure);
      const media: SlideMedia = { picture: `ppt/media/slide${n}.png`, pictureBox: pictureBox(size.width, size.height), videos };
      mediaQueuedBeforeLast = mediaQueued;
      mediaPart(media.picture, picture);
      mediaQueued += picture.length;
      for (const v of videos) {
        mediaPart(v.file, v.bytes);
        mediaPart(v.poster, v.posterBytes);
        mediaQueued += v.bytes.length + v.posterBytes.length;
      }
      xmlPart(`ppt/slides/slide${n}.xml`, slideXml(n, slide.title, slide.altText, media, language));
      xmlPart(`ppt/slides/_rels/slide${n}.xml.rels`, slideRelsXml(n, media));
      xmlPart(`ppt/notesSlides/notesSlide${n}.xml`, notesSlideXml(slide.notes, language));
      xmlPart(`ppt/notesSlides/_rels/notesSlide${n}.xml.rels`, notesSlideRelsXml(n));
      options.onSlide?.(n, slideCount);
    }
    if (n !== slideCount) throw new PptxInputError(`${n} slides given, ${slideCount} announced`);
    zip.end();
    await written;
    if (!file.closed) await once(file, 'close');
    const bytes = counter.bytes;
    pending.commit(new Uint8Array(0)); // the bytes are in the temp file: sync it and rename
    return { target, slides: n, bytes };
  } catch (err) {
    (zip.outputStream as Readable).destroy();
    await written.catch(() => {});
    pending.discard();
    throw err;
  }
}
