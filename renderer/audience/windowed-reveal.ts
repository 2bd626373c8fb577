// reveal.js presenting a deck of any length. reveal.js touches every <section> it holds on each
// step, so it holds a window of stacks around the current one (the whole deck only while the
// overview is open), re-centred near the window's edges; only slides next to the current one
// have content. Slide numbers, progress and the URL hash are ours, in deck coordinates.

import Reveal from 'reveal.js';
import type { RevealApi } from 'reveal.js';
import { SLIDE_FRAME } from '../../electron/contract/frame';
import type { SlidePosition } from '../../electron/contract/ipc';
import type { Slide } from '../../electron/deck/types';
import { clampPosition, indexSlides, lastTalkSlide, positionHash, type DeckIndex } from '../model';
import { buildSection } from '../slide-dom';
import { el } from '../ui/dom';
import { SlideWindow } from './slide-window';
import { StackWindow, type StackRange } from './stack-range';

/** Slides kept rendered on each side of the current one (and in the overview, which shows more). */
const SLIDE_RADIUS = 3;
const OVERVIEW_RADIUS = 14;
/** Horizontal stacks reveal.js holds on each side of the current one, and when to re-centre. */
const STACK_RADIUS = 10;
const STACK_MARGIN = 3;
/** Quiet time after a move before an idle re-centre (touch, API moves). */
const RECENTRE_DELAY_MS = 700;

const REVEAL_CONFIG = {
  width: SLIDE_FRAME.width,
  height: SLIDE_FRAME.height,
  margin: 0.04,
  minScale: 0.1,
  maxScale: 4,
  controls: false,
  // Numbers, progress and the URL hash are ours: reveal.js only holds a window of the deck.
  progress: false,
  slideNumber: false,
  hash: false,
  respondToHashChanges: false,
  history: false,
  navigationMode: 'linear' as const,
  help: false,
  jumpToSlide: false,
  pause: true,
  overview: true,
  center: true,
  touch: true,
  transition: 'slide' as const,
  transitionSpeed: 'fast' as const,
  backgroundTransition: 'fade' as const,
  viewDistance: 2,
  mobileViewDistance: 2,
  // Never switch to reveal's scroll view on a narrow window.
  scrollActivationWidth: 0,
  hideInactiveCursor: true,
  preloadIframes: false,
  postMessage: false,
  postMessageEvents: false,
  plugins: [],
};

/** Stacks are numbered 0..n-1 by the compiler; anything else is mounted whole (no windowing). */
function stackWindowFor(slides: readonly Slide[]): StackWindow {
  const hs = [...new Set(slides.map((s) => s.h))].sort((a, b) => a - b);
  const contiguous = hs.every((h, i) => h === i);
  return new StackWindow(hs.length, contiguous ? STACK_RADIUS : hs.length, STACK_MARGIN);
}

export class WindowedReveal {
  readonly reveal: RevealApi;
  readonly element: HTMLElement;
  private readonly slidesEl = el('div', { className: 'slides' });
  private readonly numberEl = el('div', { className: 'lectern-slide-number', attrs: { 'aria-live': 'polite' } });
  private readonly progressBar = el('span');
  /** Shown in the overview only: it holds a screenful of the deck, so it says how to see the rest. */
  private readonly overviewHint = el('div', { className: 'lectern-overview-hint', attrs: { 'data-testid': 'overview-hint' } });
  private slides: Slide[];
  private index: DeckIndex;
  private windowing: StackWindow;
  private content: SlideWindow;
  private range: StackRange = { start: 0, end: 0 };
  private recentreTimer: number | undefined;
  private readonly listeners: Array<() => void> = [];
  /** Mounted sections, reused by the next mount so a re-centre never rebuilds what is on screen. */
  private leafSections = new Map<number, HTMLElement>();
  private stackSections = new Map<number, HTMLElement>();
  /** Where the talk was when the overview opened. */
  private overviewFrom: SlidePosition | null = null;

  constructor(slides: Slide[], private showNumbers: boolean) {
    this.slides = slides;
    this.index = indexSlides(slides);
    this.windowing = stackWindowFor(slides);
    this.content = new SlideWindow(slides, SLIDE_RADIUS, () => this.relayout());
    const progress = el('div', { className: 'lectern-progress', attrs: { 'aria-hidden': 'true' } }, [this.progressBar]);
    this.element = el('div', { className: 'reveal' }, [this.slidesEl, progress, this.numberEl, this.overviewHint]);
    this.reveal = new Reveal(this.element, REVEAL_CONFIG);
    // Content arrives before reveal.js lays out the target slide and counts its fragments.
    this.reveal.on('beforeslidechange', (event) => {
      const e = event as Event & { indexh?: number; indexv?: number };
      this.fill((e.indexh ?? 0) + this.range.start, e.indexv ?? 0);
    });
    for (const event of ['ready', 'slidechanged', 'overviewshown']) this.reveal.on(event, () => this.fillCurrent());
    this.reveal.on('overviewshown', () => (this.overviewFrom = this.current()));
    this.reveal.on('overviewhidden', () => {
      this.landAtFirstStep();
      this.fillCurrent();
      this.recentreSoon();
    });
    this.reveal.on('slidechanged', () => this.recentreSoon());
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed']) {
      this.reveal.on(event, () => this.changed());
    }
  }

  /** Re-centres the slides once loaded images have given them their real height. */
  private relayout(): void {
    if (this.reveal.isReady()) this.reveal.layout();
  }

  /** Mounts around `initial` (already in the element's document) and starts reveal.js. */
  async start(initial: SlidePosition): Promise<void> {
    const target = clampPosition(this.index, initial);
    this.mount(this.windowing.around(target.h));
    await this.reveal.initialize();
    this.goTo(target);
    this.fillCurrent();
    this.changed();
  }

  /** Called after every change of position or blackout. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Where the talk is, in deck coordinates. */
  current(): SlidePosition {
    const i = this.reveal.getIndices();
    return { h: (i.h ?? 0) + this.range.start, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : -1 };
  }

  /** Reading-order index of the current slide. */
  currentIndex(): number {
    const p = this.current();
    return this.content.indexOf(p.h, p.v);
  }

  goTo(p: SlidePosition): void {
    const c = clampPosition(this.index, p);
    if (!this.windowing.contains(this.range, c.h) || (!this.reveal.isOverview() && this.windowing.nearInnerEdge(this.range, c.h))) {
      this.remount(this.windowing.around(c.h), c);
    } else {
      this.reveal.slide(c.h - this.range.start, c.v, c.f);
    }
  }

  first(): void {
    const slide = this.index.slides[0];
    if (slide) this.goTo({ h: slide.h, v: 0, f: -1 });
  }

  /** The talk's last slide (the backup slides after it are not the end of the talk). */
  last(): void {
    const slide = lastTalkSlide(this.index);
    if (slide) this.goTo({ h: slide.h, v: 0, f: -1 });
  }

  /** The overview shows the whole deck: mount all of it first. */
  showOverview(): void {
    if (this.reveal.isOverview()) return;
    if (this.range.start > 0 || this.range.end < this.windowing.stackCount) this.remount(this.windowing.all(), this.current());
    this.reveal.toggleOverview(true);
  }

  /** Before reveal.js handles a key: near an inner edge of the window, re-centre first. */
  prepareStep(): void {
    if (this.reveal.isOverview()) return;
    const p = this.current();
    if (this.windowing.nearInnerEdge(this.range, p.h)) this.remount(this.windowing.around(p.h), p);
  }

  /** A new version of the deck (live reload): same position, new slides. */
  setSlides(slides: Slide[], showNumbers: boolean): void {
    const position = this.current();
    this.slides = slides;
    this.showNumbers = showNumbers;
    this.index = indexSlides(slides);
    this.windowing = stackWindowFor(slides);
    this.content = new SlideWindow(slides, SLIDE_RADIUS, () => this.relayout());
    // New slides: nothing of the old version may be reused.
    this.leafSections.clear();
    this.stackSections.clear();
    const c = clampPosition(this.index, position);
    this.remount(this.reveal.isOverview() ? this.windowing.all() : this.windowing.around(c.h), c);
  }

  /**
   * A slide picked in the overview (click or Enter) opens at its first step, as typing its
   * number does; reveal.js would show an earlier slide with all its fragments. Closing the
   * overview on the slide it opened from keeps that slide's step.
   */
  private landAtFirstStep(): void {
    const from = this.overviewFrom;
    this.overviewFrom = null;
    const p = this.current();
    if (from && from.h === p.h && from.v === p.v) {
      if (from.f !== p.f) this.reveal.slide(p.h - this.range.start, p.v, from.f);
      return;
    }
    if (p.f !== -1) this.reveal.slide(p.h - this.range.start, p.v, -1);
  }

  private contentRadius(): number {
    return this.reveal.isOverview() ? OVERVIEW_RADIUS : SLIDE_RADIUS;
  }

  private fill(h: number, v: number): void {
    this.content.show(this.content.indexOf(h, v), this.contentRadius());
  }

  private fillCurrent(): void {
    const p = this.current();
    this.fill(p.h, p.v);
  }

  /**
   * Puts the stacks of `r` into reveal.js's DOM. Sections already mounted are moved, not rebuilt
   * (the slide on screen keeps its decoded images); new ones are empty shells filled by `content`.
   */
  private mount(r: StackRange): void {
    this.range = r;
    const leaves = new Map<number, HTMLElement>();
    const stacks = new Map<number, HTMLElement>();
    const byStack = new Map<number, Slide[]>();
    for (const slide of this.slides) {
      if (slide.h < r.start || slide.h >= r.end) continue;
      const list = byStack.get(slide.h);
      if (list) list.push(slide);
      else byStack.set(slide.h, [slide]);
    }
    const top: HTMLElement[] = [];
    for (const h of [...byStack.keys()].sort((a, b) => a - b)) {
      const stack = (byStack.get(h) ?? []).sort((a, b) => a.v - b.v);
      const sections = stack.map((slide) => {
        const section = this.leafSections.get(slide.index) ?? buildSection(slide, false);
        leaves.set(slide.index, section);
        return section;
      });
      if (sections.length === 1 && sections[0]) {
        top.push(sections[0]);
      } else {
        const outer = this.stackSections.get(h) ?? document.createElement('section');
        outer.replaceChildren(...sections);
        stacks.set(h, outer);
        top.push(outer);
      }
    }
    this.slidesEl.replaceChildren(...top);
    this.leafSections = leaves;
    this.stackSections = stacks;
    this.content.setSections(leaves);
  }

  /**
   * Re-mounts reveal.js's window of stacks and shows `target` without a transition. reveal.js
   * may see no change in its own indices, so listeners are always told.
   */
  private remount(r: StackRange, target: SlidePosition): void {
    this.element.classList.add('lectern-instant');
    this.mount(r);
    this.reveal.sync();
    const c = clampPosition(this.index, target);
    this.fill(c.h, c.v);
    this.reveal.slide(c.h - this.range.start, c.v, c.f);
    // Flush styles with transitions off, then let the next move animate as usual.
    void this.element.offsetWidth;
    this.element.classList.remove('lectern-instant');
    this.changed();
  }

  private recentreSoon(): void {
    window.clearTimeout(this.recentreTimer);
    this.recentreTimer = window.setTimeout(() => {
      if (this.reveal.isOverview()) return;
      const p = this.current();
      const wanted = this.windowing.around(p.h);
      const wholeDeck = this.range.start === 0 && this.range.end === this.windowing.stackCount;
      if (this.windowing.nearInnerEdge(this.range, p.h) || (wholeDeck && wanted.end - wanted.start < this.windowing.stackCount)) {
        this.remount(wanted, p);
      }
    }, RECENTRE_DELAY_MS);
  }

  private changed(): void {
    const p = this.current();
    const i = this.content.indexOf(p.h, p.v);
    const n = this.slides.length;
    this.numberEl.hidden = !this.showNumbers;
    this.numberEl.textContent = `${i + 1} / ${n}`;
    this.overviewHint.textContent =
      `Slide ${i + 1} of ${n}. The overview shows the slides around this one: arrows move through the whole deck, ` +
      'Enter or a click opens a slide at its first step, Esc closes the overview. The study view shows every slide on one page.';
    this.progressBar.style.width = `${n > 1 ? (i / (n - 1)) * 100 : 100}%`;
    history.replaceState(null, '', positionHash(p));
    for (const listener of this.listeners) listener();
  }
}
