// The part of zip-stream 6 (archiverjs, the zip engine inside archiver) the PPTX writer uses; the
// package ships no types. One entry at a time: `entry` calls back when the entry is in the stream.
declare module 'zip-stream' {
  import type { Readable } from 'node:stream';

  interface ZipStreamOptions {
    /** Passed to zlib for deflated entries. */
    zlib?: { level?: number };
    forceLocalTime?: boolean;
  }

  interface EntryData {
    name: string;
    date?: Date;
    /** Stored (method 0) instead of deflated. */
    store?: boolean;
  }

  class ZipStream extends Readable {
    constructor(options?: ZipStreamOptions);
    entry(source: Buffer | string, data: EntryData, callback: (err: Error | null) => void): this;
    finalize(): void;
    getBytesWritten(): number;
  }

  export = ZipStream;
}
