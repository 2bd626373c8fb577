// The `lectern` command line. Parsing and help live here; each command is its own module that
// returns an exit code from exit-codes.ts: 0 success, 1 the work failed (errors in a deck, an
// export that failed), 2 bad usage. Nothing here imports electron: `present` finds and spawns an Electron binary.

import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES_HELP, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';


export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('lectern')
    .description('Lectern: present, check and export Markdown lecture decks, offline.')
    .version(process.env.LECTERN_VERSION ?? '0.1.0')
    .showHelpAfterError('(run `lectern --help` for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
${EXIT_CODES_HELP}
The deck format is documented in docs/deck-format.md.`,
    );

  program
    .command('check')
    .description('compile decks and print every diagnostic as file:line:col: severity: message')
    .argument('<path>', 'a deck (.md) or a folder of decks')
    .option('--strict', 'warnings fail too (exit 1)')
    .option('--json', 'print diagnostics as JSON')
    .option('--length <name>', 'the talk length to use (a name from the deck\'s lengths:; default the first)')
    .action(async (path: string, opts: { strict?: boolean; json?: boolean; length?: string }) => {
      const { runCheck } = await import('./check');
      setExit(await runCheck(path, { strict: !!opts.strict, json: !!opts.json, length: opts.length }));
    });

  program
    .command('html')
    .description('write one self-contained offline HTML file that presents the deck')
    .argument('<deck>', 'the deck (.md)')
    .requiredOption('-o, --output <file>', 'the HTML file to write')
    .option('--force', 'write even when the deck has compile errors (they show as error boxes)')
    .option('--include-hidden', 'keep slides marked data-visibility="hidden"')
    .option('--length <name>', 'the talk length to use (a name from the deck\'s lengths:; default the first)')
    .action(async (deck: string, opts: { output: string; force?: boolean; includeHidden?: boolean; length?: string }) => {
      const { runHtml } = await import('./html');
      setExit(await runHtml(deck, { output: opts.output, force: !!opts.force, includeHidden: !!opts.includeHidden, length: opts.length }));
    });

  program
    .command('export')
    .description('export PDFs (slides, notes or handouts) through a Chromium or Chrome on this machine')
    .argument('<path>', 'a deck (.md) or a folder of decks (every deck in it is exported)')
    .addOption(new Option('--format <format>', 'what to print').choices(['slides', 'notes', 'handout']).default('slides'))
    .addOption(
      new Option('--per-page <n>', 'handout: slides per page').choices(['1', '2', '3', '4', '6']).default('3'),
    )
    .addOption(new Option('--paper <paper>', 'paper size for notes and handouts').choices(['a4', 'letter']).default('a4'))
    .option('--lines', 'handout: ruled lines for writing instead of notes')
    .option('--fragments', 'slides: one page per fragment step')
    .option('--tagged', 'a tagged PDF for screen readers (structure, reading order, language); slower')
    .option('-o, --output <file>', 'the PDF to write (one deck)')
    .option('--out-dir <dir>', 'folder for the PDFs (default: beside each deck)')
    .option('--browser <path>', 'Chromium or Chrome executable (default: $LECTERN_BROWSER, then the usual places)')
    .option('--force', 'export even when the deck has compile errors')
    .option('--include-hidden', 'print slides marked data-visibility="hidden" too')
    .option('--backup', 'print the backup slides (after the <!-- backup --> marker) too')
    .option('--length <name>', 'the talk length to use (a name from the deck\'s lengths:; default the first)')
    .option('--quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Errors (each one line on stderr, exit 1): the deck does not exist; the deck has compile errors
(printed as file:line:col, use --force to export anyway); no browser was found (install one, e.g.
\`apt-get install chromium\`, or pass --browser); the target cannot be written.
A PDF is written to a temporary file beside the target and renamed into place when complete, so a
failed or interrupted export leaves the previous PDF as it was.`,
    )
    .action(
      async (
        path: string,
        opts: {
          format: 'slides' | 'notes' | 'handout';
          perPage: string;
          paper: 'a4' | 'letter';
          lines?: boolean;
          fragments?: boolean;
          tagged?: boolean;
          output?: string;
          outDir?: string;
          browser?: string;
          force?: boolean;
          includeHidden?: boolean;
          backup?: boolean;
          length?: string;
          quiet?: boolean;
        },
      ) => {
        const { runExport } = await import('./export');
        setExit(
          await runExport(path, {
            format: opts.format,
            perPage: Number(opts.perPage) as 1 | 2 | 3 | 4 | 6,
            paper: opts.paper,
            lines: !!opts.lines,
            fragments: !!opts.fragments,
            tagged: !!opts.tagged,
            output: opts.output,
            outDir: opts.outDir,
            browser: opts.browser,
            force: !!opts.force,
            includeHidden: !!opts.includeHidden,
            backup: !!opts.backup,
            length: opts.length,
            quiet: !!opts.quiet,
          }),
        );
      },
    );

  program
    .command('rehearsals')
    .description("report the deck's last rehearsal: planned vs rehearsed time per section and slide, the slowest slides")
    .argument('<deck>', 'the deck (.md)')
    .option('--json', 'print the report as JSON')
    .option('--length <name>', "the talk length to report (a name from the deck's lengths:; default the first)")
    .action(async (deck: string, opts: { json?: boolean; length?: string }) => {
      const { runRehearsals } = await import('./rehearsals');
      setExit(await runRehearsals(deck, { json: !!opts.json, length: opts.length }));
    });

  program
    .command('present')
    .description('open a deck in the Lectern app (needs an Electron binary); default: the bundled talk')
    .argument('[deck]', 'the deck (.md) to present')
    .action(async (deck: string | undefined) => {
      const { runPresent } = await import('./present');
      setExit(await runPresent(deck));
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT_OK;
  const program = buildProgram((code) => {
    exit = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`lectern: ${message}\n`);
    return EXIT_FAILED;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  return exit;
}
