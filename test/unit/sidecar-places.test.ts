// Where sidecars go when the deck folder refuses them: the per-user folder (by platform, keyed
// by the deck's path), written atomically; a later write beside the deck takes it back. Tests
// run as root, where a read-only folder still takes writes, so the refusal is injected.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { FileNotWritableError } from '../../electron/export/atomic-file';
import { defaultSidecarRoot, fallbackDir, fallbackPath, writeSidecar } from '../../electron/sidecar/sidecar-places';
import { refusingPlaces } from '../support/refusing-places';

const dir = mkdtempSync(join(tmpdir(), 'lectern-places-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the per-user folder by platform, with an override', () => {
  assert.equal(defaultSidecarRoot({}, 'linux', '/home/p'), '/home/p/.local/share/lectern/sidecars');
  assert.equal(defaultSidecarRoot({ XDG_DATA_HOME: '/data' }, 'linux', '/home/p'), '/data/lectern/sidecars');
  assert.equal(defaultSidecarRoot({}, 'darwin', '/Users/p'), '/Users/p/Library/Application Support/Lectern/sidecars');
  assert.match(defaultSidecarRoot({ LOCALAPPDATA: 'C:\\Users\\p\\AppData\\Local' }, 'win32', 'C:\\Users\\p'), /Lectern.sidecars$/);
  assert.equal(defaultSidecarRoot({ LECTERN_SIDECAR_DIR: '/tmp/s' }, 'linux', '/home/p'), '/tmp/s');
});

test('one folder per deck path: same deck, same folder; another deck, another', () => {
  const root = join(dir, 'root-a');
  assert.equal(fallbackDir('/talks/a/talk.md', root), fallbackDir('/talks/a/../a/talk.md', root));
  assert.notEqual(fallbackDir('/talks/a/talk.md', root), fallbackDir('/talks/b/talk.md', root));
  assert.match(fallbackDir('/talks/a/talk.md', root), /root-a\/[0-9a-f]{16}$/);
});

test('a refused deck folder: the file goes to the per-user folder, the answer says why and where', () => {
  const deck = join(dir, 'ro', 'talk.md');
  const beside = join(dir, 'ro', 'talk.lectern-ink.json');
  const places = refusingPlaces(join(dir, 'root-b'), (f) => f === beside);
  const written = writeSidecar(beside, deck, '{"a":1}', places);
  const other = fallbackPath(beside, deck, places);
  assert.equal(written.file, other);
  assert.equal(readFileSync(other, 'utf8'), '{"a":1}');
  assert.match(written.elsewhere ?? '', /deck folder cannot be written \(cannot write .*talk\.lectern-ink\.json: read-only file system\), so it was saved in .*root-b\/[0-9a-f]{16}\/talk\.lectern-ink\.json instead/);
  assert.equal(readFileSync(join(dirname(other), 'deck.txt'), 'utf8').trim(), deck, 'the folder says whose it is');
});

test('once the deck folder takes the file again, the per-user copy (already merged in by the caller) goes', () => {
  const sub = mkdtempSync(join(dir, 'rw-'));
  const deck = join(sub, 'talk.md');
  writeFileSync(deck, '# A');
  const beside = join(sub, 'talk.lectern-rehearsals.json');
  let readOnly = true;
  const places = refusingPlaces(join(dir, 'root-c'), (f) => readOnly && f === beside);
  writeSidecar(beside, deck, 'one', places);
  assert.ok(existsSync(fallbackPath(beside, deck, places)));
  readOnly = false;
  const written = writeSidecar(beside, deck, 'one+two', places);
  assert.deepEqual(written, { file: beside });
  assert.equal(readFileSync(beside, 'utf8'), 'one+two');
  assert.ok(!existsSync(fallbackPath(beside, deck, places)));
});

test('both refused: one error naming both; nothing written', () => {
  const deck = join(dir, 'ro2', 'talk.md');
  const beside = join(dir, 'ro2', 'talk.lectern-ink.json');
  const places = refusingPlaces(join(dir, 'root-d'), () => true);
  assert.throws(() => writeSidecar(beside, deck, 'x', places), (err: Error) => err instanceof FileNotWritableError && /cannot write .*ro2\/talk\.lectern-ink\.json: read-only file system, and the per-user folder failed too \(cannot write .*root-d/.test(err.message));
  assert.ok(!existsSync(fallbackPath(beside, deck, places)));
});
