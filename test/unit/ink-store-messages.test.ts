// The offline HTML's "elsewhere" is the download: when the browser will not store ink or a run,
// the message the presenter reads says the data is still in the window and how to download it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deck } from '../../electron/deck/types';
import { LocalInkStore, type InkStore } from '../../renderer/ink/store';
import { storeRun } from '../../renderer/presenter/rehearsal-store';

/** A browser storage that is full: reads work, writes throw as Chromium's do. */
function fullStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    },
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

const deck = { file: '/talks/talk.md', slides: [{ key: 'md:1' }] } as unknown as Deck;
const stroke = { id: 'w-1', color: '#e53935', width: 4, points: [1, 2, 3, 4] };

test('ink the browser will not store: kept in the window, download it with Ctrl+S', async () => {
  const store = new LocalInkStore(fullStorage(), deck);
  const asStore: InkStore = store;
  const saved = await store.save([{ key: 'md:1', title: 'A', index: 0, strokes: [stroke] }], []);
  assert.ok(!saved.ok);
  assert.match(saved.message, /would not store the ink \(QuotaExceededError\); it is kept in this window: download it with Ctrl\+S/);
  assert.equal(asStore.rescue, undefined, 'no app to save elsewhere: the download is the way');
  // The download still has the stroke (what Ctrl+S writes).
  assert.deepEqual(Object.keys(JSON.parse(store.sidecarText([{ key: 'md:1', title: 'A', index: 0, strokes: [stroke] }], [])).slides), ['md:1']);
});

test('a run the browser will not store: kept in the window, download it from the report', () => {
  const g = globalThis as unknown as { localStorage?: Storage };
  const before = g.localStorage;
  g.localStorage = fullStorage();
  try {
    const stored = storeRun('/talks/talk.md', { startedAt: '2026-12-01T10:00:00.000Z', totalMs: 1000, slides: [{ index: 0, title: 'A', section: '', ms: 1000, steps: [1000] }] });
    assert.equal(stored.runs.runs.length, 1, 'the run is in memory');
    assert.match(stored.problem ?? '', /would not store the run: it is kept in this window only; download it now with "Download rehearsals \(JSON\)"/);
  } finally {
    g.localStorage = before;
  }
});
