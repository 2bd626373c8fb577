// What a deck file is, decided once for the app, the command line and the exporters. Pure
// (no file system), so the sandboxed preload can use it too; find-decks.ts searches folders.
//
// The rules (docs/deck-format.md, "Deck files"):
// - A path given explicitly (command line, Open dialog, a dropped file, Open Recent, `lectern
//   check|export|html|present <file>`) is a deck when its name ends in `.md` or `.markdown`,
//   in any case (`Talk.MD`).
// - A folder search (`lectern check|export <folder>`, the start screen's slides/ list) takes
//   those files too, except hidden ones (`.draft.md`) and READMEs (`README.md`), and does not
//   enter hidden folders or `node_modules`.

/** File extensions of decks, lower case, with the dot. */
export const DECK_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

const DECK_EXTENSION = /\.(?:md|markdown)$/i;

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/** A path or file name Lectern opens as a deck when it is given explicitly. */
export function isDeckFile(path: string): boolean {
  return DECK_EXTENSION.test(baseName(path));
}

/** A file name a folder search lists as a deck: a deck file, not hidden, not a README. */
export function isListedDeckName(name: string): boolean {
  if (name.startsWith('.') || !isDeckFile(name)) return false;
  return stripDeckExtension(name).toLowerCase() !== 'readme';
}

/** A folder a folder search does not enter: hidden ones and installed packages. */
export function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** The file name without folder and deck extension: `slides/Talk.markdown` -> `Talk`. */
export function stripDeckExtension(path: string): string {
  return baseName(path).replace(DECK_EXTENSION, '');
}
