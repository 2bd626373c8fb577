// Sync between windows of the same exported HTML file (audience and its #presenter window).
// BroadcastChannel reaches every window of the same origin; the channel name carries the
// deck's path so two different exported talks open side by side do not steer each other.

import type { SyncMessage } from '../../electron/contract/ipc';
import { isSyncMessage } from '../../electron/contract/sync-check';
import type { SyncTransport } from './transport';

export class BroadcastTransport implements SyncTransport {
  private readonly channel: BroadcastChannel;

  constructor(deckKey: string) {
    this.channel = new BroadcastChannel(`lectern-sync:${deckKey}`);
  }

  send(message: SyncMessage): void {
    this.channel.postMessage(message);
  }

  onMessage(listener: (message: SyncMessage) => void): () => void {
    const handler = (event: MessageEvent<unknown>): void => {
      if (isSyncMessage(event.data)) listener(event.data);
    };
    this.channel.addEventListener('message', handler);
    return () => this.channel.removeEventListener('message', handler);
  }

  close(): void {
    this.channel.close();
  }
}

/** Messages come from another window: their shape is checked before acting on them. */
export { isSyncMessage };
