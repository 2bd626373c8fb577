// Compiled decks for renderer tests, built here with KaTeX (as the compiler does) so the
// renderer can be tested on its own: fragments, math, notes, sections, a vertical stack, an SVG
// asset, and any number of slides for long-deck checks.

import katex from 'katex';
import 'katex/contrib/mhchem';
import { join, resolve } from 'node:path';
import type { Deck, Diagnostic, Slide } from '../../electron/deck/types';

export const FIXTURE_DIR = resolve(__dirname, '..', 'fixtures', 'renderer');

function tex(source: string, display = false): string {
  return katex.renderToString(source, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
}

interface SlideSpec {
  html: string;
  title: string;
  text: string;
  notes: string;
  section?: string;
  fragments?: number;
  attributes?: Record<string, string>;
  vertical?: boolean;
}

function toSlides(specs: SlideSpec[], file: string): Slide[] {
  const slides: Slide[] = [];
  let h = -1;
  let v = 0;
  let line = 1;
  for (const [index, spec] of specs.entries()) {
    if (spec.vertical && h >= 0) v += 1;
    else {
      h += 1;
      v = 0;
    }
    slides.push({
      index,
      key: `fixture:${index}`,
      h,
      v,
      html: spec.html,
      notesHtml: spec.notes ? `<p>${spec.notes}</p>` : '',
      notesText: spec.notes,
      text: spec.text,
      title: spec.title,
      attributes: spec.attributes ?? {},
      fragments: spec.fragments ?? 0,
      section: spec.section ?? '',
      source: { file, startLine: line, endLine: line + 5 },
    });
    line += 7;
  }
  return slides;
}

export interface FixtureOptions {
  /** Extra filler slides appended (for long decks). */
  extraSlides?: number;
  theme?: 'light' | 'dark';
  /** Adds a formula error box and an error diagnostic. */
  withError?: boolean;
  duration?: number;
}

/** The renderer test deck: 9 slides (one vertical stack), 3 sections with budgets. */
export function fixtureDeck(options: FixtureOptions = {}): Deck {
  const file = join(FIXTURE_DIR, 'fixture.md');
  const specs: SlideSpec[] = [
    {
      title: 'Liver-directed therapies',
      html: '<h1>Liver-directed therapies</h1><p>Fixture deck for the renderer tests</p>',
      text: 'Liver-directed therapies Fixture deck for the renderer tests',
      notes: 'Welcome everyone; introduce the plan of the talk.',
      section: 'Introduction',
    },
    {
      title: 'Why the liver',
      html: '<h2>Why the liver</h2><ul><li class="fragment">Metastases are common</li><li class="fragment">Dual blood supply</li><li class="fragment">Tumours feed on the hepatic artery</li></ul>',
      text: 'Why the liver Metastases are common Dual blood supply Tumours feed on the hepatic artery',
      notes: 'Three reasons, one click each. Pause after the dual blood supply.',
      section: 'Introduction',
      fragments: 3,
    },
    {
      title: 'Dual blood supply',
      html: '<h2>Dual blood supply</h2><p><img src="lectern-asset:diagram.svg" alt="Hepatic artery diagram"></p>',
      text: 'Dual blood supply',
      notes: 'Portal vein feeds the parenchyma; the artery feeds the tumour.',
      section: 'Introduction',
    },
    {
      title: 'Yttrium-90 decay',
      html: `<h2>Yttrium-90 decay</h2><p>${tex('\\ce{^{90}_{39}Y -> ^{90}_{40}Zr + e^- + \\bar{\\nu}_e}')}</p>${tex('A(t) = A_0\\, e^{-\\lambda t}, \\quad \\lambda = \\frac{\\ln 2}{T_{1/2}} = \\frac{\\ln 2}{64.1\\,\\mathrm{h}}', true)}`,
      text: 'Yttrium-90 decay half-life 64.1 h',
      notes: 'Pure beta emitter; mean tissue penetration 2.5 mm.',
      section: 'Physics',
    },
    {
      title: 'Dose to the liver',
      html: `<h2>Dose to the liver</h2>${tex('D\\,[\\mathrm{Gy}] = \\frac{49.67 \\cdot A\\,[\\mathrm{GBq}]}{M\\,[\\mathrm{kg}]}', true)}<p class="fragment">Partition model for tumour vs normal liver</p>`,
      text: 'Dose to the liver Partition model for tumour vs normal liver',
      notes: 'MIRD formula; mention the partition model only briefly.',
      section: 'Physics',
      fragments: 1,
    },
    {
      title: 'Partition model detail',
      html: `<h3>Partition model detail</h3>${tex('D_T = \\frac{49.67\\,A\\,(1-LSF)\\,T/N}{M_T\\,T/N + M_N}', true)}`,
      text: 'Partition model detail',
      notes: 'Backup slide in the vertical stack.',
      section: 'Physics',
      vertical: true,
    },
    {
      title: 'Outcomes',
      html: '<h2>Outcomes</h2><table><thead><tr><th>Therapy</th><th>Response</th></tr></thead><tbody><tr><td>TACE</td><td>55%</td></tr><tr><td>TARE</td><td>51%</td></tr></tbody></table>',
      text: 'Outcomes Therapy Response TACE 55% TARE 51%',
      notes: 'Response rates are similar; toxicity differs.',
      section: 'Outcomes',
      attributes: { 'data-background-color': '#eef4fb', class: 'outcomes' },
    },
    {
      title: 'Summary',
      html: '<h2>Summary</h2><ul><li>Choose by anatomy</li><li>Plan the dose</li></ul><p><a href="https://example.org/paper">Reference</a></p>',
      text: 'Summary Choose by anatomy Plan the dose Reference',
      notes: 'Thank the hosts. Take questions.',
      section: 'Outcomes',
    },
    {
      title: 'Questions',
      html: '<h1>Questions?</h1>',
      text: 'Questions?',
      notes: 'Keep a backup answer about lung shunt fraction ready.',
      section: 'Outcomes',
    },
  ];
  for (let i = 0; i < (options.extraSlides ?? 0); i++) {
    specs.push({
      title: `Extra slide ${i + 1}`,
      html: `<h2>Extra slide ${i + 1}</h2><ul><li class="fragment">Point A${i}</li><li>Point B${i}</li></ul>${tex(`x_{${i}} = \\sqrt{${i} + 1}`, true)}`,
      text: `Extra slide ${i + 1} Point A${i} Point B${i}`,
      notes: `Notes for extra slide ${i + 1}.`,
      section: 'Outcomes',
      fragments: 1,
    });
  }
  const diagnostics: Diagnostic[] = [];
  if (options.withError) {
    specs.splice(3, 0, {
      title: 'Broken formula',
      html: `<h2>Broken formula</h2><p>${tex('\\frac{1}{', false)}</p>`,
      text: 'Broken formula',
      notes: 'This slide has a formula error.',
      section: 'Physics',
    });
    diagnostics.push({ file, line: 22, column: 5, severity: 'error', code: 'katex-parse', message: "KaTeX: Expected '}' at end of input" });
  }
  return {
    file,
    root: FIXTURE_DIR,
    meta: {
      title: 'Liver-directed therapies (fixture)',
      author: 'Test Author',
      theme: options.theme ?? 'light',
      duration: options.duration ?? 20,
      sections: [
        { title: 'Introduction', minutes: 5 },
        { title: 'Physics', minutes: 8 },
        { title: 'Outcomes', minutes: 7 },
      ],
      slideNumbers: true,
    },
    slides: toSlides(specs, file),
    assets: [{ ref: 'diagram.svg', path: join(FIXTURE_DIR, 'diagram.svg'), mime: 'image/svg+xml' }],
    diagnostics,
    dependencies: [file, join(FIXTURE_DIR, 'diagram.svg')],
  };
}
