// Code highlighting at compile time and reveal.js line highlights (issue 12.8): the info
// string's [offset: steps], steps as fragments in both render paths, balanced line HTML.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';
import { parseFenceInfo, parseHighlightSteps, renderCodeBlock, splitHighlightedLines } from '../../electron/deck/code-block';

const FILE = '/tmp/lectern-code-test/deck.md';
const compile = (text: string, sanitizeEverything = false): Deck => compileDeck(text + '\nNote: n', FILE, { sanitizeEverything });

test('the fence info string is read as reveal.js reads it', () => {
  assert.deepEqual(parseFenceInfo('js [1-3|4]'), { language: 'js', lineNumbers: true, startFrom: 1, steps: [[{ start: 1, end: 3 }], [{ start: 4, end: 4 }]] });
  assert.deepEqual(parseFenceInfo('python [5: 2,4-5]'), { language: 'python', lineNumbers: true, startFrom: 5, steps: [[{ start: 2, end: 2 }, { start: 4, end: 5 }]] });
  assert.deepEqual(parseFenceInfo('[]'), { language: '', lineNumbers: true, startFrom: 1, steps: [] });
  assert.deepEqual(parseFenceInfo('sql'), { language: 'sql', lineNumbers: false, startFrom: 1, steps: [] });
  assert.deepEqual(parseHighlightSteps('|2'), [[], [{ start: 2, end: 2 }]]);
});

test('a language fence is highlighted with hljs spans and escaped text', () => {
  const d = compile('```js\nconst a = "<b>";\n```');
  const html = d.slides[0]!.html;
  assert.match(html, /<pre><code class="hljs language-js"><span class="hljs-keyword">const<\/span> a = <span class="hljs-string">&quot;&lt;b&gt;&quot;<\/span>;\n<\/code><\/pre>/);
  assert.equal(d.slides[0]!.fragments, 0);
  assert.deepEqual(d.diagnostics, []);
});

test('a fence without a language stays plain; an unknown language is a located warning', () => {
  const d = compile('# A\n\n```\nx <y>\n```\n\n```mermaid\ngraph\n```');
  assert.match(d.slides[0]!.html, /<pre><code>x &lt;y&gt;\n<\/code><\/pre>/);
  const w = d.diagnostics.find((x) => x.code === 'code-language-unknown');
  assert.ok(w);
  assert.equal(w.line, 7);
  assert.match(w.message, /"mermaid"/);
});

test('lines split with spans closed and reopened across a line break', () => {
  const lines = splitHighlightedLines('a <span class="c">/* x\ny */</span> b\nc');
  assert.deepEqual(lines, ['a <span class="c">/* x</span>', '<span class="c">y */</span> b', 'c']);
});

test('[1-2|3] gives line numbers, highlights, and one fragment per later step, in both render paths', () => {
  for (const sanitizeEverything of [false, true]) {
    const d = compile('# A\n\n```js [10: 1-2|3]\nlet a;\nlet b;\nlet c;\n```', sanitizeEverything);
    const s = d.slides[0]!;
    assert.equal(s.fragments, 1, `sanitizeEverything=${sanitizeEverything}`);
    const codes = [...s.html.matchAll(/<code class="([^"]*)" data-line-numbers="([^"]*)" data-ln-start-from="10">([\s\S]*?)<\/code>/g)];
    assert.equal(codes.length, 2, s.html);
    assert.equal(codes[0]![1], 'hljs language-js has-highlights');
    assert.equal(codes[0]![2], '1-2');
    assert.equal(codes[1]![1], 'hljs language-js has-highlights fragment');
    assert.equal(codes[1]![2], '3');
    const first = [...codes[0]![3]!.matchAll(/<span class="(line[^"]*)"><span class="ln" aria-hidden="true">(\d+)<\/span>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(first, [['line highlight-line', '10'], ['line highlight-line', '11'], ['line', '12']]);
    assert.match(s.html, /<pre class="lectern-code line-numbers has-steps">/);
  }
});

test('steps add to the slide\'s other fragments; a code block with one step adds none', () => {
  const d = compile('# A\n\n- one\n<!-- .element: class="fragment" -->\n\n```py [1|2|3]\na\nb\nc\n```\n\n```py [2]\na\nb\n```');
  assert.equal(d.slides[0]!.fragments, 3);
});

test('an .element comment after a highlighted fence applies to its <pre>', () => {
  const d = compile('```js [1|2]\na\nb\n```\n<!-- .element: class="fragment" -->');
  assert.match(d.slides[0]!.html, /<pre class="lectern-code line-numbers has-steps fragment">/);
  assert.equal(d.slides[0]!.fragments, 2);
});

test('renderCodeBlock keeps empty lines as lines', () => {
  const b = renderCodeBlock('a\n\nb\n', 'txt []');
  assert.equal((b.html.match(/class="line"/g) ?? []).length, 3);
});
