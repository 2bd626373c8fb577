// Sync through the app: the main process relays `sync` messages between the windows.

import type { LecternApi, SyncMessage } from '../../electron/contract/ipc';
import { isSyncMessage } from './broadcast';
import type { SyncTransport } from './transport';

export class IpcTransport implements SyncTransport {
  private readonly unsubscribers: Array<() => void> = [];

  constructor(private readonly api: LecternApi) {}

  send(message: SyncMessage): void {
    this.api.send('sync', message);
  }

  onMessage(listener: (message: SyncMessage) => void): () => void {
    const off = this.api.on('sync', (message) => {
      if (isSyncMessage(message)) listener(message);
    });
    this.unsubscribers.push(off);
    return off;
  }

  close(): void {
    for (const off of this.unsubscribers.splice(0)) off();
  }
}
