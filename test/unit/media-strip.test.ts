// Stripping removes every planted identifier, keeps colour profile and orientation, never changes
// a pixel (decoded before and after), and never touches its input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import exifr from 'exifr';
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { scanMetadata } from '../../electron/media/scan-metadata';
import { stripMetadata } from '../../electron/media/strip-metadata';
import { readPngChunks } from '../../electron/media/png-chunks';
import { readWebpChunks } from '../../electron/media/riff-chunks';
import { ICC_SENTINEL, plantedGpsBytes } from '../../scripts/clinical-fixtures/exif-writer';
import { plantedJpeg, plantedPng, plantedWebp } from '../../scripts/clinical-fixtures/planted-images';
import { plantedMp4, plantedWebm } from '../../scripts/clinical-fixtures/planted-video';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';

function strip(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const result = stripMetadata(bytes);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.deepEqual(bytes, copy, 'the input bytes were modified');
  return Buffer.from(result.value.bytes);
}

function assertNothingPlanted(bytes: Buffer, label: string): void {
  for (const planted of PLANTED_STRINGS) assert.equal(bytes.indexOf(Buffer.from(planted, 'latin1')), -1, `${label} still holds ${planted}`);
  assert.equal(bytes.indexOf(plantedGpsBytes()), -1, `${label} still holds the GPS rationals`);
}

async function assertNoFields(bytes: Buffer): Promise<void> {
  const scan = await scanMetadata(bytes);
  assert.ok(scan.ok);
  assert.deepEqual(scan.value.fields, []);
}

test('JPEG: identifiers gone, pixels identical, ICC profile and orientation kept, scan data copied as is', async () => {
  const original = plantedJpeg();
  for (const planted of PLANTED_STRINGS.slice(0, 3)) assert.notEqual(original.indexOf(planted), -1, 'fixture lacks a planted string');
  const stripped = strip(original);
  assertNothingPlanted(stripped, 'stripped JPEG');
  await assertNoFields(stripped);
  assert.deepEqual(jpeg.decode(stripped, { useTArray: true }).data, jpeg.decode(original, { useTArray: true }).data);
  assert.notEqual(stripped.indexOf(ICC_SENTINEL), -1, 'ICC profile lost');
  assert.equal(await exifr.orientation(stripped), 6);
  const sos = (b: Buffer): Buffer => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
  assert.deepEqual(sos(stripped), sos(original), 'entropy-coded data changed');
});

test('JPEG: data after the end-of-image marker (phone multi-picture images) is dropped', () => {
  const withTrailer = Buffer.concat([plantedJpeg(), Buffer.from(`\xff\xd8\xff\xe1 Exif ${PLANTED_STRINGS[0]}`, 'latin1')]);
  const result = stripMetadata(withTrailer);
  assert.ok(result.ok);
  assertNothingPlanted(Buffer.from(result.value.bytes), 'JPEG with trailer');
  assert.ok(result.value.removed.some((r) => /after the end of image/.test(r)));
});

const BETWEEN_SCANS = 'BETWEEN-SCANS PHANTOM^PLANTED';

function progressiveWithCommentBetweenScans(): Buffer | undefined {
  let progressive: Buffer;
  try {
    progressive = execFileSync('convert', ['jpeg:-', '-interlace', 'JPEG', 'jpeg:-'], { input: plantedJpeg(), stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const sos = Buffer.from([0xff, 0xda]);
  const second = progressive.indexOf(sos, progressive.indexOf(sos) + 2);
  if (second < 0) return undefined;
  const text = Buffer.from(BETWEEN_SCANS, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, text.length + 2]), text]);
  return Buffer.concat([progressive.subarray(0, second), com, progressive.subarray(second)]);
}

const progressive = progressiveWithCommentBetweenScans();
test('progressive JPEG: a comment between two scans is found and removed; pixels identical', { skip: progressive ? false : 'ImageMagick is not installed' }, async () => {
  assert.ok(progressive!.indexOf(BETWEEN_SCANS) > progressive!.indexOf(Buffer.from([0xff, 0xda])), 'comment should sit after the first scan');
  const stripped = strip(progressive!);
  assert.equal(stripped.indexOf(BETWEEN_SCANS), -1);
  assertNothingPlanted(stripped, 'stripped progressive JPEG');
  await assertNoFields(stripped);
  assert.deepEqual(jpeg.decode(stripped, { useTArray: true }).data, jpeg.decode(progressive!, { useTArray: true }).data);
});

test('PNG: text, XMP, eXIf and tIME chunks gone; iCCP, gAMA and pHYs kept; pixels identical', async () => {
  const original = plantedPng();
  const stripped = strip(original);
  assertNothingPlanted(stripped, 'stripped PNG');
  await assertNoFields(stripped);
  const chunks = readPngChunks(stripped);
  assert.ok(chunks.ok);
  assert.deepEqual(chunks.value.map((c) => c.type).filter((t) => t !== 'IDAT'), ['IHDR', 'iCCP', 'gAMA', 'pHYs', 'IEND']);
  assert.deepEqual(PNG.sync.read(stripped).data, PNG.sync.read(original).data);
});

function imageMagickRgba(bytes: Buffer): Buffer {
  return execFileSync('convert', ['webp:-', 'rgba:-'], { input: bytes, stdio: ['pipe', 'pipe', 'ignore'] });
}

const webp = plantedWebp();
test('WebP: EXIF and XMP chunks gone, RIFF size and VP8X flags fixed, pixels identical', { skip: webp ? false : 'ImageMagick with WebP is not installed' }, async () => {
  const stripped = strip(webp!);
  assertNothingPlanted(stripped, 'stripped WebP');
  await assertNoFields(stripped);
  assert.equal(stripped.readUInt32LE(4), stripped.length - 8);
  const chunks = readWebpChunks(stripped);
  assert.ok(chunks.ok);
  assert.deepEqual(chunks.value.map((c) => c.fourcc), ['VP8X', 'VP8L']);
  assert.equal(chunks.value[0]!.data[0]! & 0x0c, 0, 'VP8X still flags EXIF/XMP');
  assert.deepEqual(imageMagickRgba(stripped), imageMagickRgba(webp!));
});

function ffmpegFrameHash(bytes: Buffer): string {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-f', 'md5', '-'], { input: bytes }).toString().trim();
}

const mp4 = plantedMp4();
const webm = plantedWebm();
const noFfmpeg = 'ffmpeg is not installed (apt-get install -y ffmpeg)';

test('MP4: udta/meta become free boxes of the same size, header times zeroed, decoded frames identical', { skip: mp4 ? false : noFfmpeg }, async () => {
  const stripped = strip(mp4!);
  assert.equal(stripped.length, mp4!.length, 'sizes must not change: sample offsets stay valid');
  assertNothingPlanted(stripped, 'stripped MP4');
  await assertNoFields(stripped);
  assert.equal(ffmpegFrameHash(stripped), ffmpegFrameHash(mp4!));
});

test('WebM: title, date and tags become Void elements, decoded frames identical', { skip: webm ? false : noFfmpeg }, async () => {
  const stripped = strip(webm!);
  assert.equal(stripped.length, webm!.length);
  assertNothingPlanted(stripped, 'stripped WebM');
  await assertNoFields(stripped);
  assert.equal(ffmpegFrameHash(stripped), ffmpegFrameHash(webm!));
});

test('formats that cannot be stripped losslessly, and broken files, are error values', () => {
  const tiff = Buffer.from('II*\0\x08\0\0\0\0\0', 'latin1');
  const result = stripMetadata(tiff);
  assert.ok(!result.ok);
  assert.equal(result.error.kind, 'unsupported');
  assert.match(result.error.message, /cannot strip TIFF/);
  const cut = stripMetadata(plantedJpeg().subarray(0, 100));
  assert.ok(!cut.ok);
  assert.equal(cut.error.kind, 'truncated');
});

test('property: for any size, stripped JPEG and PNG decode to the same pixels and hold no planted string', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 48 }), (width, height) => {
    const j = plantedJpeg(width, height);
    const sj = strip(j);
    assertNothingPlanted(sj, `JPEG ${width}x${height}`);
    assert.deepEqual(jpeg.decode(sj, { useTArray: true }).data, jpeg.decode(j, { useTArray: true }).data);
    const p = plantedPng(width, height);
    const sp = strip(p);
    assertNothingPlanted(sp, `PNG ${width}x${height}`);
    assert.deepEqual(PNG.sync.read(sp).data, PNG.sync.read(p).data);
  }), { numRuns: 40 });
});
