// An independent reader opens the .pptx: LibreOffice Impress converts it to PDF (slide count,
// page shape, title and author) and to ODP, whose XML shows what Impress understood: each
// slide's title as a title, the picture's description, notes with real lists, embedded videos.
// Skips, saying why, where soffice is not installed (.ci/run installs libreoffice-impress).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { writePptx } from '../../electron/export/pptx/pptx-writer';
import type { PptxSlide } from '../../electron/export/pptx/types';
import { syntheticPng } from '../support/synthetic-png';

const found = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const soffice = found('soffice');
const skip = soffice ? false : 'soffice not installed: apt-get install libreoffice-impress';
const ffmpeg = found('ffmpeg');

const dir = mkdtempSync(join(tmpdir(), 'lectern-pptx-lo-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// Its own profile: a shared one makes parallel soffice runs wait on each other or fail.
const profile = pathToFileURL(join(dir, 'profile')).href;

function convert(file: string, format: string): string {
  const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', dir, file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = file.replace(/\.pptx$/, `.${format}`);
  assert.ok(existsSync(out), `soffice made no ${format}: ${run.stderr}${run.stdout}`);
  return out;
}

const NS = {
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  presentation: 'urn:oasis:names:tc:opendocument:xmlns:presentation:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
};
const all = (el: Element, ns: string, name: string): Element[] => Array.from(el.getElementsByTagNameNS(ns, name));

test('LibreOffice Impress reads slides, titles, alt text, notes, properties and videos', { skip }, async (t) => {
  const video = join(dir, 'loop.mp4');
  if (ffmpeg) {
    spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', video]);
  } else {
    t.diagnostic('ffmpeg not installed: the video is not checked');
  }
  const slides: PptxSlide[] = [1, 2, 3, 4].map((i) => ({
    image: syntheticPng({ width: 640, height: 360, seed: i, approxBytes: 5000 }),
    title: `Slide ${i}: λ = ln 2 / T½`,
    altText: `Everything slide ${i} says`,
    notes: [
      { kind: 'paragraph', text: `Say ${i} things.` },
      { kind: 'list', ordered: false, items: [{ text: `point ${i}a` }, { text: `point ${i}b` }] },
    ],
    ...(i === 2 && ffmpeg
      ? { videos: [{ path: video, poster: syntheticPng({ width: 160, height: 90, seed: 7 }), box: { x: 0.1, y: 0.1, width: 0.4, height: 0.4 } }] }
      : {}),
  }));
  const pptx = join(dir, 'talk.pptx');
  await writePptx({ target: pptx, deck: { title: 'Dosimetry lecture', author: 'Dr. Grace Hopper', language: 'en-GB' }, slideCount: 4, slides });

  const pdf = convert(pptx, 'pdf');
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  assert.match(info, /^Pages:\s+4$/m);
  assert.match(info, /^Title:\s+Dosimetry lecture$/m);
  assert.match(info, /^Author:\s+Dr\. Grace Hopper$/m);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? [];
  assert.ok(Math.abs(Number(w) / Number(h) - 16 / 9) < 0.01, `16:9 pages, got ${w} x ${h}`);

  const odp = convert(pptx, 'odp');
  const content = new DOMParser().parseFromString(new TextDecoder().decode(unzipSync(readFileSync(odp))['content.xml']), 'text/xml');
  const pages = all(content.documentElement!, NS.draw, 'page');
  assert.equal(pages.length, 4);
  pages.forEach((page, i) => {
    const frames = all(page, NS.draw, 'frame').filter((f) => !isInNotes(f));
    const title = frames.find((f) => f.getAttributeNS(NS.presentation, 'class') === 'title');
    assert.equal(title?.textContent, `Slide ${i + 1}: λ = ln 2 / T½`, `slide ${i + 1} title`);
    const picture = frames.find((f) => all(f, NS.draw, 'image').length > 0 && !f.getAttributeNS(NS.presentation, 'class'));
    assert.equal(all(picture!, NS.svg, 'desc')[0]?.textContent, `Everything slide ${i + 1} says`);
    const notes = all(page, NS.presentation, 'notes')[0]!;
    assert.equal(all(notes, NS.text, 'list').length, 1, 'the list stays a list');
    assert.deepEqual(
      all(notes, NS.text, 'p').map((p) => p.textContent),
      [`Say ${i + 1} things.`, `point ${i + 1}a`, `point ${i + 1}b`],
    );
  });
  if (ffmpeg) {
    const plugins = all(pages[1]!, NS.draw, 'plugin');
    assert.equal(plugins.length, 1, 'the video is embedded in slide 2');
    assert.match(plugins[0]!.getAttribute('xlink:href') ?? '', /\.mp4$/);
  }
});

function isInNotes(el: Element): boolean {
  for (let node = el.parentNode; node; node = node.parentNode) {
    if ((node as Element).localName === 'notes') return true;
  }
  return false;
}
