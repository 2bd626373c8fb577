// Slide keys: stable across slides added above, an author's id wins, notes edits keep the key.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDeck } from '../../electron/deck/index';

function compile(markdown: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-key-'));
  try {
    writeFileSync(join(dir, 'deck.md'), markdown);
    return loadDeck(join(dir, 'deck.md')).slides.map((s) => s.key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a slide keeps its key when a slide is added above it', () => {
  const before = compile('# A\n\n---\n\n# B\n\nNote: b');
  const after = compile('# New\n\n---\n\n# A\n\n---\n\n# B\n\nNote: b');
  assert.equal(after[1], before[0]);
  assert.equal(after[2], before[1]);
  assert.notEqual(after[0], before[0]);
});

test('editing the notes or the whitespace keeps the key; editing the body changes it', () => {
  const [a] = compile('# A\n\ntext\n\nNote: one');
  const [b] = compile('# A\n\ntext   \n\nNote: two');
  const [c] = compile('# A\n\nother text\n\nNote: one');
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('an explicit id wins, and identical slides get distinct keys', () => {
  const keys = compile('<!-- .slide: id="intro" -->\n# A\n\n---\n\n# Same\n\n---\n\n# Same');
  assert.equal(keys[0], 'id:intro');
  assert.match(keys[1]!, /^md:[0-9a-f]{8}$/);
  assert.equal(keys[2], `${keys[1]}~2`);
});
