// The few entry points of citation-js and citeproc-js that Lectern calls; neither ships types.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options: { forceType: string; generateGraph: boolean; target?: string }): unknown[];
    };
    config: {
      get(name: '@csl'): { styles: Map<string, string>; locales: Map<string, string> };
    };
  };
  /** citation-js keeps every message it logs; Lectern empties it after each parse. */
  export const logger: { _log: unknown[] };
}
declare module '@citation-js/plugin-bibtex' {}
declare module '@citation-js/plugin-csl' {}

declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  export interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
    'author-only'?: boolean;
  }
  export interface CiteprocEngine {
    opt: { development_extensions: { wrap_url_and_doi: boolean }; xclass?: string; citation_number_sort_used?: boolean };
    bibliography: { tokens: unknown[] };
    setOutputFormat(format: 'html' | 'text'): void;
    updateItems(ids: string[]): void;
    makeCitationCluster(items: CiteprocCitationItem[]): string;
    makeBibliography(): false | [{ entry_ids: string[][]; bibliography_errors: unknown[] }, string[]];
  }
  const CSL: {
    Engine: new (sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  };
  export default CSL;
}
