// The DICOM stack cache: a warm request with the same fingerprint reads no DICOM byte; the same
// content under another fingerprint reuses the stored frames; options are part of the key; the
// folder cache writes atomically and reads back what it wrote.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { contentKey, directoryCache, memoryCache } from '../../electron/media/content-cache';
import { dicomStackCached, type StackRequest } from '../../electron/media/dicom/cached-stack';
import type { DicomSource } from '../../electron/media/dicom/decode-dicom';
import { dicomStackRequest } from '../../electron/media/dicom/dicom-files';
import { ctSeries } from '../../scripts/clinical-fixtures/dicom-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'lectern-media-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const series = ctSeries(5, 32);

function countingRequest(fingerprint: string, sources: DicomSource[] = series): StackRequest & { loads: number } {
  const request = { fingerprint, loads: 0, async load() { request.loads++; return sources; } };
  return request;
}

test('a warm request with the same fingerprint returns the manifest without loading any file', async () => {
  const cache = memoryCache();
  const cold = countingRequest('fp-1');
  const first = await dicomStackCached(cold, {}, cache);
  assert.ok(first.ok);
  assert.equal(cold.loads, 1);
  assert.equal(first.value.frameKeys.length, 5);
  for (const key of first.value.frameKeys) assert.ok(await cache.read(key), 'frame not stored');
  const warm = countingRequest('fp-1');
  const second = await dicomStackCached(warm, {}, cache);
  assert.equal(warm.loads, 0);
  assert.deepEqual(second, first);
});

test('the same content under a new fingerprint is found by content hash and stores no new frame', async () => {
  const cache = memoryCache();
  await dicomStackCached(countingRequest('fp-a'), {}, cache);
  const blobs = cache.size();
  const moved = countingRequest('fp-b');
  const again = await dicomStackCached(moved, {}, cache);
  assert.ok(again.ok);
  assert.equal(moved.loads, 1);
  assert.equal(cache.size(), blobs + 1, 'only the new fingerprint entry should be added');
});

test('window and key frame are part of the key', async () => {
  const cache = memoryCache();
  const soft = await dicomStackCached(countingRequest('fp'), {}, cache);
  const bone = await dicomStackCached(countingRequest('fp'), { window: 'bone' }, cache);
  const keyed = await dicomStackCached(countingRequest('fp'), { keyFrame: 0 }, cache);
  assert.ok(soft.ok && bone.ok && keyed.ok);
  assert.notDeepEqual(bone.value.frameKeys, soft.value.frameKeys);
  assert.equal(keyed.value.keyFrame, 0);
  assert.equal(soft.value.keyFrame, 2);
});

test('errors are returned and not cached', async () => {
  const cache = memoryCache();
  const broken = countingRequest('fp', [{ name: 'x.dcm', bytes: new Uint8Array(10) }]);
  const result = await dicomStackCached(broken, {}, cache);
  assert.ok(!result.ok);
  assert.match(result.error.message, /^x\.dcm: /);
  assert.equal(cache.size(), 0);
});

test('a folder: non-DICOM and hidden files are skipped, and touching a file changes the fingerprint', async () => {
  const folder = join(dir, 'series');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  for (const file of series) writeFileSync(join(folder, file.name), file.bytes);
  writeFileSync(join(folder, '.DS_Store'), 'x');
  writeFileSync(join(folder, 'notes.txt'), 'not an image');
  const request = await dicomStackRequest(folder, 'ct/series/');
  assert.ok(request.ok);
  const sources = await request.value.load();
  assert.equal(sources.length, 5);
  assert.ok(sources.every((s) => s.name.startsWith('ct/series/IM')));
  const cache = directoryCache(join(dir, 'cache'));
  const stack = await dicomStackCached(request.value, {}, cache);
  assert.ok(stack.ok);
  assert.ok(!readdirSync(join(dir, 'cache')).some((n) => n.endsWith('.tmp')), 'temporary file left behind');
  const png = await cache.read(stack.value.frameKeys[0]!);
  assert.ok(png && png.length > 0);
  assert.equal(`png-${contentKey(png)}`, stack.value.frameKeys[0]);
  utimesSync(join(folder, series[0]!.name), new Date(), new Date(Date.now() + 5000));
  const touched = await dicomStackRequest(folder, 'ct/series/');
  assert.ok(touched.ok);
  assert.notEqual(touched.value.fingerprint, request.value.fingerprint);
  const missing = await dicomStackRequest(join(dir, 'nope'), 'ct/nope/');
  assert.ok(!missing.ok);
  assert.match(missing.error.message, /^ct\/nope\/: no such file or folder/);
});

test('the folder cache refuses keys that could escape its folder', async () => {
  const cache = directoryCache(join(dir, 'cache2'));
  await assert.rejects(cache.write('../escape', new Uint8Array(1)));
});
