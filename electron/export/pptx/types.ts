// What the PowerPoint writer takes: the deck's properties and, one at a time, the slides as
// pictures with the text PowerPoint needs beside them (title, notes, alt text). Plain data, so
// the export path can produce it from any renderer and tests can produce it without one.

/** The file's properties (docProps/core.xml) and the language of its text. */
export interface PptxDeckMeta {
  title: string;
  author?: string;
  /** BCP 47 tag for the text runs, e.g. `en-US`, `de`; `en-US` when absent or malformed. */
  language?: string;
  /** Written as created/modified; fixed in tests so two runs give the same bytes. */
  date?: Date;
}

/** Speaker notes as PowerPoint shows them: paragraphs and (nested) lists of plain text. */
export type NoteBlock = NoteParagraph | NoteList;

export interface NoteParagraph {
  kind: 'paragraph';
  /** Formulas already as readable linear text; line breaks become line breaks. */
  text: string;
}

export interface NoteList {
  kind: 'list';
  ordered: boolean;
  items: NoteListItem[];
}

export interface NoteListItem {
  text: string;
  /** Lists nested under this item (PowerPoint shows up to nine levels; deeper ones stay at the ninth). */
  children?: NoteList[];
}

/** A video placed on the slide where its poster shows in the picture. */
export interface PptxVideo {
  /** An .mp4 file (H.264/AAC plays in PowerPoint, Keynote and Impress alike). */
  path: string;
  /** PNG or JPEG shown before the video plays: a file path or the bytes. */
  poster: string | Buffer;
  /** Where on the slide, as fractions of its width and height (0..1). */
  box: { x: number; y: number; width: number; height: number };
}

export interface PptxSlide {
  /** The whole slide as a PNG (3840x2160 for 16:9 at twice 1920x1080): a file path or the bytes. */
  image: string | Buffer;
  /** Becomes the slide's title placeholder ('' for none: PowerPoint then lists it untitled). */
  title: string;
  notes: NoteBlock[];
  /** The slide's text, read by screen readers as the picture's description. */
  altText: string;
  videos?: PptxVideo[];
}
