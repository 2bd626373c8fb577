// File-level scan and strip: bounded memory on a 2 GB video (only box headers and moov are read),
// a stripped copy that plays the same frames, and an original that is never written.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync, writeFileSync, writeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { scanMediaFile, stripMediaFile } from '../../electron/media/media-file';
import { scanMetadata } from '../../electron/media/scan-metadata';
import { ctImage } from '../../scripts/clinical-fixtures/dicom-fixtures';
import { plantedJpeg } from '../../scripts/clinical-fixtures/planted-images';
import { plantedMp4, plantedWebm } from '../../scripts/clinical-fixtures/planted-video';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';

const dir = mkdtempSync(join(tmpdir(), 'lectern-media-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const frames = (path: string): string => execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'md5', '-']).toString().trim();

function assertClean(path: string): void {
  const bytes = readFileSync(path);
  for (const planted of PLANTED_STRINGS) assert.equal(bytes.indexOf(planted), -1, `${path} holds ${planted}`);
}

const mp4 = plantedMp4();
const webm = plantedWebm();
const noFfmpeg = 'ffmpeg is not installed (apt-get install -y ffmpeg)';

test('file scan equals the in-memory scan for a JPEG and a DICOM file', async () => {
  for (const [name, bytes] of [['a.jpg', plantedJpeg()], ['b.dcm', ctImage('rle', { size: 16 })]] as const) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    assert.deepEqual(await scanMediaFile(path), await scanMetadata(bytes));
  }
  const missing = await scanMediaFile(join(dir, 'nope.jpg'));
  assert.ok(!missing.ok);
  assert.equal(missing.error.kind, 'not-media');
});

for (const [label, bytes] of [['MP4', mp4], ['WebM', webm]] as const) {
  test(`${label}: the stripped copy holds no planted string, plays the same frames, and the original is untouched`, { skip: bytes ? false : noFfmpeg }, async () => {
    const source = join(dir, `clip.${label.toLowerCase()}`);
    const destination = join(dir, `clip-stripped.${label.toLowerCase()}`);
    writeFileSync(source, bytes!);
    const before = sha(source);
    const scan = await scanMediaFile(source);
    assert.ok(scan.ok && scan.value.fields.length > 0);
    const result = await stripMediaFile(source, destination);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(sha(source), before);
    assertClean(destination);
    assert.equal(frames(destination), frames(source));
    const after = await scanMediaFile(destination);
    assert.ok(after.ok);
    assert.deepEqual(after.value.fields, []);
  });
}

test('stripping refuses to write over its source, and leaves no file when it fails', async () => {
  const source = join(dir, 'same.jpg');
  writeFileSync(source, plantedJpeg());
  const same = await stripMediaFile(source, source);
  assert.ok(!same.ok);
  const broken = join(dir, 'broken.jpg');
  writeFileSync(broken, plantedJpeg().subarray(0, 50));
  const out = join(dir, 'broken-out.jpg');
  assert.ok(!(await stripMediaFile(broken, out)).ok);
  assert.ok(!existsSync(out));
});

test('a 2 GB MP4 is scanned from its box headers and moov, in bounded memory', { skip: mp4 ? false : noFfmpeg }, async () => {
  const path = join(dir, 'huge.mp4');
  const fd = openSync(path, 'w');
  writeSync(fd, mp4!);
  const header = Buffer.alloc(16);
  header.writeUInt32BE(1, 0);
  header.write('mdat', 4, 'latin1');
  const mdatSize = 2 * 1024 * 1024 * 1024;
  header.writeBigUInt64BE(BigInt(mdatSize), 8);
  writeSync(fd, header);
  ftruncateSync(fd, mp4!.length + mdatSize); // a sparse file: no disk space used for the zeros
  closeSync(fd);
  const before = process.memoryUsage().rss;
  const scan = await scanMediaFile(path);
  assert.ok(scan.ok, scan.ok ? '' : scan.error.message);
  assert.ok(scan.value.fields.some((f) => f.category === 'gps'));
  assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024, 'the media data was read');
  rmSync(path);
});
