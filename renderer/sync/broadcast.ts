// Sync between windows of the same exported HTML file (audience and its #presenter window).
// BroadcastChannel reaches every window of the same origin; the channel name carries the
// deck's path so two different exported talks open side by side do not steer each other.

import type { SyncMessage } from '../../electron/contract/ipc';
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

function isPosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return Number.isInteger(p.h) && Number.isInteger(p.v) && Number.isInteger(p.f);
}

function isNumberList(value: unknown): boolean {
  return Array.isArray(value) && value.length <= 64 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Messages come from another window: check their shape before acting on them. */
export function isSyncMessage(value: unknown): value is SyncMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'navigate':
      return isPosition(m.position);
    case 'blackout':
      return typeof m.on === 'boolean';
    case 'hello':
      return typeof m.role === 'string';
    case 'state':
      return isPosition(m.position) && typeof m.blackout === 'boolean';
    case 'media':
      return m.command === 'previous' || m.command === 'next' || m.command === 'toggle-play';
    case 'media-state':
      return isPosition(m.position) && isNumberList(m.frames) && isNumberList(m.times) && typeof m.paused === 'boolean';
    default:
      return false;
  }
}
