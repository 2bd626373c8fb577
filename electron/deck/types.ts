// The compiled deck: plain, JSON-serialisable data. The compiler produces it once; the app,
// the renderer (over IPC or embedded in an HTML file), the exporters and the CLI all consume it.
// Nothing here may import Node or DOM types: the renderer typechecks against this file too.

export type Severity = 'error' | 'warning';

/** A problem an author can act on, located in the Markdown source (1-based line and column). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable kebab-case identifier, e.g. `katex-parse`, `missing-image`, `slide-without-notes`. */
  code: string;
  message: string;
}

/** reveal.js's themes, drawn with their colours and bundled fonts (renderer/themes/reveal-themes.css). */
export const REVEAL_THEME_NAMES = ['beige', 'black', 'blood', 'dracula', 'league', 'moon', 'night', 'serif', 'simple', 'sky', 'solarized', 'white'] as const;
export type RevealThemeName = (typeof REVEAL_THEME_NAMES)[number];
export type ThemeName = 'light' | 'dark' | RevealThemeName;

/** The `data-theme` a page shows for a deck's theme: a known name, else light. */
export function themeAttribute(theme: string | undefined): ThemeName {
  return theme === 'dark' || (REVEAL_THEME_NAMES as readonly string[]).includes(theme ?? '') ? (theme as ThemeName) : 'light';
}

export interface SectionBudget {
  /** Section title, matched against `Slide.section`. */
  title: string;
  /** Planned minutes for the section. */
  minutes: number;
}

/** One version of the talk (`lengths:` in the front matter). */
export interface TalkLength {
  name: string;
  minutes: number;
}

export interface DeckMeta {
  title: string;
  author?: string;
  date?: string;
  venue?: string;
  theme: ThemeName;
  /**
   * A theme given as a CSS file (`theme: talk.css`) and reveal-md's `css:` files after it: their
   * sanitised text, local url()s written `lectern-asset:<ref>` like slide HTML. Applied on top
   * of `theme`.
   */
  themeCss?: string;
  /** Planned length of the talk in minutes (for pacing): the chosen length's, else `duration`. */
  duration?: number;
  /** The talk's lengths as declared (the first is the default); [] when the deck declares none. */
  lengths?: TalkLength[];
  /** The length this deck was compiled for (its slides and budgets are that length's). */
  length?: string;
  /** Optional per-section time budgets (the chosen length's), in the order the sections appear. */
  sections: SectionBudget[];
  /** Show `current/total` slide numbers (default true). */
  slideNumbers: boolean;
}

/** Where a slide came from: the file (the deck itself or an included deck) and its lines. */
export interface SourceRange {
  file: string;
  /** First line of the slide's Markdown (1-based, inclusive). */
  startLine: number;
  /** Last line of the slide's Markdown (1-based, inclusive). */
  endLine: number;
}

export interface Slide {
  /** Position in reading order, 0-based, over all slides including vertical ones. */
  index: number;
  /** Identity that survives slides added above it (slide-key.ts): `id:<id attribute>` or
   *  `md:<hash of the Markdown body>`, unique in the deck. Ink is stored under it. */
  key: string;
  /** reveal.js coordinates: horizontal index and vertical index within its stack. */
  h: number;
  v: number;
  /** Sanitised slide body HTML (math already rendered by KaTeX). Asset URLs use ASSET_SCHEME. */
  html: string;
  /** Sanitised HTML of the speaker notes ('' when there are none). */
  notesHtml: string;
  /** Plain text of the notes, for search and PDF outlines. */
  notesText: string;
  /** Plain text of the slide body, for search. */
  text: string;
  /** Title: the first heading's text, or '' when the slide has none. */
  title: string;
  /** Attributes for the reveal.js <section>, from `<!-- .slide: ... -->` (all `data-*`, `class`, `id`). */
  attributes: Record<string, string>;
  /** Number of fragment steps on the slide (0 when none). */
  fragments: number;
  /** Section this slide belongs to ('' when the deck declares none). */
  section: string;
  source: SourceRange;
  /**
   * After the deck's `<!-- backup -->` marker: kept for questions, outside the talk (Next does
   * not reach it from the talk, pacing leaves it out, exports leave it out unless asked).
   */
  backup?: boolean;
}

/** The slides of the talk itself, without the backup slides. */
export function mainSlides<T extends Pick<Slide, 'backup'>>(slides: readonly T[]): T[] {
  return slides.filter((s) => !s.backup);
}

/** A local file a slide refers to, confined to the deck's asset root (its folder, or a wider `root:`). */
export interface DeckAsset {
  /** The reference as it appears in slide HTML after ASSET_SCHEME, normalised (`img/dual.svg`). */
  ref: string;
  /** Absolute path on disk, after resolving symlinks. */
  path: string;
  /** MIME type from the extension, e.g. `image/svg+xml`. */
  mime: string;
}

export interface Deck {
  /** Absolute path of the deck's Markdown file. */
  file: string;
  /** Absolute path of the folder assets are confined to. */
  root: string;
  meta: DeckMeta;
  slides: Slide[];
  assets: DeckAsset[];
  diagnostics: Diagnostic[];
  /** Every file the deck was built from (the deck, its includes, its assets): what to watch. */
  dependencies: string[];
}

/**
 * Slide HTML refers to local assets as `lectern-asset:<ref>`; each consumer maps refs to URLs it
 * can load (the app's confined protocol, data: URIs in an exported HTML file or PDF page).
 */
export const ASSET_SCHEME = 'lectern-asset:';
