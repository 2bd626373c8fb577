// Start-up cost: the built CLI loads citation-js, citeproc, highlight.js and KaTeX only for a deck
// that needs them (they took ~0.4 s of CPU at every start when imported eagerly). Each run records
// the packages Node loaded through a --require hook; the deck that uses all four proves the hook
// sees them, so the first test fails if someone brings back an eager import.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const BIN = resolve(__dirname, '..', '..', 'bin', 'lectern.js');
const BUILT = existsSync(resolve(__dirname, '..', '..', 'dist', 'cli.js'));
const dir = mkdtempSync(join(tmpdir(), 'lectern-lazy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HOOK = join(dir, 'loaded-packages.cjs');
// Prints, as the process exits, every package under node_modules it loaded.
writeFileSync(
  HOOK,
  `process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
    if (m) names.add(m[1].replace(/\\\\/g, '/'));
  }
  process.stderr.write('LOADED ' + JSON.stringify([...names]) + '\\n');
});
`,
);

const HEAVY = ['@citation-js/core', '@citation-js/plugin-bibtex', '@citation-js/plugin-csl', 'citeproc', 'highlight.js', 'katex'];

function loadedBy(deck: string): string[] {
  const r = spawnSync(process.execPath, ['--require', HOOK, BIN, 'check', deck], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const line = /^LOADED (.*)$/m.exec(r.stderr);
  assert.ok(line, `no LOADED line in: ${r.stderr}`);
  return (JSON.parse(line[1]!) as string[]).filter((name) => HEAVY.includes(name)).sort();
}

writeFileSync(join(dir, 'plain.md'), '# Plain\n\n- a list\n- with **bold**\n\n```\nno language: no highlighter\n```\n\nNote: n\n---\n## Two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote: n\n');
writeFileSync(join(dir, 'refs.bib'), '@article{smith2001,\n  author = {Smith, A.},\n  title = {A title},\n  journal = {J},\n  year = {2001},\n}\n');
writeFileSync(
  join(dir, 'full.md'),
  '---\nbibliography: refs.bib\n---\n# Full\n\nAs shown [@smith2001], $E = mc^2$.\n\n```js\nconst x = 1;\n```\n\nNote: n\n',
);
writeFileSync(join(dir, 'math.md'), '# Math only\n\n$$\\int_0^1 x\\,dx$$\n\nNote: n\n');

test('a deck without citations, highlighted code or math loads none of their libraries', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  assert.deepEqual(loadedBy('plain.md'), []);
});

test('math alone loads KaTeX and nothing else heavy', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  assert.deepEqual(loadedBy('math.md'), ['katex']);
});

test('a deck with citations, highlighted code and math loads all of them (the hook sees loads)', (t) => {
  if (!BUILT) return t.skip('dist/cli.js is not built (run npm run build)');
  assert.deepEqual(loadedBy('full.md'), [...HEAVY].sort());
});
