// `lectern export --format pptx|png|jpeg` end to end, through the built CLI and a real Chromium:
// the shipped talk as a .pptx read back by the independent reader (test/support/pptx-reader) and by
// LibreOffice Impress; cine loops embedded as videos; pictures with their sizes, names, range and
// quality; and every kind of bad input failing in one line with no file left behind.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { createDeckCompiler, loadDeck, loadDeckWithMedia, MediaLibrary } from '../../electron/deck/index';
import { ChromiumPrinter } from '../../electron/export/chromium-printer';
import { exportImages } from '../../electron/export/image-export';
import { notesFromHtml } from '../../electron/export/pptx/index';
import { ROOT, lectern, noBrowserReason, pdfInfo, scratchFixtures } from '../fixtures/export/support';
import { readPptx } from '../support/pptx-reader';
import { canRunAsNobody, lecternAsNobody } from '../support/run-as-nobody';

const skip = noBrowserReason();
const scratch = scratchFixtures();
after(() => scratch.cleanup());
const TALK = join(ROOT, 'slides', 'liver-directed-therapies.md');
const deck = join(scratch.dir, 'deck.md');
const found = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const b = Buffer.from(bytes);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
  return lines[0]!;
}

/** What a note block reads as, flattened (the reader gives one paragraph per line of a list). */
function noteTexts(html: string): string[] {
  const out: string[] = [];
  const walk = (items: Array<{ text: string; children?: Array<{ items: unknown[] }> }>) => {
    for (const item of items) {
      out.push(item.text);
      for (const child of item.children ?? []) walk(child.items as typeof items);
    }
  };
  for (const block of notesFromHtml(html)) {
    if (block.kind === 'paragraph') out.push(...block.text.split('\n'));
    else walk(block.items);
  }
  return out;
}

describe('PowerPoint export', { skip }, () => {
  test('the shipped talk: every slide with its title, notes and text, 3840x2160, read back by two readers', (t) => {
    const target = join(scratch.dir, 'talk.pptx');
    const run = lectern(['export', TALK, '--format', 'pptx', '-o', target, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '', '--quiet prints nothing');
    const talk = loadDeck(TALK);
    const bytes = readFileSync(target);
    const read = readPptx(bytes);
    assert.equal(read.slides.length, talk.slides.length);
    assert.equal(read.title, talk.meta.title);
    assert.equal(read.creator, talk.meta.author);
    assert.deepEqual(read.slides.map((s) => s.title), talk.slides.map((s) => s.title));
    assert.deepEqual(read.slides.map((s) => s.altText), talk.slides.map((s) => s.text));
    read.slides.forEach((slide, i) => {
      assert.deepEqual(slide.notes.map((n) => n.text), noteTexts(talk.slides[i]!.notesHtml), `notes of slide ${i + 1}`);
    });
    assert.ok(read.slides.some((s) => s.notes.some((n) => n.bullet !== 'none')) || talk.slides.every((s) => !s.notesHtml.includes('<li')), 'lists stay lists');
    const zip = unzipSync(bytes, { filter: (f) => f.name === read.slides[0]!.picture.part || f.name === read.slides.at(-1)!.picture.part });
    for (const picture of Object.values(zip)) assert.deepEqual(pngSize(picture), [3840, 2160]);

    if (!found('soffice')) return t.skip('soffice not installed: apt-get install libreoffice-impress');
    const profile = pathToFileURL(join(scratch.dir, 'lo-profile')).href;
    const convert = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', scratch.dir, target], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const pdf = join(scratch.dir, 'talk.pdf');
    assert.ok(existsSync(pdf), `LibreOffice converted the .pptx: ${convert.stderr}`);
    const info = pdfInfo(pdf);
    assert.equal(Number(info.Pages), talk.slides.length);
    assert.equal(info.Title, talk.meta.title);
    assert.equal(info.Author, talk.meta.author);
  });

  test('--range: a PowerPoint of the chosen slides only, in deck order, read back with their titles', () => {
    const target = join(scratch.dir, 'handover.pptx');
    const run = lectern(['export', deck, '--format', 'pptx', '--range', '5,2-3', '-o', target, '--quiet']);
    assert.equal(run.status, 0, run.stderr);
    const whole = loadDeck(deck);
    const read = readPptx(readFileSync(target));
    assert.deepEqual(read.slides.map((s) => s.title), [2, 3, 5].map((n) => whole.slides[n - 1]!.title));
    assert.deepEqual(read.slides.map((s) => s.altText), [2, 3, 5].map((n) => whole.slides[n - 1]!.text));
    const zip = unzipSync(readFileSync(target), { filter: (f) => /^ppt\/media\/slide\d+\.png$/.test(f.name) });
    assert.equal(Object.keys(zip).length, 3);
    for (const picture of Object.values(zip)) assert.deepEqual(pngSize(picture), [3840, 2160]);
  });

  test('--fragments: a slide per step; a cine loop on a slide becomes an embedded video with its poster', (t) => {
    if (!found('ffmpeg')) return t.skip('ffmpeg not installed: no video to embed');
    const dir = join(scratch.dir, 'cine');
    mkdirSync(dir);
    // Metadata as a PACS or phone export may carry it: none of it may reach the .pptx.
    const planted = ['PHANTOM^PLANTED', 'LECTERN-ID-0042'];
    spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-t', '1', '-pix_fmt', 'yuv420p',
      '-metadata', `title=${planted[0]}`, '-metadata', `comment=${planted[1]}`, join(dir, 'loop.mp4')]);
    const source = readFileSync(join(dir, 'loop.mp4')).toString('latin1');
    for (const s of planted) assert.ok(source.includes(s), `the fixture video carries ${s}`);
    writeFileSync(
      join(dir, 'cine.md'),
      '---\ntitle: Cine\n---\n\n## Arterial phase\n\n<video src="loop.mp4" loop muted width="640" height="360"></video>\n\nNote:\nThe loop plays.\n\n---\n\n## Steps\n\n- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" -->\n',
    );
    const target = join(dir, 'cine.pptx');
    const run = lectern(['export', join(dir, 'cine.md'), '--format', 'pptx', '--fragments', '-o', target]);
    assert.equal(run.status, 0, run.stderr);
    const read = readPptx(readFileSync(target));
    assert.deepEqual(read.slides.map((s) => s.title), ['Arterial phase', 'Steps', 'Steps', 'Steps']);
    assert.equal(read.slides[0]!.videos.length, 1, 'the loop is embedded');
    assert.equal(read.slides[0]!.videos[0]!.loops, true);
    assert.match(read.slides[0]!.videos[0]!.poster, /\.png$/);
    assert.deepEqual(read.slides.slice(1).map((s) => s.videos.length), [0, 0, 0]);
    const entries = unzipSync(readFileSync(target));
    const media = Object.keys(entries).filter((name) => name.endsWith('.mp4'));
    assert.equal(media.length, 1, 'one video in the package');
    for (const [name, bytes] of Object.entries(entries)) {
      const text = Buffer.from(bytes).toString('latin1');
      for (const s of planted) assert.ok(!text.includes(s), `${s} in ${name}`);
    }
  });
});

describe('image export', { skip }, () => {
  test('one 1920x1080 PNG per slide, named to sort; --scale, --range, --fragments and JPEG --quality', () => {
    const out = join(scratch.dir, 'png');
    const run = lectern(['export', deck, '--format', 'png', '--out-dir', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /png {2}\(5 pictures\)/);
    assert.deepEqual(readdirSync(out), ['slide-001.png', 'slide-002.png', 'slide-003.png', 'slide-004.png', 'slide-005.png']);
    for (const name of readdirSync(out)) assert.deepEqual(pngSize(readFileSync(join(out, name))), [1920, 1080]);

    const half = join(scratch.dir, 'half');
    assert.equal(lectern(['export', deck, '--format', 'png', '--out-dir', half, '--scale', '0.5', '--range', '2-3,5', '--fragments']).status, 0);
    const names = readdirSync(half);
    assert.ok(names.includes('slide-002.png') && names.includes('slide-005.png') && !names.includes('slide-001.png'), names.join(' '));
    assert.ok(names.some((n) => /^slide-003-\d\.png$/.test(n)), `slide 3 has steps: ${names.join(' ')}`);
    for (const name of names) assert.deepEqual(pngSize(readFileSync(join(half, name))), [960, 540]);

    const jpeg = join(scratch.dir, 'jpeg');
    assert.equal(lectern(['export', deck, '--format', 'jpeg', '--out-dir', jpeg, '--quality', '60', '--range', '1']).status, 0);
    assert.deepEqual(readdirSync(jpeg), ['slide-001.jpg']);
    assert.equal(readFileSync(join(jpeg, 'slide-001.jpg')).subarray(0, 3).toString('hex'), 'ffd8ff');
  });

  test("unthrottled frames (the command line's picture exports) capture the pixels Chromium's 60 Hz beat does", async () => {
    // The Y-90 physics deck: KaTeX, SVG figures and fragment steps, each picture compared byte
    // for byte, so a frame taken before its fonts, figures or raster were complete would show.
    const physics = await loadDeckWithMedia(join(ROOT, 'slides', '05-y90-physics', 'deck.md'), { compiler: createDeckCompiler(), media: new MediaLibrary(join(scratch.dir, 'media')) });
    const folders: string[] = [];
    for (const capturesPictures of [false, true]) {
      const printer = new ChromiumPrinter({ capturesPictures });
      const outDir = join(scratch.dir, `frames-${capturesPictures}`);
      try {
        await exportImages({ deck: physics, engine: printer, outDir, format: 'png', fragments: true });
      } finally {
        await printer.close();
      }
      folders.push(outDir);
    }
    const names = readdirSync(folders[0]!).sort();
    assert.ok(names.length >= physics.slides.length, names.join(' '));
    assert.deepEqual(readdirSync(folders[1]!).sort(), names);
    const differ = names.filter((name) => !readFileSync(join(folders[0]!, name)).equals(readFileSync(join(folders[1]!, name))));
    assert.deepEqual(differ, [], 'every picture identical');
  });
});

describe('bad input: one line, an exit code, nothing written', { skip }, () => {
  const usage: Array<[string, string[], RegExp]> = [
    ['--scale 0', ['--format', 'png', '--scale', '0'], /--scale must be a number from 0\.25 to 4/],
    ['--scale 100', ['--format', 'png', '--scale', '100'], /--scale must be a number from 0\.25 to 4.*got 100/],
    ['a malformed --range', ['--format', 'png', '--range', '3-x'], /--range 3-x: "3-x" is not a slide number/],
    ['a backwards --range', ['--format', 'png', '--range', '7-3'], /runs backwards/],
    ['--range beyond the deck', ['--format', 'png', '--range', '4-9'], /--range 4-9 is beyond the deck: it has 5 slides/],
    ['--quality for PNG', ['--format', 'png', '--quality', '80'], /--quality cannot be used with --format png/],
    ['--range for a PDF', ['--format', 'slides', '--range', '2'], /--range cannot be used with --format slides/],
    ['--range beyond the deck for a .pptx', ['--format', 'pptx', '--range', '4-9'], /--range 4-9 is beyond the deck: it has 5 slides/],
  ];
  for (const [what, args, message] of usage) {
    test(`${what}: exit 2`, () => {
      const out = join(scratch.dir, `usage-${what.replace(/\W+/g, '-')}`);
      const run = lectern(['export', deck, '--out-dir', out, ...args]);
      assert.equal(run.status, 2, run.stderr);
      assert.match(oneLine(run.stderr), message);
      assert.equal(existsSync(out), false, 'no folder made');
    });
  }

  test('pictures of an earlier export are kept unless --force', () => {
    const out = join(scratch.dir, 'again');
    assert.equal(lectern(['export', deck, '--format', 'png', '--out-dir', out, '--range', '1-2']).status, 0);
    writeFileSync(join(out, 'slide-001.png'), 'mine');
    const run = lectern(['export', deck, '--format', 'png', '--out-dir', out]);
    assert.equal(run.status, 1);
    assert.match(oneLine(run.stderr), /2 pictures of an earlier export would be replaced \(--force replaces them\)/);
    assert.equal(readFileSync(join(out, 'slide-001.png'), 'utf8'), 'mine');
    assert.deepEqual(readdirSync(out), ['slide-001.png', 'slide-002.png']);
    assert.equal(lectern(['export', deck, '--format', 'png', '--out-dir', out, '--force']).status, 0);
    assert.equal(readdirSync(out).length, 5);
    assert.deepEqual(pngSize(readFileSync(join(out, 'slide-001.png'))), [1920, 1080]);
  });

  test('a read-only .pptx is not replaced', () => {
    const target = join(scratch.dir, 'kept.pptx');
    writeFileSync(target, 'keep me');
    chmodSync(target, 0o444);
    const run = lectern(['export', deck, '--format', 'pptx', '-o', target]);
    assert.equal(run.status, 1);
    assert.match(oneLine(run.stderr), /cannot write .*kept\.pptx: the file is read-only/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me');
    assert.deepEqual(readdirSync(scratch.dir).filter((n) => n.includes('.lectern-tmp-')), []);
  });

  test('a deck with errors is refused (exit 1) unless --force; a missing or broken image too', () => {
    const errorsOut = join(scratch.dir, 'errors-out');
    const refused = lectern(['export', join(scratch.dir, 'errors.md'), '--format', 'png', '--out-dir', errorsOut]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /errors\.md: 1 error; not exported \(--force exports anyway\)/);
    assert.equal(existsSync(errorsOut), false);

    const dir = join(scratch.dir, 'broken-images');
    mkdirSync(dir);
    writeFileSync(join(dir, 'garbage.png'), 'this is not a PNG');
    writeFileSync(join(dir, 'broken.md'), '## Missing\n\n![gone](missing.png)\n\n---\n\n## Garbage\n\n![bad](garbage.png)\n');
    const broken = lectern(['export', join(dir, 'broken.md'), '--format', 'pptx']);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /not exported \(--force exports anyway\)/);
    assert.equal(existsSync(join(dir, 'broken.pptx')), false);
    const forced = lectern(['export', join(dir, 'broken.md'), '--format', 'pptx', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(readPptx(readFileSync(join(dir, 'broken.pptx'))).slides.length, 2);
  });

  test('an output folder that cannot be written: exit 1, nothing left', (t) => {
    const parent = join(scratch.dir, 'locked');
    mkdirSync(parent);
    const args = ['export', deck, '--format', 'png', '--out-dir', join(parent, 'pictures')];
    let run;
    if (process.getuid?.() === 0) {
      if (!canRunAsNobody()) return t.skip('running as root and cannot drop to nobody (setpriv)');
      chmodSync(scratch.dir, 0o755);
      chmodSync(parent, 0o755);
      run = lecternAsNobody(args);
    } else {
      chmodSync(parent, 0o555);
      run = lectern(args);
      chmodSync(parent, 0o755);
    }
    assert.equal(run.status, 1, run.stderr);
    assert.match(oneLine(run.stderr), /cannot write .*pictures: permission denied/);
    assert.deepEqual(readdirSync(parent), []);
    assert.ok(statSync(parent).isDirectory());
  });
});
