// Who may talk to the main process: only the top frame of one of the app's own windows, showing
// a page of the app's own origin. Every IPC handler goes through here. No electron import.

import { APP_SCHEME } from './security';

export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

export interface IpcEventLike {
  sender: { id: number };
  senderFrame: FrameLike | null;
}

export interface WindowWithContents {
  webContents: { id: number };
}

/** True when the URL is a page of the app (lectern-app://app/...). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

export function validateSender(event: IpcEventLike, windows: Iterable<WindowWithContents>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  for (const win of windows) if (win.webContents.id === event.sender.id) return true;
  return false;
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`refused IPC on ${channel}: the sender is not one of Lectern's windows`);
    this.name = 'UntrustedSenderError';
  }
}
