// The privacy scan finds the planted identifiers in every place real tools write them, names
// them without their values, and turns broken input into error values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import fc from 'fast-check';
import { scanMetadata } from '../../electron/media/scan-metadata';
import { sniffFormat } from '../../electron/media/sniff';
import type { FieldCategory, IdentifyingField } from '../../electron/media/types';
import { ctImage, cineLoop } from '../../scripts/clinical-fixtures/dicom-fixtures';
import { plantedJpeg, plantedPng, plantedWebp } from '../../scripts/clinical-fixtures/planted-images';
import { plantedMp4, plantedWebm } from '../../scripts/clinical-fixtures/planted-video';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';

async function fieldsOf(bytes: Uint8Array): Promise<IdentifyingField[]> {
  const scan = await scanMetadata(bytes);
  assert.ok(scan.ok, scan.ok ? '' : scan.error.message);
  // Whatever was found, no value may be in the report.
  const text = JSON.stringify(scan.value);
  for (const planted of PLANTED_STRINGS) assert.ok(!text.includes(planted), `report leaks ${planted}`);
  return scan.value.fields;
}

function categories(fields: IdentifyingField[]): Set<FieldCategory> {
  return new Set(fields.map((f) => f.category));
}

function has(fields: IdentifyingField[], field: string, where: RegExp): void {
  assert.ok(fields.some((f) => f.field === field && where.test(f.where)), `expected ${field} at ${where}; got ${fields.map((f) => `${f.field}@${f.where}`).join(', ')}`);
}

test('JPEG: EXIF (IFD0, EXIF IFD, GPS), XMP, IPTC and the comment segment are each reported', async () => {
  const fields = await fieldsOf(plantedJpeg());
  has(fields, 'Artist', /APP1 EXIF IFD0/);
  has(fields, 'ImageDescription', /APP1 EXIF IFD0/);
  has(fields, 'GPSLatitude', /GPS IFD/);
  has(fields, 'GPSLongitude', /GPS IFD/);
  has(fields, 'SerialNumber', /EXIF IFD/); // BodySerialNumber, as exifr names tag 0xA431
  has(fields, 'UserComment', /EXIF IFD/);
  has(fields, 'dc:creator', /APP1 XMP/);
  has(fields, 'exif:GPSLatitude', /APP1 XMP/);
  has(fields, 'By-line', /APP13 .*IPTC/);
  has(fields, 'Caption-Abstract', /APP13 .*IPTC/);
  has(fields, 'Comment', /JPEG COM/);
  for (const c of ['name', 'gps', 'device', 'free-text', 'address', 'date'] as const) assert.ok(categories(fields).has(c), `no ${c} field`);
});

test('PNG: text keywords, compressed and international text, XMP in iTXt, eXIf and tIME', async () => {
  const fields = await fieldsOf(plantedPng());
  has(fields, 'Author', /tEXt/);
  has(fields, 'Comment', /zTXt/);
  has(fields, 'Description', /tEXt/);
  has(fields, 'dc:creator', /iTXt chunk XMP/);
  has(fields, 'GPSLatitude', /eXIf chunk GPS IFD/);
  has(fields, 'Last modification time', /tIME/);
});

test('WebP: EXIF and XMP chunks', { skip: plantedWebp() ? false : 'ImageMagick with WebP is not installed' }, async () => {
  const fields = await fieldsOf(plantedWebp()!);
  has(fields, 'GPSLatitude', /WebP EXIF chunk GPS IFD/);
  has(fields, 'Artist', /WebP EXIF chunk IFD0/);
  has(fields, 'dc:creator', /WebP XMP/);
});

function viaImageMagick(format: string): Buffer | undefined {
  try {
    return execFileSync('convert', ['jpeg:-', `${format}:-`], { input: plantedJpeg(), stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

const tiff = viaImageMagick('tiff');
test('TIFF (as ImageMagick converts the planted JPEG): IFD0 description, XMP and IPTC', { skip: tiff ? false : 'ImageMagick is not installed' }, async () => {
  const fields = await fieldsOf(tiff!);
  has(fields, 'ImageDescription', /TIFF EXIF IFD0/);
  has(fields, 'dc:creator', /TIFF XMP/);
  has(fields, 'Byline', /TIFF IPTC/);
});

const mp4 = plantedMp4();
const webm = plantedWebm();

test('MP4: udta/meta keys (title, comment, artist, location) and the movie header time', { skip: mp4 ? false : 'ffmpeg is not installed' }, async () => {
  const fields = await fieldsOf(mp4!);
  for (const key of ['title', 'comment', 'artist', 'location']) has(fields, key, /MP4 moov\.udta/);
  assert.ok(fields.some((f) => f.category === 'gps'));
  has(fields, 'creation time', /mvhd/);
});

test('WebM: the segment title and the Matroska tags', { skip: webm ? false : 'ffmpeg is not installed' }, async () => {
  const fields = await fieldsOf(webm!);
  has(fields, 'Title', /Segment Info/);
  has(fields, 'COMMENT', /Matroska Tags/);
  has(fields, 'LOCATION', /Matroska Tags/);
  assert.ok(fields.some((f) => f.field === 'LOCATION' && f.category === 'gps'));
});

test('DICOM: patient, institution, device, private tags and names inside sequences, in every syntax', async () => {
  for (const syntax of ['implicit', 'explicit', 'deflated', 'rle', 'jpegBaseline', 'jpeg2000'] as const) {
    const fields = await fieldsOf(ctImage(syntax, { size: 32 }));
    has(fields, 'PatientName', /^DICOM \(0010,0010\)$/);
    has(fields, 'PatientName', /in \(0008,1110\)/);
    has(fields, 'PatientID', /\(0010,0020\)/);
    has(fields, 'PatientBirthDate', /\(0010,0030\)/);
    has(fields, 'InstitutionName', /\(0008,0080\)/);
    has(fields, 'DeviceSerialNumber', /\(0018,1000\)/);
    assert.ok(fields.some((f) => f.field.startsWith('Private tags')), syntax);
  }
  has(await fieldsOf(cineLoop(2, 16)), 'BurnedInAnnotation', /0028,0301/);
});

test('the format comes from the bytes, not the name: a PNG is a PNG whatever it is called', () => {
  assert.equal(sniffFormat(plantedPng()), 'png');
  assert.equal(sniffFormat(plantedJpeg()), 'jpeg');
  assert.equal(sniffFormat(ctImage('explicit', { size: 16 })), 'dicom');
  assert.equal(sniffFormat(Buffer.from('<svg/>')), 'unknown');
});

test('headers claiming 100,000 x 100,000 (PNG) or 65,535 x 65,535 (JPEG) pixels are scanned from headers alone', async () => {
  const png = Buffer.from(plantedPng(16, 16));
  png.writeUInt32BE(100_000, 16); // IHDR width
  png.writeUInt32BE(100_000, 20); // IHDR height
  const jpeg = Buffer.from(plantedJpeg(16, 16));
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(0xffff, sof + 5);
  jpeg.writeUInt16BE(0xffff, sof + 7);
  const before = process.memoryUsage().rss;
  assert.ok((await fieldsOf(png)).length > 0);
  assert.ok((await fieldsOf(jpeg)).length > 0);
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
});

test('truncated, empty and foreign input are error values, never exceptions', async () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['empty', new Uint8Array(0), /not-media/],
    ['text', Buffer.from('hello world'), /not-media/],
    ['JPEG cut in a segment', plantedJpeg().subarray(0, 60), /truncated/],
    ['PNG without IEND', plantedPng().subarray(0, 300), /truncated/],
    ['DICOM cut in its header', ctImage('explicit', { size: 16 }).subarray(0, 200), /truncated|corrupt/],
  ];
  for (const [label, bytes, kind] of cases) {
    const scan = await scanMetadata(bytes);
    assert.ok(!scan.ok, label);
    assert.match(scan.error.kind, kind, label);
  }
});

test('property: any truncation or byte corruption of any fixture returns a value and never throws', async () => {
  const fixtures = [plantedJpeg(16, 16), plantedPng(16, 16), ctImage('explicit', { size: 16 }), ctImage('rle', { size: 16 }), ...(mp4 ? [mp4] : []), ...(webm ? [webm] : [])];
  await fc.assert(fc.asyncProperty(
    fc.integer({ min: 0, max: fixtures.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    async (which, cut, flips) => {
      const source = fixtures[which]!;
      const bytes = Buffer.from(source.subarray(0, Math.max(1, Math.floor(source.length * cut))));
      for (const [at, value] of flips) bytes[Math.floor(at * (bytes.length - 1))] = value;
      const scan = await scanMetadata(bytes);
      assert.equal(typeof scan.ok, 'boolean');
    }), { numRuns: 150 });
});
