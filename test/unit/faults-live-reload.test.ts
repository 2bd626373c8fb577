// Live reload against a real folder, a real watcher (chokidar) and the real compiler: a deck saved
// in several partial writes, replaced by an editor's atomic rename, deleted and recreated, or made
// unreadable. The last good deck stays, the presenter gets the errors, and the new version
// appears as soon as it is valid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, closeSync, mkdtempSync, openSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createDeckCompiler, loadDeck } from '../../electron/deck/index';
import type { Deck, Diagnostic } from '../../electron/deck/types';
import { createFileWatcher, LiveReload } from '../../electron/app/live-reload';

/** How long to wait for the watcher and compiler: a hang guard, not a measurement. */
const WAIT_MS = 10_000;
/** Longer than the watcher's write-stability window plus the debounce. */
const SETTLE_MS = 600;

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-faults-reload-'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const deckText = (title: string, body = 'Some text'): string => `---\ntitle: ${title}\n---\n\n# ${title}\n\n${body}\n\nNote: say it\n`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Session {
  reload: LiveReload;
  updates: Deck[];
  errors: Diagnostic[][];
  waitFor(what: string, ok: () => boolean): Promise<void>;
  stop(): Promise<void>;
}

async function session(file: string): Promise<Session> {
  const compiler = createDeckCompiler();
  const updates: Deck[] = [];
  const errors: Diagnostic[][] = [];
  const first = loadDeck(file, { compiler });
  assert.deepEqual(first.diagnostics.filter((d) => d.severity === 'error'), [], 'the first version is good');
  const reload = new LiveReload(
    {
      watcher: createFileWatcher(),
      clock: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
      compile: async (f) => loadDeck(f, { compiler }),
      events: { updated: (d) => updates.push(d), errors: (e) => errors.push(e) },
    },
    first,
  );
  // chokidar reports ready asynchronously; give it a moment before the first change.
  await sleep(300);
  return {
    reload,
    updates,
    errors,
    async waitFor(what, ok) {
      const end = Date.now() + WAIT_MS;
      while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; updates ${JSON.stringify(updates.map((u) => [u.meta.title, u.slides.length, u.diagnostics.map((x) => x.code)]))}, errors ${JSON.stringify(errors)}`);
        await sleep(25);
      }
      await reload.settled();
    },
    stop: () => reload.stop(),
  };
}

const titleOf = (d: Deck): string => d.meta.title;

/** Environment for a nested test run: without the parent runner's context, so it reports as TAP. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmpdir() };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

test('a deck saved in quick partial writes: only the whole version reaches the screen', async () => {
  const file = join(dir, 'partial-fast.md');
  writeFileSync(file, deckText('Version one'));
  const s = await session(file);
  try {
    // An editor that truncates and writes in pieces a few ms apart: the watcher waits for the size
    // to settle, so the audience never sees the empty or truncated file.
    const fd = openSync(file, 'w');
    const whole = deckText('Version two', 'First point\n\n- second\n- third');
    for (let at = 0; at < whole.length; at += 16) {
      writeSync(fd, whole.slice(at, at + 16));
      await sleep(5);
    }
    closeSync(fd);
    await s.waitFor('the whole deck', () => s.updates.some((d) => titleOf(d) === 'Version two'));
    await sleep(SETTLE_MS);
    assert.deepEqual(s.updates.map(titleOf), ['Version two'], 'no truncated version was shown');
    assert.match(s.reload.deck.slides[0]?.html ?? '', /third/);
  } finally {
    await s.stop();
  }
});

test('a deck saved in slow partial writes: whatever showed in between, the whole version ends on screen without errors', async () => {
  const file = join(dir, 'partial-slow.md');
  writeFileSync(file, deckText('Slow one'));
  const s = await session(file);
  try {
    // Pieces far apart (a slow network share): each prefix is compiled on its own. A prefix of a
    // deck is itself Markdown, so it may show; what matters is that the end state is right.
    const fd = openSync(file, 'w');
    writeSync(fd, '---\ntitle: Slow two\n---\n\n# Slow two\n\nThe dose: $\\frac{A}{');
    await sleep(SETTLE_MS);
    writeSync(fd, 'm}$ per kilogram\n\n');
    await sleep(SETTLE_MS);
    writeSync(fd, 'Note: n\n');
    closeSync(fd);
    await s.waitFor('the complete deck', () => s.reload.deck.slides[0]?.notesText.trim() === 'n');
    assert.equal(titleOf(s.reload.deck), 'Slow two');
    assert.match(s.reload.deck.slides[0]?.html ?? '', /class="katex/);
    assert.equal(s.errors.at(-1)?.length ?? 0, 0, 'no error left');
  } finally {
    await s.stop();
  }
});

test("an editor's atomic save (write a temp file, rename it over the deck) reloads, again and again", async () => {
  const file = join(dir, 'atomic.md');
  writeFileSync(file, deckText('Atomic one'));
  const s = await session(file);
  try {
    for (const title of ['Atomic two', 'Atomic three']) {
      const temp = join(dir, `.atomic.md.${title.length}.swp`);
      writeFileSync(temp, deckText(title));
      renameSync(temp, file);
      await s.waitFor(`"${title}"`, () => s.updates.some((d) => titleOf(d) === title));
    }
    assert.equal(titleOf(s.reload.deck), 'Atomic three');
    assert.deepEqual(s.errors.filter((e) => e.length > 0), [], 'no error on the way');
  } finally {
    await s.stop();
  }
});

test('a deck deleted and recreated: "gone" is reported, the last deck stays, the new one appears', async () => {
  const file = join(dir, 'recreated.md');
  writeFileSync(file, deckText('Before delete'));
  const s = await session(file);
  try {
    unlinkSync(file);
    await s.waitFor('the missing deck to be reported', () => s.errors.some((e) => e.length > 0));
    const reported = s.errors.at(-1)!;
    assert.equal(reported[0]?.file, file);
    assert.match(reported[0]?.message ?? '', /not found|gone|cannot read/i);
    assert.equal(titleOf(s.reload.deck), 'Before delete');
    await sleep(SETTLE_MS);
    writeFileSync(file, deckText('After recreate'));
    await s.waitFor('the recreated deck', () => s.updates.some((d) => titleOf(d) === 'After recreate'));
    await s.waitFor('errors to clear', () => s.errors.at(-1)?.length === 0);
  } finally {
    await s.stop();
  }
});

test('a deck made unreadable: reported, the last deck stays; readable again: reloads', async (t) => {
  if (process.getuid?.() === 0) {
    // Root reads any file whatever its mode: run this test again as `nobody`, for whom it is real.
    const probe = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']);
    if (probe.status !== 0) return t.skip('running as root and cannot drop to nobody (setpriv)');
    const run = spawnSync(
      'setpriv',
      ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '--import', 'tsx', '--test', '--test-reporter=tap', '--test-name-pattern=made unreadable', __filename],
      { encoding: 'utf8', cwd: join(__dirname, '..', '..'), env: childEnv(), timeout: 60_000 },
    );
    assert.equal(run.status, 0, `as nobody:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /# pass 1/);
    return;
  }
  const file = join(dir, 'unreadable.md');
  writeFileSync(file, deckText('Readable'));
  const s = await session(file);
  try {
    chmodSync(file, 0o000);
    // A mode change is no content change for every watcher: replace the entry, keeping the mode.
    renameSync(file, `${file}.tmp`);
    renameSync(`${file}.tmp`, file);
    await s.waitFor('the unreadable deck to be reported', () => s.errors.some((e) => e.length > 0));
    assert.match(s.errors.at(-1)![0]?.message ?? '', /cannot read|permission/i);
    assert.equal(titleOf(s.reload.deck), 'Readable');
    await sleep(SETTLE_MS);
    chmodSync(file, 0o644);
    writeFileSync(file, deckText('Readable again'));
    await s.waitFor('the readable deck', () => s.updates.some((d) => titleOf(d) === 'Readable again'));
    await s.waitFor('errors to clear', () => s.errors.at(-1)?.length === 0);
  } finally {
    await s.stop();
  }
});

test('a deck that compiles with errors never replaces the good one, however many saves', async () => {
  const file = join(dir, 'errors.md');
  writeFileSync(file, deckText('Good'));
  const s = await session(file);
  try {
    for (let i = 0; i < 3; i++) {
      writeFileSync(file, deckText(`Bad ${i}`, `$\\frac{1}{$ and ![x](missing-${i}.png)`));
      await sleep(SETTLE_MS);
    }
    await s.waitFor('the errors of the last save', () => s.errors.at(-1)?.some((d) => d.message.includes('missing-2')) === true);
    assert.equal(titleOf(s.reload.deck), 'Good');
    assert.deepEqual(s.updates, [], 'no broken version was shown');
    const last = s.errors.at(-1)!;
    assert.ok(last.every((d) => d.severity === 'error' && d.line > 0 && d.column > 0));
  } finally {
    await s.stop();
  }
});
