// Raw HTML in a deck is sanitised: each attack below must not survive compilation, each removal
// is a warning, and what authors legitimately use (layout HTML, KaTeX output) passes intact.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { compileDeck, type Deck } from '../../electron/deck/index';

const dir = mkdtempSync(join(tmpdir(), 'lectern-sanitize-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'local.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
const FILE = join(dir, 'deck.md');
const compile = (text: string): Deck => compileDeck(text + '\nNote: n', FILE);
const removed = (d: Deck): number => d.diagnostics.filter((x) => x.severity === 'warning' && /removed|network/.test(x.code)).length;

const attacks: Array<[string, string, RegExp]> = [
  ['script element', '<script>alert(1)</script>', /<script|alert/i],
  ['script inside markdown paragraph', 'text <script src="x.js"></script>', /<script/i],
  ['event handler', '<div onclick="alert(1)">x</div>', /onclick|alert/i],
  ['event handler on img', '<img src="local.png" alt="a" onerror="alert(1)">', /onerror|alert/i],
  // Inline SVG is allowed (issue 12.9), its handlers are not.
  ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>', /onload|alert/i],
  ['javascript: link (markdown)', '[x](javascript:alert(1))', /javascript:/i],
  ['javascript: link (html)', '<a href="javascript:alert(1)">x</a>', /javascript:/i],
  ['javascript: with entities', '<a href="jav&#x61;script:alert(1)">x</a>', /javascript:|jav&#x61;script/i],
  ['javascript: with tab', '<a href="java\tscript:alert(1)">x</a>', /script:/i],
  ['data:text/html link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:text\/html/i],
  ['data:text/html image', '<img alt="a" src="data:text/html,<script>alert(1)</script>">', /data:text\/html/i],
  ['iframe', '<iframe src="https://example.com"></iframe>', /<iframe/i],
  ['object', '<object data="x.swf"></object>', /<object/i],
  ['embed', '<embed src="x.swf">', /<embed/i],
  ['base', '<base href="https://evil.example/">', /<base/i],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta|refresh/i],
  ['form', '<form action="https://evil.example"><input type="text" name="q"><button>go</button></form>', /<form|action=|<button|type="text"/i],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">', /<link/i],
  ['remote image (markdown)', '![a](https://evil.example/track.png)', /evil\.example/i],
  ['remote image (html)', '<img alt="a" src="http://evil.example/track.png">', /evil\.example/i],
  ['protocol-relative image', '<img alt="a" src="//evil.example/track.png">', /evil\.example/i],
  ['remote video', '<video src="https://evil.example/v.mp4"></video>', /evil\.example/i],
  ['remote poster', '<video poster="https://evil.example/p.png"></video>', /evil\.example/i],
  ['css url to network', '<div style="background: url(https://evil.example/x.png)">x</div>', /evil\.example/i],
  ['css url protocol-relative', "<div style=\"background-image: url('//evil.example/x.png')\">x</div>", /evil\.example/i],
  ['css image-set to network', '<div style="background-image: image-set(&quot;https://evil.example/x.png&quot; 1x)">x</div>', /evil\.example/i],
  ['css escapes', '<div style="background: u\\72l(https://evil.example/x.png)">x</div>', /evil\.example|\\72/i],
  ['css expression', '<div style="width: expression(alert(1))">x</div>', /expression/i],
  ['style element import', '<style>@import url("https://evil.example/x.css");</style>', /@import|evil/i],
  ['style element remote url', '<style>.a { background: url(https://evil.example/x.png) }</style>', /evil\.example/i],
  ['slide background iframe', '<!-- .slide: data-background-iframe="https://evil.example" -->', /evil\.example/i],
  ['slide remote background', '<!-- .slide: data-background-image="https://evil.example/x.png" -->', /evil\.example/i],
  ['preview link', '<a href="https://example.com" data-preview-link>x</a>', /data-preview-link/i],
];

for (const [name, input, mustNotMatch] of attacks) {
  test(`sanitizes: ${name}`, () => {
    const d = compile(input);
    const s = d.slides[0]!;
    const everything = s.html + JSON.stringify(s.attributes);
    assert.doesNotMatch(everything, mustNotMatch);
    assert.ok(removed(d) >= 1, `a warning is reported: ${JSON.stringify(d.diagnostics)}`);
    assert.equal(d.diagnostics.filter((x) => x.severity === 'error').length, 0);
  });
}

test('removed HTML is reported at the line where it was written', () => {
  const d = compile('# Title\n\nSome text\n\n<script>alert(1)</script>');
  const w = d.diagnostics.find((x) => x.code === 'removed-html');
  assert.ok(w);
  assert.equal(w.line, 5);
  assert.equal(w.column, 1);
});

test('a link to the network stays (it opens in the browser) with a warning', () => {
  const d = compile('[paper](https://doi.org/10.1000/x)');
  assert.match(d.slides[0]!.html, /<a href="https:\/\/doi\.org\/10\.1000\/x">paper<\/a>/);
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.severity]), [['network-link', 'warning']]);
});

test('layout HTML, local images and safe styles pass intact, with no warning', () => {
  const d = compile(
    '<div class="columns" style="display: flex; gap: 1em"><div>L</div><div>R</div></div>\n\n' +
      '<details open><summary>More</summary><em>x</em></details>\n\n<img src="local.png" alt="local" width="200">\n\n' +
      '<div style="background-image: url(local.png)">bg</div>',
  );
  const html = d.slides[0]!.html;
  assert.match(html, /<div class="columns" style="display: flex; gap: 1em"><div>L<\/div><div>R<\/div><\/div>/);
  assert.match(html, /<details open(?:="")?><summary>More<\/summary><em>x<\/em><\/details>/);
  assert.match(html, /<img src="lectern-asset:local\.png" alt="local" width="200" \/>/);
  assert.match(html, /url\(lectern-asset:local\.png\)/);
  assert.deepEqual(d.diagnostics, []);
});

test('KaTeX output passes intact: its inline styles and MathML survive', () => {
  const d = compile('$\\frac{a}{b}$');
  assert.match(d.slides[0]!.html, /<math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML">/);
  assert.match(d.slides[0]!.html, /style="height:/);
  assert.deepEqual(d.diagnostics, []);
});

test('a forged math placeholder does not inject anything', () => {
  const d = compile('$x$ <span data-lectern-math="0"></span> <span data-lectern-math="abc-0"></span>');
  assert.equal((d.slides[0]!.html.match(/<span class="katex">/g) ?? []).length, 1);
});

test('notes are sanitized the same way', () => {
  const d = compileDeck('# A\nNote: <img src=x onerror="alert(1)"> <script>alert(2)</script>', FILE);
  assert.doesNotMatch(d.slides[0]!.notesHtml, /onerror|<script|alert/);
});
