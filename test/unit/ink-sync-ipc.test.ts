// Ink over the wire: the SyncMessage check main and both transports share accepts the ink kinds
// and refuses malformed ones; the app's 'ink:load'/'ink:save' answers read, merge and write the
// sidecar beside the open deck and refuse bad strokes.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createInkAnswers } from '../../electron/app/ink-answers';
import { INVOKE_CHANNELS } from '../../electron/contract/ipc';
import { isSyncMessage } from '../../electron/contract/sync-check';
import { loadDeck } from '../../electron/deck/index';
import { inkSidecarPath } from '../../electron/ink/file/sidecar-file';

const stroke = { id: 'w-1', color: '#e53935', width: 4, points: [1, 2, 3, 4] };

test('ink sync messages are checked', () => {
  const good = [
    { type: 'ink', op: { kind: 'draw', slide: 'k', stroke: 'w-1', color: '#e53935', width: 4, points: [1, 2] } },
    { type: 'ink', op: { kind: 'remove', slide: 'k', strokes: ['w-1'] } },
    { type: 'ink', op: { kind: 'restore', slide: 'k', strokes: [stroke] } },
    { type: 'ink-all', slides: [{ key: 'k', title: '', index: 0, strokes: [stroke] }], removed: [], showSaved: false },
    { type: 'ink-show-saved', on: true },
    { type: 'pointer', slide: 'k', at: [10, 20] },
    { type: 'pointer', slide: 'k', at: null },
    { type: 'zoom', slide: 'k', region: { x: 0, y: 0, width: 640, height: 360 } },
    { type: 'zoom', slide: 'k', region: null },
  ];
  for (const m of good) assert.ok(isSyncMessage(m), JSON.stringify(m));
  const bad = [
    { type: 'ink', op: { kind: 'draw', slide: 'k', stroke: 'w-1', color: '#e53935', width: 4, points: [1] } },
    { type: 'ink', op: { kind: 'erase', slide: 'k' } },
    { type: 'ink-all', slides: [{ key: 'k', strokes: [{ id: 1 }] }], removed: [], showSaved: false },
    { type: 'pointer', slide: 'k', at: [1, 2, 3] },
    { type: 'zoom', slide: 'k', region: { x: 0, y: 0, width: 0, height: 1 } },
    { type: 'nonsense' },
  ];
  for (const m of bad) assert.ok(!isSyncMessage(m), JSON.stringify(m));
  assert.ok(INVOKE_CHANNELS.includes('ink:load') && INVOKE_CHANNELS.includes('ink:save'));
});

const dir = mkdtempSync(join(tmpdir(), 'lectern-ink-ipc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the app's ink answers save beside the open deck, merge, and load it back", async () => {
  const file = join(dir, 'talk.md');
  writeFileSync(file, '# One\n\nNote: n\n\n---\n\n# Two\n\nNote: n');
  const deck = loadDeck(file);
  const answers = createInkAnswers(() => deck);
  const key = deck.slides[1]!.key;
  const first = await answers['ink:save'](1, { slides: [{ key, title: 'Two', index: 1, strokes: [stroke] }], removed: [] });
  assert.deepEqual(first, { ok: true, file: inkSidecarPath(file) });
  const second = await answers['ink:save'](2, { slides: [{ key, title: 'Two', index: 1, strokes: [{ ...stroke, id: 'v-1' }] }], removed: [] });
  assert.ok(second.ok);
  const loaded = await answers['ink:load'](1, undefined);
  assert.deepEqual(loaded.slides[0]!.strokes.map((s) => s.id), ['w-1', 'v-1']);
  const removed = await answers['ink:save'](1, { slides: [], removed: ['w-1'] });
  assert.ok(removed.ok);
  assert.deepEqual(JSON.parse(readFileSync(inkSidecarPath(file), 'utf8')).slides[key].strokes.map((s: { id: string }) => s.id), ['v-1']);
});

test('a malformed save is refused with a reason and writes nothing', async () => {
  const file = join(dir, 'other.md');
  writeFileSync(file, '# One');
  const answers = createInkAnswers(() => loadDeck(file));
  const r = await answers['ink:save'](1, { slides: [{ key: 'k', strokes: [{ ...stroke, points: ['x', 1] }] }], removed: [] });
  assert.ok(!r.ok);
  assert.match(r.message, /points\[0\]: must be a number/);
  assert.equal(await answers['ink:save'](1, 'nonsense').then((x) => x.ok), false);
  assert.deepEqual(await answers['ink:load'](1, undefined), { slides: [] });
});
