// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4, messages
// separated by NUL). The CLI needs five commands; loading Playwright's 7 MB of bundles just to send
// them costs more than a whole 30-slide export (about 1.4 s on the 2-core reference machine).

import type { Readable, Writable } from 'node:stream';

interface Pending {
  method: string;
  sessionId: string | undefined;
  resolve: (result: Record<string, unknown>) => void;
  reject: (err: Error) => void;
}

/** Events after which a session answers nothing more: its page crashed or it was detached. */
const SESSION_ENDED: Record<string, string> = {
  'Inspector.targetCrashed': 'the page crashed (its Chromium renderer process ended)',
  'Inspector.detached': 'the page was detached',
};

type EventListener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  /** Waiters of waitFor, by session, so a crashed page's waiters fail instead of hanging. */
  private readonly waiters = new Map<(err: Error) => void, string | undefined>();
  private partial: Buffer[] = [];
  private closedReason: string | undefined;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.close('the browser closed its debugging pipe'));
    fromBrowser.on('error', (err) => this.close(err.message));
    toBrowser.on('error', (err) => this.close(err.message));
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.partial.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.partial).toString('utf8');
      this.partial = [];
      start = end + 1;
      this.dispatch(JSON.parse(text) as Record<string, unknown>);
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  private dispatch(message: Record<string, unknown>): void {
    if (typeof message.id === 'number') {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      const error = message.error as { message?: string } | undefined;
      if (error) waiter.reject(new Error(`${waiter.method}: ${error.message ?? 'failed'}`));
      else waiter.resolve((message.result as Record<string, unknown>) ?? {});
      return;
    }
    if (typeof message.method === 'string') {
      const sessionId = typeof message.sessionId === 'string' ? message.sessionId : undefined;
      const ended = SESSION_ENDED[message.method];
      if (ended && sessionId) this.failSession(sessionId, ended);
      for (const listener of this.listeners.get(message.method) ?? []) {
        listener((message.params as Record<string, unknown>) ?? {}, sessionId);
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedReason) return Promise.reject(new Error(`${method}: ${this.closedReason}`));
    const id = this.nextId++;
    const message = sessionId ? { id, method, params, sessionId } : { id, method, params };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, sessionId, resolve, reject });
      this.toBrowser.write(`${JSON.stringify(message)}\0`);
    });
  }

  /**
   * Resolves with the first `method` event of `sessionId` that `accept` takes. Events are
   * buffered from this call on, so `accept` may be sharpened later (a loaderId known only once
   * the navigation command returns): call `recheck()` after changing what it accepts.
   */
  waitFor(
    method: string,
    sessionId: string,
    accept: (params: Record<string, unknown>) => boolean,
  ): { done: Promise<Record<string, unknown>>; recheck(): void } {
    const seen: Array<Record<string, unknown>> = [];
    let settle: ((params: Record<string, unknown>) => void) | undefined;
    let listener: EventListener | undefined;
    const done = new Promise<Record<string, unknown>>((resolve, reject) => {
      if (this.closedReason) return reject(new Error(this.closedReason));
      const listeners = this.listeners.get(method) ?? new Set<EventListener>();
      this.listeners.set(method, listeners);
      const fail = (err: Error) => {
        if (listener) listeners.delete(listener);
        reject(err);
      };
      settle = (params) => {
        if (listener) listeners.delete(listener);
        this.waiters.delete(fail);
        resolve(params);
      };
      listener = (params, from) => {
        if (from !== sessionId) return;
        seen.push(params);
        if (accept(params)) settle?.(params);
      };
      listeners.add(listener);
      this.waiters.set(fail, sessionId);
    });
    // A wait whose caller gave up first (its navigation failed) is still failed when the pipe
    // closes: that must not be an unhandled rejection. Callers that await it still see the error.
    done.catch(() => undefined);
    return {
      done,
      recheck: () => {
        const hit = seen.find(accept);
        if (hit) settle?.(hit);
      },
    };
  }

  /** Fails every command and wait of one session: it will never answer them. */
  private failSession(sessionId: string, reason: string): void {
    for (const [id, waiter] of this.pending) {
      if (waiter.sessionId !== sessionId) continue;
      this.pending.delete(id);
      waiter.reject(new Error(`${waiter.method}: ${reason}`));
    }
    for (const [fail, session] of this.waiters) {
      if (session !== sessionId) continue;
      this.waiters.delete(fail);
      fail(new Error(reason));
    }
  }

  close(reason: string): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    for (const waiter of this.pending.values()) waiter.reject(new Error(`${waiter.method}: ${reason}`));
    this.pending.clear();
    for (const fail of this.waiters.keys()) fail(new Error(reason));
    this.waiters.clear();
    this.listeners.clear();
  }
}
