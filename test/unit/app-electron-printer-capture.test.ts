// The app's print window takes pictures for PowerPoint and image export: sized to the page with
// setContentSize (and back afterwards), each page captured by Chromium's screenshot command through
// webContents.debugger with the clip and scale of the request. A fake window, plain Node.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PrintToPDFOptions } from 'electron';
import { ElectronPrinter, screenshotParams, type DebuggerLike, type PrintWindowLike } from '../../electron/app/electron-printer';
import { capturePagesOn, PRINT_PAGE_RECTS_SCRIPT } from '../../electron/export/print-sequence';
import { AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT } from '../../electron/export/printer';

class FakeDebugger implements DebuggerLike {
  attached = 0;
  commands: Array<[string, Record<string, unknown> | undefined]> = [];
  isAttached() {
    return this.attached > 0;
  }
  attach() {
    this.attached++;
  }
  async sendCommand(method: string, params?: Record<string, unknown>) {
    this.commands.push([method, params]);
    return { data: Buffer.from(`picture ${this.commands.length}`).toString('base64') };
  }
}

class CapturingWindow implements PrintWindowLike {
  sizes: number[][] = [];
  destroyed = false;
  readonly devtools = new FakeDebugger();
  constructor(private readonly capture: boolean) {}
  async loadURL() {}
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  setContentSize(width: number, height: number) {
    this.sizes.push([width, height]);
  }
  getContentSize() {
    return [1280, 720];
  }
  get webContents() {
    return {
      executeJavaScript: async (code: string) => {
        if (code === AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT) return { pages: 2 };
        if (code === PRINT_PAGE_RECTS_SCRIPT) return [0, 1].map((i) => ({ x: 0, y: i * 720, width: 1280, height: 720 }));
        return true; // scrolled into view
      },
      printToPDF: async (_options: PrintToPDFOptions) => new Uint8Array(0),
      ...(this.capture ? { debugger: this.devtools } : {}),
    };
  }
}

const job = { html: '<!doctype html>', page: { width: '1280px', height: '720px' } };

test('pictures through the debugger at the requested scale, the window sized to the page and restored', async () => {
  const win = new CapturingWindow(true);
  const printer = new ElectronPrinter(() => win, new Map());
  const pictures: string[] = [];
  const count = await printer.withTarget((target) =>
    capturePagesOn(target, job, { scale: 3, format: 'png' }, (i, bytes) => void pictures.push(`${i}:${Buffer.from(bytes).toString()}`)),
  );
  assert.equal(count, 2);
  assert.deepEqual(pictures, ['0:picture 1', '1:picture 2']);
  assert.equal(win.devtools.attached, 1, 'attached once');
  assert.deepEqual(win.devtools.commands.map(([m]) => m), ['Page.captureScreenshot', 'Page.captureScreenshot']);
  assert.deepEqual(win.devtools.commands[1]![1], { format: 'png', clip: { x: 0, y: 720, width: 1280, height: 720, scale: 3 }, fromSurface: true });
  assert.deepEqual(win.sizes, [[1280, 720], [1280, 720]], 'sized to the page, then back to its own size');
  await printer.close();
});

test('JPEG quality reaches the screenshot command; PNG has none', () => {
  const clip = { x: 0, y: 0, width: 10, height: 10 };
  assert.equal(screenshotParams({ clip, scale: 1, format: 'jpeg', quality: 70 }).quality, 70);
  assert.equal(screenshotParams({ clip, scale: 1, format: 'png', quality: 70 }).quality, undefined);
  // Fast encoding is a PNG setting (Chromium's optimizeForSpeed): asked for only where it applies.
  assert.equal(screenshotParams({ clip, scale: 3, format: 'png', fastEncoding: true }).optimizeForSpeed, true);
  assert.equal(screenshotParams({ clip, scale: 3, format: 'png' }).optimizeForSpeed, undefined);
  assert.equal(screenshotParams({ clip, scale: 3, format: 'jpeg', fastEncoding: true }).optimizeForSpeed, undefined);
});

test('a window without the debugger prints PDFs but says it cannot take pictures', async () => {
  const win = new CapturingWindow(false);
  const printer = new ElectronPrinter(() => win, new Map());
  await assert.rejects(
    printer.withTarget((target) => capturePagesOn(target, job, { scale: 1, format: 'png' }, () => undefined)),
    /cannot capture pages as pictures/,
  );
  assert.deepEqual(win.sizes, []);
});
