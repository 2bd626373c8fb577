// The state a render owns, passed explicitly down the render path (slide.ts -> walk.ts ->
// html-renderer.ts / sanitize.ts -> policy.ts) instead of living in module variables: marked
// keeps its per-parse state on Lexer/Parser instances the same way. Three levels:
//   DeckRenderContext  one compile of one deck (all its includes): options, the asset resolver;
//   SlideRenderContext one slide: diagnostics, assets, `.slide` attributes its body and notes share;
//   RenderContext      one part (body or notes): locator, math, fragments, section, raw-HTML flag.
import { dirname } from 'node:path';
import type { AssetHints, AssetKind, AssetResolution, AssetResolver, FileStamp } from './assets';
import { Locator, type Position } from './locate';
import type { PolicyContext } from './policy';
import type { SourceText } from './source';
import type { DeckAsset, Diagnostic, Severity } from './types';

export type Report = (severity: Severity, code: string, message: string, where: Position) => void;

/** Options a compile call passes down to every slide's render. */
export interface RenderOptions {
  /**
   * Send Markdown-only slides through sanitize-html too (normally only slides with raw HTML
   * take it). Tests compare both paths with it; the output must be the same.
   */
  sanitizeEverything: boolean;
  /**
   * The deck (or an include) declares a bibliography: `[@key]` and `@key` are citations. Off,
   * an `@handle` in running text stays text.
   */
  citations: boolean;
  /** Local media go through the converting resolver (media-assets.ts). */
  media: boolean;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { sanitizeEverything: false, citations: false, media: false };

/**
 * One compile of one deck, includes and all: created once per compile in compiler.ts and
 * referenced by every slide context. Deck-wide state (citation numbering, issue 14) belongs
 * here. Slides are cached by content across compiles, so a slide must not read state that
 * earlier slides wrote: record per-slide facts (cited keys, like `assets`) in SlideRender and
 * let the compiler number them in deck order, or put what a slide reads into its cache key.
 */
export interface DeckRenderContext {
  /** Folder assets and includes are confined to. */
  root: string;
  /**
   * The asset seam: turns a reference as written into a confined file (assets.ts). Asset
   * conversion (DICOM -> PNG, metadata stripping, issue 13) wraps this resolver, so every
   * image, media file, CSS url() and include goes through it.
   */
  resolver: AssetResolver;
  options: RenderOptions;
}

/** Where a slide's references become assets: resolved, recorded, and stamped for the cache. */
export class SlideAssets {
  readonly assets = new Map<string, DeckAsset>();
  /** Every file looked at, found or not: a cached render is reused only while these are unchanged. */
  readonly stamps: FileStamp[] = [];
  /** A reference waited for the media layer: this render must not be reused from the cache. */
  pending = false;

  constructor(
    private readonly resolver: AssetResolver,
    private readonly fromDir: string,
  ) {}

  use(ref: string, kind: AssetKind, hints?: AssetHints): AssetResolution {
    const res = this.resolver.resolve(ref, this.fromDir, kind, hints);
    if (res.stat) this.stamps.push(res.stat);
    if (res.pending) this.pending = true;
    if (res.ok) {
      this.assets.set(res.asset.ref, res.asset);
      for (const extra of res.extra ?? []) this.assets.set(extra.ref, extra);
    }
    return res;
  }
}

/** One slide: what its body and notes renders share. */
export interface SlideRenderContext {
  deck: DeckRenderContext;
  /** The file the slide is written in (an included deck's slides name the included file). */
  file: string;
  diagnostics: Diagnostic[];
  /** One report per code, message and line, however many times a slide triggers it. */
  reported: Set<string>;
  assets: SlideAssets;
  /** Attributes from `<!-- .slide: -->` (body or notes), already through the policy. */
  attributes: Record<string, string>;
  /** Where `<!-- references -->` was written: the compiler puts the reference list here. */
  references: Position | null;
  /** Where a `<!-- backup -->` marker was written on this slide, or null. */
  backupAt: Position | null;
}

export function createSlideContext(deck: DeckRenderContext, file: string): SlideRenderContext {
  return { deck, file, diagnostics: [], reported: new Set(), assets: new SlideAssets(deck.resolver, dirname(file)), attributes: {}, references: null, backupAt: null };
}

/** Fragment steps as reveal.js counts them: distinct explicit indices plus unindexed ones. */
export class FragmentCount {
  private readonly indexed = new Set<string>();
  private unindexed = 0;

  /** Counts an element's final attributes when its class makes it a fragment. */
  add(attrs: Record<string, string>): void {
    if (!/(?:^|\s)fragment(?:\s|$)/.test(attrs.class ?? '')) return;
    const idx = attrs['data-fragment-index'];
    if (idx !== undefined && /^\s*-?\d+\s*$/.test(idx)) this.indexed.add(String(parseInt(idx, 10)));
    else this.unindexed++;
  }

  get total(): number {
    return this.indexed.size + this.unindexed;
  }
}

/** One part of a slide (its body or its notes), rendered once. */
export interface RenderContext {
  slide: SlideRenderContext;
  locator: Locator;
  report: Report;
  /** What the HTML policy (policy.ts) needs: reports, source positions, asset use. */
  policy: PolicyContext;
  /** The part holds raw HTML (so its output must go through the sanitizer). */
  rawHtml: boolean;
  /** Rendered formulas, in placeholder order. */
  math: string[];
  /** Title from `<!-- section: Title -->`, or null. */
  section: string | null;
  fragments: FragmentCount;
}

export function createRenderContext(slide: SlideRenderContext, src: SourceText): RenderContext {
  const locator = new Locator(src);
  const report: Report = (severity, code, message, where) => {
    const key = `${code}\0${message}\0${where.line}`;
    if (slide.reported.has(key)) return;
    slide.reported.add(key);
    slide.diagnostics.push({ file: slide.file, line: where.line, column: where.column, severity, code, message });
  };
  const policy: PolicyContext = {
    report,
    locate: (needle, insensitive) => {
      const exact = locator.next(needle, insensitive);
      if (exact || insensitive) return exact;
      // marked percent-encodes Markdown URLs (spaces, backslashes): look for them as written.
      try {
        return locator.next(decodeURI(needle));
      } catch {
        return null;
      }
    },
    start: () => locator.start(),
    useAsset: (ref, kind, hints) => slide.assets.use(ref, kind, hints),
  };
  return { slide, locator, report, policy, rawHtml: false, math: [], section: null, fragments: new FragmentCount() };
}
