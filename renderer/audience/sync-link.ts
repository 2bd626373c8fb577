// The audience's side of the sync link with the presenter view: it reports its state (position,
// blackout) on every change and follows the presenter's moves, so either view moves both.

import type { MediaCommand, SyncMessage } from '../../electron/contract/ipc';
import type { MediaSnapshot } from '../media/clinical-media';
import type { SyncTransport } from '../sync/transport';
import type { WindowedReveal } from './windowed-reveal';

export class AudienceLink {
  constructor(
    private readonly transport: SyncTransport,
    private readonly presentation: WindowedReveal,
    /** The presenter asked to step a stack or pause/resume (clinical media, issue 13). */
    private readonly mediaCommand: (command: MediaCommand) => void = () => {},
  ) {
    const reveal = presentation.reveal;
    presentation.onChange(() => this.sendState());
    transport.onMessage((message: SyncMessage) => {
      switch (message.type) {
        case 'navigate':
          presentation.goTo(message.position);
          break;
        case 'blackout':
          if (reveal.isPaused() !== message.on) reveal.togglePause(message.on);
          break;
        case 'hello':
          if (message.role === 'presenter') this.sendState(true);
          break;
        case 'media':
          this.mediaCommand(message.command);
          break;
        case 'state':
        case 'media-state':
          break;
      }
    });
  }

  /** Announces this window (a presenter already open catches it up) and where it is. */
  start(): void {
    this.transport.send({ type: 'hello', role: 'audience' });
    this.sendState(true);
  }

  /** Tells the presenter what the media on the shown slide are doing. */
  sendMedia(snapshot: MediaSnapshot): void {
    this.transport.send({ type: 'media-state', position: this.presentation.current(), ...snapshot });
  }

  /** catchUp: where this window already is, for a window that just opened (not a move). */
  private sendState(catchUp = false): void {
    const position = this.presentation.current();
    const blackout = this.presentation.reveal.isPaused();
    this.transport.send(catchUp ? { type: 'state', position, blackout, catchUp } : { type: 'state', position, blackout });
  }
}
