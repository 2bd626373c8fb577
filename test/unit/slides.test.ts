// The shipped talk in slides/: every deck compiles clean, every slide can be spoken from, the
// whole-talk deck is composed only by includes in the talk's order, the talk's facts are carried
// exactly, and every diagram is a self-contained SVG with a title and alt text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadDeck } from '../../electron/deck/index';
import type { Deck } from '../../electron/deck/types';

const root = resolve(__dirname, '..', '..');
const slidesDir = join(root, 'slides');
const talkFile = join(slidesDir, 'liver-directed-therapies.md');

/** The section decks in the talk's order, with the section title each must declare. */
const SECTIONS: ReadonlyArray<{ dir: string; title: string }> = [
  { dir: '01-net-liver-metastases', title: 'NET liver metastases' },
  { dir: '02-ablation', title: 'Ablation and collateral damage' },
  { dir: '03-dual-blood-supply', title: 'The dual blood supply' },
  { dir: '04-tace', title: 'Chemoembolization (TACE)' },
  { dir: '05-y90-physics', title: 'Radioembolization with Y-90' },
  { dir: '06-tare', title: 'TARE in practice' },
  { dir: '07-literature', title: 'How to choose, and the literature' },
  { dir: '08-prrt', title: 'PRRT +/- TARE' },
  { dir: '09-vascular-blockages', title: 'Vascular blockages' },
  { dir: '10-conclusions', title: 'Conclusions' },
];

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, suffix));
    else if (name.endsWith(suffix)) out.push(full);
  }
  return out;
}

const deckFiles = filesUnder(slidesDir, '.md');
const svgFiles = filesUnder(slidesDir, '.svg');

const decks = new Map<string, Deck>();
async function deck(file: string): Promise<Deck> {
  let d = decks.get(file);
  if (!d) {
    d = await loadDeck(file);
    decks.set(file, d);
  }
  return d;
}

const sectionFile = (dir: string) => join(slidesDir, dir, 'deck.md');

/** Markdown body of a deck file without its front matter, split into slide chunks. */
function rawSlides(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const body = text.startsWith('---\n') ? text.slice(text.indexOf('\n---\n', 4) + 5) : text;
  return body.split(/^---?[ \t]*$/m).map((s) => s.trim());
}

/** Plain text of every slide body (not notes) of a deck, joined. */
async function slideText(file: string): Promise<string> {
  return (await deck(file)).slides.map((s) => s.text).join('\n');
}

test('slides/ holds the whole-talk deck, one deck per section folder, and no README', () => {
  const expected = [talkFile, ...SECTIONS.map((s) => sectionFile(s.dir))].sort();
  assert.deepEqual(deckFiles, expected);
  assert.equal(filesUnder(slidesDir, '').filter((f) => /readme/i.test(f)).length, 0);
});

test('every deck compiles with no errors and no warnings', async () => {
  for (const file of deckFiles) {
    const d = await deck(file);
    const shown = d.diagnostics.map((x) => `${relative(root, x.file)}:${x.line}:${x.column}: ${x.severity}: ${x.message}`);
    assert.deepEqual(shown, [], `${relative(root, file)} has diagnostics`);
    assert.ok(d.slides.length > 0, `${relative(root, file)} has no slides`);
  }
});

test('every slide has speaker notes a presenter can speak from', async () => {
  for (const file of deckFiles) {
    for (const s of (await deck(file)).slides) {
      const where = `${relative(root, s.source.file)}:${s.source.startLine} (${s.title || 'untitled'})`;
      const notes = s.notesText.trim();
      assert.ok(notes.length >= 150, `${where}: notes too short to speak from (${notes.length} chars)`);
      // Full sentences, not a bullet list: several sentence ends.
      assert.ok((notes.match(/[.?!](\s|$)/g) ?? []).length >= 2, `${where}: notes are not sentences`);
      assert.notEqual(notes, s.text.trim(), `${where}: notes copy the slide`);
      assert.ok(s.title.length > 0, `${where}: slide has no heading`);
    }
  }
});

test('slides stay short enough for a 16:9 frame, and some reveal bullets step by step', async () => {
  for (const file of deckFiles) {
    rawSlides(file).forEach((chunk, i) => {
      const body = chunk.split(/^notes?:/im)[0] ?? '';
      const bullets = body.split('\n').filter((l) => /^\s*[-*] /.test(l)).length;
      assert.ok(bullets <= 7, `${relative(root, file)} slide ${i + 1}: ${bullets} bullets`);
      const images = (body.match(/!\[/g) ?? []).length;
      assert.ok(images <= 3, `${relative(root, file)} slide ${i + 1}: ${images} images`);
    });
  }
  const all = (await deck(talkFile)).slides;
  const stepped = all.filter((s) => s.fragments > 0).length;
  assert.ok(stepped >= 10 && stepped < all.length, `${stepped} of ${all.length} slides use fragments`);
});

test('the notes cue every fragment step with "(Click.)"', async () => {
  for (const s of (await deck(talkFile)).slides) {
    const cues = (s.notesText.match(/\(click\b/gi) ?? []).length;
    assert.equal(cues, s.fragments, `${relative(root, s.source.file)}:${s.source.startLine} (${s.title}): ${cues} cues for ${s.fragments} fragments`);
  }
});

test('each section deck declares its section title and a duration', async () => {
  for (const { dir, title } of SECTIONS) {
    const d = await deck(sectionFile(dir));
    assert.equal(d.meta.title, title, dir);
    assert.ok(typeof d.meta.duration === 'number' && d.meta.duration > 0, `${dir}: duration`);
  }
});

test('the whole-talk deck: front matter and section budgets that add up to the duration', async () => {
  const { meta } = await deck(talkFile);
  assert.equal(meta.title, 'Liver-directed therapies for patients with metastatic NET');
  assert.equal(meta.author, 'Daniel Sze, MD PhD');
  assert.equal(meta.venue, 'Interventional Radiology, Stanford Cancer Center');
  assert.equal(meta.theme, 'light');
  assert.equal(meta.duration, 45);
  assert.deepEqual(
    meta.sections.map((s) => s.title),
    SECTIONS.map((s) => s.title),
  );
  assert.equal(
    meta.sections.reduce((sum, s) => sum + s.minutes, 0),
    45,
  );
  for (const { dir, title } of SECTIONS) {
    const budget = meta.sections.find((s) => s.title === title);
    assert.equal(budget?.minutes, (await deck(sectionFile(dir))).meta.duration, `${title}: budget = deck duration`);
  }
});

test('the whole-talk deck is a title slide plus includes of every section deck, in order', () => {
  const chunks = rawSlides(talkFile);
  assert.match(chunks[0] ?? '', /^(<!--[^\n]*-->\s*)?# Liver-directed therapies for patients with metastatic NET$/m);
  const includes = chunks.slice(1).map((c) => /^<!--\s*include:\s*(\S+)\s*-->$/.exec(c)?.[1] ?? `NOT AN INCLUDE: ${c.slice(0, 60)}`);
  assert.deepEqual(
    includes,
    SECTIONS.map((s) => `${s.dir}/deck.md`),
  );
});

test('the compiled talk runs every section deck, in order, with nothing copied', async () => {
  const talk = await deck(talkFile);
  const order: string[] = [];
  for (const s of talk.slides) if (s.section && order[order.length - 1] !== s.section) order.push(s.section);
  assert.deepEqual(
    order,
    SECTIONS.map((s) => s.title),
  );

  // Only the title slide comes from the talk file itself; every other slide is its section deck's.
  const own = talk.slides.filter((s) => resolve(s.source.file) === talkFile);
  assert.equal(own.length, 1);
  assert.equal(own[0]?.index, 0);
  let expectedCount = 1;
  for (const { dir, title } of SECTIONS) {
    const part = await deck(sectionFile(dir));
    const inTalk = talk.slides.filter((s) => s.section === title);
    assert.equal(inTalk.length, part.slides.length, `${title}: slide count`);
    inTalk.forEach((s, i) => {
      assert.equal(resolve(s.source.file), sectionFile(dir), `${title}: slide ${i} comes from its deck`);
      assert.equal(s.title, part.slides[i]?.title);
      assert.equal(s.notesText, part.slides[i]?.notesText);
    });
    expectedCount += part.slides.length;
  }
  assert.equal(talk.slides.length, expectedCount);
});

/** Strings the slides must show exactly as the talk gives them (README "Facts to carry exactly"). */
const FACTS: Record<string, string[]> = {
  '01-net-liver-metastases': ['Fewer than 30 cases of primary hepatic NE tumors', '5-40% of all NE tumors'],
  '02-ablation': ['MWA', 'RFA', 'LITT', 'HIFU', 'cryoablation', 'irreversible electroporation (IRE)', '1-2 lesions, < 3 cm'],
  '03-dual-blood-supply': [
    '70% of its blood from the portal vein, 30% from the hepatic artery',
    '>90% of their blood from the hepatic artery',
    'Chemoinfusion', 'Chemoembolization', 'Radioembolization', 'Bland embolization', 'Chemosaturation',
  ],
  '04-tace': [
    'Lancet 2002;359:1734', 'TACE (82%, 63%) > embo (75%, 50%) > supportive (63%, 27%)', 'Hazard ratio 0.47',
    'Hepatology 2002;35:1164', 'TACE (57%, 31%, 26%) > supportive (32%, 11%, 3%)', 'Hazard ratio 0.49',
    'No good proof for NE; anecdotal evidence for 30 years',
    'Llovet JM, Real MI, Montaña X, et al.', 'Lo CM, Ngan H, Tso WK, et al.',
  ],
  '05-y90-physics': [
    '0.9367 MeV', '2.5 mm', '11 mm', '64 h', '64.1 h, 2.67 days', '0.0108', '92.5', 'About 94% of the dose',
    '4 half-lives (about 11 days)', '2.28 MeV', '49.67 J',
  ],
  '06-tare': [
    '~30 Gray max; VOD, RILD', '60-80 Gray', 'Above 80 Gray, everything is affected',
    'SIR-Spheres (Sirtex, Australia)', 'Resin microspheres 25-35 µm', 'FDA PMA-approved 2002 for CRC with FUdR HAI',
    'TheraSphere (BTG/Nordion, Canada)', 'Glass microspheres 20-30 µm', 'FDA-approved 1999 as HDE for HCC',
  ],
  '07-literature': [
    'ORR (objective response rate): 48%', 'DCR (disease control rate): 85%', 'Median OS (overall survival): 29 months',
    // From slides/07-literature/references.bib through the vancouver style, which lists six
    // authors then "et al." (the .bib keeps all seven: test/unit/citations-format.test.ts).
    'Devcic Z, Rosenberg J, Braat AJAT, Techasith T, Banerjee A, Sze DY, et al.',
    'J Nucl Med 2014;55:1-7', 'doi:10.2967/jnumed.113.135855',
  ],
  '08-prrt': ['safety in 23, 20, 1 patients who received TARE after failed PRRT', 'fatal liver failure'],
  '09-vascular-blockages': ['peripheral edema', 'ascites', 'IVC (inferior vena cava)', 'Portal vein'],
  '10-conclusions': ['not an automatic death sentence', 'off label', 'Blocked plumbing can also be reopened'],
};

test('the slides carry the talk facts exactly', async () => {
  for (const [dir, facts] of Object.entries(FACTS)) {
    // Formatted references set page ranges with an en dash (1–7) where the talk typed a hyphen.
    const text = (await slideText(sectionFile(dir))).replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/\u2013/g, '-');
    for (const fact of facts) assert.ok(text.includes(fact), `${dir}: slide text lacks "${fact}"`);
  }
});

test('the Y-90 physics slides render the formulas with KaTeX (mhchem included)', async () => {
  const html = (await deck(sectionFile('05-y90-physics'))).slides.map((s) => s.html).join('\n');
  // KaTeX keeps the TeX source as a MathML annotation: proof each formula was rendered.
  for (const tex of [
    String.raw`\ce{^{90}_{39}Y -> ^{90}_{40}Zr + e^- + \bar{\nu}_e}`,
    String.raw`\ce{^{89}_{39}Y(n,\gamma)^{90}_{39}Y}`,
    String.raw`A(t) = A_0\, e^{-\lambda t}`,
    String.raw`\dfrac{49.67 \cdot A\,[\mathrm{GBq}]}{M\,[\mathrm{kg}]}`,
  ]) {
    const escaped = tex.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    assert.ok(html.includes(escaped), `formula not rendered: ${tex}`);
  }
  assert.ok((html.match(/class="katex-display"/g) ?? []).length >= 5);
  assert.ok(!html.includes('katex-error'));
});

test('the worked dose example matches the MIRD relation', () => {
  const md = readFileSync(sectionFile('05-y90-physics'), 'utf8');
  const m = /(\d+(?:\.\d+)?) GBq spread evenly through a (\d+(?:\.\d+)?) kg liver/.exec(md);
  assert.ok(m, 'worked example present');
  const dose = (49.67 * Number(m[1])) / Number(m[2]);
  const shown = /\\approx (\d+)\\ \\mathrm\{Gy\}/.exec(md);
  assert.equal(Number(shown?.[1]), Math.round(dose));
});

// ---- images and diagrams ----

function imagesIn(file: string): Array<{ alt: string; src: string }> {
  const md = readFileSync(file, 'utf8');
  return [...md.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1] ?? '', src: m[2] ?? '' }));
}

test('every image exists in its deck folder and has alt text; every SVG is used', () => {
  const used = new Set<string>();
  for (const file of deckFiles) {
    for (const { alt, src } of imagesIn(file)) {
      assert.ok(alt.trim().length >= 20, `${relative(root, file)}: ${src} needs descriptive alt text`);
      assert.doesNotMatch(src, /^[a-z]+:|^\/|\.\./i, `${relative(root, file)}: ${src} must be a local relative path`);
      const path = join(dirname(file), src);
      assert.ok(existsSync(path), `${relative(root, file)}: missing ${src}`);
      used.add(path);
    }
  }
  assert.deepEqual(
    svgFiles.filter((f) => !used.has(f)).map((f) => relative(root, f)),
    [],
    'unused SVG files',
  );
});

/** Minimal XML well-formedness: one root, tags nest and close, attributes quoted, no doctype. */
function assertWellFormedXml(xml: string, name: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
  assert.doesNotMatch(body, /<!DOCTYPE|<!ENTITY/i, `${name}: no DTD`);
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g)) {
    const [whole, close, tag, , selfClose] = m;
    if (whole === '<') assert.fail(`${name}: stray or malformed tag at ${m.index}`);
    if (whole === '>') continue; // '>' is legal in text
    if (close) assert.equal(stack.pop(), tag, `${name}: </${tag}> closes the wrong element at ${m.index}`);
    else {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(tag!);
    }
  }
  assert.deepEqual(stack, [], `${name}: unclosed elements`);
  assert.equal(roots, 1, `${name}: one root element`);
}

test('every SVG is well-formed, titled, described and self-contained', () => {
  assert.ok(svgFiles.length >= 8);
  for (const file of svgFiles) {
    const name = relative(root, file);
    const svg = readFileSync(file, 'utf8');
    assertWellFormedXml(svg, name);
    assert.match(svg, /<svg\b[^>]*\sviewBox="0 0 \d+ \d+"/, `${name}: viewBox`);
    assert.match(svg, /<title[^>]*>[^<]{5,}<\/title>/, `${name}: <title>`);
    assert.match(svg, /<desc[^>]*>[^<]{20,}<\/desc>/, `${name}: <desc>`);
    const withoutNamespace = svg.replace(/xmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    assert.doesNotMatch(withoutNamespace, /https?:|\/\/[a-z]/i, `${name}: network reference`);
    assert.doesNotMatch(svg, /<script|<foreignObject|<image\b|\bhref\s*=|@import|@font-face|url\(\s*['"]?[^#'")\s]/i, `${name}: external or active content`);
    assert.doesNotMatch(svg, /\son[a-z]+\s*=/i, `${name}: event handler`);
    for (const m of svg.matchAll(/font-family="([^"]*)"/g)) {
      assert.equal(m[1], 'DejaVu Sans, Liberation Sans, Arial, sans-serif', `${name}: font-family`);
    }
  }
});

test('patient imaging is a labelled placeholder, never an image', () => {
  const placeholders = svgFiles.filter((f) => f.includes('placeholder'));
  assert.ok(placeholders.length >= 13, `${placeholders.length} placeholders`);
  for (const file of placeholders) {
    const svg = readFileSync(file, 'utf8');
    assert.match(svg, /placeholder<\/text>/, relative(root, file));
    assert.match(svg, /replace with a local image<\/text>/, relative(root, file));
  }
});

const svgText = (file: string) =>
  [...readFileSync(join(slidesDir, file), 'utf8').matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)]
    .map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''))
    .join(' | ');

test('the TACE survival chart labels every trial figure', () => {
  const labels = svgText('04-tace/tace-trials-survival.svg');
  for (const v of ['82%', '63%', '75%', '50%', '27%', '57%', '31%', '26%', '32%', '11%', '3%', 'Hazard ratio 0.47', 'Hazard ratio 0.49']) {
    assert.ok(labels.includes(v), `chart lacks ${v}`);
  }
  // Bar heights are proportional to the labelled percentage.
  const svg = readFileSync(join(slidesDir, '04-tace/tace-trials-survival.svg'), 'utf8');
  const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" fill="[^"]+"\/>\n\s*<text[^>]*>(\d+)%<\/text>/g)];
  assert.equal(bars.length, 12);
  const perPercent = Number(bars[0]![1]) / Number(bars[0]![2]);
  for (const [, h, v] of bars) assert.ok(Math.abs(Number(h) - perPercent * Number(v)) < 0.2, `bar ${v}%`);
});

test('the periodic table shows Y and Zr with correct atomic numbers', () => {
  const labels = svgText('05-y90-physics/periodic-table-y-zr.svg').split(' | ');
  const pairs: Array<[string, string]> = [['20', 'Ca'], ['21', 'Sc'], ['22', 'Ti'], ['23', 'V'], ['38', 'Sr'], ['39', 'Y'], ['40', 'Zr'], ['41', 'Nb'], ['56', 'Ba'], ['57', 'La'], ['72', 'Hf'], ['73', 'Ta']];
  for (const [z, sym] of pairs) {
    const i = labels.indexOf(z);
    assert.ok(i >= 0 && labels[i + 1] === sym, `${sym} should be element ${z}`);
  }
});

test('the decay curve follows A0·2^(-t/64.1 h) over 11 days', () => {
  const svg = readFileSync(join(slidesDir, '05-y90-physics/y90-decay-curve.svg'), 'utf8');
  const pts = (/<polyline points="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]);
  assert.ok(pts.length > 100);
  const [x0, y100] = pts[0]!;
  const xEnd = pts[pts.length - 1]![0];
  // The time axis: the longest horizontal line, at 0% activity.
  const axes = [...svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="\2"/g)].map((m) => ({ len: Number(m[3]) - Number(m[1]), y: Number(m[2]) }));
  const y0 = axes.sort((a, b) => b.len - a.len || b.y - a.y)[0]!.y;
  for (const [x, y] of pts) {
    const hours = ((x - x0) / (xEnd - x0)) * 11 * 24;
    const pct = ((y0 - y) / (y0 - y100)) * 100;
    assert.ok(Math.abs(pct - 100 * 2 ** (-hours / 64.1)) < 0.5, `curve at ${hours.toFixed(0)} h: ${pct.toFixed(1)}%`);
  }
  const labels = svgText('05-y90-physics/y90-decay-curve.svg');
  for (const l of ['64 h: 50%', '128 h: 25%', '192 h: 12.5%', '256 h: 6.25%', '94%']) assert.ok(labels.includes(l), l);
});

test('the dual blood supply diagram shows 70% / 30% and >90%', () => {
  const labels = svgText('03-dual-blood-supply/dual-blood-supply.svg').replace(/&gt;/g, '>');
  // The artery labels take two lines (name, then share) so wide fallback fonts fit beside the liver.
  for (const l of ['Portal vein 70%', 'Hepatic artery | 30%', 'Hepatic artery | >90%']) assert.ok(labels.includes(l), l);
});

test('lectern check --strict slides/ passes', (t) => {
  if (!existsSync(join(root, 'dist', 'cli.js'))) return t.skip('dist/cli.js not built (run npm run build)');
  const run = spawnSync(process.execPath, [join(root, 'bin', 'lectern.js'), 'check', '--strict', 'slides/'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
