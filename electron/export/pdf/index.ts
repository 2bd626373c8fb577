// Lectern's PDF reading and writing, all of it: joining the parts of a long deck (merge.ts) and
// adding bookmarks and document information (update.ts), over one reader (objects.ts, syntax.ts)
// and one writer (writer.ts); bookmarks nest slides under their sections (outline.ts). Written by
// hand, not with a PDF library: a library's parse + save of a 300-page export costs far more than
// copying objects and appending a few hundred bytes.
//
// What it assumes of the PDFs it reads, all of which Chromium's print pipeline (Skia) writes:
// - classic cross-reference tables (`xref` ... `trailer` ... `startxref`), possibly followed by
//   incremental updates (ours), found by following /Prev; no cross-reference streams and no object
//   streams: a file with either is refused with a message, never misread;
// - objects as `N G obj ... endobj`, a stream's length in /Length (a number or a reference);
// - no encryption; a page tree under the catalog's /Pages;
// - links to slides in other parts as URI actions (contract/print.ts PART_LINK_PREFIX).
// What it writes: objects numbered from the old /Size, classic tables, text strings as UTF-16BE
// hex (so every byte written is latin1), stream bytes copied verbatim, never decompressed.
// Each output is parsed once: a part by the joiner, the exported file by finishPdf.

export { mergePdfs, type MergeOptions } from './merge';
export { readTrailer, type Trailer } from './objects';
export { decodePdfString, scanObject } from './syntax';
export { nestBySection, type OutlineEntry, type SlideOutlineEntry } from './outline';
export { finishPdf, hasOutline, pdfTextString, withPdfInfo, withPdfOutline, type PdfFinish, type PdfInfo } from './update';
