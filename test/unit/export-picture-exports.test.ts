// PowerPoint and image export over an engine without a browser (test/support/fake-capture-engine):
// a long deck is captured as parts side by side and still lands in slide order; titles, notes and
// alt text come from the deck; a failure at any slide leaves no file, no temp file, no partial set
// and no scratch folder. The browser path is test/e2e/export-pptx-images.test.ts.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadDeck } from '../../electron/deck/index';
import { exportImages, plannedImageNames } from '../../electron/export/image-export';
import { exportPptx, pptxFileName, slideVideoFiles } from '../../electron/export/pptx-export';
import { notesFromHtml } from '../../electron/export/pptx/index';
import { pictureCount } from '../../electron/export/slide-pictures';
import { FakeCaptureEngine } from '../support/fake-capture-engine';
import { readPptx } from '../support/pptx-reader';

const dir = mkdtempSync(join(tmpdir(), 'lectern-picture-exports-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A deck of `count` slides (long enough for two parts from 120), with notes and a stepped slide. */
function writeDeck(name: string, count: number): string {
  const slides = Array.from({ length: count }, (_, i) =>
    i === 2
      ? `## Slide ${i + 1}\n\n- one <!-- .element: class="fragment" -->\n- two <!-- .element: class="fragment" -->\n\nNote:\nSteps here.`
      : `## Slide ${i + 1}\n\nBody text ${i + 1}.\n\nNote:\n- point ${i + 1}\n- more`,
  );
  const file = join(dir, `${name}.md`);
  writeFileSync(file, `---\ntitle: Long deck\nauthor: A. Author\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  return file;
}

const scratchFolders = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`lectern-pictures-${process.pid}-`));

describe('PowerPoint export', () => {
  test('two parts captured side by side, the later part finishing first: slides in deck order with their titles, notes and text', async () => {
    const deck = loadDeck(writeDeck('order', 130));
    // The first part waits until the second has captured everything: parts finish out of order.
    let secondDone!: () => void;
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    let secondCaptured = 0;
    const engine = new FakeCaptureEngine(2, {
      beforeCapture: async (_slide, part) => {
        if (part === 0) await second;
        else if (++secondCaptured === 65) secondDone();
      },
    });
    const target = join(dir, 'order.pptx');
    const phases: string[] = [];
    await exportPptx({ deck, engine, target, onProgress: (p) => phases.push(p.phase) });
    assert.equal(engine.loads.length, 2, 'two parts');
    assert.deepEqual(engine.loads.map((l) => l.slides.length), [65, 65]);
    assert.ok(engine.captures.every((c) => c.scale === 3 && c.format === 'png' && c.fastEncoding === true), '3840x2160 PNGs, encoded for speed');
    const read = readPptx(readFileSync(target));
    assert.equal(read.title, 'Long deck');
    assert.equal(read.creator, 'A. Author');
    assert.equal(read.slides.length, 130);
    read.slides.forEach((slide, i) => {
      assert.equal(slide.title, `Slide ${i + 1}`);
      assert.equal(slide.altText, deck.slides[i]!.text);
    });
    assert.deepEqual(read.slides[0]!.notes.map((n) => [n.text, n.bullet]), [['point 1', 'bullet'], ['more', 'bullet']]);
    assert.deepEqual(notesFromHtml(deck.slides[0]!.notesHtml).length, 1);
    assert.equal(phases[0], 'layout');
    assert.equal(phases.at(-1), 'done');
    assert.deepEqual(scratchFolders(), [], 'the spooled pictures are gone');
  });

  test('--fragments: one PowerPoint slide per step, each with the slide title', async () => {
    const deck = loadDeck(writeDeck('steps', 4));
    const target = join(dir, 'steps.pptx');
    await exportPptx({ deck, engine: new FakeCaptureEngine(1), target, fragments: true });
    const read = readPptx(readFileSync(target));
    assert.equal(pictureCount(deck.slides, true), 6);
    assert.deepEqual(read.slides.map((s) => s.title), ['Slide 1', 'Slide 2', 'Slide 3', 'Slide 3', 'Slide 3', 'Slide 4']);
  });

  test('a range (3-7,12): only those slides, in deck order, each with its own title and notes', async () => {
    const deck = loadDeck(writeDeck('handover', 20));
    const engine = new FakeCaptureEngine(2);
    const target = join(dir, 'handover.pptx');
    const chosen = [3, 4, 5, 6, 7, 12];
    await exportPptx({ deck, engine, target, slideNumbers: chosen });
    assert.deepEqual(engine.loads.flatMap((l) => l.slides), chosen.map((n) => n - 1), 'only the chosen slides are laid out');
    const read = readPptx(readFileSync(target));
    assert.deepEqual(read.slides.map((s) => s.title), chosen.map((n) => `Slide ${n}`));
    assert.deepEqual(read.slides[5]!.notes.map((n) => n.text), ['point 12', 'more']);
    await assert.rejects(exportPptx({ deck, engine, target: join(dir, 'none.pptx'), slideNumbers: [] }), /no slides to export/);
    assert.equal(existsSync(join(dir, 'none.pptx')), false);
  });

  test('a short deck gets no warning', async () => {
    const warnings: string[] = [];
    await exportPptx({ deck: loadDeck(writeDeck('short', 3)), engine: new FakeCaptureEngine(1), target: join(dir, 'short.pptx'), onWarning: (m) => warnings.push(m) });
    assert.deepEqual(warnings, []);
  });

  test('a capture failing at any slide leaves no file, no temp file and no scratch pictures; the old file stays', async () => {
    const deck = loadDeck(writeDeck('fails', 130));
    const target = join(dir, 'fails.pptx');
    writeFileSync(target, 'the previous export');
    for (const failAt of [0, 70, 129]) {
      const engine = new FakeCaptureEngine(2, {
        beforeCapture: (slide) => {
          if (slide === failAt) throw new Error(`renderer crashed on slide ${failAt + 1}`);
        },
      });
      await assert.rejects(exportPptx({ deck, engine, target }), new RegExp(`slide ${failAt + 1}`));
      assert.equal(readFileSync(target, 'utf8'), 'the previous export');
      assert.deepEqual(readdirSync(dir).filter((n) => n.includes('fails.pptx')), ['fails.pptx']);
      assert.deepEqual(scratchFolders(), []);
    }
  });

  test('a deck with errors is refused unless allowed', async () => {
    const file = join(dir, 'broken.md');
    writeFileSync(file, '# Broken\n\n$$\\frac{1}{$$\n');
    const deck = loadDeck(file);
    assert.ok(deck.diagnostics.some((d) => d.severity === 'error'));
    await assert.rejects(exportPptx({ deck, engine: new FakeCaptureEngine(1), target: join(dir, 'broken.pptx') }), /compile error/);
    assert.equal(existsSync(join(dir, 'broken.pptx')), false);
    await exportPptx({ deck, engine: new FakeCaptureEngine(1), target: join(dir, 'broken.pptx'), allowErrors: true });
    assert.equal(readPptx(readFileSync(join(dir, 'broken.pptx'))).slides.length, 1);
  });

  test('names and videos: talk.pptx; a slide\'s .mp4 is found by document order, a WebM is not embedded', () => {
    assert.equal(pptxFileName('/talks/talk.md'), 'talk.pptx');
    mkdirSync(join(dir, 'media'), { recursive: true });
    writeFileSync(join(dir, 'media', 'loop.mp4'), 'mp4');
    writeFileSync(join(dir, 'media', 'loop.webm'), 'webm');
    const file = join(dir, 'media', 'videos.md');
    writeFileSync(file, '## Loops\n\n<video src="loop.webm" loop></video>\n<video loop><source src="loop.mp4" type="video/mp4"></video>\n');
    const deck = loadDeck(file);
    assert.deepEqual(slideVideoFiles(deck, deck.slides[0]!), [undefined, join(dir, 'media', 'loop.mp4')]);
  });
});

describe('image export', () => {
  test('every slide (every step with fragments) named to sort, in a folder created on demand', async () => {
    const deck = loadDeck(writeDeck('images', 130));
    const outDir = join(dir, 'images-out', 'nested');
    const { files } = await exportImages({ deck, engine: new FakeCaptureEngine(2), outDir, format: 'png', fragments: true });
    const names = readdirSync(outDir);
    assert.equal(names.length, 132);
    assert.deepEqual(names, [...names].sort(), 'no hidden staging folder is left');
    assert.deepEqual(names.slice(0, 5), ['slide-001.png', 'slide-002.png', 'slide-003-1.png', 'slide-003-2.png', 'slide-003-3.png']);
    assert.equal(files.length, 132);
    assert.deepEqual(plannedImageNames(deck, deck.slides.slice(0, 1), 'jpeg', false), ['slide-001.jpg']);
  });

  test('a range, a scale and JPEG quality reach the capture', async () => {
    const deck = loadDeck(writeDeck('range', 20));
    const engine = new FakeCaptureEngine(1);
    const outDir = join(dir, 'range-out');
    await exportImages({ deck, engine, outDir, format: 'jpeg', scale: 2, quality: 70, slideNumbers: [3, 4, 5, 12] });
    assert.deepEqual(readdirSync(outDir), ['slide-003.jpg', 'slide-004.jpg', 'slide-005.jpg', 'slide-012.jpg']);
    assert.deepEqual(engine.loads.map((l) => l.slides), [[2, 3, 4, 11]]);
    assert.ok(engine.captures.every((c) => c.scale === 3 && c.format === 'jpeg' && c.quality === 70), '2 x 1920x1080 = 3 device pixels per CSS pixel');
  });

  test('a failure leaves no picture at all; earlier pictures are replaced only when allowed', async () => {
    const deck = loadDeck(writeDeck('partial', 130));
    const outDir = join(dir, 'partial-out');
    const failing = new FakeCaptureEngine(2, {
      beforeCapture: (slide) => {
        if (slide === 100) throw new Error('out of memory');
      },
    });
    await assert.rejects(exportImages({ deck, engine: failing, outDir, format: 'png' }), /out of memory/);
    assert.deepEqual(readdirSync(outDir), [], 'no partial set, no staging folder');

    await exportImages({ deck, engine: new FakeCaptureEngine(2), outDir, format: 'png', slideNumbers: [1, 2] });
    const before = readFileSync(join(outDir, 'slide-001.png'));
    await assert.rejects(exportImages({ deck, engine: new FakeCaptureEngine(2), outDir, format: 'png', slideNumbers: [1] }), /earlier export.*--force/);
    assert.deepEqual(readFileSync(join(outDir, 'slide-001.png')), before);
    await exportImages({ deck, engine: new FakeCaptureEngine(2), outDir, format: 'png', slideNumbers: [1], overwrite: true });
    assert.deepEqual(readdirSync(outDir), ['slide-001.png', 'slide-002.png']);
  });
});
