// citation-js (with its BibTeX and CSL plugins) and citeproc, loaded on first use: together they
// take a third of a second to load, and most decks cite nothing. `require` inside a function
// stays a lazy call in the esbuild bundles (an `import` would load them when the CLI or app
// starts); test/unit/lazy-libraries.test.ts fails if a deck without citations loads them.
// This module is the only one that loads either library.
type CitationJs = typeof import('@citation-js/core');
type Citeproc = typeof import('citeproc').default;

let citationJs: CitationJs | null = null;
let citeproc: Citeproc | null = null;

/** citation-js's plugin registry, with the BibTeX and CSL plugins registered. */
export function citationPlugins(): CitationJs {
  if (!citationJs) {
    const core = require('@citation-js/core') as CitationJs;
    require('@citation-js/plugin-bibtex');
    require('@citation-js/plugin-csl');
    citationJs = core;
  }
  return citationJs;
}

/** citeproc-js's CSL namespace (its Engine). */
export function citeprocLibrary(): Citeproc {
  citeproc ??= require('citeproc') as Citeproc;
  return citeproc;
}
