// The `lectern` command line. Parsing and help live here; each command is its own module that
// returns an exit code from exit-codes.ts: 0 success, 1 the work failed (errors in a deck, an
// export that failed), 2 bad usage. Nothing here imports electron: `present` finds and spawns an Electron binary.

import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES_HELP, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { ROOT_OPTION_HELP } from './root-option';

const LENGTH_OPTION_HELP = "the talk length to use (a name from the deck's lengths:; default the first)";

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
    .option('--length <name>', LENGTH_OPTION_HELP)
    .option('--root <dir>', ROOT_OPTION_HELP)
    .action(async (path: string, opts: { strict?: boolean; json?: boolean; length?: string; root?: string }) => {
      const { runCheck } = await import('./check');
      setExit(await runCheck(path, { strict: !!opts.strict, json: !!opts.json, length: opts.length, root: opts.root }));
    });

  program
    .command('html')
    .description('write one self-contained offline HTML file that presents the deck')
    .argument('<deck>', 'the deck (.md)')
    .requiredOption('-o, --output <file>', 'the HTML file to write')
    .option('--force', 'write even when the deck has compile errors (they show as error boxes)')
    .option('--include-hidden', 'keep slides marked data-visibility="hidden"')
    .option('--length <name>', LENGTH_OPTION_HELP)
    .option('--root <dir>', ROOT_OPTION_HELP)
    .action(async (deck: string, opts: { output: string; force?: boolean; includeHidden?: boolean; length?: string; root?: string }) => {
      const { runHtml } = await import('./html');
      setExit(await runHtml(deck, { output: opts.output, force: !!opts.force, includeHidden: !!opts.includeHidden, length: opts.length, root: opts.root }));
    });

  program
    .command('export')
    .description('export PDFs (slides, notes or handouts), PowerPoint files or slide pictures through a Chromium or Chrome on this machine')
    .argument('<path>', 'a deck (.md) or a folder of decks (every deck in it is exported)')
    .addOption(
      new Option('--format <format>', 'PDF of slides, notes or a handout; pptx: PowerPoint; png/jpeg: one picture per slide')
        .choices(['slides', 'notes', 'handout', 'pptx', 'png', 'jpeg'])
        .default('slides'),
    )
    .addOption(
      new Option('--per-page <n>', 'handout: slides per page').choices(['1', '2', '3', '4', '6']).default('3'),
    )
    .addOption(new Option('--paper <paper>', 'paper size for notes and handouts').choices(['a4', 'letter']).default('a4'))
    .option('--lines', 'handout: ruled lines for writing instead of notes')
    .option('--fragments', 'slides, pptx, png, jpeg: one page, slide or picture per fragment step')
    .option('--tagged', 'a tagged PDF for screen readers (structure, reading order, language); slower')
    .option('--ink', 'draw the ink saved beside the deck (<deck>.lectern-ink.json) on the slides')
    .option('--scale <n>', 'png/jpeg: size as a multiple of 1920x1080, 0.25 to 4 (default 1)')
    .option('--range <slides>', 'pptx, png/jpeg: the slides to export, e.g. 3-7,12 (default all; PDFs are always whole)')
    .option('--quality <q>', 'jpeg: quality 1 to 100 (default 90)')
    .option('-o, --output <file>', 'the PDF or .pptx to write (one deck)')
    .option('--out-dir <dir>', 'folder for the PDFs, .pptx files or pictures (default: beside each deck; pictures: <deck>-images/)')
    .option('--browser <path>', 'Chromium or Chrome executable (default: $LECTERN_BROWSER, then the usual places)')
    .option('--force', 'export even when the deck has compile errors; png/jpeg: replace pictures of an earlier export')
    .option('--include-hidden', 'print slides marked data-visibility="hidden" too')
    .option('--backup', 'export the backup slides (after the <!-- backup --> marker) too (PDF, pptx, pictures)')
    .option('--length <name>', LENGTH_OPTION_HELP)
    .option('--root <dir>', ROOT_OPTION_HELP)
    .option('--quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Errors (each one line on stderr, exit 1): the deck does not exist; the deck has compile errors
(printed as file:line:col, use --force to export anyway); no browser was found (install one, e.g.
\`apt-get install chromium\`, or pass --browser); the target cannot be written.
A PDF or .pptx is written to a temporary file beside the target and renamed into place when
complete, so a failed or interrupted export leaves the previous file as it was; a read-only file is
not replaced. Pictures are taken into a hidden folder inside --out-dir and renamed into place only
once all were taken: no partial set is left behind. Bad --scale, --range or --quality: exit 2.

PowerPoint (--format pptx): each slide (each step with --fragments) is a 3840x2160 picture with the
slide's title as its title, its text as the picture's alt text and the speaker notes in the notes
pane; the deck's title and author are the file's properties; .mp4 videos on a slide are embedded
(other videos show as the frame the slide shows). --range 3-7,12 hands over those slides only,
each picture showing its number in the whole deck (PDFs always print the whole deck: use a PDF
tool such as qpdf --pages to cut one). From 1,000 pictures a warning gives the file's rough size
(~300 KB a slide); the export streams, so a long deck needs no more memory than a short one.
Pictures (--format png|jpeg): slide-001.png, slide-002.png... (slide-003-2.png: step 2 of slide 3
with --fragments), 1920x1080 at --scale 1.

Examples:
  lectern export talk.md --format pptx
  lectern export talk.md --format pptx --range 3-7,12 -o handover.pptx
  lectern export talk.md --format png --out-dir pictures --range 3-7,12 --scale 2
  lectern export talk.md --format jpeg --quality 80 --out-dir pictures`,
    )
    .action(
      async (
        path: string,
        opts: {
          format: 'slides' | 'notes' | 'handout' | 'pptx' | 'png' | 'jpeg';
          scale?: string;
          range?: string;
          quality?: string;
          perPage: string;
          paper: 'a4' | 'letter';
          lines?: boolean;
          fragments?: boolean;
          tagged?: boolean;
          ink?: boolean;
          output?: string;
          outDir?: string;
          browser?: string;
          force?: boolean;
          includeHidden?: boolean;
          backup?: boolean;
          length?: string;
          root?: string;
          quiet?: boolean;
        },
      ) => {
        const { runExport } = await import('./export');
        setExit(
          await runExport(path, {
            format: opts.format,
            ...(opts.scale !== undefined ? { scale: opts.scale } : {}),
            ...(opts.range !== undefined ? { range: opts.range } : {}),
            ...(opts.quality !== undefined ? { quality: opts.quality } : {}),
            perPage: Number(opts.perPage) as 1 | 2 | 3 | 4 | 6,
            paper: opts.paper,
            lines: !!opts.lines,
            fragments: !!opts.fragments,
            tagged: !!opts.tagged,
            ink: !!opts.ink,
            output: opts.output,
            outDir: opts.outDir,
            browser: opts.browser,
            force: !!opts.force,
            includeHidden: !!opts.includeHidden,
            backup: !!opts.backup,
            length: opts.length,
            root: opts.root,
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
    .option('--root <dir>', ROOT_OPTION_HELP)
    .action(async (deck: string | undefined, opts: { root?: string }) => {
      const { runPresent } = await import('./present');
      setExit(await runPresent(deck, process.env, opts.root !== undefined ? { assetRoot: opts.root } : {}));
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
