// Placeholder until the print layouts land (issue 5): the renderer's print view.
import type { Deck } from '../../electron/deck/types';
import type { ExportOptions } from '../../electron/contract/ipc';

export async function renderPrintView(
  _deck: Deck,
  _options: ExportOptions,
  _root: HTMLElement,
  _assetUrl: (ref: string) => string,
): Promise<void> {
  throw new Error('print layouts are not built yet');
}
