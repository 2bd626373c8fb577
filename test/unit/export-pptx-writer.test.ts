// The PowerPoint writer, read back by an independent reader (test/support/pptx-reader: fflate and
// xmldom, strict): package structure as Office checks it, titles, alt text, notes with lists,
// properties, videos; atomic replacement; bad input named by slide; pictures streamed.

import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { FileNotWritableError, tempPathFor } from '../../electron/export/atomic-file';
import { PptxInputError, writePptx } from '../../electron/export/pptx/pptx-writer';
import type { PptxSlide } from '../../electron/export/pptx/types';
import { readPptx } from '../support/pptx-reader';
import { syntheticPng } from '../support/synthetic-png';

const dir = mkdtempSync(join(tmpdir(), 'lectern-pptx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const png = (seed: number, width = 320, height = 180): Buffer => syntheticPng({ width, height, seed, approxBytes: 2000 });
const deck = { title: 'Radionuclide therapy & <dosimetry>', author: 'Dr. Ada Lovelace', language: 'de-CH', date: new Date('2026-03-04T05:06:07.891Z') };

function slide(i: number, extra: Partial<PptxSlide> = {}): PptxSlide {
  return { image: png(i), title: `Slide ${i}`, altText: `Text of slide ${i}`, notes: [{ kind: 'paragraph', text: `Notes ${i}` }], ...extra };
}

test('titles, alt text, notes, properties and size read back from a valid package', async () => {
  const target = join(dir, 'talk.pptx');
  const picturePath = join(dir, 'slide-2.png');
  writeFileSync(picturePath, png(2));
  const slides: PptxSlide[] = [
    {
      image: png(1),
      title: 'Decay law:\n  A(t) = A₀·e^(−λt)',
      altText: 'Decay law\nA(t) = A₀·e^(−λt)\n"quoted" & <tagged>',
      notes: [
        { kind: 'paragraph', text: 'Start with the law.\nThen the half-life: T½ = ln 2 / λ' },
        {
          kind: 'list',
          ordered: true,
          items: [
            { text: 'Activity', children: [{ kind: 'list', ordered: false, items: [{ text: 'Bq' }, { text: 'Ci' }] }] },
            { text: 'Dose' },
          ],
        },
        { kind: 'paragraph', text: 'Questions?' },
      ],
    },
    { image: picturePath, title: '', altText: '', notes: [] },
    { image: png(3), title: 'Bell \u0007 character\uFFFF dropped', altText: 'lone \uD800 surrogate', notes: [{ kind: 'list', ordered: false, items: [{ text: 'only' }] }] },
  ];
  const progress: number[] = [];
  const result = await writePptx({ target, deck, slideCount: 3, slides, onSlide: (n) => progress.push(n) });
  assert.deepEqual(progress, [1, 2, 3]);
  assert.equal(result.slides, 3);
  assert.equal(result.bytes, statSync(target).size);

  const read = readPptx(readFileSync(target));
  assert.equal(read.title, deck.title);
  assert.equal(read.creator, deck.author);
  assert.equal(read.language, 'de-CH');
  assert.deepEqual(read.slideSize, { cx: 12192000, cy: 6858000 }, '16:9 widescreen');
  assert.deepEqual(read.storedWithDataDescriptor, [], 'stored entries carry their sizes in the local header');
  assert.deepEqual(read.stored, ['ppt/media/slide1.png', 'ppt/media/slide2.png', 'ppt/media/slide3.png'], 'pictures stored, XML deflated');
  assert.equal(read.slides.length, 3);

  const [first, second, third] = read.slides;
  assert.equal(first!.title, 'Decay law: A(t) = A₀·e^(−λt)', 'one line');
  assert.ok(first!.titleBox!.y < 0, 'the title sits above the slide, off the picture');
  assert.equal(first!.altText, 'Decay law\nA(t) = A₀·e^(−λt)\n"quoted" & <tagged>');
  assert.deepEqual(first!.picture.box, { x: 0, y: 0, width: 12192000, height: 6858000 });
  assert.deepEqual(first!.notes, [
    { text: 'Start with the law.\nThen the half-life: T½ = ln 2 / λ', bullet: 'none', level: 0 },
    { text: 'Activity', bullet: 'number', number: 1, level: 0 },
    { text: 'Bq', bullet: 'bullet', level: 1 },
    { text: 'Ci', bullet: 'bullet', level: 1 },
    { text: 'Dose', bullet: 'number', number: 2, level: 0 },
    { text: 'Questions?', bullet: 'none', level: 0 },
  ]);
  assert.equal(second!.title, '', 'no title shape for an untitled slide');
  assert.equal(second!.picture.bytes, statSync(picturePath).size, 'a picture given by path is copied whole');
  assert.deepEqual(second!.notes, [{ text: '', bullet: 'none', level: 0 }], 'an empty notes page still has its one paragraph');
  assert.equal(third!.title, 'Bell  character dropped');
  assert.equal(third!.altText, 'lone  surrogate');

  const core = new TextDecoder().decode(unzipSync(readFileSync(target))['docProps/core.xml']);
  assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-04T05:06:07Z<\/dcterms:created>/);
});

test('a picture that is not 16:9 is centred, not stretched', async () => {
  const target = join(dir, 'square.pptx');
  await writePptx({ target, deck, slideCount: 1, slides: [slide(1, { image: png(1, 200, 200) })] });
  const box = readPptx(readFileSync(target)).slides[0]!.picture.box;
  assert.equal(box.width, box.height);
  assert.equal(box.height, 6858000);
  assert.equal(box.x, (12192000 - 6858000) / 2);
});

test('videos are embedded with their poster and both relationships', async () => {
  const target = join(dir, 'video.pptx');
  const mp4 = join(dir, 'loop.mp4');
  writeFileSync(mp4, 'not really a video, but bytes');
  await writePptx({
    target,
    deck,
    slideCount: 1,
    slides: [slide(1, { videos: [{ path: mp4, poster: png(9, 160, 90), box: { x: 0.5, y: 0.25, width: 0.25, height: 0.5 } }] })],
  });
  const files = unzipSync(readFileSync(target));
  const read = readPptx(readFileSync(target));
  assert.deepEqual(read.slides[0]!.videos, [{ part: 'ppt/media/video1-1.mp4', poster: 'ppt/media/poster1-1.png', loops: true }]);
  assert.equal(new TextDecoder().decode(files['ppt/media/video1-1.mp4']), 'not really a video, but bytes');
  const rels = new TextDecoder().decode(files['ppt/slides/_rels/slide1.xml.rels']);
  assert.match(rels, /relationships\/media" Target="..\/media\/video1-1.mp4"/);
  assert.match(rels, /relationships\/video" Target="..\/media\/video1-1.mp4"/);
});

test('the reader used above refuses broken packages (so its passes mean something)', async () => {
  const target = join(dir, 'base.pptx');
  await writePptx({ target, deck, slideCount: 2, slides: [slide(1), slide(2)] });
  const good = unzipSync(readFileSync(target));
  const broken = (change: (files: Record<string, Uint8Array>) => void): Uint8Array => {
    const files = { ...good };
    change(files);
    return zipSync(files);
  };
  const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
  assert.doesNotThrow(() => readPptx(broken(() => {})));
  assert.throws(() => readPptx(broken((f) => delete f['ppt/notesSlides/notesSlide2.xml'])), /missing part|override for missing part/);
  assert.throws(() => readPptx(broken((f) => (f['ppt/extra.bin'] = strToU8('x')))), /no content type/);
  assert.throws(() => readPptx(broken((f) => (f['ppt/orphan.xml'] = strToU8('<a/>')))), /not reachable/);
  assert.throws(
    () => readPptx(broken((f) => (f['ppt/slides/slide1.xml'] = strToU8(text(f['ppt/slides/slide1.xml']!).replace('r:embed="rId3"', 'r:embed="rId9"'))))),
    /undeclared relationship rId9/,
  );
  assert.throws(
    () => readPptx(broken((f) => (f['ppt/slides/slide1.xml'] = strToU8(text(f['ppt/slides/slide1.xml']!).replace('id="3" name="Slide 1"', 'id="2" name="Slide 1"'))))),
    /shape ids repeat/,
  );
  assert.throws(
    () => readPptx(broken((f) => (f['ppt/presentation.xml'] = strToU8(text(f['ppt/presentation.xml']!).replace('id="257"', 'id="256"'))))),
    /slide id 256 out of range or repeated/,
  );
  assert.throws(() => readPptx(broken((f) => (f['ppt/slides/slide2.xml'] = strToU8('<p:sld')))), /not well-formed/);
});

test('a failure mid-way keeps the previous file and leaves no temp file', async () => {
  const target = join(dir, 'keep.pptx');
  writeFileSync(target, 'previous export');
  async function* slides(): AsyncGenerator<PptxSlide> {
    yield slide(1);
    throw new Error('renderer crashed');
  }
  await assert.rejects(writePptx({ target, deck, slideCount: 2, slides: slides() }), /renderer crashed/);
  assert.equal(readFileSync(target, 'utf8'), 'previous export');
  assert.equal(existsSync(tempPathFor(target)), false);
});

test('bad input is an error naming the slide, and leaves nothing behind', async () => {
  const target = join(dir, 'bad.pptx');
  const cases: Array<[PptxSlide[], number, RegExp]> = [
    [[slide(1), slide(2, { image: Buffer.from('GIF89a not a png') })], 2, /^slide 2: the picture is not a PNG file$/],
    [[slide(1, { image: join(dir, 'missing.png') })], 1, /^slide 1: cannot read the picture .*missing\.png/],
    [[slide(1, { videos: [{ path: join(dir, 'clip.mov'), poster: png(1), box: { x: 0, y: 0, width: 1, height: 1 } }] })], 1, /^slide 1: video .*clip\.mov is not an \.mp4 file$/],
    [[slide(1), slide(2)], 1, /^more slides than the 1 announced$/],
    [[slide(1)], 2, /^1 slides given, 2 announced$/],
  ];
  for (const [slides, slideCount, message] of cases) {
    await assert.rejects(writePptx({ target, deck, slideCount, slides }), (err: unknown) => {
      assert.ok(err instanceof PptxInputError, String(err));
      assert.match(err.message, message);
      return true;
    });
    assert.equal(existsSync(target), false);
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes('lectern-tmp')), []);
  }
});

test('an unwritable folder fails before any slide is asked for', async (t) => {
  if (process.getuid?.() === 0) {
    // root writes anywhere; a missing folder is the same early failure.
    const target = join(dir, 'no-such-folder', 'talk.pptx');
    let pulled = 0;
    const slides = { *[Symbol.iterator]() { pulled++; yield slide(1); } };
    await assert.rejects(writePptx({ target, deck, slideCount: 1, slides }), (err: unknown) => err instanceof FileNotWritableError && /the folder does not exist/.test(err.message));
    assert.equal(pulled, 0);
    t.diagnostic('running as root: checked a missing folder instead of a read-only one');
    return;
  }
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  chmodSync(locked, 0o500);
  await assert.rejects(writePptx({ target: join(locked, 'talk.pptx'), deck, slideCount: 1, slides: [slide(1)] }), /permission denied/);
  chmodSync(locked, 0o700);
});

test('pictures are streamed: when slide n is asked for, slide n-2 is already in the file', async () => {
  const target = join(dir, 'stream.pptx');
  const count = 8;
  const pictures = Array.from({ length: count }, (_, i) => syntheticPng({ width: 640, height: 360, seed: i + 1, approxBytes: 200_000 }));
  const onDisk: number[] = [];
  async function* slides(): AsyncGenerator<PptxSlide> {
    for (let i = 0; i < count; i++) {
      onDisk.push(existsSync(tempPathFor(target)) ? statSync(tempPathFor(target)).size : 0);
      yield slide(i + 1, { image: pictures[i]! });
    }
  }
  await writePptx({ target, deck, slideCount: count, slides: slides() });
  for (let n = 3; n <= count; n++) {
    const earlier = pictures.slice(0, n - 2).reduce((sum, p) => sum + p.length, 0);
    assert.ok(onDisk[n - 1]! >= earlier, `when slide ${n} was asked for, ${onDisk[n - 1]} bytes were written, fewer than slides 1..${n - 2}'s ${earlier}`);
  }
});
