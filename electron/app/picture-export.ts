// File > Export PowerPoint and Export Images: where the file or the pictures go (a save dialog for a
// .pptx, a folder dialog for pictures), whether pictures of an earlier export may be replaced, and
// the options a renderer may ask for. Decisions only: the controller runs the export session (its
// progress line and progress bars are the PDF export's).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PictureExportOptions } from '../contract/ipc';
import { stripDeckExtension } from '../deck/deck-file';
import type { Deck } from '../deck/types';
import { plannedImageNames } from '../export/image-export';
import { largePptxNotice, pptxFileName } from '../export/pptx-export';
import { pictureCount } from '../export/slide-pictures';
import { IMAGE_SCALE, JPEG_QUALITY } from '../export/pptx/index';
import type { DialogLike } from './app-ports';

/** Picture export options from a renderer (untrusted), checked field by field; null when unusable. */
export function validPictureOptions(value: unknown): PictureExportOptions | null {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.format !== 'pptx' && v.format !== 'png' && v.format !== 'jpeg') return null;
  const options: PictureExportOptions = { format: v.format };
  if (typeof v.fragments === 'boolean') options.fragments = v.fragments;
  if (v.format !== 'pptx' && typeof v.scale === 'number' && v.scale >= IMAGE_SCALE.min && v.scale <= IMAGE_SCALE.max) options.scale = v.scale;
  if (v.format === 'jpeg' && Number.isInteger(v.quality) && (v.quality as number) >= JPEG_QUALITY.min && (v.quality as number) <= JPEG_QUALITY.max) {
    options.quality = v.quality as number;
  }
  return options;
}

/** Where the dialog starts: `talk.pptx`, or the folder `talk-images` beside the deck (as the CLI). */
export function defaultPictureTarget(deckFile: string, format: PictureExportOptions['format']): string {
  return join(dirname(deckFile), format === 'pptx' ? pptxFileName(deckFile) : `${stripDeckExtension(deckFile)}-images`);
}

export interface PictureTarget {
  target: string;
  overwrite: boolean;
}

/**
 * Asks where the export goes. A .pptx: the save dialog (which asks before replacing a file), after
 * asking whether a very long deck should really go whole (largePptxNotice). Pictures:
 * a folder; when it holds pictures of an earlier export with the names this one writes, the user is
 * asked before they are replaced. Null when the user cancels either question.
 */
export async function choosePictureTarget(dialog: DialogLike, deck: Deck, options: PictureExportOptions): Promise<PictureTarget | null> {
  const start = defaultPictureTarget(deck.file, options.format);
  if (options.format === 'pptx') {
    // The app has no --range: a very long deck is a question before anything starts.
    const large = largePptxNotice(pictureCount(deck.slides, options.fragments === true));
    if (large) {
      const answer = await dialog.showMessageBox({
        type: 'warning',
        title: 'Export PowerPoint',
        message: 'Export every slide as a picture?',
        detail: `${large}. Exporting fewer slides needs the command line: lectern export --format pptx --range.`,
        buttons: ['Export', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      });
      if (answer.response !== 0) return null;
    }
    const saved = await dialog.showSaveDialog({ title: 'Export PowerPoint', defaultPath: start, filters: [{ name: 'PowerPoint', extensions: ['pptx'] }] });
    return saved.canceled || !saved.filePath ? null : { target: saved.filePath, overwrite: true };
  }
  const chosen = await dialog.showOpenDialog({
    title: 'Export Images into a Folder',
    defaultPath: start,
    buttonLabel: 'Export Here',
    properties: ['openDirectory', 'createDirectory'],
  });
  const folder = chosen.filePaths[0];
  if (chosen.canceled || !folder) return null;
  const names = plannedImageNames(deck, deck.slides, options.format, options.fragments === true);
  const existing = names.filter((name) => existsSync(join(folder, name))).length;
  if (existing === 0) return { target: folder, overwrite: false };
  const answer = await dialog.showMessageBox({
    type: 'question',
    title: 'Export Images',
    message: `Replace ${existing} picture${existing === 1 ? '' : 's'} of an earlier export?`,
    detail: `${folder} already holds ${names.length === existing ? 'every picture' : 'some of the pictures'} this export writes.`,
    buttons: ['Replace', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  return answer.response === 0 ? { target: folder, overwrite: true } : null;
}
