// Relays the views' sync messages (navigation, blackout, hello) between the open windows, and
// remembers where the talk is so a window that boots late can catch up.

import { isSyncMessage } from '../contract/sync-check';
import type { SlidePosition, SyncMessage } from '../contract/ipc';
import type { ViewWindows } from './view-windows';

export class SyncRelay {
  private lastPosition: SlidePosition | null = null;

  constructor(private readonly windows: ViewWindows) {}

  /** A new deck: the old position means nothing in it. */
  forget(): void {
    this.lastPosition = null;
  }

  /** Forwards a sync message to the other deck windows (never back to the sender); junk is dropped. */
  relay(senderId: number, message: unknown): void {
    if (!isSyncMessage(message)) return;
    if (message.type === 'navigate' || message.type === 'state') this.lastPosition = message.position;
    // A window that boots after the last move (present from here, a reopened presenter) is told
    // where the talk is, even when no other window is open yet to answer its hello.
    if (message.type === 'hello' && this.lastPosition) {
      const sender = this.windows.byWebContents(senderId);
      if (sender && !sender.win.isDestroyed()) {
        sender.win.webContents.send('sync', { type: 'navigate', position: this.lastPosition, catchUp: true });
      }
    }
    for (const { id, role, win } of this.windows.all()) {
      if (id !== senderId && role !== 'start' && !win.isDestroyed()) win.webContents.send('sync', message);
    }
  }
}
