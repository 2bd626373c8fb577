// The app's renderer page (dist/renderer, as `npm run build` leaves it) as a plain file, for
// browser tests that stand in for Electron with a fake preload API.

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const RENDERER = resolve(__dirname, '..', '..', 'dist', 'renderer');

/** Writes app.html (the built renderer's stylesheet, root element and script) into `dir`; returns its file:// URL. */
export function writeAppPage(dir: string): string {
  const file = join(dir, 'app.html');
  writeFileSync(
    file,
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${pathToFileURL(join(RENDERER, 'renderer.css')).href}"></head>` +
      `<body><div id="lectern-root"></div><script src="${pathToFileURL(join(RENDERER, 'renderer.js')).href}"></script></body></html>`,
  );
  return pathToFileURL(file).href;
}
