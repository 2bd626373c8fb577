// A PrintEngine that captures without a browser, for plain-Node tests of the picture exports: it
// reads which slides a print page holds from the page's boot JSON, answers the print sequence's
// scripts, and returns a small synthetic PNG (or JPEG header) per page. Hooks let a test slow a part
// down (parts then finish out of order) or fail on a chosen slide.

import { BOOT_ELEMENT_ID } from '../../electron/contract/boot';
import type { Slide } from '../../electron/deck/types';
import { PRINT_PAGE_RECTS_SCRIPT } from '../../electron/export/print-sequence';
import type { CaptureRequest, PrintEngine, PrintTarget } from '../../electron/export/print-target';
import { AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT } from '../../electron/export/printer';
import { syntheticPng } from './synthetic-png';

export interface FakeEngineHooks {
  /** Called before each capture with the slide index shown; may wait or throw. */
  beforeCapture?: (slideIndex: number, part: number) => Promise<void> | void;
}

export class FakeCaptureEngine implements PrintEngine {
  readonly loads: Array<{ part: number; slides: number[] }> = [];
  readonly captures: CaptureRequest[] = [];
  closed = false;
  private parts = 0;
  constructor(
    readonly concurrency: number,
    private readonly hooks: FakeEngineHooks = {},
  ) {}

  /** Most targets at work at once (at most `concurrency`, as the real engines lend them). */
  maxBusy = 0;
  private busy = 0;
  private queue: Array<() => void> = [];

  async withTarget<T>(work: (target: PrintTarget) => Promise<T>): Promise<T> {
    // A pool like the real engines': work beyond `concurrency` waits its turn, first come first served.
    if (this.busy >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.busy++;
    this.maxBusy = Math.max(this.maxBusy, this.busy);
    try {
      return await work(this.target());
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.busy--;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private target(): PrintTarget {
    let pages: number[] = [];
    let part = -1;
    let shown = -1;
    return {
      load: async (html) => {
        const json = new RegExp(`<script type="application/json" id="${BOOT_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)?.[1];
        const config = JSON.parse(json!) as { deck: { slides: Slide[] }; print?: { fragments?: boolean } };
        const fragments = config.print?.fragments === true;
        pages = config.deck.slides.flatMap((s) => Array(fragments && s.fragments > 0 ? s.fragments + 1 : 1).fill(s.index) as number[]);
        part = this.parts++;
        this.loads.push({ part, slides: config.deck.slides.map((s) => s.index) });
      },
      evaluate: async (script) => {
        if (script === AWAIT_PRINT_READY_WITH_TIMEOUT_SCRIPT) return { pages: pages.length };
        if (script === PRINT_PAGE_RECTS_SCRIPT) return pages.map((_, i) => ({ x: 0, y: i * 720, width: 1280, height: 720 }));
        const info = /querySelectorAll\('\.lectern-print > \.lectern-page'\)\[(\d+)\]/.exec(script);
        if (info && script.includes('lecternIndex')) {
          shown = pages[Number(info[1])]!;
          return { index: shown, videos: [] };
        }
        const scroll = /window\.scrollTo\(\d+, (\d+)\)/.exec(script);
        if (scroll) {
          shown = pages[Number(scroll[1]) / 720]!;
          return true;
        }
        throw new Error(`unexpected script: ${script.slice(0, 80)}`);
      },
      printPdf: async () => new Uint8Array(0),
      capture: async (request) => {
        await this.hooks.beforeCapture?.(shown, part);
        this.captures.push(request);
        const width = Math.round(request.clip.width * request.scale);
        const height = Math.round(request.clip.height * request.scale);
        if (request.format === 'jpeg') return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, shown]);
        return new Uint8Array(syntheticPng({ width: Math.min(width, 64), height: Math.min(height, 36), seed: shown + 1 }));
      },
      setViewport: async () => undefined,
    };
  }
}
