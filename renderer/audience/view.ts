// The audience view: reveal.js presenting the compiled deck, kept in step with the presenter
// through the sync transport. Per slide change it does constant work (send one message).

import Reveal from 'reveal.js';
import type { SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import type { Deck, Slide } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { clampPosition, indexSlides, parsePositionHash, positionHash, positionOfNumber, type DeckIndex } from '../model';
import { buildRevealSlides } from '../slide-dom';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks, isTyping } from '../ui/dom';
import { HelpOverlay, NAVIGATION_KEYS } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { SearchBox } from './search-box';
import { SlideWindow } from './slide-window';
import { StackWindow, type StackRange } from './stack-range';

const AUDIENCE_KEYS = [
  ...NAVIGATION_KEYS,
  { keys: ['Esc', 'O'], action: 'Overview of all slides (Enter or a click picks one)' },
  { keys: ['F'], action: 'Fullscreen' },
  { keys: ['Ctrl+F', '⌘F'], action: 'Search slides' },
  { keys: ['S'], action: 'Open the presenter view (notes, timer) in a second window' },
  { keys: ['?'], action: 'This list of keys' },
];

function revealConfig() {
  return {
    width: 1280,
    height: 720,
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
}

/** Slides kept rendered on each side of the current one (and in the overview, which shows more). */
const SLIDE_RADIUS = 3;
const OVERVIEW_RADIUS = 14;
/** Horizontal stacks reveal.js holds on each side of the current one, and when to re-centre. */
const STACK_RADIUS = 10;
const STACK_MARGIN = 3;
/** Quiet time after a move before an idle re-centre (touch, API moves). */
const RECENTRE_DELAY_MS = 700;

/** Stacks are numbered 0..n-1 by the compiler; anything else is mounted whole (no windowing). */
function stackCount(slides: readonly Slide[]): { count: number; contiguous: boolean } {
  const hs = [...new Set(slides.map((s) => s.h))].sort((a, b) => a - b);
  return { count: hs.length, contiguous: hs.every((h, i) => h === i) };
}

export async function startAudience(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): Promise<void> {
  let deck = loaded.deck;
  let slides = resolveSlideAssets(deck.slides, loaded.assetUrl);
  let index: DeckIndex = indexSlides(deck.slides);
  let stacks = stackCount(slides);
  let windowing = new StackWindow(stacks.count, stacks.contiguous ? STACK_RADIUS : stacks.count, STACK_MARGIN);
  let content = new SlideWindow(slides, SLIDE_RADIUS);
  let range: StackRange = { start: 0, end: 0 };

  const slidesEl = el('div', { className: 'slides' });
  const numberEl = el('div', { className: 'lectern-slide-number', attrs: { 'aria-live': 'polite' } });
  const progressBar = el('span');
  const progressEl = el('div', { className: 'lectern-progress', attrs: { 'aria-hidden': 'true' } }, [progressBar]);
  const revealEl = el('div', { className: 'reveal' }, [slidesEl, progressEl, numberEl]);
  root.replaceChildren(revealEl);
  root.classList.add('lectern-audience');

  /** Puts the stacks of `r` into reveal.js's DOM, as empty shells filled by `content`. */
  function mount(r: StackRange): void {
    range = r;
    slidesEl.replaceChildren(buildRevealSlides(slides.filter((s) => s.h >= r.start && s.h < r.end), false));
    const sections = new Map<number, HTMLElement>();
    for (const section of slidesEl.querySelectorAll<HTMLElement>('section[data-lectern-index]')) {
      sections.set(Number(section.dataset.lecternIndex), section);
    }
    content.setSections(sections);
  }

  // The position in the URL survives a reload; reveal.js must not read it (its indices are local).
  const initial = clampPosition(index, parsePositionHash(location.hash) ?? { h: 0, v: 0, f: -1 });
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  mount(windowing.around(initial.h));

  const reveal = new Reveal(revealEl, revealConfig());
  const contentRadius = (): number => (reveal.isOverview() ? OVERVIEW_RADIUS : SLIDE_RADIUS);

  /** Where the talk is, in deck coordinates. */
  function current(): SlidePosition {
    const i = reveal.getIndices();
    return { h: (i.h ?? 0) + range.start, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : -1 };
  }

  // Set once the transport exists: tells the chrome and the presenter where the talk is.
  let announce = (): void => {};

  /**
   * Re-mounts reveal.js's window of stacks and shows `target` without a transition. reveal.js
   * may see no change in its own indices, so the position is always announced.
   */
  function remount(r: StackRange, target: SlidePosition): void {
    revealEl.classList.add('lectern-instant');
    mount(r);
    reveal.sync();
    const c = clampPosition(index, target);
    content.show(content.indexOf(c.h, c.v), contentRadius());
    reveal.slide(c.h - range.start, c.v, c.f);
    // Flush styles with transitions off, then let the next move animate as usual.
    void revealEl.offsetWidth;
    revealEl.classList.remove('lectern-instant');
    announce();
  }

  function goTo(p: SlidePosition): void {
    const c = clampPosition(index, p);
    if (!windowing.contains(range, c.h) || (!reveal.isOverview() && windowing.nearInnerEdge(range, c.h))) {
      remount(windowing.around(c.h), c);
    } else {
      reveal.slide(c.h - range.start, c.v, c.f);
    }
  }

  let recentreTimer: number | undefined;
  function recentreSoon(): void {
    window.clearTimeout(recentreTimer);
    recentreTimer = window.setTimeout(() => {
      if (reveal.isOverview()) return;
      const p = current();
      const wanted = windowing.around(p.h);
      const all = range.start === 0 && range.end === stacks.count;
      if (windowing.nearInnerEdge(range, p.h) || (all && wanted.end - wanted.start < stacks.count)) remount(wanted, p);
    }, RECENTRE_DELAY_MS);
  }

  function updateChrome(): void {
    const p = current();
    const i = content.indexOf(p.h, p.v);
    numberEl.hidden = !deck.meta.slideNumbers;
    numberEl.textContent = `${i + 1} / ${slides.length}`;
    progressBar.style.width = `${slides.length > 1 ? (i / (slides.length - 1)) * 100 : 100}%`;
    history.replaceState(null, '', positionHash(p));
  }

  // Content arrives before reveal.js lays out the target slide and counts its fragments.
  reveal.on('beforeslidechange', (event) => {
    const e = event as Event & { indexh?: number; indexv?: number };
    content.show(content.indexOf((e.indexh ?? 0) + range.start, e.indexv ?? 0), contentRadius());
  });
  const refill = (): void => {
    const p = current();
    content.show(content.indexOf(p.h, p.v), contentRadius());
  };
  for (const event of ['ready', 'slidechanged', 'overviewshown']) reveal.on(event, refill);
  reveal.on('overviewhidden', () => {
    refill();
    recentreSoon();
  });
  reveal.on('slidechanged', recentreSoon);
  await reveal.initialize();
  goTo(initial);
  refill();

  const transport = source.transport(deck);
  const sendState = (): void => {
    updateChrome();
    transport.send({ type: 'state', position: current(), blackout: reveal.isPaused() });
  };

  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed']) {
    reveal.on(event, sendState);
  }
  announce = sendState;
  transport.onMessage((message: SyncMessage) => {
    switch (message.type) {
      case 'navigate':
        goTo(message.position);
        break;
      case 'blackout':
        if (reveal.isPaused() !== message.on) reveal.togglePause(message.on);
        break;
      case 'hello':
        if (message.role === 'presenter') sendState();
        break;
      case 'state':
        break;
    }
  });
  transport.send({ type: 'hello', role: 'audience' });
  sendState();

  const actions = [{ label: 'Open the presenter view', run: () => source.openPresenter() }];
  if (source.openStudy) actions.push({ label: 'Open the study view', run: source.openStudy });
  const help = new HelpOverlay(root, 'Keys', AUDIENCE_KEYS, actions);
  const search = new SearchBox(root, slides, (slide) => goTo({ h: slide.h, v: slide.v, f: -1 }));
  const jump = new JumpBuffer(root, (n) => {
    const p = positionOfNumber(index, n);
    if (p) goTo(p);
    return p !== null;
  });

  /** Keys whose meaning is the whole deck, not reveal.js's window of it. */
  function deckKey(event: KeyboardEvent): boolean {
    if (reveal.isPaused() || event.ctrlKey || event.metaKey || event.altKey) return false;
    const first = index.slides[0];
    const last = index.slides[index.slides.length - 1];
    const home = event.key === 'Home' || (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'h' || event.key === 'H'));
    const end = event.key === 'End' || (event.shiftKey && (event.key === 'ArrowRight' || event.key === 'l' || event.key === 'L'));
    if (home && first) goTo({ h: first.h, v: 0, f: -1 });
    else if (end && last) goTo({ h: last.h, v: 0, f: -1 });
    else if ((event.key === 'Escape' || event.key === 'o' || event.key === 'O') && !reveal.isOverview()) {
      // The overview shows the whole deck: mount all of it first.
      if (range.start > 0 || range.end < stacks.count) remount(windowing.all(), current());
      reveal.toggleOverview(true);
    } else return false;
    return true;
  }

  // Our keys run before reveal.js's (capture phase) and stop it from seeing them.
  window.addEventListener(
    'keydown',
    (event) => {
      if (isTyping(event.target)) return;
      let handled = false;
      if (help.open && (event.key === 'Escape' || event.key === '?')) {
        help.hide();
        handled = true;
      } else if (event.key === '?') {
        help.toggle();
        handled = true;
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        search.show();
        handled = true;
      } else if (jump.handleKey(event)) {
        handled = true;
      } else if ((event.key === 's' || event.key === 'S') && !event.ctrlKey && !event.metaKey && !event.altKey) {
        source.openPresenter();
        handled = true;
      } else if (deckKey(event)) {
        handled = true;
      } else if (!reveal.isOverview()) {
        // Near an inner edge of the window, re-centre before reveal.js takes the step.
        const p = current();
        if (windowing.nearInnerEdge(range, p.h)) remount(windowing.around(p.h), p);
      }
      if (handled) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  window.addEventListener('hashchange', () => {
    const p = parsePositionHash(location.hash);
    if (p) goTo(p);
  });

  interceptExternalLinks(slidesEl, (url) => source.openExternal(url));

  source.onDeckUpdated((next) => {
    const position = current();
    deck = next.deck;
    slides = resolveSlideAssets(deck.slides, next.assetUrl);
    index = indexSlides(deck.slides);
    stacks = stackCount(slides);
    windowing = new StackWindow(stacks.count, stacks.contiguous ? STACK_RADIUS : stacks.count, STACK_MARGIN);
    content = new SlideWindow(slides, SLIDE_RADIUS);
    document.documentElement.dataset.theme = deck.meta.theme === 'dark' ? 'dark' : 'light';
    search.setSlides(slides);
    remount(windowing.around(clampPosition(index, position).h), position);
    sendState();
  });
}
