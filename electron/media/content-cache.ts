// A content-addressed store for converted media. The compiler decides where it lives (a folder
// under the user's cache directory, or memory in tests); this module only reads and writes blobs.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ContentCache {
  read(key: string): Promise<Uint8Array | undefined>;
  write(key: string, bytes: Uint8Array): Promise<void>;
}

/** SHA-256 over the parts, each length-prefixed so ("ab","c") and ("a","bc") differ. */
export function contentKey(...parts: Array<Uint8Array | string>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(String(bytes.length)).update(':').update(bytes);
  }
  return hash.digest('hex');
}

const KEY = /^[a-z0-9-]{1,128}$/;

/** Blobs as files named by key in `dir`; writes go through a temporary name so a crash leaves no half file. */
export function directoryCache(dir: string): ContentCache {
  let made: Promise<unknown> | undefined;
  const pathOf = (key: string): string => {
    if (!KEY.test(key)) throw new Error(`invalid cache key ${JSON.stringify(key)}`);
    return join(dir, key);
  };
  return {
    async read(key) {
      try {
        return await readFile(pathOf(key));
      } catch {
        return undefined;
      }
    },
    async write(key, bytes) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      const target = pathOf(key);
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
  };
}

export function memoryCache(): ContentCache & { size(): number } {
  const blobs = new Map<string, Uint8Array>();
  return {
    async read(key) { return blobs.get(key); },
    async write(key, bytes) { blobs.set(key, Uint8Array.from(bytes)); },
    size: () => blobs.size,
  };
}
