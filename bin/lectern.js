#!/usr/bin/env node
// The `lectern` command: the bundled CLI in dist/ (built by `npm ci` / `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('lectern: the CLI is not built yet; run `npm run build` in ' + join(__dirname, '..'));
  process.exit(2); // EXIT_USAGE in electron/cli/exit-codes.ts
}
// A reader that stops early (`lectern export --help | head`) closes the pipe: that is the
// reader's choice, not a failure, so end quietly as other command-line tools do.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});
require(cli).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
