// The audience view: reveal.js presenting the compiled deck, kept in step with the presenter
// through the sync transport. Per slide change it does constant work (send one message).

import Reveal from 'reveal.js';
import type { RevealApi } from 'reveal.js';
import type { SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import type { Deck, Slide } from '../../electron/deck/types';
import { resolveSlideAssets } from '../assets';
import { indexSlides, positionOfNumber, clampPosition, type DeckIndex } from '../model';
import { buildRevealSlides } from '../slide-dom';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks, isTyping } from '../ui/dom';
import { HelpOverlay, NAVIGATION_KEYS } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { SearchBox } from './search-box';
import { SlideWindow } from './slide-window';

const AUDIENCE_KEYS = [
  ...NAVIGATION_KEYS,
  { keys: ['Esc', 'O'], action: 'Overview of all slides (Enter or a click picks one)' },
  { keys: ['F'], action: 'Fullscreen' },
  { keys: ['Ctrl+F', '⌘F'], action: 'Search slides' },
  { keys: ['S'], action: 'Open the presenter view (notes, timer) in a second window' },
  { keys: ['?'], action: 'This list of keys' },
];

function revealConfig(deck: Deck) {
  return {
    width: 1280,
    height: 720,
    margin: 0.04,
    minScale: 0.1,
    maxScale: 4,
    controls: false,
    progress: true,
    slideNumber: deck.meta.slideNumbers ? ('c/t' as const) : false,
    showSlideNumber: 'all' as const,
    hash: true,
    respondToHashChanges: true,
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
    // Few slides in the DOM at once keeps slide changes cheap in long decks.
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

function mountSlides(slidesEl: HTMLElement, slides: Slide[]): SlideWindow {
  slidesEl.replaceChildren(buildRevealSlides(slides, false));
  const sections = [...slidesEl.querySelectorAll<HTMLElement>('section[data-lectern-index]')].sort(
    (a, b) => Number(a.dataset.lecternIndex) - Number(b.dataset.lecternIndex),
  );
  return new SlideWindow(sections, slides, SLIDE_RADIUS);
}

function currentPosition(reveal: RevealApi): SlidePosition {
  const i = reveal.getIndices();
  return { h: i.h ?? 0, v: i.v ?? 0, f: typeof i.f === 'number' ? i.f : -1 };
}

export async function startAudience(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): Promise<void> {
  let deck = loaded.deck;
  let index: DeckIndex = indexSlides(deck.slides);
  const slidesEl = el('div', { className: 'slides' });
  const revealEl = el('div', { className: 'reveal' }, [slidesEl]);
  let window_ = mountSlides(slidesEl, resolveSlideAssets(deck.slides, loaded.assetUrl));
  root.replaceChildren(revealEl);
  root.classList.add('lectern-audience');

  const reveal = new Reveal(revealEl, revealConfig(deck));
  // Content arrives before reveal.js lays out the target slide and counts its fragments.
  reveal.on('beforeslidechange', (event) => {
    const e = event as Event & { indexh?: number; indexv?: number };
    window_.show(window_.indexOf(e.indexh ?? 0, e.indexv ?? 0), windowRadius());
  });
  const windowRadius = (): number => (reveal.isOverview() ? OVERVIEW_RADIUS : SLIDE_RADIUS);
  const refill = (): void => {
    const p = currentPosition(reveal);
    window_.show(window_.indexOf(p.h, p.v), windowRadius());
  };
  for (const event of ['ready', 'slidechanged', 'overviewshown', 'overviewhidden']) reveal.on(event, refill);
  await reveal.initialize();
  refill();

  const transport = source.transport(deck);
  const sendState = (): void =>
    transport.send({ type: 'state', position: currentPosition(reveal), blackout: reveal.isPaused() });

  const goTo = (p: SlidePosition): void => {
    const c = clampPosition(index, p);
    reveal.slide(c.h, c.v, c.f);
  };

  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed']) {
    reveal.on(event, sendState);
  }
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
  const search = new SearchBox(root, deck.slides, (slide) => goTo({ h: slide.h, v: slide.v, f: -1 }));
  const jump = new JumpBuffer(root, (n) => {
    const p = positionOfNumber(index, n);
    if (p) goTo(p);
    return p !== null;
  });

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
      }
      if (handled) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  interceptExternalLinks(slidesEl, (url) => source.openExternal(url));

  source.onDeckUpdated((next) => {
    const position = currentPosition(reveal);
    deck = next.deck;
    index = indexSlides(deck.slides);
    document.documentElement.dataset.theme = deck.meta.theme === 'dark' ? 'dark' : 'light';
    window_ = mountSlides(slidesEl, resolveSlideAssets(deck.slides, next.assetUrl));
    window_.show(window_.indexOf(position.h, position.v), windowRadius());
    search.setSlides(deck.slides);
    reveal.configure({ slideNumber: deck.meta.slideNumbers ? 'c/t' : false });
    reveal.sync();
    goTo(position);
  });
}
