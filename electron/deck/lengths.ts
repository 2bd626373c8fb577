// Talk lengths: one deck, several versions of the talk (`lengths: {short: 20, full: 45}` in the
// front matter, the first the default). A slide marked `<!-- .slide: data-lengths="full" -->`
// belongs only to the lengths it names; a slide without the attribute belongs to all. Section
// budgets may be given per length (`sections: {Intro: {short: 3, full: 8}}`).
import type { SectionBudget, TalkLength } from './types';

/** A section budget as declared: for every length, or for one. */
export interface DeclaredBudget extends SectionBudget {
  /** The length this budget is for; undefined when it is for all of them. */
  length?: string;
  line: number;
}

export const LENGTHS_ATTRIBUTE = 'data-lengths';

/** The names a slide's `data-lengths` lists, or null when the slide has none (it is in every length). */
export function slideLengths(attributes: Readonly<Record<string, string>>): string[] | null {
  const value = attributes[LENGTHS_ATTRIBUTE];
  if (value === undefined) return null;
  return value.split(/[\s,]+/).filter(Boolean);
}

/** The chosen length: the one asked for, else the first declared; null when the deck declares none. */
export function chooseLength(lengths: readonly TalkLength[], asked: string | undefined): TalkLength | null {
  if (asked !== undefined) return lengths.find((l) => l.name === asked) ?? null;
  return lengths[0] ?? null;
}

/** The section budgets for one length: a per-length budget wins over one for every length. */
export function budgetsFor(declared: readonly DeclaredBudget[], length: string | null): SectionBudget[] {
  const out = new Map<string, number>();
  for (const b of declared) if (b.length === undefined) out.set(b.title, b.minutes);
  for (const b of declared) if (b.length !== undefined && b.length === length) out.set(b.title, b.minutes);
  return [...out].map(([title, minutes]) => ({ title, minutes }));
}

/** 1-based line (within a slide's text) of the first `data-lengths`, or 0 when not found. */
export function lengthsAttributeLine(text: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(LENGTHS_ATTRIBUTE));
  return i + 1;
}
