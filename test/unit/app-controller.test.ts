import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LecternController,
  progressBarValue,
  recipientsOf,
  type AppWindowLike,
  type ControllerDeps,
  type ExportRequest,
} from '../../electron/app/controller';
import type { PictureExportRequest } from '../../electron/app/app-ports';
import type { DisplayLike } from '../../electron/app/displays';
import type { LiveReloadEvents } from '../../electron/app/live-reload';
import { RecentDecks } from '../../electron/app/recent';
import { validExportOptions } from '../../electron/app/ipc-answers';
import type { ViewRole } from '../../electron/contract/ipc';
import type { Deck } from '../../electron/deck/types';
import { FakeWindowState } from '../support/fake-window';

let nextId = 100;
class FakeWindow extends FakeWindowState implements AppWindowLike {
  readonly sent: Array<[string, unknown]> = [];
  readonly webContents = { id: nextId++, send: (channel: string, payload: unknown) => void this.sent.push([channel, payload]) };
  progress: number[] = [];
  private closed: Array<() => void> = [];
  constructor(readonly role: ViewRole) {
    super();
  }
  focus() {}
  setProgressBar(p: number) {
    this.progress.push(p);
  }
  onClosed(listener: () => void) {
    this.closed.push(listener);
  }
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const l of this.closed) l();
  }
}

const laptop: DisplayLike = { id: 1, internal: true, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const projector: DisplayLike = { id: 2, internal: false, bounds: { x: 1440, y: 0, width: 1920, height: 1080 }, workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };

function fakeDeck(file: string, title = 'Talk', length?: string): Deck {
  const lengths = { lengths: [{ name: 'short', minutes: 20 }, { name: 'full', minutes: 45 }], length: length ?? 'short' };
  return { file, root: join(file, '..'), meta: { title, theme: 'light', sections: [], slideNumbers: true, ...lengths }, slides: [], assets: [], diagnostics: [], dependencies: [file] };
}

function harness(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-ctl-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deckFile = join(dir, 'talk.md');
  writeFileSync(deckFile, '# Talk');
  const screen = Object.assign(new EventEmitter(), { displays: [laptop, projector], getAllDisplays: () => screen.displays, getPrimaryDisplay: () => laptop });
  const windows: FakeWindow[] = [];
  const power = { started: [] as number[], stopped: [] as number[], start: () => (power.started.push(7), 7), stop: (id: number) => void power.stopped.push(id) };
  const dialogs = {
    open: [] as string[],
    save: undefined as string | undefined,
    errors: [] as string[],
    /** The answer to the next question (0: the first button). */
    answer: 0,
    questions: [] as string[],
    /** The detail under each question or notice, in order. */
    details: [] as string[],
  };
  /** Warnings the next PDF export reports as it runs (ink it could not print). */
  const pdfWarnings: string[] = [];
  let live: LiveReloadEvents | null = null;
  const exports: ExportRequest[] = [];
  const pictureExports: PictureExportRequest[] = [];
  const opened: string[] = [];
  const quits: number[] = [];
  const deps: ControllerDeps = {
    platform: 'linux',
    defaultPaper: 'letter',
    createWindow: (role) => {
      const w = new FakeWindow(role);
      windows.push(w);
      return w;
    },
    screen,
    power,
    dialog: {
      showOpenDialog: async () => ({ canceled: dialogs.open.length === 0, filePaths: dialogs.open }),
      showSaveDialog: async () => (dialogs.save ? { canceled: false, filePath: dialogs.save } : { canceled: true }),
      showErrorBox: (title, content) => void dialogs.errors.push(`${title}: ${content}`),
      showMessageBox: async (options) => {
        dialogs.questions.push(options.message);
        dialogs.details.push(options.detail ?? '');
        return { response: dialogs.answer };
      },
    },
    recent: new RecentDecks(join(dir, 'userData', 'recent.json')),
    loadDeck: (file, length) => fakeDeck(file, 'Talk', length),
    watchDeck: (deck, events) => {
      live = events;
      return { deck, stop: async () => {} };
    },
    exportPdf: async (request) => {
      exports.push(request);
      for (const warning of pdfWarnings.splice(0)) request.onWarning?.(warning);
      request.onProgress({ phase: 'layout', done: 0, total: 3 });
      request.onProgress({ phase: 'done', done: 3, total: 3 });
    },
    exportPictures: async (request) => {
      pictureExports.push(request);
      request.onProgress({ phase: 'print', done: 1, total: 2 });
      request.onProgress({ phase: 'done', done: 2, total: 2 });
    },
    pdfFileName: (file, format) => `${format}.pdf`,
    openExternal: (url) => void opened.push(url),
    slidesDir: dir,
    menuChanged: () => {},
    quit: () => void quits.push(1),
  };
  const ctl = new LecternController(deps);
  const byRole = (role: ViewRole) => windows.filter((w) => w.role === role && !w.destroyed);
  return { ctl, deckFile, dir, screen, windows, byRole, power, dialogs, exports, pictureExports, pdfWarnings, opened, quits, live: () => live! };
}

test('no deck: the start screen; opening one presents it on the right displays and blocks display sleep', async (t) => {
  const h = harness(t);
  h.ctl.start(null);
  const [start] = h.byRole('start');
  assert.ok(start);
  assert.equal(await h.ctl.invoke('view:role', start.webContents.id, undefined), 'start');
  assert.equal(await h.ctl.invoke('deck:load', start.webContents.id, undefined), null);

  assert.equal(await h.ctl.invoke('deck:open', start.webContents.id, { file: h.deckFile }), true);
  assert.equal(start.destroyed, true, 'the start screen gives way to the talk');
  const [audience] = h.byRole('audience');
  const [presenter] = h.byRole('presenter');
  assert.ok(audience && presenter);
  assert.equal(await h.ctl.invoke('view:role', audience.webContents.id, undefined), 'audience');
  assert.deepEqual(audience.bounds, projector.bounds);
  assert.equal(audience.fullscreen, true);
  assert.deepEqual(presenter.bounds, laptop.workArea);
  assert.deepEqual(h.power.started, [7]);
  const payload = await h.ctl.invoke('deck:load', presenter.webContents.id, undefined);
  assert.equal(payload?.deck.file, h.deckFile);
  assert.equal(payload?.assetBase, 'lectern-deck://deck/_v0/');
  assert.equal(h.ctl.assetRoot(), h.dir);
  assert.deepEqual(h.ctl.menuState().recent, [h.deckFile]);
  assert.equal(h.ctl.menuState().dual, true);

  // Closing a presenting window ends the talk, releases the blocker and brings back the start.
  presenter.close();
  assert.equal(audience.destroyed, true);
  assert.deepEqual(h.power.stopped, [7]);
  assert.equal(h.byRole('start').length, 1);
  assert.equal(h.ctl.deck, null);
  assert.equal(h.quits.length, 0);
  // The last window closed: quit, whatever hidden windows (a print window) remain.
  h.byRole('start')[0]!.close();
  assert.equal(h.quits.length, 1);
});

test('study: a deck opened for study shows its study view, presents from there, and the study window outlives the talk', async (t) => {
  const h = harness(t);
  h.ctl.start(null);
  h.dialogs.open.push(h.deckFile);
  assert.equal(await h.ctl.openWithDialog('study'), true);
  const [study] = h.byRole('study');
  assert.ok(study, 'a study window');
  assert.equal(study.visible, true);
  assert.equal(h.byRole('start').length, 0, 'the start screen gives way');
  assert.equal(h.byRole('presenter').length + h.byRole('audience').length, 0, 'studying is not presenting');
  assert.deepEqual(h.power.started, [], 'display sleep is allowed while studying');
  assert.equal(await h.ctl.invoke('view:role', study.webContents.id, undefined), 'study');
  assert.equal((await h.ctl.invoke('deck:load', study.webContents.id, undefined))?.deck.file, h.deckFile);
  h.ctl.study();
  assert.equal(h.byRole('study').length, 1, 'one study window, brought forward');

  // "Present from here": the talk starts and the study window stays.
  await h.ctl.invoke('present:start', study.webContents.id, undefined);
  const [presenter] = h.byRole('presenter');
  assert.ok(presenter && h.byRole('audience').length === 1);
  h.live().updated(fakeDeck(h.deckFile, 'v2'));
  assert.ok(study.sent.some(([c]) => c === 'deck:updated'), 'edits reach the study window');
  // Ending the talk leaves the deck open for study.
  presenter.close();
  assert.equal(h.byRole('audience').length, 0);
  assert.equal(h.byRole('study').length, 1);
  assert.notEqual(h.ctl.deck, null);
  assert.deepEqual(h.power.stopped, [7]);
  // Closing the study window with no talk running closes the deck: the start screen returns.
  study.close();
  assert.equal(h.ctl.deck, null);
  assert.equal(h.byRole('start').length, 1);
  assert.equal(h.quits.length, 0);
});

test('export paper: the default until the user picks one in the menu', (t) => {
  const h = harness(t);
  assert.equal(h.ctl.menuState().paper, 'letter');
  h.ctl.menuActions(() => null).setPaper('a4');
  assert.equal(h.ctl.menuState().paper, 'a4');
});

test('the start screen opens a deck for study over IPC', async (t) => {
  const h = harness(t);
  h.ctl.start(null);
  const [start] = h.byRole('start');
  assert.equal(await h.ctl.invoke('deck:open', start!.webContents.id, { file: h.deckFile, study: true }), true);
  assert.equal(h.byRole('study').length, 1);
  assert.equal(h.byRole('presenter').length, 0);
  // Only `true` asks for study; anything else presents.
  h.ctl.closeDeck();
  const [again] = h.byRole('start');
  assert.equal(await h.ctl.invoke('deck:open', again!.webContents.id, { file: h.deckFile, study: 'yes' }), true);
  assert.equal(h.byRole('presenter').length, 1);
});

test('study while presenting: a study window beside the talk; closing the deck closes all', (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  assert.equal(h.ctl.menuState().presenting, true);
  h.ctl.study();
  const [study] = h.byRole('study');
  assert.ok(study);
  // The study window closing does not touch the talk.
  study.close();
  assert.equal(h.ctl.menuState().presenting, true);
  assert.equal(h.byRole('presenter').length, 1);
  h.ctl.study();
  h.ctl.closeDeck();
  assert.equal(h.byRole('study').length + h.byRole('presenter').length + h.byRole('audience').length, 0);
  assert.equal(h.byRole('start').length, 1);
  assert.equal(h.quits.length, 0);
});

test('live reload: updates reach every deck window, errors the presenter only', (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const [audience] = h.byRole('audience');
  const [presenter] = h.byRole('presenter');
  const error = { file: h.deckFile, line: 3, column: 1, severity: 'error' as const, code: 'katex-parse', message: 'x' };
  h.live().errors([error]);
  h.live().updated(fakeDeck(h.deckFile, 'v2'));
  assert.deepEqual(presenter!.sent.map(([c]) => c), ['deck:errors', 'deck:updated']);
  assert.deepEqual(audience!.sent.map(([c]) => c), ['deck:updated']);
  assert.deepEqual(presenter!.sent[0]![1], [error]);
  // Each update gets new asset URLs, so edited images are fetched again.
  assert.equal((audience!.sent[0]![1] as { assetBase: string }).assetBase, 'lectern-deck://deck/_v1/');
});

test('routing rules: errors to the presenter, progress never to the audience', () => {
  assert.equal(recipientsOf('deck:errors', 'presenter'), true);
  for (const role of ['audience', 'start', 'study'] as const) assert.equal(recipientsOf('deck:errors', role), false);
  assert.equal(recipientsOf('export:progress', 'audience'), false);
  assert.equal(recipientsOf('export:progress', 'presenter'), true);
  assert.equal(recipientsOf('deck:updated', 'audience'), true);
  assert.equal(recipientsOf('deck:updated', 'start'), false);
  assert.equal(recipientsOf('presenter:command', 'presenter'), true);
  for (const role of ['audience', 'start', 'study'] as const) assert.equal(recipientsOf('presenter:command', role), false);
});

test('sync messages go to the other windows, never back, and junk is dropped', (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const [audience] = h.byRole('audience');
  const [presenter] = h.byRole('presenter');
  const nav = { type: 'navigate', position: { h: 3, v: 0, f: -1 } };
  h.ctl.relaySync(presenter!.webContents.id, nav);
  h.ctl.relaySync(presenter!.webContents.id, { type: 'rm -rf' });
  h.ctl.relaySync(presenter!.webContents.id, 'navigate');
  assert.deepEqual(audience!.sent, [['sync', nav]]);
  assert.deepEqual(presenter!.sent, []);
  // A window that boots later says hello and is told where the talk is, as a catch-up (it must
  // not start the presenter's clock: issue 11.3).
  h.ctl.relaySync(presenter!.webContents.id, { type: 'hello', role: 'presenter' });
  assert.deepEqual(presenter!.sent, [['sync', { ...nav, catchUp: true }]]);
});

test('swap, hot-plug and rehearsal through the controller', (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const [audience] = h.byRole('audience');
  h.ctl.invoke('present:swap', 0, undefined);
  assert.deepEqual(audience!.bounds, laptop.bounds);
  h.screen.displays = [laptop];
  h.screen.emit('display-removed');
  assert.equal(audience!.fullscreen, false);
  assert.equal(h.ctl.menuState().dual, false);
  h.ctl.setRehearsal('presenter-only');
  assert.equal(audience!.visible, false);
  assert.equal(h.ctl.menuState().rehearsal, 'presenter-only');
  // View > Rehearse Timings reaches the presenter window alone, as a declared command.
  const [presenter] = h.byRole('presenter');
  audience!.sent.length = 0;
  presenter!.sent.length = 0;
  h.ctl.menuActions(() => null).toggleRehearsalRun();
  assert.deepEqual(presenter!.sent, [['presenter:command', 'toggle-rehearsal']]);
  assert.deepEqual(audience!.sent, []);
});

test('export: save dialog, progress to presenter and progress bars, cancel and failure', async (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const [audience] = h.byRole('audience');
  const [presenter] = h.byRole('presenter');
  assert.equal(await h.ctl.invoke('export:pdf', presenter!.webContents.id, { format: 'notes' }), null, 'cancelled');
  assert.equal(h.exports.length, 0);
  h.dialogs.save = join(h.dir, 'out.pdf');
  const result = await h.ctl.invoke('export:pdf', presenter!.webContents.id, { format: 'handout', perPage: 5, evil: 1 });
  assert.deepEqual(result, { file: join(h.dir, 'out.pdf') });
  assert.deepEqual(h.exports[0]!.options, { format: 'handout', paper: 'letter' }, 'on the paper chosen in the menu');
  const progress = presenter!.sent.filter(([c]) => c === 'export:progress').map(([, p]) => p as { file?: string });
  assert.equal(progress.length, 2);
  assert.ok(progress.every((p) => p.file === join(h.dir, 'out.pdf')), 'progress names the PDF');
  assert.equal(audience!.sent.length, 0);
  assert.deepEqual(presenter!.progress, [0.1, -1, -1]);
  await h.ctl.invoke('export:pdf', presenter!.webContents.id, { format: 'slides' });
  assert.deepEqual(h.exports[1]!.options, { format: 'slides' }, 'slides keep their frame: no paper');
  assert.equal(h.ctl.menuState().exporting, false);
});

test('export warnings (ink that could not be printed) are shown once the file is written', async (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const [presenter] = h.byRole('presenter');
  h.dialogs.save = join(h.dir, 'out.pdf');
  await h.ctl.invoke('export:pdf', presenter!.webContents.id, { format: 'slides' });
  assert.deepEqual(h.dialogs.questions, [], 'no warnings, no message');
  h.pdfWarnings.push('ink not printed: talk.ink.json: line 3: not JSON', 'second warning');
  assert.deepEqual(await h.ctl.invoke('export:pdf', presenter!.webContents.id, { format: 'slides', ink: true }), { file: join(h.dir, 'out.pdf') });
  assert.deepEqual(h.dialogs.questions, ['out.pdf was written, with 2 warnings.']);
  assert.equal(h.dialogs.details[0], 'ink not printed: talk.ink.json: line 3: not JSON\nsecond warning');
  assert.deepEqual(h.dialogs.errors, []);
});

test('PowerPoint and images: a save or folder dialog, the PDF export session (progress, one at a time), cancel', async (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const [audience] = h.byRole('audience');
  const [presenter] = h.byRole('presenter');
  assert.equal(await h.ctl.invoke('export:pictures', presenter!.webContents.id, { format: 'pptx' }), null, 'save dialog cancelled');
  assert.equal(await h.ctl.invoke('export:pictures', presenter!.webContents.id, { format: 'gif' }), null, 'not a picture format');
  assert.equal(h.pictureExports.length, 0);

  h.dialogs.save = join(h.dir, 'talk.pptx');
  assert.deepEqual(await h.ctl.invoke('export:pictures', presenter!.webContents.id, { format: 'pptx', fragments: true, scale: 3 }), { file: join(h.dir, 'talk.pptx') });
  assert.deepEqual(h.pictureExports[0]!.options, { format: 'pptx', fragments: true }, 'no image scale for PowerPoint');
  assert.equal(h.pictureExports[0]!.overwrite, true, 'the save dialog asked before replacing');
  const progress = presenter!.sent.filter(([c]) => c === 'export:progress').map(([, p]) => p as { file?: string; phase: string });
  assert.deepEqual(progress.map((p) => [p.phase, p.file]), [['print', join(h.dir, 'talk.pptx')], ['done', join(h.dir, 'talk.pptx')]]);
  assert.equal(audience!.sent.filter(([c]) => c === 'export:progress').length, 0);
  assert.deepEqual(presenter!.progress, [0.6, -1, -1]);

  h.dialogs.open = [join(h.dir, 'pictures')];
  assert.deepEqual(await h.ctl.invoke('export:pictures', presenter!.webContents.id, { format: 'jpeg', scale: 0.5, quality: 200 }), { file: join(h.dir, 'pictures') });
  assert.deepEqual(h.pictureExports[1]!.options, { format: 'jpeg', scale: 0.5 }, 'quality out of range dropped');
  assert.equal(h.pictureExports[1]!.overwrite, false, 'nothing to replace in the folder');
  assert.equal(h.ctl.menuState().exporting, false);
});

test('open-external only for safe links; deck:open refuses non-decks', async (t) => {
  const h = harness(t);
  h.ctl.start(null);
  assert.equal(await h.ctl.invoke('link:open-external', 0, { url: 'https://example.org/' }), true);
  assert.equal(await h.ctl.invoke('link:open-external', 0, { url: 'file:///etc/passwd' }), false);
  assert.equal(await h.ctl.invoke('link:open-external', 0, { url: 42 }), false);
  assert.deepEqual(h.opened, ['https://example.org/']);
  for (const file of ['/etc/passwd', join(h.dir, 'missing.md'), 42, h.dir]) {
    assert.equal(await h.ctl.invoke('deck:open', 0, { file }), false, String(file));
  }
  assert.equal(h.byRole('presenter').length, 0);
  h.dialogs.open = [h.deckFile];
  assert.equal(await h.ctl.invoke('deck:open', 0, {}), true);
  assert.equal(h.byRole('presenter').length, 1);
});

test('the start screen lists slides/ and recent decks', async (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  const list = await h.ctl.invoke('deck:list', 0, undefined);
  assert.deepEqual(list.map((d) => d.file), [h.deckFile]);
  const recent = await h.ctl.invoke('deck:recent', 0, undefined);
  assert.deepEqual(recent.map((d) => d.title), ['Talk']);
});

test('export option validation and progress bar values', () => {
  assert.deepEqual(validExportOptions(null), { format: 'slides' });
  assert.deepEqual(validExportOptions({ format: 'notes', paper: 'letter', lines: true, fragments: 'yes' }), { format: 'notes', paper: 'letter', lines: true });
  assert.equal(progressBarValue({ phase: 'print', done: 1, total: 2 }), 0.6);
  assert.equal(progressBarValue({ phase: 'failed', done: 0, total: 2 }), -1);
});

test('a talk length picked in the menu reloads the deck as that length in the open windows', (t) => {
  const h = harness(t);
  h.ctl.start(h.deckFile);
  assert.equal(h.ctl.menuState().length, 'short');
  const [audience] = h.byRole('audience');
  h.ctl.menuActions(() => null).present('full');
  assert.equal(h.ctl.deck?.meta.length, 'full');
  assert.equal(h.ctl.menuState().length, 'full');
  const sent = audience!.sent.filter(([c]) => c === 'deck:updated');
  assert.equal((sent.at(-1)![1] as { deck: Deck }).deck.meta.length, 'full');
  assert.equal(h.byRole('audience').length, 1, 'the same windows');
  h.ctl.menuActions(() => null).present('medium');
  assert.equal(h.ctl.deck?.meta.length, 'full', 'an unknown length changes nothing');
});
