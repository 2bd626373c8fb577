// Includes and sections: spliced slides keep their own file and lines, each included deck is a
// section, missing includes and cycles are errors at the include line, confinement holds.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileDeck, loadDeck } from '../../electron/deck/index';

const root = mkdtempSync(join(tmpdir(), 'lectern-include-'));
after(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, 'talk');
mkdirSync(join(dir, 'parts'), { recursive: true });
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
write('parts/physics.md', '---\ntitle: Y-90 physics\n---\n\n## Decay\n\nNote: n\n\n---\n\n## Range\n\n$R = 11\\,\\text{mm}$\n\nNote: n\n');
write('parts/untitled.md', '## Untitled part\n\nNote: n');
write('parts/a.md', '## A\nNote: n\n---\n<!-- include: b.md -->');
write('parts/b.md', '## B\nNote: n\n---\n<!-- include: a.md -->');
write('parts/self.md', '## Self\nNote: n\n---\n<!-- include: self.md -->');
writeFileSync(join(root, 'outside.md'), '## Outside\nNote: n');
const MAIN = join(dir, 'main.md');

test('an include splices the other deck\'s slides, with their own file and lines', () => {
  const d = compileDeck('# Talk\nNote: n\n---\n<!-- include: parts/physics.md -->\n---\n# End\nNote: n', MAIN);
  assert.deepEqual(d.diagnostics, []);
  assert.deepEqual(d.slides.map((s) => s.title), ['Talk', 'Decay', 'Range', 'End']);
  assert.deepEqual(d.slides.map((s) => [s.h, s.v]), [[0, 0], [1, 0], [2, 0], [3, 0]]);
  const physics = join(dir, 'parts', 'physics.md');
  assert.deepEqual(d.slides[1]!.source, { file: physics, startLine: 5, endLine: 7 });
  assert.deepEqual(d.slides[2]!.source, { file: physics, startLine: 11, endLine: 15 });
  assert.deepEqual(d.slides[3]!.source, { file: MAIN, startLine: 6, endLine: 7 });
  assert.ok(d.dependencies.includes(physics));
  assert.equal(d.meta.title, 'Talk');
});

test('each included deck is a section titled by its title (else its first heading)', () => {
  const d = compileDeck(
    '---\nsections:\n  Y-90 physics: 5\n  Untitled part: 1\n---\n# Talk\nNote: n\n---\n<!-- include: parts/physics.md -->\n---\n<!-- include: parts/untitled.md -->\n---\n# After\nNote: n',
    MAIN,
  );
  assert.deepEqual(d.diagnostics, []);
  assert.deepEqual(d.slides.map((s) => s.section), ['', 'Y-90 physics', 'Y-90 physics', 'Untitled part', '']);
});

test('<!-- section: Title --> starts a section that lasts until the next one', () => {
  const d = compileDeck('# A\nNote: n\n---\n<!-- section: Ablation -->\n## B\nNote: n\n---\n## C\nNote: n\n---\n<!-- section: TACE -->\n## D\nNote: n', MAIN);
  assert.deepEqual(d.slides.map((s) => s.section), ['', 'Ablation', 'Ablation', 'TACE']);
  assert.doesNotMatch(d.slides[1]!.html, /section/);
});

test('a missing include is an error at the include line', () => {
  const d = compileDeck('# A\nNote: n\n---\n\n  <!-- include: parts/nope.md -->\n', MAIN);
  const e = d.diagnostics.find((x) => x.code === 'missing-include');
  assert.ok(e);
  assert.deepEqual([e.file, e.line, e.column, e.severity], [MAIN, 5, 3, 'error']);
  assert.equal(d.slides.length, 1);
});

test('an include cycle is an error at the include that closes it, not a hang', () => {
  const d = compileDeck('# Main\nNote: n\n---\n<!-- include: parts/a.md -->', MAIN);
  const e = d.diagnostics.find((x) => x.code === 'include-cycle');
  assert.ok(e, JSON.stringify(d.diagnostics));
  assert.equal(e.file, join(dir, 'parts', 'b.md'));
  assert.equal(e.line, 4);
  assert.match(e.message, /a\.md -> b\.md -> a\.md/);
  assert.deepEqual(d.slides.map((s) => s.title), ['Main', 'A', 'B']);
  const self = loadDeck(join(dir, 'parts', 'self.md'));
  assert.ok(self.diagnostics.some((x) => x.code === 'include-cycle'));
});

test('includes are confined to the top deck\'s folder', () => {
  const d = compileDeck('# A\nNote: n\n---\n<!-- include: ../outside.md -->', MAIN);
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.severity]), [['include-outside-deck', 'error']]);
  assert.equal(d.slides.length, 1);
});

test('an include that is not alone on its slide is an error', () => {
  const d = compileDeck('# A\n<!-- include: parts/physics.md -->\nNote: n', MAIN);
  assert.ok(d.diagnostics.some((x) => x.code === 'include-not-alone' && x.line === 2));
});

test('an included deck checked on its own compiles on its own', () => {
  const d = loadDeck(join(dir, 'parts', 'physics.md'));
  assert.equal(d.meta.title, 'Y-90 physics');
  assert.equal(d.slides.length, 2);
  assert.deepEqual(d.diagnostics, []);
});

test('an include under -- continues the vertical stack', () => {
  const d = compileDeck('# Top\nNote: n\n\n--\n<!-- include: parts/physics.md -->\n---\n# End\nNote: n', MAIN);
  assert.deepEqual(d.slides.map((s) => [s.title, s.h, s.v]), [['Top', 0, 0], ['Decay', 0, 1], ['Range', 1, 0], ['End', 2, 0]]);
});

test('an include bomb stops at the include limit with an error', () => {
  const bomb = join(dir, 'bomb');
  mkdirSync(bomb, { recursive: true });
  for (let level = 0; level < 6; level++) {
    const next = level === 5 ? null : `l${level + 1}.md`;
    const body = next ? Array.from({ length: 10 }, () => `<!-- include: ${next} -->`).join('\n---\n') : '## Leaf\nNote: n';
    writeFileSync(join(bomb, `l${level}.md`), body);
  }
  const d = loadDeck(join(bomb, 'l0.md'));
  assert.ok(d.slides.length <= 10_000, `${d.slides.length} slides`);
  assert.ok(d.diagnostics.some((x) => x.code === 'include-limit' && x.severity === 'error'));
});
