// The example decks that docs/deck-format.md cites: each compiles with no errors and no warnings,
// and shows the feature it is there for.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { loadDeck, type Deck } from '../../electron/deck/index';

const DIR = resolve(__dirname, '..', 'fixtures', 'format');
const load = (name: string): Deck => loadDeck(join(DIR, name));

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.md')).sort()) {
  test(`example deck ${name} compiles clean`, () => {
    const d = load(name);
    assert.deepEqual(d.diagnostics, []);
    assert.ok(d.slides.length > 0);
    assert.ok(d.slides.every((s) => s.notesText.trim() !== ''));
  });
}

test('docs/deck-format.md cites every example deck, and every cited one exists', () => {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const doc = readFileSync(resolve(__dirname, '..', '..', 'docs', 'deck-format.md'), 'utf8');
  const cited = new Set([...doc.matchAll(/test\/fixtures\/format\/([\w-]+\.md)/g)].map((m) => m[1]!));
  const present = new Set(readdirSync(DIR).filter((f) => f.endsWith('.md')));
  assert.deepEqual([...cited].sort(), [...present].sort());
});

test('separators.md: horizontal and vertical slides, a fence that keeps its separators', () => {
  const d = load('separators.md');
  assert.deepEqual(d.slides.map((s) => [s.h, s.v]), [[0, 0], [1, 0], [1, 1], [2, 0]]);
  // The fence is highlighted (as Markdown): compare its text, not its spans.
  assert.match(d.slides[2]!.html.replace(/<[^>]+>/g, ''), /---\nThis separator is inside a code fence/);
});

test('notes.md: Note: and Notes: with Markdown and math in notes', () => {
  const d = load('notes.md');
  assert.match(d.slides[0]!.notesHtml, /<strong>Markdown<\/strong>/);
  assert.match(d.slides[0]!.notesHtml, /class="katex"/);
  assert.match(d.slides[1]!.notesHtml, /<li>Speak to the point/);
});

test('attributes.md: slide attributes and three fragment steps', () => {
  const d = load('attributes.md');
  assert.deepEqual(d.slides[0]!.attributes, { 'data-background-color': '#102030', class: 'center' });
  assert.equal(d.slides[1]!.fragments, 3);
});

test('math.md: inline, display, mhchem and the code-span convention', () => {
  const d = load('math.md');
  assert.equal(d.slides[0]!.html.match(/class="katex"/g)?.length, 2);
  assert.match(d.slides[1]!.html, /katex-display/);
  assert.equal(d.slides[2]!.html.match(/class="katex"/g)?.length, 1);
  assert.match(d.slides[2]!.html, /<code>cost \$5<\/code>/);
});

test('images.md: local images become assets', () => {
  const d = load('images.md');
  assert.deepEqual(d.assets.map((a) => a.ref), ['img/decay.svg']);
  assert.match(d.slides[0]!.html, /<img src="lectern-asset:img\/decay\.svg" alt="Y-90 activity falling over time" \/>/);
});

test('front-matter.md: every setting is read', () => {
  const d = load('front-matter.md');
  assert.equal(d.meta.theme, 'dark');
  assert.equal(d.meta.duration, 20);
  assert.equal(d.meta.slideNumbers, false);
  assert.deepEqual(d.slides.map((s) => s.section), ['Introduction', 'Results']);
});

test('includes.md: parts spliced in as sections', () => {
  const d = load('includes.md');
  assert.deepEqual(d.slides.map((s) => [s.title, s.section]), [
    ['Whole talk', ''],
    ['Decay', 'Physics'],
    ['Range', 'Physics'],
    ['Choosing patients', 'Clinic'],
    ['Questions', ''],
  ]);
  assert.equal(d.slides[1]!.source.file, join(DIR, 'parts', 'physics.md'));
});

test('raw-html.md: layout HTML is kept', () => {
  const d = load('raw-html.md');
  assert.match(d.slides[0]!.html, /<div class="columns" style="display: flex; gap: 1em">/);
  assert.match(d.slides[0]!.html, /<details><summary>More<\/summary>/);
});

test('citations.md: numbered citations from BibTeX and CSL-JSON, a footer, a references slide with links', () => {
  const d = load('citations.md');
  assert.match(d.slides[0]!.html, /data-cite="ablation2019"[^>]*>\(1\)</);
  assert.match(d.slides[0]!.html, /<code>@code<\/code>/);
  assert.match(d.slides[0]!.html, /class="lectern-cite-footer"/);
  assert.equal(d.slides[1]!.title, 'The evidence');
  assert.match(d.slides[1]!.html, /href="https:\/\/doi\.org\/10\.5555\/example\.2019\.101"/);
  assert.match(d.slides[1]!.html, /href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/99999999\/"/);
  assert.match(d.slides[1]!.text, /Rivera AM, Müller J, Okafor C/);
});
