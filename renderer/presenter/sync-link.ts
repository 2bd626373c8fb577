// The presenter's side of the sync link with the audience view: it sends positions and blackout
// and follows the audience's state, so either view moves both. The protocol (SyncMessage) is in
// electron/contract/ipc.ts; the transport is IPC in the app, BroadcastChannel in an HTML file.

import type { MediaCommand, SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import type { MediaSnapshot } from '../media/clinical-media';
import type { SyncTransport } from '../sync/transport';

export interface PresenterLinkHandlers {
  /**
   * The audience moved (moved: true), or reported where the talk already is to a window that
   * just opened (moved: false: the presenter follows, the clock does not start).
   */
  arrive(position: SlidePosition, moved: boolean): void;
  /** The audience blacked out or came back. */
  blackout(on: boolean): void;
  /** An audience window (re)loaded: it wants to know where the talk is. */
  audienceJoined(): void;
  /** The audience's media changed (stack image, video time, pause): mirror it. */
  media?(position: SlidePosition, snapshot: MediaSnapshot): void;
}

export class PresenterLink {
  constructor(
    private readonly transport: SyncTransport,
    handlers: PresenterLinkHandlers,
  ) {
    transport.onMessage((message: SyncMessage) => {
      switch (message.type) {
        case 'state':
          handlers.arrive(message.position, !message.catchUp);
          handlers.blackout(message.blackout);
          break;
        case 'navigate':
          handlers.arrive(message.position, !message.catchUp);
          break;
        case 'blackout':
          handlers.blackout(message.on);
          break;
        case 'hello':
          if (message.role === 'audience') handlers.audienceJoined();
          break;
        case 'media-state':
          handlers.media?.(message.position, { frames: message.frames, times: message.times, paused: message.paused });
          break;
        case 'media':
          break;
      }
    });
  }

  /** catchUp: telling a window that just opened where the talk is (not a move). */
  navigate(position: SlidePosition, catchUp = false): void {
    this.transport.send(catchUp ? { type: 'navigate', position, catchUp } : { type: 'navigate', position });
  }

  blackout(on: boolean): void {
    this.transport.send({ type: 'blackout', on });
  }

  media(command: MediaCommand): void {
    this.transport.send({ type: 'media', command });
  }

  hello(): void {
    this.transport.send({ type: 'hello', role: 'presenter' });
  }
}
