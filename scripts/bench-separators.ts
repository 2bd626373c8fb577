// Custom slide separators (front matter `separator:` ...) run on RE2: what loading it costs, how a
// pattern that is catastrophic for a backtracking engine behaves on a long deck, and what the
// usual reveal-md patterns cost on a large one. Numbers for the decision in
// electron/deck/separators.ts (safe-regex2, a star-height check, lets `(a|a)*` through).
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileSeparator } = require('../electron/deck/separators') as typeof import('../electron/deck/separators');
const warm = compileSeparator('<!--s-->', false);
const load = performance.now() - t0;
if ('error' in warm) throw new Error(warm.error);

function time(label: string, pattern: string, text: string): void {
  const p = compileSeparator(pattern, false);
  if ('error' in p) throw new Error(`${pattern}: ${p.error}`);
  const start = performance.now();
  const n = p.matches(text).length;
  console.log(`${label.padEnd(46)} ${(text.length / 1e6).toFixed(1)} MB  ${String(n).padStart(6)} matches  ${(performance.now() - start).toFixed(0).padStart(5)} ms`);
}

console.log(`load re2-wasm and compile a first pattern: ${load.toFixed(0)} ms`);
const slide = '## A slide\n\n- a point\n- another point\n\nNote: what to say\n';
const deck = (sep: string, n: number): string => Array.from({ length: n }, () => slide).join(sep);
time('<!--s--> over a 2,000-slide deck', '<!--s-->', deck('\n<!--s-->\n', 2000));
time('\\r?\\n---\\r?\\n over a 2,000-slide deck', '\\r?\\n---\\r?\\n', deck('\n---\n', 2000));
time('^\\n\\n\\n (blank lines) over a 2,000-slide deck', '^\n\n\n', deck('\n\n\n\n', 2000));
// Exponential for a backtracking engine: V8 would take longer than the age of the universe.
time('x(a|a)*y over 1 MB of "a" after an x', 'x(a|a)*y', `x${'a'.repeat(1_000_000)}`);
time('(\\s*)*x-like: \\s*\\s*\\s*$ over 1 MB of spaces', '\\s*\\s*\\s*!$', ' '.repeat(1_000_000));
