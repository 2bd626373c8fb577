// Clinical media through the compiler (issue 13): privacy warnings at the reference naming the
// field and the file (never the value), DICOM stacks as PNG frames with windowing and key image,
// cine loops, bad input reported where it is written while the rest compiles, and `lectern check`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { PLANTED_STRINGS } from '../../scripts/clinical-fixtures/planted';
import { createDeckCompiler, loadDeckWithMedia, MediaLibrary, type Deck } from '../../electron/deck/index';
import { inlineDeckAssets } from '../../electron/export/offline-html';
import { lineOf, writeClinicalDeck, type ClinicalDeck } from '../support/clinical-deck';

const ROOT = resolve(__dirname, '..', '..');
let dir: string;
let fixture: ClinicalDeck;
let deck: Deck;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-media-'));
  fixture = writeClinicalDeck(join(dir, 'deck'));
  deck = await loadDeckWithMedia(fixture.file, { media: new MediaLibrary(join(dir, 'cache')) });
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('identifying metadata is a warning at the reference, naming the field and the file, never the value', () => {
  const jpeg = deck.diagnostics.filter((d) => d.code === 'identifying-metadata' && d.message.startsWith('images/planted.jpg'));
  const fields = jpeg.map((d) => /identifying metadata (\S+)/.exec(d.message)?.[1]);
  for (const field of ['Artist', 'GPSLatitude', 'SerialNumber']) assert.ok(fields.includes(field), `${field} reported`);
  assert.ok(jpeg.every((d) => d.line === lineOf('planted.jpg') && d.column === 18 && d.severity === 'warning'));
  const dicom = deck.diagnostics.filter((d) => d.code === 'identifying-metadata' && d.message.startsWith('ct/IM0001.dcm'));
  assert.ok(dicom.some((d) => /PatientName/.test(d.message)) && dicom.some((d) => /PatientID/.test(d.message)));
  const all = JSON.stringify(deck.diagnostics);
  for (const s of PLANTED_STRINGS) assert.ok(!all.includes(s), `no diagnostic quotes ${s}`);
});

test('a DICOM file is one PNG; a folder is a stack with its key image; a cine file carries its frame time', () => {
  const ct = deck.slides[1]!.html;
  assert.match(ct, /<img src="lectern-asset:~media\/png-[0-9a-f]{64}\.png" alt="Axial CT"[^>]*class="lectern-dicom"/);
  const series = deck.slides[2]!.html;
  const frames = /data-lectern-frames="([^"]*)"/.exec(series)?.[1]?.split(' ') ?? [];
  assert.equal(frames.length, 6);
  assert.match(series, /data-lectern-key="2"/, 'data-slice="3" is the third image');
  assert.ok(series.includes(`src="${frames[2]}"`), 'the key image is the src');
  assert.match(deck.slides[3]!.html, /class="lectern-stack lectern-cine-stack"[^>]*data-lectern-frame-time="80"/);
  for (const ref of frames) assert.ok(deck.assets.some((a) => `lectern-asset:${a.ref}` === ref && a.mime === 'image/png'));
  // Only pixels leave: the converted frames hold no tag value.
  for (const asset of deck.assets.filter((a) => a.ref.startsWith('~media/'))) {
    const bytes = readFileSync(asset.path).toString('latin1');
    for (const s of PLANTED_STRINGS) assert.ok(!bytes.includes(s), `${asset.ref} holds no ${s}`);
  }
});

test('windowing: a preset gives other pixels than the file window', async () => {
  const lib = new MediaLibrary(join(dir, 'cache'));
  const again = await loadDeckWithMedia(fixture.file, { media: lib, compiler: createDeckCompiler() });
  assert.equal(again.slides[1]!.html, deck.slides[1]!.html, 'same options, same frames');
  const { writeFileSync } = await import('node:fs');
  const other = join(dir, 'deck', 'window.md');
  writeFileSync(other, '# W\n\n![Axial CT](ct/IM0001.dcm) <!-- .element: data-window="bone" -->\n\n![Bad window](ct/IM0001.dcm) <!-- .element: data-window="pizza" -->\n\nNote: n\n');
  const bone = await loadDeckWithMedia(other, { media: lib });
  const srcOf = (html: string): string => /src="([^"]*)"/.exec(html)?.[1] ?? '';
  assert.notEqual(srcOf(bone.slides[0]!.html), srcOf(deck.slides[1]!.html));
  assert.ok(bone.diagnostics.some((d) => d.code === 'bad-window' && /pizza/.test(d.message) && d.line === 5));
  // Each reference's privacy warnings sit at that reference.
  assert.deepEqual([...new Set(bone.diagnostics.filter((d) => d.code === 'identifying-metadata').map((d) => d.line))], [3, 5]);
});

test('cine video: muted loop that reveal.js starts on its slide, with a poster when ffmpeg made one', (t) => {
  if (!fixture.hasVideo) return t.skip('ffmpeg not installed');
  const html = deck.slides[4]!.html;
  assert.match(html, /<video src="lectern-asset:run\.mp4" class="lectern-cine" muted="" loop="" playsinline="" preload="auto" data-autoplay="" aria-label="Hepatic angiogram"/);
  assert.match(html, /data-lectern-poster="lectern-asset:~media\/poster-[0-9a-f]+\.png"/);
});

test('bad input is reported at its reference and the rest of the deck compiles', () => {
  const at = (needle: string) => deck.diagnostics.filter((d) => d.line === lineOf(needle));
  assert.ok(at('truncated.dcm').some((d) => d.severity === 'error' && d.code === 'bad-media' && d.message.startsWith('bad/truncated.dcm')));
  assert.ok(at('no-pixels.dcm').some((d) => d.severity === 'error' && /no pixel data/.test(d.message)));
  assert.ok(at('j2k.dcm').some((d) => d.severity === 'error' && /transfer syntax 1\.2\.840\.10008\.1\.2\.4\.90/.test(d.message)));
  assert.ok(at('liar.png').some((d) => d.code === 'media-type-mismatch' && /named \.png but holds JPEG/.test(d.message)));
  assert.equal(deck.slides.length, 6);
  assert.match(deck.slides[5]!.html, /lectern-asset-error/);
});

test('author HTML cannot plant its own frame list', async () => {
  const file = join(dir, 'deck', 'plant.md');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, '# P\n\n<img src="images/planted.png" alt="x" data-lectern-frames="lectern-asset:../secret.png">\n\nNote: n\n');
  const planted = await loadDeckWithMedia(file, { media: new MediaLibrary(join(dir, 'cache')) });
  assert.doesNotMatch(planted.slides[0]!.html, /secret/);
});

test('inlined assets (offline HTML and PDF pages) carry none of the planted identifiers', () => {
  const inlined = inlineDeckAssets(deck);
  for (const [ref, url] of Object.entries(inlined)) {
    const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('latin1');
    for (const s of PLANTED_STRINGS) assert.ok(!bytes.includes(s), `${ref} holds no ${s}`);
  }
  // The files on disk keep their metadata: Lectern never writes them.
  assert.ok(readFileSync(join(dir, 'deck', 'images', 'planted.jpg')).toString('latin1').includes('LECTERN-ID-0042'));
});

test('lectern check: warnings at file:line:col, --strict fails on them, --json carries them', () => {
  const env = { ...process.env, LECTERN_CACHE_DIR: join(dir, 'cli-cache') };
  const bin = join(ROOT, 'bin', 'lectern.js');
  const clean = join(dir, 'deck', 'photo.md');
  require('node:fs').writeFileSync(clean, '# Photo\n\n![Planted photo](images/planted.jpg)\n\nNote: n\n');
  const plain = spawnSync(process.execPath, [bin, 'check', clean], { encoding: 'utf8', env, timeout: 120_000 });
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stdout, /photo\.md:3:18: warning: images\/planted\.jpg: identifying metadata GPSLatitude/);
  const strict = spawnSync(process.execPath, [bin, 'check', '--strict', '--json', clean], { encoding: 'utf8', env, timeout: 120_000 });
  assert.equal(strict.status, 1);
  const report = JSON.parse(strict.stdout) as { diagnostics: Array<{ code: string }> };
  assert.ok(report.diagnostics.some((d) => d.code === 'identifying-metadata'));
  for (const s of PLANTED_STRINGS) assert.ok(!plain.stdout.includes(s) && !strict.stdout.includes(s));
});

test('the example deck of docs/deck-format.md compiles with only privacy warnings', async () => {
  const { writeClinicalExample } = await import('../support/clinical-deck');
  const example = readFileSync(join(ROOT, 'test', 'fixtures', 'format', 'clinical', 'deck.md'), 'utf8');
  const file = writeClinicalExample(join(dir, 'example'), example);
  const d = await loadDeckWithMedia(file, { media: new MediaLibrary(join(dir, 'cache')) });
  assert.deepEqual(d.diagnostics.filter((x) => x.code !== 'identifying-metadata' && x.code !== 'burned-in-annotation'), []);
  assert.equal(d.slides.length, 4);
  assert.match(d.slides[1]!.html, /lectern-dicom/);
  assert.match(d.slides[2]!.html, /lectern-stack/);
  assert.match(d.slides[3]!.html, /lectern-cine/);
});

test('a folder of 5,001 files is refused at the reference without reading them; an empty folder too', async () => {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const big = join(dir, 'big');
  mkdirSync(join(big, 'many'), { recursive: true });
  mkdirSync(join(big, 'empty'));
  for (let i = 0; i <= 5000; i++) writeFileSync(join(big, 'many', `IM${String(i).padStart(5, '0')}.dcm`), '');
  writeFileSync(join(big, 'deck.md'), '# Big\n\n![Many](many/)\n\n![Empty](empty/)\n\nText stays.\n\nNote: n\n');
  const d = await loadDeckWithMedia(join(big, 'deck.md'), { media: new MediaLibrary(join(dir, 'cache')) });
  assert.ok(d.diagnostics.some((x) => x.line === 3 && x.severity === 'error' && /many\/: the folder holds 5001 files; at most 5000/.test(x.message)));
  assert.ok(d.diagnostics.some((x) => x.line === 5 && x.severity === 'error' && /^empty\//.test(x.message)));
  assert.match(d.slides[0]!.html, /Text stays/);
});

test('raw HTML: an <img> of a DICOM folder is a stack and of a video a cine loop, with no spurious reports', async () => {
  const { writeFileSync } = await import('node:fs');
  const file = join(dir, 'deck', 'raw.md');
  writeFileSync(file, '# R\n\n<div><img src="ct/series/" alt="S" data-slice="2"></div>\n\n![Angio](angio.dcm) <!-- .element: data-window="40/400" -->\n\n<video src="run.mp4" data-lectern-resolved="" data-lectern-poster="x.png"></video>\n\nNote: n\n');
  const d = await loadDeckWithMedia(file, { media: new MediaLibrary(join(dir, 'cache')) });
  const html = d.slides[0]!.html;
  assert.match(html, /<img src="lectern-asset:~media\/[^"]+" alt="S" data-slice="2" class="lectern-stack" data-lectern-frames="[^"]+" data-lectern-key="1" \/>/);
  assert.match(html, /class="lectern-stack lectern-cine-stack"/);
  assert.doesNotMatch(html, /data-lectern-resolved|x\.png/);
  assert.deepEqual(d.diagnostics.filter((x) => x.code === 'removed-html').map((x) => x.line), [7, 7]);
});
