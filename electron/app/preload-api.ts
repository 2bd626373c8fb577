// The body of the preload: builds the one `LecternApi` over ipcRenderer, allowing only the
// contract's channels, and never handing the renderer an IpcRendererEvent (it holds ipcRenderer).
// Takes ipcRenderer as a parameter so it runs in plain Node tests. No electron import.

import {
  isEventChannel,
  isInvokeChannel,
  isSendChannel,
  type EventChannels,
  type LecternApi,
} from '../contract/ipc';
import { isDeckFile } from '../deck/deck-file';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createLecternApi(ipc: IpcRendererLike): LecternApi {
  const api: LecternApi = {
    invoke(channel, ...request) {
      if (!isInvokeChannel(channel)) return Promise.reject(new Error(`unknown invoke channel ${String(channel)}`));
      // The contract fixes the response type per channel; ipcRenderer only knows unknown.
      return ipc.invoke(channel, ...request) as Promise<never>;
    },
    send(channel, message) {
      if (!isSendChannel(channel)) throw new Error(`unknown send channel ${String(channel)}`);
      ipc.send(channel, message);
    },
    on(channel, listener) {
      if (!isEventChannel(channel)) throw new Error(`unknown event channel ${String(channel)}`);
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload as EventChannels[typeof channel]);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
  return Object.freeze(api);
}

/** The parts of a DOM drop target the preload uses (this tsconfig has no DOM types). */
export interface DroppedFile {
  name: string;
}
export interface DragEventLike {
  preventDefault(): void;
  dataTransfer: { files: ArrayLike<DroppedFile> } | null;
}
export interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: DragEventLike) => void): void;
}

/**
 * Dropping a deck file (.md, .markdown) on any window opens it. The path is only available in
 * the preload (webUtils.getPathForFile), so the preload handles the drop and invokes `deck:open`.
 */
export function installDeckDrop(
  target: DropTarget,
  pathForFile: (file: DroppedFile) => string,
  open: (file: string) => void,
): void {
  target.addEventListener('dragover', (event) => event.preventDefault());
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = event.dataTransfer?.files;
    if (!files) return;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (file && isDeckFile(file.name)) {
        const path = pathForFile(file);
        if (path) open(path);
        return;
      }
    }
  });
}

