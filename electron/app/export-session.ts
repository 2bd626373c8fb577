// One export at a time from the app (PDF, PowerPoint or pictures): the save dialog, the paper
// chosen in the menu, progress to the views and the task bar, and failure as a dialog. The deck
// comes from the caller.

import { basename, dirname, join } from 'node:path';
import type { ExportOptions, ExportProgress, Paper, PictureExportOptions } from '../contract/ipc';
import { withoutBackup } from '../deck/backup';
import type { Deck } from '../deck/types';
import type { ControllerDeps } from './app-ports';
import { choosePictureTarget } from './picture-export';
import type { ViewWindows } from './view-windows';

/** The window progress bar for an export phase: a fraction, or -1 to remove it. */
export function progressBarValue(progress: ExportProgress): number {
  switch (progress.phase) {
    case 'layout':
      return 0.1;
    case 'print':
      return 0.6;
    case 'write':
      return 0.9;
    case 'done':
    case 'failed':
      return -1;
  }
}

export type ExportSessionDeps = Pick<ControllerDeps, 'dialog' | 'exportPdf' | 'exportPictures' | 'pdfFileName' | 'defaultPaper' | 'menuChanged'>;

export class ExportSession {
  private running = false;
  private chosenPaper: Paper;

  constructor(
    private readonly deps: ExportSessionDeps,
    private readonly windows: ViewWindows,
  ) {
    this.chosenPaper = deps.defaultPaper;
  }

  get exporting(): boolean {
    return this.running;
  }

  /** Paper for notes and handouts, as chosen in the menu. */
  get paper(): Paper {
    return this.chosenPaper;
  }

  setPaper(paper: Paper): void {
    this.chosenPaper = paper;
    this.deps.menuChanged();
  }

  /** Exports the deck after a save dialog. Notes and handouts print on the paper chosen in the
   *  menu unless the request names one. Null when cancelled, busy or failed (failure is shown). */
  async exportWithDialog(deck: Deck | null, requested: ExportOptions): Promise<{ file: string } | null> {
    const options = requested.format === 'slides' || requested.paper ? requested : { ...requested, paper: this.chosenPaper };
    if (!deck || this.running) return null;
    const saved = await this.deps.dialog.showSaveDialog({
      title: 'Export PDF',
      defaultPath: join(dirname(deck.file), this.deps.pdfFileName(deck.file, options.format)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (saved.canceled || !saved.filePath) return null;
    const target = saved.filePath;
    return this.run(target, (onProgress, onWarning) => this.deps.exportPdf({ deck, options, target, onProgress, onWarning }));
  }

  /** Exports the deck as a .pptx or a folder of pictures, after asking where (picture-export.ts). */
  async exportPicturesWithDialog(deck: Deck | null, options: PictureExportOptions): Promise<{ file: string } | null> {
    if (!deck || this.running) return null;
    // Like File > Export PDF, pictures and PowerPoint stand for the talk: no backup slides (nor
    // in the picture names and count the dialogs go by).
    const talk = withoutBackup(deck);
    const chosen = await choosePictureTarget(this.deps.dialog, talk, options);
    if (!chosen || this.running) return null;
    const { target, overwrite } = chosen;
    return this.run(target, (onProgress) => this.deps.exportPictures({ deck: talk, options, target, overwrite, onProgress }));
  }

  /** One export at a time, its progress to the views and on every window's progress bar, and what
   *  it warned about (ink it could not print) in one message once the file is written. */
  private async run(
    target: string,
    work: (onProgress: (progress: ExportProgress) => void, onWarning: (message: string) => void) => Promise<void>,
  ): Promise<{ file: string } | null> {
    this.running = true;
    this.deps.menuChanged();
    const onProgress = (progress: ExportProgress) => {
      this.windows.send('export:progress', { ...progress, file: target });
      this.windows.setProgressBar(progressBarValue(progress));
    };
    const warnings: string[] = [];
    try {
      await work(onProgress, (message) => warnings.push(message));
      if (warnings.length > 0) {
        void this.deps.dialog.showMessageBox({
          type: 'warning',
          title: 'Exported with warnings',
          message: `${basename(target)} was written, with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}.`,
          detail: warnings.join('\n'),
          buttons: ['OK'],
        });
      }
      return { file: target };
    } catch (err) {
      this.deps.dialog.showErrorBox('Export failed', err instanceof Error ? err.message : String(err));
      return null;
    } finally {
      this.running = false;
      this.windows.setProgressBar(-1);
      this.deps.menuChanged();
    }
  }
}
