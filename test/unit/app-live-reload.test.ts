import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveReload, type ClockLike, type WatcherLike } from '../../electron/app/live-reload';
import type { Deck, Diagnostic } from '../../electron/deck/types';

class FakeWatcher implements WatcherLike {
  listener: ((event: string, path: string) => void) | null = null;
  dirs = new Set<string>();
  closed = false;
  on(_event: 'all', listener: (event: string, path: string) => void) {
    this.listener = listener;
  }
  add(paths: string[]) {
    for (const p of paths) this.dirs.add(p);
  }
  unwatch(paths: string[]) {
    for (const p of paths) this.dirs.delete(p);
  }
  async close() {
    this.closed = true;
  }
  emit(event: string, path: string) {
    this.listener?.(event, path);
  }
}

class FakeClock implements ClockLike {
  now = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  advance(ms: number) {
    this.now += ms;
    for (const [id, t] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= this.now) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
}

const FILE = '/talks/net/deck.md';
const SVG = '/talks/net/img/dual.svg';

function deck(version: string, errors: Diagnostic[] = [], dependencies = [FILE, SVG]): Deck {
  return {
    file: FILE,
    root: '/talks/net',
    meta: { title: version, theme: 'light', sections: [], slideNumbers: true },
    slides: [],
    assets: [],
    diagnostics: errors,
    dependencies,
  };
}

const mathError: Diagnostic = { file: FILE, line: 12, column: 5, severity: 'error', code: 'katex-parse', message: 'bad' };

function harness() {
  const watcher = new FakeWatcher();
  const clock = new FakeClock();
  const disk: { next: Deck | Error } = { next: deck('v1') };
  let compiles = 0;
  const updated: string[] = [];
  const errors: Diagnostic[][] = [];
  const reload = new LiveReload(
    {
      watcher,
      clock,
      debounceMs: 100,
      compile: async () => {
        compiles++;
        if (disk.next instanceof Error) throw disk.next;
        return disk.next;
      },
      events: { updated: (d) => updated.push(d.meta.title), errors: (e) => errors.push(e) },
    },
    deck('v1'),
  );
  const settle = async () => {
    clock.advance(100);
    await reload.settled();
  };
  return { watcher, clock, disk, reload, updated, errors, settle, compiles: () => compiles };
}

const enoent = () => Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });

test('watches the folders of the deck and its assets, and reacts only to those files', async () => {
  const h = harness();
  assert.deepEqual([...h.watcher.dirs].sort(), ['/talks/net', '/talks/net/img']);
  h.watcher.emit('change', '/talks/net/other.md');
  h.watcher.emit('addDir', '/talks/net/img');
  await h.settle();
  assert.equal(h.compiles(), 0);
  h.disk.next = deck('v2');
  h.watcher.emit('change', SVG);
  await h.settle();
  assert.deepEqual(h.updated, ['v2']);
});

test('an edited asset reloads even though the deck compiles the same', async () => {
  const h = harness();
  h.disk.next = deck('v1');
  h.watcher.emit('change', SVG);
  await h.settle();
  assert.deepEqual(h.updated, ['v1']);
  // The Markdown saved unchanged: nothing to send.
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.deepEqual(h.updated, ['v1']);
});

test('a burst of events compiles once after the quiet time', async () => {
  const h = harness();
  h.disk.next = deck('v2');
  for (let i = 0; i < 5; i++) {
    h.watcher.emit('change', FILE);
    h.clock.advance(50);
  }
  assert.equal(h.compiles(), 0, 'still inside the debounce window');
  await h.settle();
  assert.equal(h.compiles(), 1);
  assert.deepEqual(h.updated, ['v2']);
});

test('errors keep the last good deck, go out once, and clear on recovery', async () => {
  const h = harness();
  h.disk.next = deck('broken', [mathError]);
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.equal(h.reload.deck.meta.title, 'v1');
  assert.deepEqual(h.errors, [[mathError]]);
  assert.deepEqual(h.updated, []);
  // Saving the same broken text again does not repeat the errors.
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.deepEqual(h.errors, [[mathError]]);

  h.disk.next = deck('fixed');
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.deepEqual(h.updated, ['fixed']);
  assert.deepEqual(h.errors, [[mathError], []]);
  assert.equal(h.reload.deck.meta.title, 'fixed');
});

test('warnings alone are not errors; an unchanged recompile sends nothing', async () => {
  const h = harness();
  h.disk.next = deck('v1');
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.deepEqual(h.updated, []);
  h.disk.next = deck('v2', [{ ...mathError, severity: 'warning' }]);
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.deepEqual(h.updated, ['v2']);
  assert.deepEqual(h.errors, []);
});

test('atomic-rename save (unlink + add inside the window) is one clean reload', async () => {
  const h = harness();
  h.disk.next = deck('v2');
  h.watcher.emit('add', '/talks/net/.deck.md.swp');
  h.watcher.emit('unlink', FILE);
  h.clock.advance(10);
  h.watcher.emit('add', FILE);
  await h.settle();
  assert.equal(h.compiles(), 1);
  assert.deepEqual(h.updated, ['v2']);
  assert.deepEqual(h.errors, []);
});

test('delete then recreate: a missing-file error meanwhile, the last good deck stays, then recovery', async () => {
  const h = harness();
  h.disk.next = enoent();
  h.watcher.emit('unlink', FILE);
  await h.settle();
  assert.equal(h.reload.deck.meta.title, 'v1');
  assert.equal(h.errors.length, 1);
  assert.equal(h.errors[0]![0]!.code, 'deck-missing');
  assert.equal(h.errors[0]![0]!.file, FILE);
  assert.deepEqual([...h.watcher.dirs].sort(), ['/talks/net', '/talks/net/img'], 'still watching the folder');
  h.disk.next = deck('v2');
  h.watcher.emit('add', FILE);
  await h.settle();
  assert.deepEqual(h.updated, ['v2']);
  assert.deepEqual(h.errors.at(-1), []);
});

test('an unreadable file is an error with a message, not a crash', async () => {
  const h = harness();
  h.disk.next = Object.assign(new Error('EACCES'), { code: 'EACCES' });
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.equal(h.errors[0]![0]!.code, 'deck-unreadable');
  assert.match(h.errors[0]![0]!.message, /permission denied/);
  assert.equal(h.reload.deck.meta.title, 'v1');
});

test('a change during a compile discards that result and compiles the newest text', async () => {
  const watcher = new FakeWatcher();
  const clock = new FakeClock();
  const pending: Array<(d: Deck) => void> = [];
  const updated: string[] = [];
  const reload = new LiveReload(
    {
      watcher,
      clock,
      debounceMs: 100,
      compile: () => new Promise<Deck>((done) => pending.push(done)),
      events: { updated: (d) => updated.push(d.meta.title), errors: () => {} },
    },
    deck('v1'),
  );
  watcher.emit('change', FILE);
  clock.advance(100);
  assert.equal(pending.length, 1);
  watcher.emit('change', FILE);
  clock.advance(100);
  assert.equal(pending.length, 1, 'no second compile in parallel');
  pending[0]!(deck('half-written'));
  await new Promise((r) => setImmediate(r));
  assert.equal(pending.length, 2);
  pending[1]!(deck('complete'));
  await reload.settled();
  assert.deepEqual(updated, ['complete']);
});

test('new dependencies are watched, dropped ones released; stop closes the watcher', async () => {
  const h = harness();
  h.disk.next = deck('v2', [], [FILE, '/talks/net/figs/new.svg']);
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.deepEqual([...h.watcher.dirs].sort(), ['/talks/net', '/talks/net/figs']);
  h.watcher.emit('change', '/talks/net/figs/new.svg');
  h.disk.next = deck('v3', [], [FILE, '/talks/net/figs/new.svg']);
  await h.settle();
  assert.deepEqual(h.updated, ['v2', 'v3']);
  await h.reload.stop();
  assert.equal(h.watcher.closed, true);
  h.watcher.emit('change', FILE);
  await h.settle();
  assert.equal(h.compiles(), 2);
});

test('real files and chokidar: atomic-rename save and delete + recreate both reload', async (t) => {
  const { mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync, realpathSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createFileWatcher } = await import('../../electron/app/live-reload');
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lectern-watch-')));
  const file = join(dir, 'deck.md');
  writeFileSync(file, 'v1');
  const toDeck = (text: string): Deck => ({ ...deck(text, [], [file]), file });
  const updates: string[] = [];
  const errors: string[] = [];
  let waiter: (() => void) | null = null;
  const next = () => new Promise<void>((done) => (waiter = done));
  const reload = new LiveReload(
    {
      watcher: createFileWatcher(),
      clock: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      compile: async (f) => toDeck(readFileSync(f, 'utf8')),
      events: {
        updated: (d) => {
          updates.push(d.meta.title);
          waiter?.();
        },
        errors: (e) => {
          errors.push(e.map((x) => x.code).join(','));
          waiter?.();
        },
      },
    },
    toDeck('v1'),
  );
  t.after(async () => {
    await reload.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await new Promise((r) => setTimeout(r, 300)); // chokidar's initial scan
  let seen = next();
  writeFileSync(join(dir, '.deck.md.tmp'), 'v2');
  renameSync(join(dir, '.deck.md.tmp'), file);
  await seen;
  assert.deepEqual(updates, ['v2']);

  seen = next();
  unlinkSync(file);
  await seen;
  assert.deepEqual(errors, ['deck-missing']);
  seen = next();
  writeFileSync(file, 'v3');
  await seen;
  await reload.settled();
  assert.deepEqual(updates, ['v2', 'v3']);
  assert.deepEqual(errors, ['deck-missing', '']);
});
