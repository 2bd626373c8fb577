// The temp-file-and-rename writer: commit replaces in one step, discard leaves nothing, stale
// temp files of dead exports are removed and live ones kept.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { discardAllPending, FileNotWritableError, PendingFile, removeStaleTempFiles, tempPathFor } from '../../electron/export/atomic-file';

const dir = mkdtempSync(join(tmpdir(), 'lectern-atomic-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

test('temp files live beside the target, hidden, named with the pid', () => {
  assert.equal(tempPathFor('/a/b/talk.pdf', 42), '/a/b/.talk.pdf.lectern-tmp-42');
});

test('commit writes the bytes and renames over the previous file', () => {
  const target = join(dir, 'a.pdf');
  writeFileSync(target, 'old');
  const file = new PendingFile(target);
  assert.ok(existsSync(file.tempPath), 'reserved before the slow work');
  assert.equal(readFileSync(target, 'utf8'), 'old', 'the old file stays until commit');
  file.commit(Buffer.from('new bytes'));
  assert.equal(readFileSync(target, 'utf8'), 'new bytes');
  assert.equal(existsSync(file.tempPath), false);
});

test('discard keeps the previous file and removes the temp file', () => {
  const target = join(dir, 'b.pdf');
  writeFileSync(target, 'old');
  const file = new PendingFile(target);
  file.discard();
  assert.equal(readFileSync(target, 'utf8'), 'old');
  assert.deepEqual(readdirSync(dir).filter((n) => n.includes('lectern-tmp')), []);
  assert.throws(() => file.commit(Buffer.from('late')), /already committed or discarded/);
});

test('discardAllPending (the SIGINT path) removes every reserved temp file', () => {
  const one = new PendingFile(join(dir, 'c.pdf'));
  const two = new PendingFile(join(dir, 'd.pdf'));
  discardAllPending();
  assert.equal(existsSync(one.tempPath), false);
  assert.equal(existsSync(two.tempPath), false);
});

test('stale temp files of dead processes go; a running export keeps its own', async () => {
  const stale = join(dir, `.old.pdf.lectern-tmp-${deadPid()}`);
  writeFileSync(stale, 'partial');
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    const live = join(dir, `.busy.pdf.lectern-tmp-${sleeper.pid}`);
    writeFileSync(live, 'in progress');
    const unrelated = join(dir, '.hidden-notes');
    writeFileSync(unrelated, 'keep');
    assert.deepEqual(removeStaleTempFiles(dir), [stale]);
    assert.equal(existsSync(live), true);
    assert.equal(existsSync(unrelated), true);
    rmSync(live);
  } finally {
    sleeper.kill();
  }
});

test('a missing folder is a FileNotWritableError naming the target', () => {
  const target = join(dir, 'missing', 'x.pdf');
  assert.throws(() => new PendingFile(target), (err: unknown) => {
    assert.ok(err instanceof FileNotWritableError);
    assert.equal(err.message, `cannot write ${target}: the folder does not exist`);
    return true;
  });
});
