// Citations in the study view: hovering one shows its full reference (the title the compiler
// wrote on it); clicking it, or Enter on it, opens the reference in a popover, with its DOI and
// PubMed links taken from the deck's own reference list. Escape or a click elsewhere closes it.

import { el, interceptExternalLinks } from '../ui/dom';

const CITE = '.lectern-cite[data-cite]';

/** The reference list entry for a key as a references slide shows it, or null. */
function listedReference(root: ParentNode, key: string): HTMLElement | null {
  for (const item of root.querySelectorAll<HTMLElement>('.lectern-reference')) if (item.id === `ref-${key}`) return item;
  return null;
}

function popoverContent(cite: HTMLElement, root: ParentNode): HTMLElement[] {
  const keys = (cite.dataset.cite ?? '').split(' ').filter(Boolean);
  const titles = (cite.getAttribute('title') ?? '').split('\n');
  return keys.map((key, i) => {
    const listed = listedReference(root, key);
    const item = el('p', { className: 'study-cite-reference', attrs: { 'data-cite': key } });
    if (listed) {
      const number = listed.getAttribute('value');
      item.append(number ? `${number}. ` : '', ...[...listed.cloneNode(true).childNodes]);
    } else item.textContent = titles[i] ?? key;
    return item;
  });
}

export function enableCitationPopovers(list: HTMLElement, openExternal: (url: string) => void): void {
  let open: { popover: HTMLElement; cite: HTMLElement } | null = null;
  const close = (): void => {
    if (!open) return;
    open.cite.setAttribute('aria-expanded', 'false');
    open.popover.remove();
    open = null;
  };
  const show = (cite: HTMLElement): void => {
    const same = open?.cite === cite;
    close();
    if (same) return;
    const popover = el('div', { className: 'study-cite-popover', attrs: { role: 'dialog', 'aria-label': 'Reference', 'data-testid': 'study-cite-popover' } }, popoverContent(cite, list));
    interceptExternalLinks(popover, openExternal);
    document.body.append(popover);
    const r = cite.getBoundingClientRect();
    const width = Math.min(520, window.innerWidth - 16);
    popover.style.width = `${width}px`;
    popover.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) + window.scrollX}px`;
    popover.style.top = `${r.bottom + 6 + window.scrollY}px`;
    cite.setAttribute('aria-expanded', 'true');
    open = { popover, cite };
  };
  for (const cite of list.querySelectorAll<HTMLElement>(CITE)) {
    cite.tabIndex = 0;
    cite.setAttribute('role', 'button');
    cite.setAttribute('aria-expanded', 'false');
  }
  list.addEventListener('click', (e) => {
    const cite = (e.target as HTMLElement).closest<HTMLElement>(CITE);
    if (!cite) return;
    e.preventDefault();
    e.stopPropagation();
    show(cite);
  });
  list.addEventListener('keydown', (e) => {
    const cite = (e.target as HTMLElement).closest<HTMLElement>(CITE);
    if (cite && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      show(cite);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open) {
      const cite = open.cite;
      close();
      cite.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (open && !open.popover.contains(e.target as Node)) close();
  });
}
