// reveal-md's settings in the front matter: separator, verticalSeparator and notesSeparator
// (regular expressions, run in linear time), reveal.js theme names and theme files, human
// durations; and the dialect and merged-notes warnings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';
import { bodyLooksLikeSlides, notesLookLikeSlides } from '../../electron/deck/merged-slides';
import { parseDuration } from '../../electron/deck/frontmatter';
import { compileSeparator } from '../../electron/deck/separators';

const dir = mkdtempSync(join(tmpdir(), 'lectern-reveal-md-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'deck.md');
const compile = (text: string): Deck => compileDeck(text, FILE);
const find = (d: Deck, code: string) => d.diagnostics.find((x) => x.code === code);

test('separator and verticalSeparator from the front matter, as reveal.js matches them', () => {
  const d = compile('---\nseparator: "^\\n\\n\\n"\nverticalSeparator: "^\\n\\n"\n---\n# A\n\n\n\n# B\n\n\n# B2\n');
  assert.deepEqual(d.slides.map((s) => [s.title, s.h, s.v]), [['A', 0, 0], ['B', 1, 0], ['B2', 1, 1]]);
});

test('notesSeparator replaces Note:, case-insensitively like reveal.js', () => {
  const d = compile('---\nnotesSeparator: "^speaker:"\n---\n# A\nNote: stays text\nSPEAKER: the notes\n');
  assert.match(d.slides[0]!.text, /Note: stays text/);
  assert.equal(d.slides[0]!.notesText.trim(), 'the notes');
});

test('an invalid, unsupported or empty-matching separator is an error at its line', () => {
  for (const [pattern, why] of [['(', /not a valid regular expression/], ['(a)\\1', /linear time/], ['x*', /matches empty text/]] as const) {
    const d = compile(`---\ntitle: T\nseparator: '${pattern}'\n---\n# A\nNote: n`);
    const e = find(d, 'bad-separator');
    assert.ok(e, pattern);
    assert.equal(e.severity, 'error');
    assert.equal(e.line, 3);
    assert.match(e.message, why);
  }
});

test('a catastrophic pattern runs in linear time on RE2 (no hang on a long deck)', () => {
  const p = compileSeparator('x(a|a)*y', false);
  assert.ok(!('error' in p));
  // A backtracking engine needs about 2^40 steps here; RE2 scans once.
  assert.deepEqual(p.matches(`x${'a'.repeat(40)}`), []);
  assert.deepEqual(p.matches(`${'a'.repeat(5)}xaay`), [{ start: 5, end: 9 }]);
});

test('matches are UTF-16 offsets, also after astral characters', () => {
  const p = compileSeparator('<!--s-->', false);
  assert.ok(!('error' in p));
  const text = '😀é\n<!--s-->\n';
  assert.deepEqual(p.matches(text), [{ start: text.indexOf('<!--s-->'), end: text.indexOf('<!--s-->') + 8 }]);
});

test('reveal.js theme names are themes; an unknown theme is a warning naming the fallback', () => {
  assert.equal(compile('---\ntheme: solarized\n---\n# A\nNote: n').meta.theme, 'solarized');
  const d = compile('---\ntheme: evo\n---\n# A\nNote: n');
  assert.equal(d.meta.theme, 'light');
  assert.match(find(d, 'unknown-theme')?.message ?? '', /"evo".*light/);
});

test('a theme file applies, confined, with its fonts as assets and the network removed', () => {
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  writeFileSync(join(dir, 'fonts', 'head.woff2'), 'wOF2');
  writeFileSync(join(dir, 'talk.css'), '@import url(https://fonts.example/x.css);\n@font-face { font-family: H; src: url(fonts/head.woff2); }\n.reveal h2 { color: red; background: url(//cdn.example/x.png) } </style><script>');
  const d = compile('---\ntheme: talk.css\n---\n# A\nNote: n');
  assert.match(d.meta.themeCss ?? '', /url\(lectern-asset:fonts\/head\.woff2\)/);
  assert.doesNotMatch(d.meta.themeCss ?? '', /example|<\/style/i);
  assert.ok(d.assets.some((a) => a.ref === 'fonts/head.woff2'));
  assert.ok(find(d, 'theme-network'));
  const outside = compile('---\ntheme: ../elsewhere.css\n---\n# A\nNote: n');
  assert.equal(find(outside, 'bad-theme')?.severity ?? find(outside, 'missing-theme')?.severity, 'error');
});

test("reveal-md's css: files apply after the theme, in order, confined and offline like a theme file", () => {
  mkdirSync(join(dir, 'css'), { recursive: true });
  writeFileSync(join(dir, 'css', 'layout.css'), '.reveal .col-wrapper { display: flex }\n.reveal .logo { background: url(../fonts/head.woff2) }');
  writeFileSync(join(dir, 'print.css'), '@import url(https://cdn.example/p.css);\n.reveal h2 { color: teal }');
  writeFileSync(join(dir, 'theme.css'), '.reveal h1 { color: navy }');
  const d = compile('---\ntheme: theme.css\ncss: css/layout.css, print.css\n---\n# A\nNote: n');
  const css = d.meta.themeCss ?? '';
  assert.ok(css.indexOf('navy') < css.indexOf('display: flex') && css.indexOf('display: flex') < css.indexOf('teal'), css);
  assert.match(css, /url\(lectern-asset:fonts\/head\.woff2\)/, 'a url() relative to its own file');
  assert.doesNotMatch(css, /example/);
  assert.match(find(d, 'theme-network')?.message ?? '', /^css print\.css: removed @import/);
  assert.equal(find(d, 'theme-network')?.line, 3);
  assert.equal(find(d, 'unknown-front-matter-key'), undefined);

  // A list; a file that is not a stylesheet is a warning; a missing or escaping one an error.
  const listed = compile('---\ncss:\n  - print.css\n  - notes.txt\n  - missing.css\n  - ../outside.css\n---\n# A\nNote: n');
  assert.match(listed.meta.themeCss ?? '', /teal/);
  assert.equal(find(listed, 'css-not-stylesheet')?.line, 4);
  const errors = listed.diagnostics.filter((x) => x.severity === 'error');
  assert.deepEqual(errors.map((e) => [e.line, /missing\.css|outside\.css/.test(e.message)]), [[5, true], [6, true]]);
  assert.equal(find(compile('---\ncss: 3\n---\n# A\nNote: n'), 'front-matter-type')?.severity, 'error');
});

test("reveal-md's scripts: are a warning at the key, since what they draw will be missing", () => {
  const d = compile('---\ntitle: Charts\nscripts: asset/echarts.min.js,charts.js\n---\n# A\nNote: n');
  const w = find(d, 'scripts-not-run');
  assert.equal(w?.severity, 'warning');
  assert.equal(w?.line, 3);
  assert.equal(find(d, 'unknown-front-matter-key'), undefined);
});

test('durations in human forms', () => {
  assert.equal(parseDuration(40), 40);
  assert.equal(parseDuration('40 min'), 40);
  assert.equal(parseDuration('45 minutes'), 45);
  assert.equal(parseDuration('1h 30min'), 90);
  assert.equal(parseDuration('1 hour, 15 mins'), 75);
  assert.equal(parseDuration('1:30'), 90);
  assert.equal(parseDuration('soon'), null);
  assert.equal(parseDuration('40 parsecs'), null);
  assert.equal(compile('---\nduration: 40 min\n---\n# A\nNote: n').meta.duration, 40);
});

test('notes that hold slides are named for what they hold', () => {
  assert.equal(notesLookLikeSlides('Say this.\nAnd that.'), null);
  assert.match(notesLookLikeSlides('Say this.\n\n## Next topic')?.what ?? '', /heading/);
  assert.match(notesLookLikeSlides('Say this.\n\n***\n\n# Part 2')?.what ?? '', /rule followed by a heading/);
  assert.match(notesLookLikeSlides('a\n![x](a.png)\n![y](b.png)')?.what ?? '', /images/);
  assert.match(notesLookLikeSlides('a\n```\nx\n```\n```\ny\n```')?.what ?? '', /code blocks/);
  assert.match(notesLookLikeSlides('a\nNote: b')?.what ?? '', /second Note/);
  assert.equal(notesLookLikeSlides('```md\n# not a heading\n```'), null);
});

test('a slide with three or more top-level headings is named as slides run together', () => {
  assert.equal(bodyLooksLikeSlides('# Title\n## Subtitle\n\nDr. A'), null, 'a title slide has two');
  assert.equal(bodyLooksLikeSlides('## A\n### B\n### C\n#### D'), null, 'lower levels structure one slide');
  assert.equal(bodyLooksLikeSlides('## A\n```md\n# one\n## two\n```\ntext'), null, 'headings in code are text');
  assert.deepEqual(bodyLooksLikeSlides('# A\n\ntext\n\n## B\n\nmore\n\n## C\n\n# D'), { headings: 4, lineOffset: 8 });
  // Setext headings (`===`, and `--` under text, the underline a deck keeps) count at their text.
  assert.deepEqual(bodyLooksLikeSlides('A\n===\n\nB\n--\n\nC\n==='), { headings: 3, lineOffset: 6 });
  assert.equal(bodyLooksLikeSlides('# A\n--\n\n## B'), null, 'an underline under a heading is no second heading');
});

test('a deck whose separators were set in an HTML template is one slide, and check says why', async () => {
  // Blank-line separators that a reveal.js template sets (data-separator), not the deck: Lectern
  // cannot see the template, so it reads one slide and names the cure.
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(join(__dirname, '../fixtures/foreign/template-separators.md'), 'utf8');
  const templated = compile(source);
  assert.equal(templated.slides.length, 1);
  const warning = find(templated, 'slides-look-merged');
  assert.ok(warning, JSON.stringify(templated.diagnostics.map((d) => d.code)));
  assert.equal(warning.severity, 'warning');
  assert.match(source.split('\n')[warning.line - 1] ?? '', /^## During the scan/, 'at the third top-level heading');
  assert.match(warning.message, /4 headings of level 1-2: probably several slides run together.*data-separator.*separator:/);

  // The template's separators in the front matter: the slides reveal.js shows, and no warning.
  const split = compile(`---\nseparator: "^\\n\\n\\n"\nverticalSeparator: "^\\n\\n"\n---\n${source}`);
  assert.deepEqual(split.slides.map((s) => [s.title, s.h, s.v]), [
    ['Contrast media safety', 0, 0], ['Before the scan', 0, 1], ['Who needs premedication?', 0, 2],
    ['During the scan', 1, 0], ['After the scan', 1, 1],
  ]);
  assert.equal(find(split, 'slides-look-merged'), undefined);
});

test('windowed RE2 matching finds what a RegExp over the whole text finds', () => {
  // Decks longer than several search windows, with separators at every kind of position.
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pieces = ['## Slide\n', 'text with ---- dashes\n', '\n', '<!--s-->', '\n---\n', '😀 émoji line\n', '\n\n\n', 'x'.repeat(900), '-----\n', 'Note: n\n'];
  const patterns = ['<!--s-->', '\\r?\\n---\\r?\\n', '^\\n\\n\\n', '^-{3,}$', '\\bNote:'];
  for (let round = 0; round < 6; round++) {
    const text = Array.from({ length: 400 }, () => pieces[rand(pieces.length)]).join('');
    for (const source of patterns) {
      const p = compileSeparator(source, false);
      assert.ok(!('error' in p));
      const want = [...text.matchAll(new RegExp(source, 'gmu'))].filter((m) => m[0] !== '').map((m) => ({ start: m.index, end: m.index + m[0].length }));
      assert.deepEqual(p.matches(text), want, `${source} over ${text.length} characters`);
    }
  }
});
