// Markdown-only slides skip sanitize-html (marked escapes all text) and put URLs and attributes
// through the policy while rendering. Both paths must give the same deck: same diagnostics,
// assets, attributes and fragments, and the same HTML once serialisation is normalised.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import sanitizeHtml from 'sanitize-html';
import { compileDeck, type Deck } from '../../electron/deck/index';

const dir = mkdtempSync(join(tmpdir(), 'lectern-trusted-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'pic.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
writeFileSync(join(dir, 'notes.txt'), 'x');
const FILE = join(dir, 'deck.md');

const samples = [
  '# Title\n\n- one <!-- .element: class="fragment" -->\n- two <!-- .element: class="fragment" data-fragment-index="3" onclick="x()" style="color:red" -->\n\nNote: n',
  '[web](https://example.com "T") [local](notes.txt) [gone](gone.pdf) [frag](#x) [mail](mailto:a@b.c) [js](javascript:alert(1)) <https://auto.example> www.example.com',
  '![Pic](pic.png "A title") ![](pic.png) ![Remote](https://evil.example/x.png) ![Up](../x.png) ![Missing](nope.png) ![Data](data:image/png;base64,iVBORw0KGgo=) ![Bad](data:text/html,x)',
  '![Pic](pic.png) <!-- .element: class="fragment" width="50%" -->\n\nPara *em* **strong** ~~del~~ `code` <!-- .element: class="fragment" -->',
  '```js\nconst a = "<b>" && 1;\n```\n\n| a | b |\n|:-|-:|\n| <x> | & |\n\n1. x\n2. y\n\n> quote\n\n- [x] done\n- [ ] todo\n\n---',
  'Text with "quotes" & \'apostrophes\' < > and $x < y$ math\n\n$$\n\\frac{a}{b}\n$$',
  '<!-- .slide: data-background-image="pic.png" data-background-iframe="https://x" class="c" -->\n# S',
];

function normalize(html: string): string {
  return sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, parseStyleAttributes: false, selfClosing: ['img', 'br', 'hr', 'input'] });
}
function comparable(d: Deck): unknown {
  return {
    slides: d.slides.map((s) => ({ ...s, html: normalize(s.html), notesHtml: normalize(s.notesHtml) })),
    diagnostics: d.diagnostics,
    assets: d.assets,
  };
}

for (const [i, sample] of samples.entries()) {
  test(`Markdown-only sample ${i + 1} compiles the same with and without the sanitizer`, () => {
    const fast = compileDeck(sample, FILE);
    const slow: Deck = compileDeck(sample, FILE, { sanitizeEverything: true });
    assert.deepEqual(comparable(fast), comparable(slow));
    assert.doesNotMatch(fast.slides.map((s) => s.html).join(''), /javascript:|onclick|evil\.example|data:text/);
  });
}
