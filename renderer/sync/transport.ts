// How the audience and presenter views talk: IPC through the app, BroadcastChannel between
// windows of an exported HTML file. Views only see this interface.

import type { SyncMessage } from '../../electron/contract/ipc';

export interface SyncTransport {
  send(message: SyncMessage): void;
  /** Messages from the other views (never this view's own). Returns an unsubscribe function. */
  onMessage(listener: (message: SyncMessage) => void): () => void;
  close(): void;
}

/** A transport that goes nowhere (print pages, a view opened alone). */
export class NullTransport implements SyncTransport {
  send(): void {}
  onMessage(): () => void {
    return () => {};
  }
  close(): void {}
}
