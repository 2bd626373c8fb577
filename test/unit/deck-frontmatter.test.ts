// Front matter: every key, defaults, wrong types and YAML errors at their deck line, unknown keys,
// section budgets as a map or a list, and alias bombs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';
import { indentQuotedContinuations } from '../../electron/deck/quoted-continuations';

const FILE = '/tmp/lectern-fm-test/deck.md';
const compile = (fm: string, body = '# Slide\nNote: n'): Deck => compileDeck(`---\n${fm}\n---\n${body}`, FILE);

test('all keys are read', () => {
  const d = compile(
    'title: NET liver metastases\nauthor: A. Author\ndate: 2026-11-26\nvenue: Hall 1\ntheme: dark\nduration: 45\nslideNumbers: false\nsections:\n  Intro: 5\n  Y-90: 8',
    '<!-- section: Intro -->\n# A\nNote: n\n---\n<!-- section: Y-90 -->\n# B\nNote: n',
  );
  assert.deepEqual(d.diagnostics, []);
  assert.deepEqual(d.meta, {
    title: 'NET liver metastases',
    author: 'A. Author',
    date: '2026-11-26',
    venue: 'Hall 1',
    theme: 'dark',
    duration: 45,
    slideNumbers: false,
    sections: [{ title: 'Intro', minutes: 5 }, { title: 'Y-90', minutes: 8 }],
  });
  assert.deepEqual(d.slides.map((s) => s.section), ['Intro', 'Y-90']);
});

test('defaults without front matter', () => {
  const d = compileDeck('# Only\nNote: n', FILE);
  assert.deepEqual(d.meta, { title: 'Only', author: undefined, date: undefined, venue: undefined, theme: 'light', duration: undefined, slideNumbers: true, sections: [] });
});

test('sections may be a list of {title, minutes}', () => {
  const d = compile('sections:\n  - title: Intro\n    minutes: 2\n  - { title: End, minutes: 1.5 }', '<!-- section: Intro -->\n# A\nNote: n\n---\n<!-- section: End -->\n# B\nNote: n');
  assert.deepEqual(d.meta.sections, [{ title: 'Intro', minutes: 2 }, { title: 'End', minutes: 1.5 }]);
  assert.deepEqual(d.diagnostics, []);
});

test('a YAML date value is stored as an ISO date string', () => {
  assert.equal(compile('date: 2026-11-26').meta.date, '2026-11-26');
  assert.equal(compile('date: "26 November 2026"').meta.date, '26 November 2026');
});

test('an unknown key is a warning at its line, with a suggestion for typos', () => {
  const d = compile('title: T\ndurtion: 45');
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.severity, x.line, x.column]), [['unknown-front-matter-key', 'warning', 3, 1]]);
  assert.match(d.diagnostics[0]!.message, /durtion.*did you mean "duration"/);
});

test('wrong types are errors at the value; an unknown theme is a warning naming the fallback', () => {
  const d = compile('title: T\ntheme: blue\nduration: soon\nslideNumbers: maybe\nsections: 5');
  assert.deepEqual(
    d.diagnostics.map((x) => [x.code, x.severity, x.line, x.column]),
    [
      ['unknown-theme', 'warning', 3, 8],
      ['front-matter-type', 'error', 4, 11],
      ['front-matter-type', 'error', 5, 15],
      ['front-matter-type', 'error', 6, 11],
    ],
  );
  assert.equal(d.meta.theme, 'light');
  assert.equal(d.slides.length, 1);
});

test('YAML syntax errors are errors at their deck line; the slides still compile', () => {
  const d = compile('title: T\nauthor: [unclosed\nvenue: x');
  const e = d.diagnostics.find((x) => x.code === 'front-matter-syntax');
  assert.ok(e);
  assert.equal(e.severity, 'error');
  assert.ok(e.line >= 3 && e.line <= 5, `line ${e.line}`);
  assert.equal(d.slides.length, 1);
});

test('a duplicate key is an error', () => {
  const d = compile('title: A\ntitle: B');
  assert.ok(d.diagnostics.some((x) => x.severity === 'error' && x.line === 3));
});

test('an alias bomb is an error, not a hang', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  const start = performance.now();
  const d = compile(lines.join('\n'));
  assert.ok(performance.now() - start < 5000);
  assert.ok(d.diagnostics.some((x) => x.code === 'front-matter-syntax' && x.severity === 'error'), JSON.stringify(d.diagnostics));
});

test('a budget for a section that does not exist is a warning at the budget line', () => {
  const d = compile('sections:\n  Intro: 5\n  Missing: 3', '<!-- section: Intro -->\n# A\nNote: n');
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.line]), [['unknown-section', 4]]);
});

test('a nested value where text is expected is an error', () => {
  const d = compile('title:\n  nested: x');
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.line]), [['front-matter-type', 3]]);
});

test('a block that does not look like settings is a slide, not front matter', () => {
  const d = compileDeck('---\n- just\n- a list\n---\n# B\nNote: n', FILE);
  assert.equal(d.slides.length, 2);
});

test('reveal-md settings are accepted silently', () => {
  assert.deepEqual(compile('title: T\nrevealOptions:\n  transition: fade').diagnostics, []);
});

test('a quoted value whose later lines are not indented is read as reveal-md reads it, with a warning', () => {
  // reveal-md's js-yaml accepts this; YAML wants the later lines indented under the key.
  const source = [
    '---',
    'title: Contrast reactions',
    'description: "Who is at risk: the history,',
    'what to do in the first five minutes,',
    '',
    'and what to \\"write down\\"."',
    "venue: 'St. Mary''s,",
    "Room 2'",
    'separator: <!--s-->',
    '---',
    '# One',
    'Note: n',
    '<!--s-->',
    '# Two',
    'Note: n',
  ].join('\n');
  const deck = compileDeck(source, '/talks/deck.md');
  assert.deepEqual(deck.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(deck.meta.title, 'Contrast reactions');
  assert.equal(deck.meta.venue, "St. Mary's, Room 2");
  assert.equal(deck.slides.length, 2, 'the keys after the value are read (the separator)');
  const warnings = deck.diagnostics.filter((d) => d.code === 'front-matter-syntax');
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.severity, 'warning');
  assert.equal(warnings[0]!.line, 4, 'at the first line that lacks indentation');
  assert.match(warnings[0]!.message, /quoted value of description .*reveal-md/);
});

test('the repair indents only what a quoted value lacks, and keeps every line', () => {
  assert.equal(indentQuotedContinuations('title: "one line"\nauthor: x'), null, 'nothing runs on');
  assert.equal(indentQuotedContinuations('title: "runs on\n  indented already"'), null);
  const nested = indentQuotedContinuations('talk:\n  summary: "a\nb"\n  room: "1"');
  assert.deepEqual(nested, { text: 'talk:\n  summary: "a\n   b"\n  room: "1"', key: 'summary', line: 2 });
  // An escaped quote does not close a double-quoted value; '' does not close a single-quoted one.
  assert.equal(indentQuotedContinuations('a: "x \\" y\nz"')?.text, 'a: "x \\" y\n z"');
  assert.equal(indentQuotedContinuations("a: 'it''s\nz'")?.text, "a: 'it''s\n z'");
  const text = 'a: "x\ny"\nb: 1\nc: "p\nq"';
  assert.equal(indentQuotedContinuations(text)?.text.split('\n').length, text.split('\n').length);
});

test('a front matter that is wrong in other ways keeps its own errors after the repair is tried', () => {
  const deck = compileDeck('---\ndescription: "runs on\nunindented"\ntitle: [unclosed\n---\n# A\nNote: n', '/talks/deck.md');
  const errors = deck.diagnostics.filter((d) => d.severity === 'error');
  assert.ok(errors.length > 0);
  assert.ok(errors.every((e) => e.code === 'front-matter-syntax'), JSON.stringify(errors));
  assert.equal(errors[0]!.line, 2, 'the errors of the deck as written: the value that runs on');
  assert.match(errors[0]!.message, /closing "quote/);
});
