// The synthetic talk both citation benches measure: a 500-entry BibTeX bibliography (accents,
// DOIs, PMIDs) and slides that cite it twice each, spread so every entry is cited.

export const ENTRIES = 500;

export function benchBibliography(): string {
  const out: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    out.push(
      `@article{key${i},\n  author = {M{\\"u}ller, J{\\'e}r{\\^o}me and Smith, Ann and Lo, C. M. and Doe, J.},\n` +
        `  title = {Study {${i}} of transarterial therapy in {HCC} with a realistic title length},\n` +
        `  journal = {Journal of Examples}, year = {${1990 + (i % 30)}}, volume = {${i % 90}}, number = {${i % 12}},\n` +
        `  pages = {${100 + i}--${110 + i}}, doi = {10.1000/ex.${i}}, pmid = {${10000000 + i}},\n}\n`,
    );
  }
  return out.join('\n');
}

/** Slide i: two citations (bracketed with a locator, and in running text), code and an e-mail that are not citations. */
export function benchSlide(i: number, edit = ''): string {
  const a = (i * 7) % ENTRIES;
  const b = (i * 13 + 1) % ENTRIES;
  return `## Slide ${i}${edit}\n\n- A finding [@key${a}, p. ${i}] and more text\n- As @key${b} showed, with \`code@x\` and mail a@b.org\n\nNote: notes ${i}`;
}
