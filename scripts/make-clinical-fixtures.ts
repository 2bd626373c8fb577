// Writes the synthetic clinical fixtures (issue 13) into a folder, for looking at them or for a
// demo deck: `node --import tsx scripts/make-clinical-fixtures.ts [out-dir]`. Tests build the same
// files in memory from scripts/clinical-fixtures/, so nothing binary is committed. No real patient
// data: a phantom with planted, obviously fake identifiers (see clinical-fixtures/planted.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cineLoop, ctImage, ctSeries, greyJpegBaseline, hugeHeader, noPixelData, truncatedFile } from './clinical-fixtures/dicom-fixtures';
import { plantedJpeg, plantedPng, plantedWebp } from './clinical-fixtures/planted-images';
import { plantedMp4, plantedWebm } from './clinical-fixtures/planted-video';
import { PLANTED } from './clinical-fixtures/planted';

const out = resolve(process.argv[2] ?? 'clinical-fixtures');
const written: string[] = [];
const skipped: string[] = [];

function write(relative: string, bytes: Uint8Array | undefined, missing = ''): void {
  if (!bytes) { skipped.push(`${relative} (${missing})`); return; }
  const path = join(out, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  written.push(`${relative} ${bytes.length} B`);
}

write('dicom/ct-implicit-vr-le.dcm', ctImage('implicit', { size: 256 }));
write('dicom/ct-explicit-vr-le.dcm', ctImage('explicit', { size: 256 }));
write('dicom/ct-deflated.dcm', ctImage('deflated', { size: 256 }));
write('dicom/ct-rle.dcm', ctImage('rle', { size: 256 }));
write('dicom/ct-jpeg-baseline.dcm', ctImage('jpegBaseline', { size: 256 }));
write('dicom/cr-jpeg-baseline-grey.dcm', greyJpegBaseline(256), 'ImageMagick not installed');
write('dicom/ct-jpeg2000-unsupported.dcm', ctImage('jpeg2000', { size: 64 }));
write('dicom/angio-cine-multiframe.dcm', cineLoop(12, 128, 66.7));
for (const file of ctSeries(12, 128)) write(`dicom/series/${file.name}`, file.bytes);
write('dicom/hostile/huge-header.dcm', hugeHeader());
write('dicom/hostile/truncated.dcm', truncatedFile());
write('dicom/hostile/no-pixel-data.dcm', noPixelData());
write('images/planted.jpg', plantedJpeg(320, 240));
write('images/planted.png', plantedPng(320, 240));
write('images/planted.webp', plantedWebp(320, 240), 'ImageMagick with WebP support not installed');
write('video/planted.mp4', plantedMp4(), 'ffmpeg not installed');
write('video/planted.webm', plantedWebm(), 'ffmpeg not installed');
writeFileSync(join(out, 'README.txt'), [
  'Synthetic fixtures for Lectern clinical images (issue 13). No real patient data.',
  `Planted identifiers: name ${PLANTED.name}, ID ${PLANTED.id}, birth date ${PLANTED.birthDate},`,
  `institution ${PLANTED.institution}, device serial ${PLANTED.serial}, GPS near Greenwich.`,
  'Regenerate: node --import tsx scripts/make-clinical-fixtures.ts <out-dir>',
  '',
].join('\n'));

console.log(`wrote ${written.length} files to ${out}`);
for (const line of written) console.log(`  ${line}`);
for (const line of skipped) console.log(`  SKIPPED ${line}`);
