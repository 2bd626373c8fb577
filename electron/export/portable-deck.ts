// A deck fit to leave the author's machine: every path it carries (the deck's file, the source
// of each slide, assets, diagnostics, dependencies) made relative to the deck's asset root (its
// folder, or the wider root the author named), and any path outside it cut to its file name. An exported HTML file is handed to others; it
// must not tell them where the author keeps their files or what the folders are called.

import { basename, isAbsolute, relative, sep } from 'node:path';
import type { Deck } from '../deck/types';

/** `path` relative to `root` with forward slashes; only the file name when it lies outside. */
export function pathInDeck(root: string, path: string): string {
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(root, path);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return basename(path);
  return rel.split(sep).join('/');
}

/**
 * Text (a message, an error box) with the asset root removed from any path it quotes, and the
 * root itself ("outside the asset root /home/ana/course") written `.`.
 */
function withoutRoot(root: string, text: string): string {
  const bare = root.endsWith(sep) ? root.slice(0, -1) : root;
  // The file-system root (only ever a deck's own folder there): every path starts with it.
  if (bare === '' || /^[a-zA-Z]:$/.test(bare)) return text;
  const prefix = bare + sep;
  const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.split(prefix).join('').replace(new RegExp(`${escaped}(?![\\w.-])`, 'g'), '.');
}

export function portableDeck(deck: Deck): Deck {
  const root = deck.root;
  const rel = (path: string): string => pathInDeck(root, path);
  return {
    ...deck,
    file: rel(deck.file),
    root: '.',
    slides: deck.slides.map((slide) => ({
      ...slide,
      html: withoutRoot(root, slide.html),
      notesHtml: withoutRoot(root, slide.notesHtml),
      source: { ...slide.source, file: rel(slide.source.file) },
    })),
    assets: deck.assets.map((asset) => ({ ...asset, path: rel(asset.path) })),
    diagnostics: deck.diagnostics.map((d) => ({ ...d, file: rel(d.file), message: withoutRoot(root, d.message) })),
    dependencies: deck.dependencies.map(rel),
  };
}
