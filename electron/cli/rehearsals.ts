// `lectern rehearsals <deck> [--json] [--length NAME]`: the report of the deck's last rehearsal
// (from `<deck>.lectern-rehearsals.json`): planned vs rehearsed time per section and slide, and
// the slowest slides. Reads only: a damaged sidecar is reported and left where it is.

import { existsSync } from 'node:fs';
import { isDeckFile } from '../deck/deck-file';
import { loadDeck } from '../deck/index';
import { formatReport, rehearsalReport } from '../sidecar/rehearsal-report';
import { readRehearsals, rehearsalsPath } from '../sidecar/rehearsal-file';
import { formatSectionBars } from '../sidecar/rehearsal-text-chart';
import { EXIT_FAILED, EXIT_OK } from './exit-codes';

export interface RehearsalsOptions {
  json: boolean;
  /** The talk length to report (its last run, its plan); default the deck's default. */
  length?: string;
}

export async function runRehearsals(deckPath: string, opts: RehearsalsOptions): Promise<number> {
  if (!existsSync(deckPath) || !isDeckFile(deckPath)) {
    process.stderr.write(`lectern: ${deckPath}: no such deck (give a .md or .markdown file)\n`);
    return EXIT_FAILED;
  }
  const deck = loadDeck(deckPath, opts.length === undefined ? {} : { length: opts.length });
  const unknown = deck.diagnostics.find((d) => d.code === 'unknown-length' && opts.length !== undefined && d.message.includes(`"${opts.length}" was asked`));
  if (unknown) {
    process.stderr.write(`lectern: ${unknown.message}\n`);
    return EXIT_FAILED;
  }
  const loaded = readRehearsals(deck.file, new Date(), false);
  if (loaded.setAside) {
    process.stderr.write(`lectern: ${loaded.setAside.problem}\n`);
    return EXIT_FAILED;
  }
  const runs = loaded.file.runs.filter((r) => !deck.meta.length || !r.length || r.length === deck.meta.length);
  const run = runs.at(-1);
  if (!run) {
    process.stderr.write(`lectern: no rehearsal of ${deckPath}${deck.meta.length ? ` (length ${deck.meta.length})` : ''} yet (${rehearsalsPath(deck.file)}); rehearse in the presenter view (Shift+R)\n`);
    return EXIT_FAILED;
  }
  const report = rehearsalReport(deck.slides, deck.meta.duration, deck.meta.sections, run);
  process.stdout.write(opts.json ? `${JSON.stringify({ deck: deck.file, runs: runs.length, report }, null, 2)}\n` : `${formatReport(report)}\n${formatSectionBars(report)}${runs.length > 1 ? `\n${runs.length} runs kept; this is the last.\n` : ''}`);
  return EXIT_OK;
}
