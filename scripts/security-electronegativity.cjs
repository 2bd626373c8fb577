// Runs Doyensec's electronegativity on folders of our source, offline, and prints its findings
// as JSON: { checks (how many ran), issues: [{ id, file, line, column, severity, confidence, manualReview, description }],
// errors: [{ file, message, tolerable }] }.
// Usage: node scripts/security-electronegativity.cjs <folder>... [--exclude CHECK,...]
//
// Two fixes make the 1.10 release usable here, both by redirecting require() for its code only:
// - its TypeScript parser (@typescript-eslint 4) is hoisted and would load our TypeScript 7,
//   which has no JS compiler API; it gets the TypeScript 4.2 electronegativity ships with.
// - it fetches translations and Electron release data with `got`; that gets a stub that fails at
//   once, so the scan never touches the network (the release-data check is excluded by the test).
'use strict';

const Module = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const pkgDir = path.join(root, 'node_modules', '@doyensec', 'electronegativity');
const ts4 = path.join(pkgDir, 'node_modules', 'typescript');
const offlineGot = path.join(__dirname, 'security-offline-got.cjs');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const from = (parent && parent.filename) || '';
  if (request === 'typescript' && /[\\/](@typescript-eslint|tsutils)[\\/]/.test(from)) {
    return resolve.call(this, ts4, parent, ...rest);
  }
  if (request === 'got' && from.startsWith(pkgDir)) return offlineGot;
  return resolve.call(this, request, parent, ...rest);
};

async function main() {
  const args = process.argv.slice(2);
  const excludeAt = args.indexOf('--exclude');
  const exclude = excludeAt >= 0 ? (args[excludeAt + 1] || '').split(',').filter(Boolean) : [];
  const inputs = excludeAt >= 0 ? args.slice(0, excludeAt).concat(args.slice(excludeAt + 2)) : args;
  const electronVersion = require(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const run = require(path.join(pkgDir, 'dist', 'runner.js'));
  // Its progress and i18n chatter go to console.log; keep stdout for the JSON.
  const log = console.log;
  console.log = (...a) => process.stderr.write(a.join(' ') + '\n');
  // One scan over all inputs, so the global checks (CSP, navigation limits, permission handler)
  // see the main process and the renderer together: they are staged into one folder.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-electronegativity-'));
  const issues = [];
  const errors = [];
  let checks = 0;
  try {
    for (const input of inputs) {
      const abs = path.resolve(input);
      const rel = path.relative(root, abs);
      const name = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(abs);
      fs.cpSync(abs, path.join(stage, name), { recursive: true });
    }
    const toRepo = (file) => (file && file.startsWith(stage) ? path.relative(stage, file).split(path.sep).join('/') : file);
    const result = await run(
      {
        input: stage,
        isRelative: false,
        excludeFromScan: exclude,
        electronVersionOverride: electronVersion,
        severitySet: 'informational',
        confidenceSet: 'tentative',
      },
      false,
    );
    checks = result.atomicChecks + result.globalChecks;
    for (const issue of result.issues) {
      issues.push({
        id: issue.id,
        file: toRepo(issue.file),
        line: issue.location ? issue.location.line : 0,
        column: issue.location ? issue.location.column : 0,
        severity: issue.severity ? issue.severity.name : '',
        confidence: issue.confidence ? issue.confidence.name : '',
        manualReview: !!issue.manualReview,
        description: issue.description || '',
      });
    }
    for (const e of result.errors || []) errors.push({ file: toRepo(e.file), message: e.message, tolerable: !!e.tolerable });
  } finally {
    console.log = log;
    fs.rmSync(stage, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ checks, issues, errors }, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(`electronegativity failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(2);
});
