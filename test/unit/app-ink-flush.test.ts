// Ink is saved before the app closes a talk window: main asks the windows that have ink
// ('ink:flush'), waits for their answers, a window going away, or the deadline, and only then
// closes them and unloads the deck. A save a window makes while asked lands beside the deck.

import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { AppWindowLike, ControllerDeps } from '../../electron/app/app-ports';
import { LecternController } from '../../electron/app/controller';
import { InkFlush, type FlushTimer } from '../../electron/app/ink-flush';
import { RecentDecks } from '../../electron/app/recent';
import type { ViewRole } from '../../electron/contract/ipc';
import { loadDeck } from '../../electron/deck/index';
import { inkSidecarPath } from '../../electron/ink/file/sidecar-file';
import { FakeWindowState } from '../support/fake-window';
import { refusingPlaces } from '../support/refusing-places';

let nextId = 500;
class Win extends FakeWindowState implements AppWindowLike {
  readonly sent: Array<[string, unknown]> = [];
  /** Runs when main sends this window something (a test's stand-in for the page). */
  onSend: (channel: string, payload: unknown) => void = () => {};
  readonly webContents = { id: nextId++, send: (channel: string, payload: unknown) => (this.sent.push([channel, payload]), this.onSend(channel, payload)) };
  private readonly closedListeners: Array<() => void> = [];
  constructor(readonly role: ViewRole) {
    super();
  }
  focus() {}
  setProgressBar() {}
  onClosed(listener: () => void) {
    this.closedListeners.push(listener);
  }
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const l of this.closedListeners) l();
  }
}

/** A timer the test fires by hand. */
function manualTimer(): FlushTimer & { fire(): void; pending: number } {
  const runs = new Map<number, () => void>();
  let n = 0;
  return {
    set: (run) => (runs.set(++n, run), n),
    clear: (h) => void runs.delete(h as number),
    fire: () => [...runs.values()].forEach((r) => r()),
    get pending() {
      return runs.size;
    },
  };
}

const flushIds = (w: Win) => w.sent.filter(([c]) => c === 'ink:flush').map(([, p]) => (p as { id: number }).id);

test('only windows with ink are asked; none: nothing to wait for', async () => {
  const flush = new InkFlush(1000, manualTimer());
  const a = new Win('presenter');
  const b = new Win('audience');
  assert.equal(flush.flush([a, b]), null);
  flush.hasInk(a.webContents.id);
  const done = flush.flush([a, b]);
  assert.ok(done);
  assert.equal(flushIds(a).length, 1);
  assert.equal(flushIds(b).length, 0);
  flush.answered(a.webContents.id, flushIds(a)[0]!);
  assert.deepEqual(await done, { unanswered: [] });
});

test('the round ends when every window answered, one went away, or the deadline passed', async () => {
  const timer = manualTimer();
  const flush = new InkFlush(2000, timer);
  const a = new Win('presenter');
  const b = new Win('audience');
  flush.hasInk(a.webContents.id);
  flush.hasInk(b.webContents.id);
  let settled = false;
  const round = flush.flush([a, b])!.then((r) => ((settled = true), r));
  flush.answered(a.webContents.id, flushIds(a)[0]!);
  flush.answered(a.webContents.id, 999); // another round's answer changes nothing
  await Promise.resolve();
  assert.equal(settled, false, 'the audience has not answered');
  flush.gone(b.webContents.id);
  assert.deepEqual(await round, { unanswered: [] });
  assert.equal(timer.pending, 0, 'its deadline is cleared');

  // A window that never answers: the deadline ends the wait.
  const c = new Win('presenter');
  flush.hasInk(c.webContents.id);
  const late = flush.flush([c])!;
  timer.fire();
  assert.deepEqual(await late, { unanswered: [c.webContents.id] });
});

function appHarness(dir: string) {
  const windows: Win[] = [];
  const quits: number[] = [];
  const deps: ControllerDeps = {
    platform: 'linux',
    defaultPaper: 'a4',
    createWindow: (role) => {
      const w = new Win(role);
      windows.push(w);
      return w;
    },
    screen: Object.assign(new EventEmitter(), {
      getAllDisplays: () => [{ id: 1, internal: true, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 0, width: 1440, height: 900 } }],
      getPrimaryDisplay: () => ({ id: 1, internal: true, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 0, width: 1440, height: 900 } }),
    }),
    power: { start: () => 1, stop: () => {} },
    dialog: {
      showOpenDialog: async () => ({ canceled: false, filePaths: [join(dir, 'usb')] }),
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox: () => {},
      showMessageBox: async () => ({ response: 0 }),
    },
    recent: new RecentDecks(join(dir, 'recent.json')),
    loadDeck: (file) => loadDeck(file),
    watchDeck: (deck) => ({ deck, stop: async () => {} }),
    exportPdf: async () => {},
    exportPictures: async () => {},
    pdfFileName: () => 'x.pdf',
    openExternal: () => {},
    slidesDir: dir,
    menuChanged: () => {},
    quit: () => void quits.push(1),
    sidecarPlaces: refusingPlaces(join(dir, 'per-user'), () => false),
    inkFlushTimeoutMs: 60_000,
  };
  const ctl = new LecternController(deps);
  const byRole = (role: ViewRole) => windows.find((w) => w.role === role && !w.destroyed);
  return { ctl, windows, byRole, quits };
}

/** The app in a fresh folder (removed after the test), showing `talk.md` of `text`. */
function talkOn(t: TestContext, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-flush-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deckFile = join(dir, 'talk.md');
  writeFileSync(deckFile, text);
  const h = appHarness(dir);
  h.ctl.start(deckFile);
  return { ...h, dir, deckFile };
}

const stroke = { id: 'p-1', color: '#e53935', width: 4, points: [10, 20, 30, 40] };

/** The page's side of a flush for a window with nothing unsaved: it answers (`later`: on the next turn). */
function answersFlush(h: ReturnType<typeof appHarness>, win: Win, later = false): void {
  win.onSend = (channel, payload) => {
    if (channel !== 'ink:flush') return;
    const answer = () => void h.ctl.invoke('ink:flushed', win.webContents.id, payload);
    if (later) setImmediate(answer);
    else answer();
  };
}

/** The page's side of a flush: `win` saves a stroke its save timer has not written yet, then answers. */
function savesOnFlush(h: ReturnType<typeof appHarness>, win: Win, slide: { key: string; title: string; index: number }): void {
  win.onSend = (channel, payload) => {
    if (channel !== 'ink:flush') return;
    void h.ctl
      .invoke('ink:save', win.webContents.id, { slides: [{ ...slide, strokes: [stroke] }], removed: [] })
      .then(() => h.ctl.invoke('ink:flushed', win.webContents.id, payload));
  };
}

for (const [how, act] of [
  ['the app quits', (ctl: LecternController) => ctl.shutdown()],
  ['the deck is closed', (ctl: LecternController) => (ctl.closeDeck(), Promise.resolve())],
] as const) {
  test(`${how}: the talk windows save their ink before they close and before the deck is unloaded`, async (t) => {
    const h = talkOn(t, '# One\n\nNote: n\n\n---\n\n# Two\n\nNote: n');
    const presenter = h.byRole('presenter')!;
    const audience = h.byRole('audience')!;
    const key = h.ctl.deck!.slides[1]!.key;
    // Both pages booted with ink sessions.
    await h.ctl.invoke('ink:load', presenter.webContents.id, undefined);
    await h.ctl.invoke('ink:load', audience.webContents.id, undefined);
    savesOnFlush(h, presenter, { key, title: 'Two', index: 1 });
    answersFlush(h, audience);
    const ended = act(h.ctl);
    assert.equal(presenter.destroyed, false, 'the window waits for its save');
    assert.notEqual(h.ctl.deck, null, 'the deck is still there to save into');
    await ended;
    await new Promise((r) => setImmediate(r));
    assert.equal(presenter.destroyed, true);
    assert.equal(audience.destroyed, true);
    assert.equal(h.ctl.deck, null);
    const onDisk = JSON.parse(readFileSync(inkSidecarPath(h.deckFile), 'utf8'));
    assert.deepEqual(onDisk.slides[key].strokes.map((s: { id: string }) => s.id), ['p-1']);
  });
}

test('a talk window closed by the presenter: the other one saves before the app closes it', async (t) => {
  const h = talkOn(t, '# One\n\nNote: n');
  const presenter = h.byRole('presenter')!;
  const audience = h.byRole('audience')!;
  await h.ctl.invoke('ink:load', audience.webContents.id, undefined);
  answersFlush(h, audience, true);
  presenter.close();
  assert.equal(audience.destroyed, false, 'asked first');
  assert.equal(flushIds(audience).length, 1);
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal(audience.destroyed, true);
  assert.ok(h.byRole('start'), 'the start screen returns');
});

test('Save Ink and Rehearsals Elsewhere: the windows save first, then both files go to the chosen folder', async (t) => {
  const h = talkOn(t, '# One\n\nNote: n');
  const presenter = h.byRole('presenter')!;
  const key = h.ctl.deck!.slides[0]!.key;
  await h.ctl.invoke('ink:load', presenter.webContents.id, undefined);
  savesOnFlush(h, presenter, { key, title: 'One', index: 0 });
  mkdirSync(join(h.dir, 'usb'));
  const saved = await h.ctl.invoke('sidecar:save-elsewhere', presenter.webContents.id, undefined);
  assert.deepEqual(saved, { ok: true, files: [join(h.dir, 'usb', 'talk.lectern-ink.json')] });
  assert.ok(existsSync(join(h.dir, 'usb', 'talk.lectern-ink.json')));
});

test('another deck opened over a talk: the ink is saved to the deck it was drawn on, then the new deck loads', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-flush-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = join(dir, 'first.md');
  const second = join(dir, 'second.md');
  writeFileSync(first, '# One\n\nNote: n');
  writeFileSync(second, '# Other\n\nNote: n');
  const h = appHarness(dir);
  h.ctl.start(first);
  const presenter = h.byRole('presenter')!;
  const key = h.ctl.deck!.slides[0]!.key;
  await h.ctl.invoke('ink:load', presenter.webContents.id, undefined);
  savesOnFlush(h, presenter, { key, title: 'One', index: 0 });
  assert.equal(h.ctl.openDeck(second), true);
  assert.equal(h.ctl.deck!.file, first, 'still the first deck while its ink is saved');
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(h.ctl.deck!.file, second);
  assert.ok(existsSync(inkSidecarPath(first)));
  assert.ok(!existsSync(inkSidecarPath(second)));
});
