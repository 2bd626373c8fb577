// A deck with synthetic clinical media (planted identifiers; scripts/clinical-fixtures), written to
// a scratch folder at test time: nothing binary is committed. `LINES` says where each reference is.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cineLoop, ctImage, ctSeries, noPixelData, truncatedFile } from '../../scripts/clinical-fixtures/dicom-fixtures';
import { plantedJpeg, plantedPng } from '../../scripts/clinical-fixtures/planted-images';
import { plantedMp4 } from '../../scripts/clinical-fixtures/planted-video';

export const CLINICAL_DECK = `# Stills

![Planted photo](images/planted.jpg)

![Planted PNG](images/planted.png)

Note: stills.

---

# Axial CT

![Axial CT](ct/IM0001.dcm) <!-- .element: data-window="liver" -->

Note: one image.

---

# Series

![CT series](ct/series/) <!-- .element: data-slice="3" -->

Note: a stack.

---

# Cine

![Angio loop](angio.dcm)

Note: a cine loop.

---

# Video

![Hepatic angiogram](run.mp4)

Note: a video.

---

# Bad input

![Truncated](bad/truncated.dcm)

![No pixels](bad/no-pixels.dcm)

![J2K](bad/j2k.dcm)

![Liar](bad/liar.png)

Note: each is reported; the rest compiles.
`;

/** 1-based line of the first line containing `needle` in CLINICAL_DECK. */
export function lineOf(needle: string): number {
  return CLINICAL_DECK.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

export interface ClinicalDeck {
  file: string;
  hasVideo: boolean;
}

export function writeClinicalDeck(dir: string): ClinicalDeck {
  const put = (rel: string, bytes: Uint8Array): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  };
  put('images/planted.jpg', plantedJpeg(160, 120));
  put('images/planted.png', plantedPng(160, 120));
  put('ct/IM0001.dcm', ctImage('explicit', { size: 128 }));
  for (const f of ctSeries(6, 64)) put(`ct/series/${f.name}`, f.bytes);
  put('angio.dcm', cineLoop(6, 64, 80));
  put('bad/truncated.dcm', truncatedFile());
  put('bad/no-pixels.dcm', noPixelData());
  put('bad/j2k.dcm', ctImage('jpeg2000', { size: 32 }));
  // A JPEG named .png: served as what it is, with a warning.
  put('bad/liar.png', plantedJpeg(32, 24));
  const mp4 = plantedMp4();
  let deck = CLINICAL_DECK;
  if (mp4) put('run.mp4', mp4);
  else deck = deck.replace('![Hepatic angiogram](run.mp4)', 'No ffmpeg here: no video.');
  const file = join(dir, 'clinical.md');
  writeFileSync(file, deck);
  return { file, hasVideo: mp4 !== undefined };
}

/** The example deck of docs/deck-format.md, copied into `dir` with the files it refers to. */
export function writeClinicalExample(dir: string, example: string): string {
  const put = (rel: string, bytes: Uint8Array): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  };
  put('images/planted.jpg', plantedJpeg(160, 120));
  put('ct/IM0001.dcm', ctImage('explicit', { size: 128 }));
  for (const f of ctSeries(6, 64)) put(`ct/series/${f.name}`, f.bytes);
  const mp4 = plantedMp4();
  // Without ffmpeg a multi-frame DICOM cine stands in for the video.
  let text = example;
  if (mp4) put('run.mp4', mp4);
  else {
    put('run.dcm', cineLoop(6, 64, 80));
    text = text.replace('(run.mp4)', '(run.dcm)');
  }
  const file = join(dir, 'deck.md');
  writeFileSync(file, text);
  return file;
}
