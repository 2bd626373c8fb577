// The app's open view windows by webContents id, and who receives each main -> renderer event.

import type { EventChannels, ViewRole } from '../contract/ipc';
import type { AppWindowLike } from './app-ports';

/** Who receives a main -> renderer event: errors, presenter commands and export progress never reach the audience. */
export function recipientsOf(channel: keyof EventChannels, role: ViewRole): boolean {
  if (channel === 'deck:errors' || channel === 'presenter:command') return role === 'presenter';
  if (channel === 'export:progress') return role !== 'audience';
  if (channel === 'deck:updated') return role !== 'start';
  return true;
}

export interface ViewWindow {
  readonly id: number;
  readonly role: ViewRole;
  readonly win: AppWindowLike;
}

export class ViewWindows {
  private readonly byId = new Map<number, { role: ViewRole; win: AppWindowLike }>();

  /** Registers a new window; `closed` runs once it is gone (and no longer listed). */
  add(role: ViewRole, win: AppWindowLike, closed: (role: ViewRole) => void): AppWindowLike {
    const id = win.webContents.id;
    this.byId.set(id, { role, win });
    win.onClosed(() => {
      this.byId.delete(id);
      closed(role);
    });
    return win;
  }

  all(): ViewWindow[] {
    return [...this.byId].map(([id, { role, win }]) => ({ id, role, win }));
  }

  byWebContents(id: number): ViewWindow | null {
    const entry = this.byId.get(id);
    return entry ? { id, ...entry } : null;
  }

  withRole(role: ViewRole): AppWindowLike | null {
    for (const w of this.byId.values()) if (w.role === role) return w.win;
    return null;
  }

  /** Sends an event to the windows whose role receives it. */
  send<C extends keyof EventChannels>(channel: C, payload: EventChannels[C]): void {
    for (const { role, win } of this.byId.values()) {
      if (!win.isDestroyed() && recipientsOf(channel, role)) win.webContents.send(channel, payload);
    }
  }

  /** Sets every window's task-bar progress (a fraction, or -1 to remove it). */
  setProgressBar(value: number): void {
    for (const { win } of this.byId.values()) if (!win.isDestroyed()) win.setProgressBar(value);
  }
}
