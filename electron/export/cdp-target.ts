// One page of the command line's Chromium as a PrintTarget: the four operations of the print
// sequence as DevTools Protocol commands over the pipe (cdp-pipe.ts) on one attached session.

import { rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CdpPipe } from './cdp-pipe';
import { screenshotParams, type CaptureRequest, type PdfRequest, type PrintTarget } from './print-target';
import { cssLengthToInches } from './printer';

interface EvaluateResult {
  result?: { value?: unknown };
  exceptionDetails?: { exception?: { description?: string }; text?: string };
}

export class CdpPrintTarget implements PrintTarget {
  /**
   * @param sessionId the flat session attached to the page (Page and lifecycle events enabled)
   * @param nextFile where to write the next print page (a file loads about twice as fast as
   *   injecting a megabyte of HTML into the page)
   */
  constructor(
    private readonly cdp: CdpPipe,
    private readonly sessionId: string,
    private readonly nextFile: () => string,
  ) {}

  async load(html: string): Promise<void> {
    const { cdp, sessionId: s } = this;
    const file = this.nextFile();
    try {
      writeFileSync(file, html);
      // DOMContentLoaded of this navigation's document (its loaderId), not of an earlier one.
      let loaderId: unknown = null;
      const loaded = cdp.waitFor('Page.lifecycleEvent', s, (e) => e.name === 'DOMContentLoaded' && e.loaderId === loaderId);
      const nav = (await cdp.send('Page.navigate', { url: pathToFileURL(file).href }, s)) as { errorText?: string; loaderId?: string };
      if (nav.errorText) throw new Error(`cannot load the print page: ${nav.errorText}`);
      loaderId = nav.loaderId;
      loaded.recheck();
      await loaded.done;
    } finally {
      // Parsed by now, and self-contained (assets inlined): the file is not read again.
      rmSync(file, { force: true });
    }
  }

  async evaluate(script: string): Promise<unknown> {
    const evaluated = (await this.cdp.send(
      'Runtime.evaluate',
      { expression: script, awaitPromise: true, returnByValue: true },
      this.sessionId,
    )) as EvaluateResult;
    if (evaluated.exceptionDetails) {
      const why = evaluated.exceptionDetails.exception?.description ?? evaluated.exceptionDetails.text ?? 'failed';
      throw new Error(`the print view failed: ${why.replace(/^Error: /, '').split('\n')[0]}`);
    }
    return evaluated.result?.value;
  }

  async printPdf(request: PdfRequest): Promise<Uint8Array> {
    const printed = (await this.cdp.send(
      'Page.printToPDF',
      {
        printBackground: true,
        preferCSSPageSize: true,
        paperWidth: cssLengthToInches(request.page.width),
        paperHeight: cssLengthToInches(request.page.height),
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
        generateTaggedPDF: request.tagged,
        generateDocumentOutline: request.outlineFromTags,
      },
      this.sessionId,
    )) as { data: string };
    return new Uint8Array(Buffer.from(printed.data, 'base64'));
  }

  async capture(request: CaptureRequest): Promise<Uint8Array> {
    const shot = (await this.cdp.send('Page.captureScreenshot', screenshotParams(request), this.sessionId)) as { data: string };
    return new Uint8Array(Buffer.from(shot.data, 'base64'));
  }

  async setViewport(size: { width: number; height: number } | undefined): Promise<void> {
    if (size) {
      await this.cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1, mobile: false }, this.sessionId);
    } else {
      await this.cdp.send('Emulation.clearDeviceMetricsOverride', {}, this.sessionId);
    }
  }
}
