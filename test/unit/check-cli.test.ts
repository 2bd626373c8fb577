// `lectern check`, run as the built CLI: output format, summary, exit codes, folders, --strict, --json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const BIN = resolve(__dirname, '..', '..', 'bin', 'lectern.js');
const BUILT = existsSync(resolve(__dirname, '..', '..', 'dist', 'cli.js'));
const dir = mkdtempSync(join(tmpdir(), 'lectern-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}
function check(args: string[], cwd = dir): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, 'check', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

write('clean/deck.md', '# Clean\n\nNote: n\n---\n## Two\n\nNote: n');
write('warn/deck.md', '# No notes here\n\n---\n## Two\n\nNote: n');
write('errors/deck.md', '# Bad\n\n$\\frac{1}{$\n\n  ![Missing](nope.png)\n\nNote: n');
write('folder/a.md', '---\ntitle: A\n---\n# A\nNote: n\n---\n<!-- include: parts/b.md -->');
write('folder/parts/b.md', '## B\n\n![](b.png)\n\nNote: n');
// A complete 1x1 PNG: a truncated one is a warning of its own (the media privacy check reads it).
writeFileSync(join(dir, 'folder/parts/b.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
write('folder/README.md', '# Not a deck\n');
write('folder/node_modules/x/deck.md', '# ignored $\\frac{$');
write('folder/.hidden/deck.md', '# ignored $\\frac{$');
write('folder/notes.txt', 'not a deck');
write('empty/readme.txt', 'nothing');

test('a clean deck: summary only, exit 0', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = check(['clean/deck.md']);
  assert.equal(r.code, 0);
  assert.equal(r.out, '1 deck, 2 slides: 0 errors, 0 warnings\n');
});

test('errors print as file:line:col: severity: message, relative to the cwd; exit 1', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = check(['errors/deck.md']);
  assert.equal(r.code, 1);
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines[0]!, /^errors\/deck\.md:3:1: error: formula cannot be rendered: KaTeX parse error/);
  assert.equal(lines[1], 'errors/deck.md:5:14: error: file not found: nope.png');
  assert.equal(lines.at(-1), '1 deck, 1 slide: 2 errors, 0 warnings');
  const fromElsewhere = check([join(dir, 'errors', 'deck.md')], join(dir, 'errors'));
  assert.match(fromElsewhere.out, /^deck\.md:3:1: error:/);
});

test('warnings pass by default and fail with --strict', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = check(['warn/deck.md']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^warn\/deck\.md:1:1: warning: slide without speaker notes/);
  assert.match(r.out, /1 deck, 2 slides: 0 errors, 1 warning\n$/);
  assert.equal(check(['--strict', 'warn/deck.md']).code, 1);
  assert.equal(check(['warn/deck.md', '--strict']).code, 1);
  assert.equal(check(['--strict', 'clean/deck.md']).code, 0);
});

test('a folder checks every deck under it (not node_modules, dot-folders or READMEs), included decks on their own too', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = check(['folder']);
  assert.equal(r.code, 0, r.out + r.err);
  assert.doesNotMatch(r.out, /node_modules|hidden|README/);
  // b.md's warning is found through a.md and on its own, but printed once.
  assert.equal(r.out.match(/folder\/parts\/b\.md:3:5: warning: image without alt text/g)?.length, 1);
  assert.match(r.out, /2 decks, 3 slides: 0 errors, 1 warning\n$/);
});

test('bad usage exits 2: missing path, not a deck, a folder without decks', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const missing = check(['nope.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.md: no such file or folder/);
  const notMd = check(['folder/notes.txt']);
  assert.equal(notMd.code, 2);
  assert.match(notMd.err, /not a Markdown deck/);
  assert.equal(check(['empty']).code, 2);
  assert.equal(spawnSync(process.execPath, [BIN, 'check'], { cwd: dir, encoding: 'utf8' }).status, 2);
});

test('--json prints the diagnostics and counts as JSON', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  const r = check(['--json', 'errors/deck.md']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.out) as { ok: boolean; errors: number; warnings: number; slides: number; diagnostics: Array<{ file: string; line: number; column: number; code: string; severity: string }> };
  assert.equal(report.ok, false);
  assert.equal(report.errors, 2);
  assert.equal(report.slides, 1);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, d.line, d.column, d.severity]), [['katex-parse', 3, 1, 'error'], ['missing-asset', 5, 14, 'error']]);
  assert.equal(report.diagnostics[0]!.file, join(dir, 'errors', 'deck.md'));
});

test('--length checks the deck as that length; an undeclared one is an error at the lengths line', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  write('lengths/deck.md', '---\nlengths: {short: 20, full: 45}\n---\n# A\nNote: n\n---\n<!-- .slide: data-lengths="full" -->\n# B\nNote: n');
  assert.match(check(['lengths/deck.md']).out, /1 deck, 1 slide: 0 errors/);
  assert.match(check(['lengths/deck.md', '--length', 'full']).out, /1 deck, 2 slides: 0 errors/);
  // data-lengths on an include slide: the whole part is left out of the short talk.
  write('lengths/part.md', '---\ntitle: Extra\n---\n## P1\nNote: n\n---\n## P2\nNote: n');
  write('lengths/parts.md', '---\nlengths: {short: 20, full: 45}\nsections: {Extra: {full: 5}}\n---\n# A\nNote: n\n---\n<!-- .slide: data-lengths="full" -->\n<!-- include: part.md -->');
  assert.match(check(['lengths/parts.md', '--length', 'short']).out, /1 deck, 1 slide: 0 errors, 0 warnings/);
  assert.match(check(['lengths/parts.md', '--length', 'full']).out, /1 deck, 3 slides: 0 errors, 0 warnings/);
  const bad = check(['lengths/deck.md', '--length', 'medium']);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /deck\.md:2:1: error: length "medium" was asked for, but the deck's lengths are short, full/);
});

test('a reader that closes the pipe early (`lectern export --help | head`) ends the CLI quietly', { skip: !BUILT && 'the CLI is not built (npm run build)' }, async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, 'export', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Closed before the CLI writes a byte, so its first write meets a closed pipe (EPIPE).
  child.stdout.destroy();
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  assert.equal(err, '', 'no stack trace on stderr');
  assert.equal(code, 0);
});
