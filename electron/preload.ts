// The preload of every app window (sandboxed: only `electron` may be required; esbuild bundles
// the rest). Exposes exactly one API, `window.lectern`, built from the IPC contract.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_KEY } from './contract/ipc';
import { createLecternApi, installDeckDrop, type DropTarget } from './app/preload-api';

const api = createLecternApi(ipcRenderer);
contextBridge.exposeInMainWorld(API_KEY, api);

// The preload shares the page's DOM (not its JS world), so it can take a dropped file's path.
installDeckDrop(
  globalThis as unknown as DropTarget,
  (file) => webUtils.getPathForFile(file as unknown as Parameters<typeof webUtils.getPathForFile>[0]),
  (file) => void api.invoke('deck:open', { file }),
);
