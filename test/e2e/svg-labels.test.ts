// Every diagram of the talk (slides/**/*.svg) keeps its labels clear of each other and of the
// drawing's edges, whatever sans font the machine falls back to: an SVG shown as an image cannot
// use the talk's bundled fonts. DejaVu Sans is the widest sans font installed here; Liberation
// Sans has Arial's widths. See test/support/svg-labels.ts for the rule.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright';
import { noBrowserReason, ROOT } from '../fixtures/export/support';
import { launchOfflineBrowser } from '../support/browser';
import { labelProblems } from '../support/svg-labels';

const skip = noBrowserReason();
const FONTS = ['DejaVu Sans', 'Liberation Sans'];

function svgsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? svgsUnder(path) : entry.name.endsWith('.svg') ? [path] : [];
  });
}

const SVGS = svgsUnder(join(ROOT, 'slides')).sort();

describe('diagram labels', { skip }, () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchOfflineBrowser();
    page = await browser.newPage();
  });
  after(async () => browser?.close());

  test('both fonts are installed, DejaVu Sans the wider: the test measures what a fallback would be', async () => {
    await page.setContent('<p>x</p>');
    const widths = await page.evaluate((fonts) => {
      const context = document.createElement('canvas').getContext('2d')!;
      return [...fonts, 'NoSuchFontAnywhere'].map((font) => {
        context.font = `20px "${font}", monospace`;
        return context.measureText('Hepatic artery >90% half-life').width;
      });
    }, FONTS);
    const [dejavu, liberation, missing] = widths as [number, number, number];
    assert.notEqual(dejavu, missing, 'DejaVu Sans is installed');
    assert.notEqual(liberation, missing, 'Liberation Sans is installed');
    assert.ok(dejavu > liberation * 1.05, `DejaVu Sans (${dejavu}) is wider than Liberation Sans (${liberation})`);
  });

  test('the rule catches a label across an outline, on an arrow, under a dot, labels over each other', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">
      <rect x="0" y="0" width="400" height="200" fill="#fff"/>
      <ellipse cx="100" cy="100" rx="60" ry="40" fill="#e8b5a0" stroke="#9c4a33" stroke-width="3"/>
      <text x="100" y="106" font-size="16" text-anchor="middle">inside</text>
      <text x="150" y="70" font-size="16">across the edge</text>
      <line x1="250" y1="150" x2="390" y2="150" stroke="#c53030" stroke-width="6"/>
      <text x="260" y="156" font-size="16">on arrow</text>
      <text x="250" y="30" font-size="16">one</text>
      <text x="262" y="36" font-size="16">two</text>
      <text x="300" y="100" font-size="16">dotted</text>
      <circle cx="320" cy="95" r="2" fill="#000"/>
    </svg>`;
    const problems = await labelProblems(page, svg, 'DejaVu Sans');
    const labels = problems.map((p) => p.label).sort();
    assert.deepEqual(labels, ['across the edge', 'dotted', 'on arrow', 'one'], JSON.stringify(problems, null, 1));
    assert.match(problems.find((p) => p.label === 'dotted')!.meets, /<circle .*inside its box/);
  });

  for (const font of FONTS) {
    test(`no label of the talk's ${SVGS.length} diagrams meets an edge or another label, in ${font}`, async () => {
      assert.ok(SVGS.length >= 20, 'the talk has its diagrams');
      const found: string[] = [];
      for (const file of SVGS) {
        for (const problem of await labelProblems(page, readFileSync(file, 'utf8'), font)) {
          found.push(`${relative(ROOT, file)}: "${problem.label}" meets ${problem.meets}`);
        }
      }
      assert.deepEqual(found, []);
    });
  }
});
