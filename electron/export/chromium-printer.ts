// The command line's print engine: a Chromium or Chrome found on the machine, driven over its
// DevTools pipe (cdp-pipe.ts), each of its pages a PrintTarget (cdp-target.ts) that runs the one
// print sequence (print-sequence.ts). One browser per process, started while the deck compiles,
// and up to `concurrency` pages, each in its own renderer process, reused for every job (the parts
// of a long deck print in parallel).

import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { findBrowser, OFFLINE_CHROMIUM_ARGS } from './browser';
import { CdpPipe } from './cdp-pipe';
import { CdpPrintTarget } from './cdp-target';
import { removeStaleScratch, scratchDir } from './chromium-scratch';
import type { PdfPrinter, PrintJob } from './printer';
import { printPdfOn } from './print-sequence';
import type { PrintEngine, PrintTarget } from './print-target';

/** Flags Playwright also passes: no throttling of a page nobody looks at, no first-run work. */
const HEADLESS_ARGS = [
  '--headless',
  '--remote-debugging-pipe',
  '--hide-scrollbars',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-field-trial-config',
  '--disable-dev-shm-usage',
  '--no-default-browser-check',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-breakpad',
  '--disable-crash-reporter',
  // Recent Chromium preloads the omnibox popup's WebUI even headless: a renderer that burns
  // ~0.5 s of CPU at start-up, taken from the deck compiling beside it. PaintHolding is off in
  // headless mode by default; naming features here replaces that default, so it is listed too.
  // Unknown names are ignored by other versions.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,PaintHolding',
];

/**
 * For exports that take pictures: Chromium draws a frame whenever one is asked for instead of at
 * its 60 Hz beat. Each picture waits for frames (the scroll to its page, then the capture), so
 * the beat left both cores idle between pictures: 30 slides as PowerPoint took 5.3 s, now 4.7 s
 * (300 as PNG: 24.0 s, now 22.4 s). PDFs print a little slower with it (300 slides: 2.9 s against
 * 3.3 s), so they go without.
 */
const PICTURE_ARGS = ['--disable-frame-rate-limit'];

/** The command line a print browser starts with (before its profile and start page). */
export function headlessArgs(options: { capturesPictures?: boolean } = {}): string[] {
  return [...HEADLESS_ARGS, ...(options.capturesPictures ? PICTURE_ARGS : []), ...OFFLINE_CHROMIUM_ARGS];
}

interface Browser {
  process: ChildProcess;
  cdp: CdpPipe;
  profile: string;
  /** The last lines Chromium wrote to stderr (for a launch failure's message). */
  stderr: string[];
}

interface PrintPage {
  targetId: string;
  target: PrintTarget;
}

const BLANK_PAGE = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Lectern</title>`;

export interface ChromiumPrinterOptions {
  /** Browser executable; default findBrowser() (which throws BrowserNotFoundError). */
  executablePath?: string;
  /** Pages printing at once, each in its own renderer process; default one per core, at most
   *  MAX_CONCURRENCY (each renderer holds its part of the deck in memory). */
  concurrency?: number;
  /** The jobs are pictures (image and PowerPoint export), not PDFs: see PICTURE_ARGS. */
  capturesPictures?: boolean;
}

export const MAX_CONCURRENCY = 4;

export class ChromiumPrinter implements PrintEngine, PdfPrinter {
  private browser: Promise<Browser> | undefined;
  /** Pages free for a job, jobs waiting for a page, pages opened or opening. */
  private idle: PrintPage[] = [];
  private waiting: Array<{ resolve: (page: PrintPage) => void; reject: (err: Error) => void }> = [];
  private opened = 0;
  private firstTabTaken = false;
  readonly concurrency: number;
  private workDir: string | undefined;
  private jobs = 0;
  private readonly executablePath: string;
  /** What the browser starts with, before its profile and start page. */
  private readonly launchArgs: string[];

  constructor(options: ChromiumPrinterOptions = {}) {
    // Resolve now, so a missing browser is reported before any work starts.
    this.executablePath = findBrowser(options.executablePath);
    this.launchArgs = headlessArgs({ capturesPictures: options.capturesPictures === true });
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? Math.min(availableParallelism(), MAX_CONCURRENCY)));
  }

  /** Starts the browser and readies its first page ahead of the first job (further pages
   *  open when a long deck asks for them: a second renderer costs a small deck more than it saves). */
  warmUp(): void {
    this.acquire().then((page) => this.release(page), () => undefined);
  }

  /** Our scratch folder: print pages, and the blank page the browser starts on. */
  private scratch(): string {
    if (!this.workDir) {
      this.workDir = scratchDir('print');
      writeFileSync(join(this.workDir, 'blank.html'), BLANK_PAGE);
    }
    return this.workDir;
  }

  private launch(): Promise<Browser> {
    this.browser ??= new Promise<Browser>((resolve, reject) => {
      removeStaleScratch();
      const profile = scratchDir('chromium');
      // Starting on a file: page means the browser's first tab already runs in the renderer
      // process our file: print pages will use (no second process to start, ~0.3 s).
      const startPage = pathToFileURL(join(this.scratch(), 'blank.html')).href;
      const child = spawn(
        this.executablePath,
        [...this.launchArgs, `--user-data-dir=${profile}`, startPage],
        {
          // fd 3: we write commands; fd 4: Chromium writes replies.
          stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
          // An export writes nothing into the user's home: Chromium's crash handler would keep its
          // database in the user's own browser profile (~/.config/chromium) whatever
          // --user-data-dir says, and GLib's settings client would create ~/.cache/dconf.
          env: { ...process.env, BREAKPAD_DUMP_LOCATION: join(profile, 'Crash Reports'), GSETTINGS_BACKEND: 'memory' },
        },
      );
      const stderr: string[] = [];
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        stderr.splice(0, Math.max(0, stderr.length - 5));
      });
      const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
      const browser: Browser = { process: child, cdp, profile, stderr };
      const failed = (why: string) => {
        cdp.close(why);
        rmSync(profile, { recursive: true, force: true });
        reject(new Error(`${this.executablePath} could not start: ${why}`));
      };
      child.once('error', (err) => failed(err.message));
      child.once('exit', (code, signal) => {
        const why = `exited (${signal ?? code})${stderr.length ? `: ${stderr.at(-1)}` : ''}`;
        cdp.close(`the browser ${why}`);
      });
      // The first reply proves the pipe works.
      cdp.send('Browser.getVersion').then(
        () => resolve(browser),
        (err: Error) => failed(`${err.message}${stderr.length ? ` (${stderr.at(-1)})` : ''}`),
      );
    });
    return this.browser;
  }

  /**
   * A page for the next job: an idle one, else a new one while fewer than `concurrency` exist,
   * else the first to come free. The first page is the browser's own first tab; each further one
   * lives in its own browser context, which Chromium never shares a renderer process with, so
   * jobs print in parallel. Print pages keep no state (no storage, no network), so a page is
   * reused for any number of jobs; each navigation replaces the document.
   */
  private acquire(): Promise<PrintPage> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.opened < this.concurrency) {
      this.opened++;
      const page = this.openPage(this.opened === 1 && !this.firstTabTaken);
      page.catch(() => this.opened--);
      return page;
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(page: PrintPage): void {
    const next = this.waiting.shift();
    if (next) next.resolve(page);
    else this.idle.push(page);
  }

  /** A page that failed (crashed, hung) is not trusted with the next job: a new one replaces it. */
  private discard(page: PrintPage, cdp: CdpPipe): void {
    this.opened--;
    void cdp.send('Target.closeTarget', { targetId: page.targetId }).catch(() => undefined);
    // A job waiting for a page gets a new one in its place.
    const next = this.waiting.shift();
    if (next) this.acquire().then(next.resolve, next.reject);
  }

  private async openPage(firstTab: boolean): Promise<PrintPage> {
    const { cdp } = await this.launch();
    let targetId: string | undefined;
    let contextId: string | undefined;
    if (firstTab) {
      this.firstTabTaken = true;
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string }> };
      targetId = targetInfos.find((t) => t.type === 'page')?.targetId;
    }
    if (!targetId) {
      const blank = pathToFileURL(join(this.scratch(), 'blank.html')).href;
      if (!firstTab) contextId = ((await cdp.send('Target.createBrowserContext', { disposeOnDetach: true })) as { browserContextId: string }).browserContextId;
      targetId = ((await cdp.send('Target.createTarget', contextId ? { url: blank, browserContextId: contextId } : { url: blank })) as { targetId: string }).targetId;
    }
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await Promise.all([
      cdp.send('Page.enable', {}, sessionId).then(() => cdp.send('Page.setLifecycleEventsEnabled', { enabled: true }, sessionId)),
      // Belt and braces with the page's CSP: the page has no network at all.
      cdp.send('Network.enable', {}, sessionId).then(() =>
        cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }, sessionId),
      ),
    ]);
    return { targetId, target: new CdpPrintTarget(cdp, sessionId, () => join(this.scratch(), `job-${++this.jobs}.html`)) };
  }

  async withTarget<T>(work: (target: PrintTarget) => Promise<T>): Promise<T> {
    const page = await this.acquire();
    const { cdp } = await this.launch();
    let result: T;
    try {
      result = await work(page.target);
    } catch (err) {
      this.discard(page, cdp);
      throw err;
    }
    this.release(page);
    return result;
  }

  print(job: PrintJob): Promise<Uint8Array> {
    return this.withTarget((target) => printPdfOn(target, job));
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    this.idle = [];
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the printer was closed'));
    this.opened = 0;
    this.firstTabTaken = false;
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
    this.workDir = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    if (!browser) return;
    const exited = new Promise<void>((resolve) => {
      if (browser.process.exitCode !== null || browser.process.signalCode !== null) resolve();
      else browser.process.once('exit', () => resolve());
    });
    // Nothing of value is left in the browser: its profile is a throwaway folder and the print
    // pages keep no state, so ending it outright saves a graceful shutdown. Its
    // helper processes exit when their parent's pipes close; should one still write into the
    // profile as it goes, the next export removes the folder (removeStaleScratch).
    browser.cdp.close('the browser was closed');
    browser.process.kill('SIGKILL');
    await exited;
    try {
      rmSync(browser.profile, { recursive: true, force: true });
    } catch {
      // Left for the next export's sweep.
    }
  }
}
