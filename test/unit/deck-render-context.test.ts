// The compiler's seams: the comment directive table drives the tokenizer and the walker, and
// every render reads its state from the context it is given (no module-level switches).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createAssetResolver } from '../../electron/deck/assets';
import { COMMENT_DIRECTIVES, directiveFor, type CommentToken } from '../../electron/deck/directives';
import { createDeckCompiler } from '../../electron/deck/index';
import { createMarkdown } from '../../electron/deck/markdown';
import { DEFAULT_RENDER_OPTIONS, type DeckRenderContext } from '../../electron/deck/render-context';
import { renderSlide } from '../../electron/deck/slide';

const dir = mkdtempSync(join(tmpdir(), 'lectern-context-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'deck.md');

function comments(markdown: string): CommentToken[] {
  const found: CommentToken[] = [];
  const md = createMarkdown();
  md.walkTokens(md.lexer(markdown), (t) => {
    if (t.type === 'lecternComment') found.push(t as unknown as CommentToken);
  });
  return found;
}

test('every declared directive is read as a block and inside a paragraph', () => {
  assert.deepEqual(COMMENT_DIRECTIVES.map((d) => d.keyword), ['.slide', '.element', 'section', 'references', 'backup', 'include']);
  for (const d of COMMENT_DIRECTIVES) {
    const block = comments(`<!-- ${d.keyword}: x="1" -->\n\ntext`);
    assert.deepEqual(block.map((c) => [c.keyword, c.value, c.block]), [[d.keyword, 'x="1"', true]], d.keyword);
    const inline = comments(`some text <!-- ${d.keyword}: y --> more`);
    assert.deepEqual(inline.map((c) => [c.keyword, c.value, c.block]), [[d.keyword, 'y', false]], d.keyword);
    assert.equal(directiveFor(d.keyword), d);
  }
  // A comment whose keyword is not declared is an ordinary comment.
  assert.deepEqual(comments('<!-- citations: x -->\n\ntext <!-- notes: y --> end'), []);
  assert.equal(directiveFor('citations'), undefined);
});

test('a slide renders from the deck context it is given: the options travel with it', () => {
  const resolver = createAssetResolver(dir);
  const deck = (sanitizeEverything: boolean): DeckRenderContext => ({ root: dir, resolver, options: { ...DEFAULT_RENDER_OPTIONS, sanitizeEverything } });
  const body = { text: '- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" data-fragment-index="4" -->\n\n<!-- .slide: class="x" -->', line: 1, column: 1 };
  const input = { file: FILE, body, notes: null };
  const fast = renderSlide(input, deck(false));
  const slow = renderSlide(input, deck(true));
  for (const r of [fast, slow]) {
    assert.equal(r.fragments, 2);
    assert.deepEqual(r.attributes, { class: 'x' });
    assert.deepEqual(r.diagnostics, []);
  }
  // The trusted path writes `class="fragment"` where it is; sanitize-html keeps attribute order.
  assert.match(fast.html, /<li class="fragment">a/);
  assert.match(slow.html, /<li class="fragment">a/);
});

test('the sanitizeEverything option is per compile and part of the slide cache key', () => {
  const compiler = createDeckCompiler();
  const text = '# T\n\n[x](https://example.com)\n\nNote: n';
  compiler.compile(text, FILE);
  assert.deepEqual(compiler.stats, { rendered: 1, reused: 0 });
  compiler.compile(text, FILE, { sanitizeEverything: true });
  assert.deepEqual(compiler.stats, { rendered: 1, reused: 0 });
  compiler.compile(text, FILE, { sanitizeEverything: true });
  assert.deepEqual(compiler.stats, { rendered: 0, reused: 1 });
});
