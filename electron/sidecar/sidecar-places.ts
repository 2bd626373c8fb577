// Where a deck's sidecars (ink, rehearsal runs) are written. Beside the deck when its folder can
// be written; when it cannot (a read-only share, a lab PC, a USB stick locked shut), in a folder
// of the user's own keyed by the deck's path: `~/.local/share/lectern/sidecars/<hash>/`. Readers
// look in both places and merge, so the ink and runs of a talk given from a read-only folder come
// back the next time that deck is opened from the same path, by the app and by the CLI alike.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { FileNotWritableError, PendingFile } from '../export/atomic-file';

export interface SidecarPlaces {
  /** The per-user folder that holds one subfolder per deck whose own folder refused a write. */
  readonly fallbackRoot: string;
  /** Writes `text` to `file` atomically; throws FileNotWritableError when it cannot. (Tests
   *  inject a refusal here: they run as root, and root writes into read-only folders.) */
  write(file: string, text: string): void;
}

/** `$LECTERN_SIDECAR_DIR`, else the platform's per-user data folder + `lectern/sidecars`. */
export function defaultSidecarRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.LECTERN_SIDECAR_DIR) return resolve(env.LECTERN_SIDECAR_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lectern', 'sidecars');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Lectern', 'sidecars');
  const xdg = env.XDG_DATA_HOME?.trim();
  return join(xdg ? xdg : join(home, '.local', 'share'), 'lectern', 'sidecars');
}

export function atomicWrite(file: string, text: string): void {
  new PendingFile(file).commit(Buffer.from(text, 'utf8'));
}

export function defaultPlaces(): SidecarPlaces {
  return { fallbackRoot: defaultSidecarRoot(), write: atomicWrite };
}

/** The deck's own folder under the fallback root: 16 hex digits of the SHA-256 of its full path. */
export function fallbackDir(deckFile: string, root: string): string {
  return join(root, createHash('sha256').update(resolve(deckFile)).digest('hex').slice(0, 16));
}

/** Where the sidecar that belongs at `besidePath` goes when the deck folder refuses it. */
export function fallbackPath(besidePath: string, deckFile: string, places: SidecarPlaces): string {
  return join(fallbackDir(deckFile, places.fallbackRoot), basename(besidePath));
}

export interface SidecarWritten {
  /** The file written. */
  file: string;
  /** Set when the deck folder refused and the file went to the per-user folder: a sentence
   *  for the presenter saying why and where. */
  elsewhere?: string;
}

/**
 * Writes a sidecar beside the deck, else in the per-user folder. `text` must already include
 * what the per-user copy held (the readers merge both), so after a write beside the deck that
 * copy is removed: the deck folder has everything again. Throws FileNotWritableError (naming
 * both places) when neither can be written.
 */
export function writeSidecar(besidePath: string, deckFile: string, text: string, places: SidecarPlaces): SidecarWritten {
  const fallback = fallbackPath(besidePath, deckFile, places);
  let refused: string;
  try {
    places.write(besidePath, text);
    if (existsSync(fallback)) rmSync(fallback, { force: true });
    return { file: besidePath };
  } catch (err) {
    if (!(err instanceof FileNotWritableError)) throw err;
    refused = err.message;
  }
  const dir = fallbackDir(deckFile, places.fallbackRoot);
  try {
    mkdirSync(dir, { recursive: true });
    places.write(fallback, text);
  } catch (err) {
    const why = err instanceof FileNotWritableError ? err.message : `cannot write ${fallback}: ${String(err)}`;
    throw new FileNotWritableError(besidePath, `${refused.replace(/^cannot write [^:]*: /, '')}, and the per-user folder failed too (${why})`);
  }
  // Which deck the hashed folder belongs to, for a person looking in it (best effort).
  try {
    writeFileSync(join(dir, 'deck.txt'), `${resolve(deckFile)}\n`);
  } catch {
    /* the sidecar itself is written; the note is only a help */
  }
  return { file: fallback, elsewhere: `the deck folder cannot be written (${refused}), so it was saved in ${fallback} instead; Lectern finds it there next time` };
}
