// The talk's literature read back from its PDFs: `lectern export` of slides/ prints the
// citations, the per-slide footers and the references slides from the section decks'
// bibliographies, with working DOI links and a bookmark for each references slide; the notes
// and handout PDFs carry the same references.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadDeck } from '../../electron/deck/index';
import { lectern, noBrowserReason, pdfOutlineTitles, pdfText, scratchFixtures } from '../fixtures/export/support';

const skip = noBrowserReason();
const scratch = scratchFixtures();
const TALK = resolve(__dirname, '..', '..', 'slides', 'liver-directed-therapies.md');

function exportTo(out: string, ...args: string[]): string {
  const target = join(scratch.dir, out);
  const run = lectern(['export', TALK, '-o', target, '--quiet', ...args]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(existsSync(target));
  return target;
}

/** pdftotext breaks lines and may drop the space at a break: compare with whitespace removed. */
const squash = (s: string): string => s.replace(/\s+/g, '');

after(() => scratch.cleanup());

describe("the talk's references in its PDFs", { skip }, () => {
  const deck = loadDeck(TALK);
  const page = (title: string): number => {
    const slide = deck.slides.find((s) => s.title === title);
    assert.ok(slide, title);
    return slide.index + 1;
  };
  let slides: string;
  before(() => {
    slides = exportTo('talk.pdf');
  });

  test('the references slides print the full references, numbered in talk order', () => {
    const tace = squash(pdfText(slides, page('References: the TACE trials')));
    for (const ref of [
      '1. Llovet JM, Real MI, Montaña X, et al. Arterial embolisation or chemoembolisation versus symptomatic treatment in patients with unresectable hepatocellular carcinoma: a randomised controlled trial. Lancet. 2002;359:1734–9.',
      '2. Lo CM, Ngan H, Tso WK, et al. Randomized controlled trial of transarterial lipiodol chemoembolization for unresectable hepatocellular carcinoma. Hepatology. 2002;35:1164–71.',
    ]) assert.ok(tace.includes(squash(ref)), `TACE references slide lacks: ${ref}`);
    const meta = squash(pdfText(slides, page('The meta-analysis')));
    assert.ok(meta.includes(squash('3. Devcic Z, Rosenberg J, Braat AJAT, Techasith T, Banerjee A, Sze DY, et al. The Efficacy of Hepatic 90Y Resin Radioembolization for Metastatic Neuroendocrine Tumors: A Meta-Analysis. J Nucl Med. 2014;55:1–7. doi:10.2967/jnumed.113.135855')), meta);
  });

  test('citations and footers carry the trial facts as the talk gives them', () => {
    const evidence = squash(pdfText(slides, page('Level I evidence: TACE (HCC only)')));
    for (const s of ['Llovet et al. (1)', 'Lo et al. (2)', '1. Llovet et al. Lancet 2002;359:1734–1739', '2. Lo et al. Hepatology 2002;35:1164–1171', 'Hazard ratio 0.47', 'Hazard ratio 0.49']) {
      assert.ok(evidence.includes(squash(s)), `evidence slide lacks "${s}"`);
    }
    const literature = squash(pdfText(slides, page('Published literature')));
    for (const s of ['Meta-analysis of TARE for metastatic NET (3):', 'ORR (objective response rate): 48%', 'DCR (disease control rate): 85%', 'Median OS (overall survival): 29 months', '3. Devcic et al. J Nucl Med 2014;55:1–7']) {
      assert.ok(literature.includes(squash(s)), `literature slide lacks "${s}"`);
    }
  });

  test('the DOI is a working link and each references slide has a bookmark', () => {
    assert.match(readFileSync(slides).toString('latin1'), /\/URI\s*\(https:\/\/doi\.org\/10\.2967\/jnumed\.113\.135855\)/);
    const outline = pdfOutlineTitles(slides);
    assert.ok(outline.includes('References: the TACE trials'), outline.join(' | '));
    assert.ok(outline.includes('The meta-analysis'), outline.join(' | '));
  });

  test('the notes and handout PDFs carry the references and the link too', () => {
    for (const args of [['--format', 'notes'], ['--format', 'handout', '--per-page', '3']]) {
      const pdf = exportTo(`talk-${args[1]}.pdf`, ...args);
      const text = squash(pdfText(pdf));
      assert.ok(text.includes(squash('Llovet JM, Real MI, Montaña X, et al.')), `${args[1]}: TACE reference`);
      assert.ok(text.includes(squash('doi:10.2967/jnumed.113.135855')), `${args[1]}: DOI`);
      assert.match(readFileSync(pdf).toString('latin1'), /\/URI\s*\(https:\/\/doi\.org\/10\.2967\/jnumed\.113\.135855\)/, `${args[1]}: DOI link`);
    }
  });
});
