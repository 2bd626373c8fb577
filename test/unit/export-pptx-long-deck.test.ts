// A 2,000-slide deck to PowerPoint (issue 16's bad input) over the browser-free engine
// (test/support/fake-capture-engine): the user is warned of the size, the deck is captured in
// parts of at most 200 slides two at a time, and the pictures waiting for the writer never exceed
// a window of two parts, however fast the capture: disk and memory stay flat as the deck grows.
// The file is read back without parsing every slide (the slide list, and three slides' titles).

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { unzipSync } from 'fflate';
import { loadDeck } from '../../electron/deck/index';
import { exportPptx, LARGE_PPTX_PICTURES } from '../../electron/export/pptx-export';
import { FakeCaptureEngine } from '../support/fake-capture-engine';

const dir = mkdtempSync(join(tmpdir(), 'lectern-pptx-long-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const spools = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`lectern-pictures-${process.pid}-`));

test('2,000 slides: a warning, ten parts two at a time, a spool of at most two parts, every slide in order', async () => {
  const file = join(dir, 'long.md');
  const slides = Array.from({ length: 2000 }, (_, i) => `## Slide ${i + 1}\n\nBody ${i + 1}.\n\nNote:\nSay ${i + 1}.`);
  writeFileSync(file, `---\ntitle: Long deck\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  const deck = loadDeck(file);
  assert.ok(deck.slides.length >= LARGE_PPTX_PICTURES);
  let spooledMost = 0;
  const engine = new FakeCaptureEngine(2, {
    // Fake pictures come far faster than the writer takes them: only the window bounds the spool.
    beforeCapture: () => {
      const [spool] = spools();
      if (spool) spooledMost = Math.max(spooledMost, readdirSync(join(tmpdir(), spool)).length);
    },
  });
  const target = join(dir, 'long.pptx');
  const warnings: string[] = [];
  await exportPptx({ deck, engine, target, onWarning: (m) => warnings.push(m) });

  assert.deepEqual(warnings, ['2000 pictures make a PowerPoint file of roughly 600 MB and take minutes to capture; --range exports fewer']);
  assert.deepEqual(engine.loads.map((l) => l.slides.length), Array(10).fill(200), 'parts of at most 200 slides');
  assert.equal(engine.maxBusy, 2, 'two parts at a time');
  // The window (two parts of 200) plus the picture the writer is reading.
  assert.ok(spooledMost > 200 && spooledMost <= 401, `the spool held at most ${spooledMost} pictures`);
  assert.deepEqual(spools(), [], 'the spool is gone');

  const wanted = new Set(['ppt/presentation.xml', 'ppt/slides/slide1.xml', 'ppt/slides/slide1000.xml', 'ppt/slides/slide2000.xml']);
  const parts = unzipSync(readFileSync(target), { filter: (f) => wanted.has(f.name) });
  const text = (name: string) => Buffer.from(parts[name]!).toString('utf8');
  assert.equal(text('ppt/presentation.xml').match(/<p:sldId /g)?.length, 2000);
  for (const n of [1, 1000, 2000]) assert.match(text(`ppt/slides/slide${n}.xml`), new RegExp(`<a:t>Slide ${n}</a:t>`));
});
