// Writes a 16:9 .pptx from slide pictures, streaming: each picture goes into the zip as it comes
// and is let go once written, so a 1,000-slide deck holds a few pictures in memory, not a
// thousand. pptxgenjs (the library Marp CLI uses) builds the whole zip in memory with JSZip:
// measured here at 1.6 GB peak RSS for 300 slides of 1.1 MB pictures and 5.1 GB for 1,000, so
// this module writes the OOXML itself over zip-stream, archiver's streaming zip engine.
//
// Zip layout, as LibreOffice's own .pptx (which PowerPoint opens) and nothing riskier: XML
// deflated (with data descriptors), pictures and videos stored with their CRC in the local header
// (deflating a PNG again costs ~130 ms per 4K picture and gains nothing; a stored entry with a
// data descriptor is what some readers, LibreOffice among them, refuse). yazl was tried first: it
// keeps every added buffer referenced until the zip ends, so it would hold the whole deck.
//
// The file appears atomically: written to a temp file beside the target, renamed over it only
// when complete; any failure (a bad picture, a full disk, an interrupted iterable) removes it.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type ZipStream from 'zip-stream';
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
  // Loaded here, not with the module: zip-stream and its stream libraries take ~150 ms to load,
  // which the command line would otherwise spend before it starts the browser.
  const { default: ZipStreamClass } = (await import('zip-stream')) as unknown as { default: typeof ZipStream };
  const pending = new PendingFile(target);
  const zip = new ZipStreamClass({ zlib: { level: 6 } });
  const counter = new ByteCounter();
  const file = createWriteStream(pending.tempPath);
  const written = pipeline(zip, counter, file);
  // Rejects when the disk fails mid-way, so no wait below hangs on a dead stream.
  const failure = written.then(() => new Promise<never>(() => {}));
  failure.catch(() => {});
  const language = languageTag(deck.language);
  const date = deck.date ?? new Date();
  const add = (source: Buffer, name: string, store: boolean): Promise<unknown> =>
    Promise.race([
      new Promise<void>((resolve, reject) => zip.entry(source, { name, date, store }, (err) => (err ? reject(err) : resolve()))),
      failure,
    ]);
  const xmlPart = (name: string, xml: string): Promise<unknown> => add(Buffer.from(xml, 'utf8'), name, false);
  const mediaPart = (name: string, bytes: Buffer): Promise<unknown> => add(bytes, name, true);

  try {
    for (const [name, xml] of packageParts(deck, language, slideCount)) await xmlPart(name, xml);
    let n = 0;
    let mediaQueued = 0;
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
      const media: SlideMedia = { picture: `ppt/media/slide${n}.png`, pictureBox: pictureBox(size.width, size.height), videos };
      await mediaPart(media.picture, picture);
      for (const v of videos) {
        await mediaPart(v.file, v.bytes);
        await mediaPart(v.poster, v.posterBytes);
      }
      await xmlPart(`ppt/slides/slide${n}.xml`, slideXml(n, slide.title, slide.altText, media, language));
      await xmlPart(`ppt/slides/_rels/slide${n}.xml.rels`, slideRelsXml(n, media));
      await xmlPart(`ppt/notesSlides/notesSlide${n}.xml`, notesSlideXml(slide.notes, language));
      await xmlPart(`ppt/notesSlides/_rels/notesSlide${n}.xml.rels`, notesSlideRelsXml(n));
      // Ask for the next slide only once this one's media has left for the disk: the stream
      // buffers what the file has not taken yet, so without this wait it would hold the deck.
      mediaQueued += picture.length + videos.reduce((sum, v) => sum + v.bytes.length + v.posterBytes.length, 0);
      await counter.reached(mediaQueued, failure);
      options.onSlide?.(n, slideCount);
    }
    if (n !== slideCount) throw new PptxInputError(`${n} slides given, ${slideCount} announced`);
    zip.finalize();
    await written;
    if (!file.closed) await once(file, 'close');
    pending.commit(new Uint8Array(0)); // the bytes are in the temp file already: sync and rename
    return { target, slides: n, bytes: counter.bytes };
  } catch (err) {
    zip.destroy();
    await written.catch(() => {});
    pending.discard();
    throw err;
  }
}
