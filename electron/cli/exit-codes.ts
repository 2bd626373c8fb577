// The command line's exit codes, decided here and nowhere else (bin/lectern.js, plain JS, repeats
// EXIT_USAGE for "not built"): 0 success; 1 the deck has errors or the work failed; 2 bad usage
// (an unknown option, a path that is not a deck or folder where the command needs one).

export const EXIT_OK = 0;
/** The deck has compile errors, or the work failed (no browser, unwritable target, ...). */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILED | typeof EXIT_USAGE;

/** The line `lectern --help` ends with. */
export const EXIT_CODES_HELP = 'Exit codes: 0 success; 1 the deck has errors or the work failed; 2 bad usage.';

/** Ended by a signal: the shell convention 128 + signal number (SIGINT 130, SIGTERM 143). */
export function exitForSignal(signal: 'SIGINT' | 'SIGTERM'): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/** A child process's end as ours (`lectern present` passes the app's code through). */
export function exitForChild(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? (signal ? EXIT_FAILED : EXIT_OK);
}
