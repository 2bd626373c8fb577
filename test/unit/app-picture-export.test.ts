// Where File > Export PowerPoint and Export Images write, and what a renderer may ask for: the
// decisions of electron/app/picture-export.ts with a fake dialog, plain Node.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { DialogLike } from '../../electron/app/app-ports';
import { choosePictureTarget, defaultPictureTarget, validPictureOptions } from '../../electron/app/picture-export';
import { loadDeck } from '../../electron/deck/index';
import { LARGE_PPTX_PICTURES } from '../../electron/export/pptx-export';

const dir = mkdtempSync(join(tmpdir(), 'lectern-picture-target-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const deckFile = join(dir, 'talk.md');
writeFileSync(deckFile, '## One\n\n---\n\n## Two\n\n- a <!-- .element: class="fragment" -->\n');
const deck = loadDeck(deckFile);

function fakeDialog(answers: { save?: string; folder?: string; replace?: boolean }) {
  const asked: string[] = [];
  const dialog: DialogLike = {
    showOpenDialog: async (o) => (asked.push(`open ${o.defaultPath} ${o.properties?.join(',')}`), answers.folder ? { canceled: false, filePaths: [answers.folder] } : { canceled: true, filePaths: [] }),
    showSaveDialog: async (o) => (asked.push(`save ${o.defaultPath} ${o.filters?.[0]?.extensions}`), answers.save ? { canceled: false, filePath: answers.save } : { canceled: true }),
    showErrorBox: () => undefined,
    showMessageBox: async (o) => (asked.push(`ask ${o.message}`), { response: answers.replace ? 0 : 1 }),
  };
  return { dialog, asked };
}

test('the dialogs start where the command line writes: talk.pptx, talk-images/', () => {
  assert.equal(defaultPictureTarget('/talks/talk.md', 'pptx'), '/talks/talk.pptx');
  assert.equal(defaultPictureTarget('/talks/talk.md', 'png'), '/talks/talk-images');
});

test('PowerPoint: a save dialog for .pptx files; cancelling exports nothing', async () => {
  const saved = fakeDialog({ save: join(dir, 'out.pptx') });
  assert.deepEqual(await choosePictureTarget(saved.dialog, deck, { format: 'pptx' }), { target: join(dir, 'out.pptx'), overwrite: true });
  assert.deepEqual(saved.asked, [`save ${join(dir, 'talk.pptx')} pptx`]);
  assert.equal(await choosePictureTarget(fakeDialog({}).dialog, deck, { format: 'pptx' }), null);
});

test('PowerPoint of a very long deck: the user is asked first; declining opens no save dialog', async () => {
  const longFile = join(dir, 'long.md');
  writeFileSync(longFile, Array.from({ length: LARGE_PPTX_PICTURES }, (_, i) => `## Slide ${i + 1}`).join('\n\n---\n\n'));
  const long = loadDeck(longFile);
  assert.equal(long.slides.length, LARGE_PPTX_PICTURES);
  const declined = fakeDialog({ save: join(dir, 'long.pptx'), replace: false });
  assert.equal(await choosePictureTarget(declined.dialog, long, { format: 'pptx' }), null);
  assert.deepEqual(declined.asked, ['ask Export every slide as a picture?']);
  const agreed = fakeDialog({ save: join(dir, 'long.pptx'), replace: true });
  assert.deepEqual(await choosePictureTarget(agreed.dialog, long, { format: 'pptx' }), { target: join(dir, 'long.pptx'), overwrite: true });
  assert.deepEqual(agreed.asked, ['ask Export every slide as a picture?', `save ${join(dir, 'long.pptx')} pptx`]);
  // Steps count: a shorter deck asks once its steps reach the bound, and only with --fragments.
  const short = { ...long, slides: long.slides.slice(0, LARGE_PPTX_PICTURES / 2).map((slide) => ({ ...slide, fragments: 1 })) };
  const whole = fakeDialog({});
  await choosePictureTarget(whole.dialog, short, { format: 'pptx' });
  assert.deepEqual(whole.asked, [`save ${join(dir, 'long.pptx')} pptx`], 'one picture a slide: under the bound');
  const stepped = fakeDialog({});
  await choosePictureTarget(stepped.dialog, short, { format: 'pptx', fragments: true });
  assert.deepEqual(stepped.asked, ['ask Export every slide as a picture?']);
  // Pictures go one file each into a folder: no question.
  const images = fakeDialog({});
  await choosePictureTarget(images.dialog, long, { format: 'png' });
  assert.deepEqual(images.asked, [`open ${join(dir, 'long-images')} openDirectory,createDirectory`]);
});

test('images: a folder dialog; pictures of an earlier export are replaced only when the user agrees', async () => {
  const folder = join(dir, 'pictures');
  mkdirSync(folder);
  const empty = fakeDialog({ folder });
  assert.deepEqual(await choosePictureTarget(empty.dialog, deck, { format: 'png' }), { target: folder, overwrite: false });
  assert.deepEqual(empty.asked, [`open ${join(dir, 'talk-images')} openDirectory,createDirectory`], 'no question when nothing is replaced');

  writeFileSync(join(folder, 'slide-002.png'), 'old');
  writeFileSync(join(folder, 'slide-002-1.png'), 'old step');
  const declined = fakeDialog({ folder, replace: false });
  assert.equal(await choosePictureTarget(declined.dialog, deck, { format: 'png' }), null);
  assert.deepEqual(declined.asked.at(-1), 'ask Replace 1 picture of an earlier export?');
  const agreed = fakeDialog({ folder, replace: true });
  assert.deepEqual(await choosePictureTarget(agreed.dialog, deck, { format: 'png', fragments: true }), { target: folder, overwrite: true });
  assert.deepEqual(agreed.asked.at(-1), 'ask Replace 1 picture of an earlier export?', 'steps have their own names');
  assert.deepEqual(await choosePictureTarget(fakeDialog({ folder }).dialog, deck, { format: 'jpeg' }), { target: folder, overwrite: false }, 'JPEGs have other names');
});

test('options from a renderer are checked field by field', () => {
  assert.equal(validPictureOptions({ format: 'pdf' }), null);
  assert.equal(validPictureOptions('pptx'), null);
  assert.deepEqual(validPictureOptions({ format: 'pptx', fragments: true, scale: 2, quality: 50 }), { format: 'pptx', fragments: true });
  assert.deepEqual(validPictureOptions({ format: 'png', scale: 100 }), { format: 'png' });
  assert.deepEqual(validPictureOptions({ format: 'png', scale: 0.5, quality: 50 }), { format: 'png', scale: 0.5 });
  assert.deepEqual(validPictureOptions({ format: 'jpeg', scale: 4, quality: 80.5 }), { format: 'jpeg', scale: 4 });
  assert.deepEqual(validPictureOptions({ format: 'jpeg', quality: 80, fragments: 'yes' }), { format: 'jpeg', quality: 80 });
});
