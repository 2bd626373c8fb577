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

const samePosition = (a: SlidePosition, b: SlidePosition): boolean => a.h === b.h && a.v === b.v && a.f === b.f;

/** More unanswered moves than this and the audience is not echoing: forget them. */
const MAX_UNECHOED = 64;

export class PresenterLink {
  /**
   * Moves sent to the audience that it has not reported back yet, oldest first. Two quick
   * presses (a clicker's double Next, Shift+B and back) would otherwise see the audience's
   * report of the first arrive after the second move and pull the presenter back for a moment.
   */
  private readonly unechoed: SlidePosition[] = [];

  constructor(
    private readonly transport: SyncTransport,
    handlers: PresenterLinkHandlers,
  ) {
    transport.onMessage((message: SyncMessage) => {
      switch (message.type) {
        case 'state':
          // A stale report is stale as a whole: its blackout predates the newer move too.
          if (this.isStaleEcho(message.position)) break;
          handlers.arrive(message.position, !message.catchUp);
          handlers.blackout(message.blackout);
          break;
        case 'navigate':
          if (this.isStaleEcho(message.position)) break;
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
    if (this.unechoed.length >= MAX_UNECHOED) this.unechoed.length = 0;
    this.unechoed.push({ h: position.h, v: position.v, f: position.f });
  }

  /**
   * The audience reported `position`. It is the echo of a move this view sent, and a newer move
   * is still on its way: the presenter is already past it. A position this view never sent is
   * the audience's own move (or a normalised echo): followed, and the pending moves forgotten,
   * so the worst case is today's brief follow, never a stuck view.
   */
  private isStaleEcho(position: SlidePosition): boolean {
    const at = this.unechoed.findIndex((p) => samePosition(p, position));
    if (at < 0) {
      this.unechoed.length = 0;
      return false;
    }
    this.unechoed.splice(0, at + 1);
    return this.unechoed.length > 0;
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
