// The data the citation modules pass around. Plain and JSON-serialisable, so a compile cache
// or a worker can hold it.

/** A CSL-JSON name: family/given, or a literal for institutions and "et al.". */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  literal?: string;
  raw?: string;
}

/** A bibliography entry as citeproc reads it (CSL-JSON); only the fields Lectern looks at are named. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  'container-title'?: string;
  'container-title-short'?: string;
  issued?: CslDate;
  volume?: string | number;
  issue?: string | number;
  page?: string;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  [field: string]: unknown;
}

/** One cited work inside a citation: `@key, p. 33` or `-@key`. */
export interface CitedWork {
  key: string;
  /** `-@key`: print the year/number without the author (author-date styles). */
  suppressAuthor: boolean;
  /** Text before the key inside the brackets (`see @key`). */
  prefix: string;
  /** Locator text after the key (`p. 33`), raw. */
  locator: string;
  /** Offset of the `@` within the citation's raw text, for diagnostics. */
  offset: number;
}

/** A citation as written: `[@a; @b, p. 3]` (bracketed) or `@a` in running text. */
export interface Citation {
  raw: string;
  /** Running-text form `@key`, printed as "Author (year)" or "Author [n]". */
  inText: boolean;
  works: CitedWork[];
}
