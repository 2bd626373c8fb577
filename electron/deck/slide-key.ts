// A slide's identity, independent of its position: ink, and anything else kept per slide, is
// stored under it so it stays on the right slide when slides are added or moved above it.
// An author's `<!-- .slide: id="..." -->` wins (it survives edits to the slide); otherwise a hash
// of the slide's Markdown body (whitespace-normalised, notes excluded, so editing the notes keeps
// the ink). Identical slides get `~2`, `~3`... in reading order.

/** FNV-1a, 32 bits, as 8 hex digits: small, stable across platforms, no Node crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Keys for slides in reading order: `id:<id>` or `md:<hash>`, made unique with `~n`. */
export class SlideKeys {
  private readonly seen = new Map<string, number>();

  next(body: string, id: string | undefined): string {
    const base = id ? `id:${id}` : `md:${fnv1a(body.replace(/\s+/g, ' ').trim())}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  }
}
