// Export progress from the app (File > Export PDF, PowerPoint, Images) as a status line in the corner of the
// presenter, study and start windows. The main process never sends it to the audience window,
// so nothing about an export reaches the projector.

import type { ExportProgress, LecternApi } from '../../electron/contract/ipc';
import { el } from './dom';

/** How long the last word (saved, failed) stays before the line goes away. */
const LINGER_MS = { done: 5000, failed: 12000 } as const;

/** What the status line says for a progress event. */
export function exportStatusText(progress: ExportProgress): string {
  const file = progress.file ? progress.file.replace(/^.*[\\/]/, '') : 'the PDF';
  switch (progress.phase) {
    case 'layout':
      return `Exporting ${progress.total} slide${progress.total === 1 ? '' : 's'}: laying out…`;
    case 'print':
      // Pictures (PowerPoint, images) report each one taken; a PDF reports its print once.
      if (progress.done > 0 && progress.done < progress.total) return `Exporting ${progress.total} slides: ${progress.done} of ${progress.total}…`;
      return `Exporting ${progress.total} slide${progress.total === 1 ? '' : 's'}: printing…`;
    case 'write':
      return `Exporting: writing ${file}…`;
    case 'done':
      return `Saved ${file}`;
    case 'failed':
      return `Export failed: ${progress.message ?? 'unknown error'}`;
  }
}

export function showExportStatus(api: LecternApi, host: HTMLElement): () => void {
  const line = el('div', { className: 'lectern-export-status', attrs: { role: 'status', 'aria-live': 'polite', hidden: '' } });
  host.append(line);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = api.on('export:progress', (progress) => {
    clearTimeout(timer);
    line.textContent = exportStatusText(progress);
    line.dataset.phase = progress.phase;
    line.hidden = false;
    if (progress.phase === 'done' || progress.phase === 'failed') {
      timer = setTimeout(() => {
        line.hidden = true;
      }, LINGER_MS[progress.phase]);
    }
  });
  line.addEventListener('click', () => {
    if (line.dataset.phase === 'done' || line.dataset.phase === 'failed') line.hidden = true;
  });
  return () => {
    clearTimeout(timer);
    stop();
    line.remove();
  };
}
