// The app's deck protocol serves images and videos without identifying metadata (the file on disk
// keeps it), and converted files (`~media/`, in the cache folder) only when the open deck names them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDeckAssetHandler } from '../../electron/app/protocols';
import type { DeckAsset } from '../../electron/deck/types';
import { plantedJpeg, plantedPng } from '../../scripts/clinical-fixtures/planted-images';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';

test('deck protocol: stripped bytes, converted files only when the deck names them', async (t) => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-media-proto-')));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const deck = join(base, 'deck');
  const cache = join(base, 'cache');
  mkdirSync(join(deck, 'img'), { recursive: true });
  mkdirSync(cache);
  writeFileSync(join(deck, 'img', 'p.jpg'), plantedJpeg(64, 48));
  writeFileSync(join(cache, 'png-abc'), plantedPng(16, 16));
  writeFileSync(join(cache, 'png-other'), plantedPng(16, 16));
  const assets: DeckAsset[] = [{ ref: '~media/png-abc.png', path: join(cache, 'png-abc'), mime: 'image/png' }];
  const handle = createDeckAssetHandler(() => deck, () => assets);

  const jpeg = await handle(new Request('lectern-deck://deck/_v2/img/p.jpg'));
  assert.equal(jpeg.status, 200);
  const served = Buffer.from(await jpeg.arrayBuffer()).toString('latin1');
  assert.ok(served.startsWith('\xff\xd8'), 'still a JPEG');
  for (const s of PLANTED_STRINGS) assert.ok(!served.includes(s), `served JPEG holds no ${s}`);
  assert.ok(readFileSync(join(deck, 'img', 'p.jpg')).toString('latin1').includes('LECTERN-ID-0042'), 'the file is untouched');

  const frame = await handle(new Request('lectern-deck://deck/_v2/~media/png-abc.png'));
  assert.equal(frame.status, 200);
  assert.equal(frame.headers.get('content-type'), 'image/png');
  const png = Buffer.from(await frame.arrayBuffer()).toString('latin1');
  for (const s of PLANTED_STRINGS) assert.ok(!png.includes(s), `served PNG holds no ${s}`);
  // A cache file the deck does not name is not served, nor is anything by path.
  assert.notEqual((await handle(new Request('lectern-deck://deck/~media/png-other.png'))).status, 200);
  assert.notEqual((await handle(new Request('lectern-deck://deck/~media/..%2f..%2fcache%2fpng-other'))).status, 200);
});
