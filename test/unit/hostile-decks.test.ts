// Hostile decks through the real compiler: each compiles without a crash or a hang (in a child
// process with a deadline), reports diagnostics located in its file, and its HTML is inert.
// Committed fixtures: test/fixtures/hostile/. Huge and byte-level decks are generated here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { Deck } from '../../electron/deck/types';
import { IsolatedCompiler, badlyLocated, deckProblems, lineCount, linesMatching } from './hostile-harness';

const FIXTURES = join(__dirname, '..', 'fixtures', 'hostile');
/** A hang guard, not a benchmark: generous so a loaded machine does not fail a correct compiler. */
const DEADLINE_MS = 30_000;
const BIG_DEADLINE_MS = 180_000;

const compiler = new IsolatedCompiler();
let tmp = '';

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'lectern-hostile-'));
});
after(() => {
  compiler.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Compiles and applies the checks every hostile deck must pass. */
async function compileChecked(file: string, deadline = DEADLINE_MS): Promise<Deck> {
  const deck = await compiler.compile(file, deadline);
  assert.ok(Array.isArray(deck.slides) && deck.slides.length > 0, 'at least one slide');
  assert.deepEqual(deckProblems(deck), [], 'compiled HTML is inert');
  assert.deepEqual(badlyLocated(deck.diagnostics, lineCount), [], 'every diagnostic has a real location');
  return deck;
}

function write(name: string, content: string | Buffer): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

function diagnosticLines(deck: Deck, file: string): Set<number> {
  return new Set(deck.diagnostics.filter((d) => resolve(d.file) === resolve(file)).map((d) => d.line));
}

describe('raw HTML attacks', () => {
  const file = join(FIXTURES, 'raw-html.md');
  const source = readFileSync(file, 'utf8');
  let deck: Deck | undefined;

  test('compiles to inert HTML with located diagnostics', async () => {
    deck = await compileChecked(file);
    assert.ok(deck.diagnostics.length > 0, 'removed HTML is reported');
  });

  // Every line that carries an attack must be reported where it is, so the author can find it.
  const attack = /<script|<scr<|\son\w+\s*=|javascript|&#106;|vbscript|data:text\/html|<iframe|<object|<embed|<frame|<portal|<base|<meta|<link|<form|<svg>?<(script|foreignObject|a |use |image |set )|<style|style="|<img src="https|srcset=|<video|<audio|<picture|background=|\]\(https:|<!-- \.(slide|element)/i;
  for (const line of linesMatching(source, attack)) {
    const text = source.split('\n')[line - 1] ?? '';
    test(`line ${line} is reported: ${text.trim().slice(0, 70)}`, () => {
      assert.ok(deck, 'deck compiled');
      // Multi-line tags are reported at their first line; the whitespace-in-scheme link spans two.
      const lines = diagnosticLines(deck, file);
      assert.ok(lines.has(line) || lines.has(line - 1), `a diagnostic at line ${line}; got lines ${[...lines].join(',')}`);
    });
  }
});

describe('Markdown-only attacks (slides without raw HTML take a separate path)', () => {
  const file = join(FIXTURES, 'markdown-only.md');
  const source = readFileSync(file, 'utf8');
  let deck: Deck | undefined;

  test('compiles to inert HTML with located diagnostics', async () => {
    deck = await compileChecked(file);
  });

  for (const line of linesMatching(source, /javascript|vbscript|file:\/\/|data:text|https:\/\/evil|\/\/evil|onclick|onmouseover=|onload=|data-src/i)) {
    const text = source.split('\n')[line - 1] ?? '';
    // Link titles and alt text are text, escaped into an attribute: nothing to report.
    if (/^\[quote|^!\[alt"|^\[evil\]:/.test(text)) continue;
    test(`line ${line} is reported: ${text.slice(0, 70)}`, () => {
      assert.ok(deck);
      assert.ok(diagnosticLines(deck, file).has(line), `a diagnostic at line ${line}`);
    });
  }

  // That titles and alt text stay inside their attribute (no onmouseover/onerror attribute on any
  // element) is part of the inertness check every deck gets in compileChecked.
});

describe('KaTeX', () => {
  const file = join(FIXTURES, 'katex.md');
  const source = readFileSync(file, 'utf8');
  let deck: Deck | undefined;

  test('compiles to inert HTML (trust off, expansion and size capped)', async () => {
    deck = await compileChecked(file);
  });

  test('no KaTeX link or HTML extension survives', () => {
    assert.ok(deck);
    const html = deck.slides.map((s) => s.html).join('\n');
    assert.doesNotMatch(html, /href="(javascript|https?):/i);
    assert.doesNotMatch(html, /data-onclick|data-foo=/i);
    assert.doesNotMatch(html, /id="lectern-boot"/);
    assert.doesNotMatch(html, /<img[^>]+evil\.example/i);
  });

  test('the macro blow-up and the infinite macro are errors at their lines', () => {
    assert.ok(deck);
    const errors = new Set(deck.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line));
    for (const line of linesMatching(source, /\\def\\a\{|\\def\\x\{\\x\}/)) assert.ok(errors.has(line), `error at line ${line}`);
  });

  test('a formula KaTeX cannot parse is an error at its line, and the slide still renders', () => {
    assert.ok(deck);
    const errors = new Set(deck.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line));
    for (const line of linesMatching(source, /\\frac\{1\}\{\$|begin\{matrix\}/)) assert.ok(errors.has(line), `error at line ${line}`);
    const broken = deck.slides.find((s) => s.title === 'Broken');
    assert.ok(broken);
    assert.match(broken.html, /lectern-math-error/);
    assert.match(broken.html, /class="katex/, 'the valid mhchem formula beside it still renders');
  });

  test('huge sizes are capped: no dimension beyond maxSize in the output', () => {
    assert.ok(deck);
    const html = deck.slides.map((s) => s.html).join('\n');
    for (const m of html.matchAll(/(?:width|height|border-[a-z-]*width|margin-[a-z]+)\s*:\s*(-?[\d.]+)em/g)) {
      assert.ok(Math.abs(Number(m[1])) <= 100, `a ${m[0]} in the output`);
    }
  });

  for (const line of linesMatching(source, /\\href|\\url|\\html(Data|Class|Id|Style)|\\includegraphics/)) {
    const text = source.split('\n')[line - 1] ?? '';
    test(`line ${line} is reported: ${text.slice(0, 60)}`, () => {
      assert.ok(deck);
      assert.ok(diagnosticLines(deck, file).has(line), `a diagnostic at line ${line}`);
    });
  }

  test('a 100 KB formula compiles (rendered or an error box), no hang', async () => {
    const big = write('big-formula.md', `# Big\n\n$$${'x_{1}+'.repeat(100_000 / 6)}y$$\n\nNote: a long formula\n`);
    await compileChecked(big, BIG_DEADLINE_MS);
  });
});

describe('asset paths', () => {
  let deckFile = '';
  let deck: Deck | undefined;
  let source = '';

  before(() => {
    // A copy with the symlinks and an outside secret next to it.
    const root = join(tmp, 'assets-deck');
    cpSync(join(FIXTURES, 'assets'), root, { recursive: true });
    writeFileSync(join(tmp, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>');
    mkdirSync(join(tmp, 'outside-dir'));
    writeFileSync(join(tmp, 'outside-dir', 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>');
    symlinkSync(join(tmp, 'secret.svg'), join(root, 'images', 'link-out.svg'));
    symlinkSync(join(tmp, 'outside-dir'), join(root, 'linked-dir'));
    deckFile = join(root, 'deck.md');
    source = readFileSync(deckFile, 'utf8');
  });

  test('compiles to inert HTML with located diagnostics', async () => {
    deck = await compileChecked(deckFile);
  });

  test('no asset outside the deck folder is used, even through a symlink', () => {
    assert.ok(deck);
    const root = resolve(deck.root);
    for (const asset of deck.assets) {
      assert.ok(asset.path.startsWith(root + sep), `${asset.path} is inside ${root}`);
      assert.doesNotMatch(asset.path, /secret|passwd|win\.ini/);
    }
    // The refused reference may be quoted in the visible placeholder, never in a URL attribute.
    const html = deck.slides.map((s) => s.html).join('\n');
    assert.doesNotMatch(html, /(src|href|srcset|poster|data)\s*=\s*["']?[^"'>]*(secret\.svg|passwd|win\.ini|link-out|linked-dir)/i);
  });

  test('the local diagram and the SVG with script are kept as assets', () => {
    assert.ok(deck);
    const refs = deck.assets.map((a) => a.ref).sort();
    assert.deepEqual(refs, ['images/ok.svg', 'images/script.svg']);
  });

  const expectations: Array<[string, RegExp, RegExp]> = [
    ['../ escape', /\]\(\.\.\/secret/, /outside/],
    ['images/../../ escape', /images\/\.\.\/\.\.\//, /outside/],
    ['absolute path', /\(\/etc\/passwd\)/, /absolute|outside/],
    ['Windows absolute path', /C:\\Windows/, /absolute|outside|scheme/],
    ['file: URL', /file:\/\/\//, /file|scheme|not allowed/],
    ['URL-encoded escape', /\(%2e%2e\/secret/, /outside/],
    ['encoded slash', /\.\.%2fsecret/, /outside/],
    ['double-encoded escape', /%252e/, /outside/],
    ['backslash escape', /\.\.\\secret/, /outside/],
    ['bad percent-encoding', /%E0%A4%A\./, /percent|valid/],
    ['raw HTML escape', /<img src="\.\.\/secret/, /outside/],
    ['raw HTML encoded escape', /<img src="%2e%2e%2f/, /outside/],
    ['symlink to a file outside', /link-out\.svg/, /link|outside/],
    ['symlinked folder', /linked-dir/, /link|outside/],
    ['missing file', /missing\.png/, /not found|missing/],
    ['text named .png', /not-an-image\.png/, /not an image/],
    ['text named .svg', /text\.svg/, /not an image/],
  ];
  for (const [what, linePattern, message] of expectations) {
    test(`${what} is an error at its line`, () => {
      assert.ok(deck);
      const [line] = linesMatching(source, linePattern);
      assert.ok(line, `fixture has a ${what} line`);
      const found = deck.diagnostics.filter((d) => d.line === line && d.severity === 'error');
      assert.ok(found.length > 0, `an error at line ${line}; diagnostics: ${JSON.stringify(deck.diagnostics.map((d) => `${d.line}:${d.code}`))}`);
      assert.ok(found.some((d) => message.test(d.message)), `message matches ${message}: ${found.map((d) => d.message).join(' | ')}`);
    });
  }
});

describe('includes', () => {
  const file = join(FIXTURES, 'includes', 'deck.md');
  const source = readFileSync(file, 'utf8');
  let deck: Deck | undefined;

  test('compiles to inert HTML with located diagnostics', async () => {
    deck = await compileChecked(file);
  });

  test('nothing from outside the deck folder is included', () => {
    assert.ok(deck);
    const text = deck.slides.map((s) => `${s.text}\n${s.notesText}`).join('\n');
    assert.doesNotMatch(text, /root:x:0|Raw HTML attacks|Hostile math|Links in math/);
    assert.ok(deck.dependencies.every((d) => d.startsWith(join(FIXTURES, 'includes'))), `dependencies stay inside: ${deck.dependencies.join(', ')}`);
  });

  for (const [what, pattern, code, elsewhere] of [
    ['../ escape', /include: \.\.\//, /outside/, false],
    ['absolute path', /include: \/etc/, /outside|absolute/, false],
    ['encoded escape', /include: %2e%2e/, /outside/, false],
    // The cycle closes inside sub/: reported where it closes.
    ['a cycle through another file', /include: sub\/cycle-a/, /cycle/, true],
    ['itself', /include: deck\.md/, /cycle/, false],
    ['a missing file', /include: missing/, /missing/, false],
    ['a folder', /include: sub -->/, /missing|not a file/, false],
  ] as const) {
    test(`an include of ${what} is an error`, () => {
      assert.ok(deck);
      const [line] = linesMatching(source, pattern);
      const here = deck.diagnostics.filter((d) => d.severity === 'error' && code.test(d.code));
      assert.ok(
        here.some((d) => (d.file === file && d.line === line) || (elsewhere && d.file.includes(`${sep}sub${sep}`))),
        `an error (${code}) for line ${line}: ${JSON.stringify(deck.diagnostics.map((d) => `${d.file.split('/').pop()}:${d.line}:${d.code}`))}`,
      );
    });
  }

  // Nine files of ~300 bytes, each including the next ten times, would ask for 10^8 slides.
  test('an include bomb (each of 9 files includes the next ten times) is refused, not expanded', async () => {
    const bomb = await compileChecked(join(FIXTURES, 'include-bomb', 'deck.md'), 20_000);
    assert.ok(bomb.slides.length <= 10_001, `${bomb.slides.length} slides`);
    const limits = bomb.diagnostics.filter((d) => d.severity === 'error' && /limit/.test(d.code));
    assert.ok(limits.length > 0, 'the limit is reported');
    assert.ok(limits.every((d) => /level-\d\.md$|deck\.md$/.test(d.file) && d.line > 0), 'at include lines');
  });
});

describe('front matter', () => {
  test('a YAML alias bomb is an error at its line, not a hang', async () => {
    const file = join(FIXTURES, 'yaml-bomb.md');
    const deck = await compileChecked(file);
    const errors = deck.diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.length > 0, 'an error is reported');
    assert.ok(errors.every((d) => d.line >= 2 && d.line <= 12), `errors inside the front matter: ${errors.map((d) => d.line).join(',')}`);
    assert.equal(deck.slides[0]?.title, 'The deck still compiles');
  });

  test('hostile front-matter values are inert and cannot pollute prototypes', async () => {
    const file = join(FIXTURES, 'yaml-hostile.md');
    const deck = await compileChecked(file);
    assert.ok(deck.meta.theme === 'light' || deck.meta.theme === 'dark', `theme is ${deck.meta.theme}`);
    assert.equal(typeof deck.meta.title, 'string');
    assert.ok(deck.meta.duration === undefined || Number.isFinite(deck.meta.duration), 'duration is finite or absent');
    assert.ok(deck.meta.sections.every((s) => Number.isFinite(s.minutes) && s.minutes >= 0), 'section budgets are sane');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(deck.diagnostics.some((d) => d.severity === 'error' && d.line >= 2 && d.line <= 13), 'bad values are reported');
  });
});

describe('documents', () => {
  test('10 MB of Markdown', async () => {
    const slide = (i: number): string =>
      `# Slide ${i}\n\n` +
      `- point ${i} with **bold**, _em_, \`code\` and $x_{${i % 50}}^2$\n` +
      `- another point with [a link](#top) and ~~strike~~\n`.repeat(39) +
      `\n| a | b |\n|---|---|\n| ${i} | $\\alpha$ |\n\n\`\`\`js\nconst x = ${i};\n\`\`\`\n\n` +
      `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(80)}\n\nNote: notes for ${i}\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const s = slide(i);
      parts.push(s);
      size += s.length;
    }
    const file = write('ten-megabytes.md', parts.join('\n---\n\n'));
    const deck = await compileChecked(file, BIG_DEADLINE_MS);
    assert.equal(deck.slides.length, parts.length);
  });

  test('10,000 slides', async () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => `# Slide ${i}\n\nText $a_{${i}}$\n\nNote: say ${i}\n`);
    const file = write('ten-thousand.md', parts.join('\n---\n\n'));
    const deck = await compileChecked(file, BIG_DEADLINE_MS);
    assert.equal(deck.slides.length, 10_000);
    assert.equal(deck.slides[9_999]?.title, 'Slide 9999');
    assert.equal(deck.slides[9_999]?.index, 9_999);
  });

  test('lists nested 10,000 deep', async () => {
    const file = write(
      'deep-lists.md',
      `# Deep\n\n${'- '.repeat(10_000)}bottom\n\n---\n\n# Deep ordered\n\n${'1. '.repeat(10_000)}bottom\n\n---\n\n# Deep quotes\n\n${'> '.repeat(10_000)}bottom\n\nNote: nesting\n`,
    );
    await compileChecked(file, BIG_DEADLINE_MS);
  });

  // marked re-lexes each nested list (cubic in depth); the compiler must refuse absurd nesting first.
  test('lists nested 2,000 deep by indentation', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
    const file = write('deep-indent.md', `# Indented\n\n${lines.join('\n')}\n`);
    await compileChecked(file, DEADLINE_MS);
  });

  test('invalid UTF-8 compiles, with U+FFFD in the text and a warning at the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# Invalid bytes\n\nfine line\n\nbad: '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
      Buffer.from(' end\n\nNote: bytes that are not UTF-8\n'),
    ]);
    const file = write('invalid-utf8.md', bytes);
    const deck = await compileChecked(file);
    assert.match(deck.slides[0]?.text ?? '', /\uFFFD/);
    assert.ok(
      deck.diagnostics.some((d) => d.line === 5),
      `a diagnostic at line 5; got ${JSON.stringify(deck.diagnostics.map((d) => `${d.line}:${d.code}`))}`,
    );
  });

  test('a BOM is not part of the first title or the front matter', async () => {
    const file = write('bom.md', '\uFEFF---\ntitle: With BOM\n---\n\n# First\n\nNote: n\n');
    const deck = await compileChecked(file);
    assert.equal(deck.meta.title, 'With BOM');
    assert.equal(deck.slides[0]?.title, 'First');
    const noFront = await compileChecked(write('bom-plain.md', '\uFEFF# Plain\n\nNote: n\n'));
    assert.equal(noFront.slides[0]?.title, 'Plain');
  });

  /** LF, CRLF and CR in turn; never CR then LF across an empty line (that would be one CRLF). */
  const mixEndings = (text: string): string => {
    let out = '';
    let previous = '';
    text.split('\n').forEach((line, i, all) => {
      if (i === all.length - 1) return void (out += line);
      let eol = ['\n', '\r\n', '\r'][i % 3] ?? '\n';
      if (eol === '\n' && previous === '\r' && line === '') eol = '\r\n';
      out += line + eol;
      previous = eol;
    });
    return out;
  };
  const sample = '---\ntitle: Endings\n---\n\n# One\n\ntext\n\nNote: first\n\n---\n\n# Two\n\n$x^2$\n\n--\n\n# Three\n\n```\n---\n```\n\nNote: third\n';
  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['mixed', '\n'],
  ] as const) {
    test(`${name} line endings give the same deck as LF`, async () => {
      const lf = await compileChecked(write(`eol-lf-${name}.md`, sample));
      const text = name === 'mixed' ? mixEndings(sample) : sample.replace(/\n/g, eol);
      const other = await compileChecked(write(`eol-${name}.md`, text));
      const shape = (d: Deck): unknown =>
        d.slides.map((s) => ({ title: s.title, h: s.h, v: s.v, notes: s.notesText.trim(), lines: [s.source.startLine, s.source.endLine] }));
      assert.deepEqual(shape(other), shape(lf));
      assert.equal(other.meta.title, 'Endings');
      assert.equal(other.slides.length, 3);
    });
  }

  test('NUL bytes do not reach the HTML', async () => {
    const file = write('nul.md', '# N\u0000UL\n\ntext\u0000with\u0000nuls <b\u0000>x</b>\n\n$x\u0000y$\n\nNote: n\u0000\n');
    const deck = await compileChecked(file);
    for (const s of deck.slides) {
      assert.ok(!s.html.includes('\u0000'), 'no NUL in slide HTML');
      assert.ok(!s.notesHtml.includes('\u0000'), 'no NUL in notes HTML');
      assert.ok(!s.title.includes('\u0000'), 'no NUL in the title');
    }
  });

  test('1 MB of binary garbage', async () => {
    // Deterministic bytes (xorshift), including `<`, `$`, backticks and newlines.
    let x = 0x9e3779b9;
    const bytes = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    const deck = await compileChecked(write('garbage.bin.md', bytes), BIG_DEADLINE_MS);
    assert.ok(deck.slides.length >= 1);
  });

  test('an empty file and a file of separators', async () => {
    const empty = await compiler.compile(write('empty.md', ''), DEADLINE_MS);
    assert.deepEqual(deckProblems(empty), []);
    const seps = await compiler.compile(write('seps.md', '---\n'.repeat(5_000)), DEADLINE_MS);
    assert.deepEqual(deckProblems(seps), []);
    assert.deepEqual(badlyLocated(seps.diagnostics, lineCount), []);
  });
});
