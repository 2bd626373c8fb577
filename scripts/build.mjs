// Bundles every entry point with esbuild. TypeScript is only typechecked (npm run typecheck);
// esbuild strips types, so a build takes well under a second.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const node = { platform: 'node', target: 'node20', format: 'cjs', bundle: true, sourcemap: 'linked', logLevel: 'warning' };

const entries = [
  // CLI and main process: runtime packages stay in node_modules (packaged into the asar).
  { ...node, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/cli.js', packages: 'external' },
  { ...node, entryPoints: ['electron/app/main.ts'], outfile: 'dist/main.js', packages: 'external', external: ['electron'] },
  // A sandboxed preload may require only `electron`: bundle everything else in.
  { ...node, entryPoints: ['electron/preload.ts'], outfile: 'dist/preload.js', external: ['electron'] },
  // The renderer: one browser script (+ renderer.css), no Node. Minified because every exported
  // HTML file and print page inlines it; fonts are emitted beside it (the HTML export inlines
  // the woff2 ones as data: URLs).
  {
    entryPoints: ['renderer/main.ts'], outfile: 'dist/renderer/renderer.js', bundle: true, format: 'iife',
    platform: 'browser', target: 'chrome120', sourcemap: 'linked', logLevel: 'warning', minify: true,
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
  },
];

await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build(e)));
