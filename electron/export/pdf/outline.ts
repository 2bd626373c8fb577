// Bookmarks as a tree: the talk's sections at the top, each slide beneath the section it belongs
// to (as the study view's contents group them), written as PDF outline items. The print view
// reports one flat entry per slide with its section, so parts joined from a long deck nest the
// same as a whole print: the tree is built once, after joining.

import { pdfTextString } from './writer';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
  /** Entries beneath this one. */
  children?: readonly OutlineEntry[];
}

/** One slide's bookmark as the print view reports it: its section, if any, groups it. */
export interface SlideOutlineEntry {
  title: string;
  page: number;
  section?: string;
}

/**
 * Slides grouped under their sections: each run of consecutive slides of one section becomes a
 * section entry (on its first slide's page) with the slides beneath; slides outside any section
 * stay at the top level. Generic over section names, so references slides in a "References"
 * section nest like any other.
 */
export function nestBySection(entries: readonly SlideOutlineEntry[]): OutlineEntry[] {
  const top: OutlineEntry[] = [];
  let open: { section: string; children: OutlineEntry[] } | undefined;
  for (const { title, page, section } of entries) {
    if (!section) {
      open = undefined;
      top.push({ title, page });
      continue;
    }
    if (open?.section !== section) {
      open = { section, children: [] };
      top.push({ title: section, page, children: open.children });
    }
    open.children.push({ title, page });
  }
  return top;
}

/** Entries with a title on a page the PDF has (a section with none of its slides is dropped). */
function kept(entries: readonly OutlineEntry[], pageCount: number): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const entry of entries) {
    const children = entry.children ? kept(entry.children, pageCount) : undefined;
    const onPage = entry.title !== '' && entry.page >= 0 && entry.page < pageCount;
    if (children && children.length > 0) out.push({ title: entry.title, page: onPage ? entry.page : children[0]!.page, children });
    else if (onPage && !entry.children) out.push({ title: entry.title, page: entry.page });
  }
  return out;
}

/**
 * The outline dictionary and its items as object bodies, numbered from `first` (the outline
 * dictionary itself). `pages` are the page objects' numbers, by page index. Sections start
 * closed (a negative /Count): a reader opens on the talk's few sections, not every slide, and
 * expands the one it wants. Returns undefined when no entry lands on a page.
 */
export function outlineBodies(
  entries: readonly OutlineEntry[],
  pages: readonly number[],
  first: number,
): { bodies: Map<number, string>; next: number } | undefined {
  const tree = kept(entries, pages.length);
  if (tree.length === 0) return undefined;
  const bodies = new Map<number, string>();
  let next = first + 1;
  // Numbers in depth-first order, so each level's items are known before its parent is written.
  const number = (level: readonly OutlineEntry[]): number[] => level.map(() => next++);
  const write = (level: readonly OutlineEntry[], nums: number[], parent: number): void => {
    level.forEach((entry, i) => {
      const num = nums[i]!;
      const fields = [`/Title ${pdfTextString(entry.title)}`, `/Parent ${parent} 0 R`];
      if (i > 0) fields.push(`/Prev ${nums[i - 1]} 0 R`);
      if (i < nums.length - 1) fields.push(`/Next ${nums[i + 1]} 0 R`);
      const children = entry.children ?? [];
      if (children.length > 0) {
        const childNums = number(children);
        fields.push(`/First ${childNums[0]} 0 R`, `/Last ${childNums[childNums.length - 1]} 0 R`, `/Count -${children.length}`);
        write(children, childNums, num);
      }
      fields.push(`/Dest [${pages[entry.page]} 0 R /Fit]`);
      bodies.set(num, `<<${fields.join(' ')}>>`);
    });
  };
  const topNums = number(tree);
  write(tree, topNums, first);
  // Closed sections: only the top level is visible.
  bodies.set(first, `<</Type /Outlines /First ${topNums[0]} 0 R /Last ${topNums[topNums.length - 1]} 0 R /Count ${tree.length}>>`);
  return { bodies, next };
}
