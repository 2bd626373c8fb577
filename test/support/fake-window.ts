// The window state the app's modules read and change (bounds, fullscreen, visibility,
// destruction), shared by the plain-Node tests' stand-ins for Electron's BrowserWindow.

import { EventEmitter } from 'node:events';
import type { Rect } from '../../electron/app/displays';

export class FakeWindowState extends EventEmitter {
  bounds: Rect = { x: 0, y: 0, width: 0, height: 0 };
  fullscreen = false;
  visible = false;
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isFullScreen(): boolean {
    return this.fullscreen;
  }
  getBounds(): Rect {
    return this.bounds;
  }
  setFullScreen(flag: boolean): void {
    this.fullscreen = flag;
  }
  setBounds(bounds: Rect): void {
    this.bounds = bounds;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
}
