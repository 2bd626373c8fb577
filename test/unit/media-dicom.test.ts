// DICOM to PNG: every supported transfer syntax gives the phantom's pixels through the file's
// window; stacks, cine loops, presets and key images; unsupported and hostile files are errors
// that name the file; the PNGs carry pixels only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { decodeDicom, decodeDicomSeries } from '../../electron/media/dicom/decode-dicom';
import type { ImageDescription } from '../../electron/media/dicom/image-description';
import { displayLookup, WINDOW_PRESETS } from '../../electron/media/dicom/windowing';
import { readPngChunks } from '../../electron/media/png-chunks';
import { cineLoop, ctImage, ctSeries, greyJpegBaseline, hugeHeader, noPixelData, truncatedFile } from '../../scripts/clinical-fixtures/dicom-fixtures';
import { greyFromHu, phantomHu } from '../../scripts/clinical-fixtures/phantom';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';

const SIZE = 64;

function greyPixels(png: Uint8Array): Uint8Array {
  const decoded = PNG.sync.read(Buffer.from(png));
  return Uint8Array.from({ length: decoded.width * decoded.height }, (_, i) => decoded.data[i * 4]!);
}

/** The phantom through window centre 40, width 400 (the fixture's own), by PS3.3 C.11.2.1.2.1. */
function expectedGrey(z = 0.5): Uint8Array {
  return Uint8Array.from(phantomHu(SIZE, z), (hu) => {
    const c = 39.5, w = 399;
    if (hu <= c - w / 2) return 0;
    if (hu > c + w / 2) return 255;
    return Math.round(((hu - c) / w + 0.5) * 255);
  });
}

test('implicit, explicit and deflated VR little endian and RLE lossless decode to exactly the windowed phantom', async () => {
  for (const syntax of ['implicit', 'explicit', 'deflated', 'rle'] as const) {
    const stack = await decodeDicom({ name: `ct-${syntax}.dcm`, bytes: ctImage(syntax, { size: SIZE }) });
    assert.ok(stack.ok, stack.ok ? '' : stack.error.message);
    assert.equal(stack.value.width, SIZE);
    assert.equal(stack.value.frames.length, 1);
    assert.deepEqual(stack.value.window, { center: 40, width: 400 });
    assert.deepEqual(greyPixels(stack.value.frames[0]!), expectedGrey(), syntax);
  }
});

test('JPEG baseline (colour, 8-bit) decodes close to the encoded image', async () => {
  const stack = await decodeDicom({ name: 'ct-jpeg.dcm', bytes: ctImage('jpegBaseline', { size: SIZE }) });
  assert.ok(stack.ok, stack.ok ? '' : stack.error.message);
  const decoded = PNG.sync.read(Buffer.from(stack.value.frames[0]!));
  const source = greyFromHu(phantomHu(SIZE));
  let error = 0;
  for (let i = 0; i < source.length; i++) error += Math.abs(decoded.data[i * 4]! - source[i]!);
  assert.ok(error / source.length < 3, `mean error ${error / source.length}`);
});

const greyJpeg = greyJpegBaseline(SIZE);
test('JPEG baseline MONOCHROME2 (one-component JPEG) decodes close to the encoded image', { skip: greyJpeg ? false : 'ImageMagick is not installed' }, async () => {
  const stack = await decodeDicom({ name: 'cr.dcm', bytes: greyJpeg! });
  assert.ok(stack.ok, stack.ok ? '' : stack.error.message);
  const pixels = greyPixels(stack.value.frames[0]!);
  const source = greyFromHu(phantomHu(SIZE));
  let error = 0;
  for (let i = 0; i < source.length; i++) error += Math.abs(pixels[i]! - source[i]!);
  assert.ok(error / source.length < 3, `mean error ${error / source.length}`);
});

test('an unsupported transfer syntax is an error naming the file, the UID and its name', async () => {
  const stack = await decodeDicom({ name: 'ct/j2k.dcm', bytes: ctImage('jpeg2000', { size: 16 }) });
  assert.ok(!stack.ok);
  assert.equal(stack.error.kind, 'unsupported');
  assert.match(stack.error.message, /^ct\/j2k\.dcm: transfer syntax 1\.2\.840\.10008\.1\.2\.4\.90 \(JPEG 2000 Image Compression \(Lossless Only\)\)/);
});

test('a multi-frame cine loop: every frame, the frame time, the burned-in annotation flag, the key frame', async () => {
  const stack = await decodeDicom({ name: 'run.dcm', bytes: cineLoop(8, 48, 66.7) });
  assert.ok(stack.ok);
  assert.equal(stack.value.frames.length, 8);
  assert.equal(stack.value.frameTimeMs, 66.7);
  assert.equal(stack.value.burnedInAnnotation, true);
  assert.equal(stack.value.keyFrame, 3);
  assert.notDeepEqual(greyPixels(stack.value.frames[0]!), greyPixels(stack.value.frames[7]!), 'the dot should move');
  const chosen = await decodeDicom({ name: 'run.dcm', bytes: cineLoop(8, 48) }, { keyFrame: 6 });
  assert.ok(chosen.ok);
  assert.equal(chosen.value.keyFrame, 6);
  const outOfRange = await decodeDicom({ name: 'run.dcm', bytes: cineLoop(8, 48) }, { keyFrame: 99 });
  assert.ok(outOfRange.ok);
  assert.equal(outOfRange.value.keyFrame, 3);
});

test('a series is sorted by InstanceNumber, not by file name, and has no frame time', async () => {
  const files = ctSeries(7, SIZE);
  assert.notDeepEqual(files.map((f) => f.name), [...files.map((f) => f.name)].sort(), 'fixture names should be out of order');
  const stack = await decodeDicomSeries([...files].sort((a, b) => (a.name < b.name ? -1 : 1)));
  assert.ok(stack.ok);
  assert.equal(stack.value.frames.length, 7);
  assert.equal(stack.value.frameTimeMs, undefined);
  for (let i = 0; i < 7; i++) assert.deepEqual(greyPixels(stack.value.frames[i]!), expectedGrey(i / 6), `slice ${i + 1}`);
});

test('a series whose images differ in size is an error naming the odd file', async () => {
  const stack = await decodeDicomSeries([{ name: 'a.dcm', bytes: ctImage('explicit', { size: 32 }) }, { name: 'b.dcm', bytes: ctImage('explicit', { size: 16, instance: 2 }) }]);
  assert.ok(!stack.ok);
  assert.match(stack.error.message, /^b\.dcm: 16 x 16 differs from a\.dcm/);
});

test('presets and explicit numbers override the file window', async () => {
  const bytes = ctImage('explicit', { size: SIZE });
  const bone = await decodeDicom({ name: 'ct.dcm', bytes }, { window: 'bone' });
  const numbers = await decodeDicom({ name: 'ct.dcm', bytes }, { window: { center: 400, width: 1800 } });
  const file = await decodeDicom({ name: 'ct.dcm', bytes });
  assert.ok(bone.ok && numbers.ok && file.ok);
  assert.deepEqual(bone.value.window, WINDOW_PRESETS.bone);
  assert.deepEqual(bone.value.frames[0], numbers.value.frames[0]);
  assert.notDeepEqual(bone.value.frames[0], file.value.frames[0]);
  for (const name of ['liver', 'soft-tissue', 'bone', 'lung', 'angiography'] as const) assert.ok(WINDOW_PRESETS[name].width > 0);
});

test('rescale slope/intercept and MONOCHROME1 inversion in the display table', async () => {
  const image: ImageDescription = {
    rows: 1, columns: 1, frames: 1, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 12, signed: false,
    photometric: 'MONOCHROME2', planarConfiguration: 0, rescaleSlope: 2, rescaleIntercept: -1000, burnedInAnnotation: false,
  };
  const window = { center: 0, width: 100 };
  const mono2 = displayLookup(image, window);
  const mono1 = displayLookup({ ...image, photometric: 'MONOCHROME1' }, window);
  assert.equal(mono2[500], 129); // 0 HU: ((0 - (0 - 0.5)) / (100 - 1) + 0.5) * 255 = 128.8
  assert.equal(mono2[400], 0);
  assert.equal(mono2[600], 255);
  assert.equal(mono1[400], 255);
  assert.equal(mono1[600], 0);
});

test('hostile files: a 65,535 x 65,535 header, a truncated file, no pixel data, not DICOM at all', async () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['huge.dcm', hugeHeader(), 'too-large'],
    ['cut.dcm', truncatedFile(), 'truncated'],
    ['empty.dcm', noPixelData(), 'corrupt'],
    ['photo.dcm', Buffer.from('\xff\xd8\xff\xe0 not dicom', 'latin1'), 'not-media'],
  ];
  for (const [name, bytes, kind] of cases) {
    const before = process.memoryUsage().rss;
    const stack = await decodeDicom({ name, bytes });
    assert.ok(!stack.ok, name);
    assert.equal(stack.error.kind, kind, `${name}: ${stack.error.message}`);
    assert.ok(stack.error.message.startsWith(`${name}: `));
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, `${name} allocated too much`);
  }
});

test('only pixels leave: the PNGs hold IHDR, IDAT and IEND and none of the planted identifiers', async () => {
  for (const syntax of ['implicit', 'deflated', 'rle', 'jpegBaseline'] as const) {
    const stack = await decodeDicom({ name: 'ct.dcm', bytes: ctImage(syntax, { size: 32 }) });
    assert.ok(stack.ok);
    const png = Buffer.from(stack.value.frames[0]!);
    const chunks = readPngChunks(png);
    assert.ok(chunks.ok);
    assert.deepEqual([...new Set(chunks.value.map((c) => c.type))], ['IHDR', 'IDAT', 'IEND']);
    for (const planted of PLANTED_STRINGS) assert.equal(png.indexOf(planted), -1);
    const json = JSON.stringify({ ...stack.value, frames: [] });
    for (const planted of PLANTED_STRINGS) assert.ok(!json.includes(planted));
  }
});
