// `--root` on the built CLI: check, html and export (usage errors) and present hand it on; the
// flag wins over the deck's root: key, and the help says so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lectern.js');
const BUILT = existsSync(join(ROOT, 'dist', 'cli.js'));
const dir = mkdtempSync(join(tmpdir(), 'lectern-root-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// The course fixture: lecture-03/slides.md says `root: ..` and uses ../_assets/.
cpSync(join(ROOT, 'test', 'fixtures', 'foreign', 'course'), join(dir, 'course'), { recursive: true });
const DECK = join('course', 'lecture-03', 'slides.md');

function lectern(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check: the key widens the root; --root narrows it back, and wins', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const clean = lectern('check', DECK);
  assert.equal(clean.code, 0, clean.out + clean.err);
  assert.match(clean.out, /1 deck, 5 slides: 0 errors, 0 warnings/);
  const narrowed = lectern('check', DECK, '--root', join('course', 'lecture-03'));
  assert.equal(narrowed.code, 1);
  const lecture = join(dir, 'course', 'lecture-03');
  assert.match(narrowed.out, new RegExp(`^course/lecture-03/slides\\.md:17:61: error: "\\.\\./_assets/liver\\.png" is outside the asset root ${lecture} \\(set by --root\\)$`, 'm'));
  assert.match(narrowed.out, /^course\/lecture-03\/slides\.md:3:8: error: front matter: theme \.\.\/_assets\/course\.css: .* outside the asset root/m);
});

test('--root that is no folder is a usage error (exit 2) on check, html, export and present', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  for (const args of [['check', DECK], ['html', DECK, '-o', 'x.html'], ['export', DECK], ['present', DECK]]) {
    const r = lectern(...args, '--root', 'nowhere');
    assert.equal(r.code, 2, `${args[0]}: ${r.err}`);
    assert.match(r.err, /--root nowhere: no such folder/, args[0]);
  }
  const file = lectern('check', DECK, '--root', DECK);
  assert.equal(file.code, 2);
  assert.match(file.err, /not a folder/);
  assert.ok(!existsSync(join(dir, 'x.html')));
});

test('--root that does not hold the deck: an error at the deck, exit 1', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = lectern('check', DECK, '--root', join('course', '_assets'));
  assert.equal(r.code, 1);
  assert.match(r.out, /^course\/lecture-03\/slides\.md:1:1: error: --root \S*course\/_assets: .* does not contain the deck's folder/m);
});

test('html: the file carries the shared image and no path of this machine', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = lectern('html', DECK, '-o', 'course.html');
  assert.equal(r.code, 0, r.err);
  const html = readFileSync(join(dir, 'course.html'), 'utf8');
  assert.ok(!html.includes(dir), 'no absolute path');
  assert.ok(!html.includes('/tmp/'), 'no absolute path');
  const liver = readFileSync(join(dir, 'course', '_assets', 'liver.png')).toString('base64').slice(0, 60);
  assert.ok(html.includes(liver), 'the image is embedded');
});

test('--help of check, html, export and present names --root and says it wins over root:', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  for (const command of ['check', 'html', 'export', 'present']) {
    const help = lectern(command, '--help').out.replace(/\s+/g, ' ');
    assert.match(help, /--root <dir> a folder that holds the deck's folder/, command);
    assert.match(help, /wins over the deck's root: key/, command);
  }
});
