// The audience view: the deck presented by reveal.js (windowed-reveal.ts), our keys and
// overlays, and sync with the presenter through the transport. Per step it does constant work.

import type { SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import { resolveSlideAssets } from '../assets';
import { indexSlides, parsePositionHash, positionOfNumber } from '../model';
import { applyDeckTheme } from '../theme';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks, isTyping } from '../ui/dom';
import { HelpOverlay, NAVIGATION_KEYS } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { SearchBox } from './search-box';
import { WindowedReveal } from './windowed-reveal';

const AUDIENCE_KEYS = [
  ...NAVIGATION_KEYS,
  { keys: ['Esc', 'O'], action: 'Overview of all slides (Enter or a click picks one)' },
  { keys: ['F', 'F5'], action: 'Fullscreen (a clicker\'s start button sends F5: it never reloads)' },
  { keys: ['Ctrl+F', '⌘F'], action: 'Search slides' },
  { keys: ['S'], action: 'Open the presenter view (notes, timer) in a second window' },
  { keys: ['?'], action: 'This list of keys' },
];

export async function startAudience(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): Promise<void> {
  let deck = loaded.deck;
  if (deck.slides.length === 0) {
    // Only a deck that failed to compile (written with --force) has no slides.
    root.classList.add('lectern-audience');
    root.replaceChildren(
      el('div', { className: 'lectern-fatal' }, [el('h1', { text: deck.meta.title || 'Lectern' }), el('p', { text: 'This deck has no slides.' })]),
    );
    return;
  }
  let index = indexSlides(deck.slides);
  const slides = resolveSlideAssets(deck.slides, loaded.assetUrl);
  const presentation = new WindowedReveal(slides, deck.meta.slideNumbers);
  const reveal = presentation.reveal;
  root.replaceChildren(presentation.element);
  root.classList.add('lectern-audience');

  // The position in the URL survives a reload; reveal.js must not read it (its indices are local).
  const initial: SlidePosition = parsePositionHash(location.hash) ?? { h: 0, v: 0, f: -1 };
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  await presentation.start(initial);

  const transport = source.transport(deck);
  const sendState = (): void =>
    transport.send({ type: 'state', position: presentation.current(), blackout: reveal.isPaused() });
  presentation.onChange(sendState);
  transport.onMessage((message: SyncMessage) => {
    switch (message.type) {
      case 'navigate':
        presentation.goTo(message.position);
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
  const search = new SearchBox(root, slides, (slide) => presentation.goTo({ h: slide.h, v: slide.v, f: -1 }));
  const jump = new JumpBuffer(root, (n) => {
    const p = positionOfNumber(index, n);
    if (p) presentation.goTo(p);
    return p !== null;
  });

  /** Keys whose meaning is the whole deck, not reveal.js's window of it. */
  function deckKey(event: KeyboardEvent): boolean {
    if (reveal.isPaused() || event.ctrlKey || event.metaKey || event.altKey) return false;
    const key = event.key;
    if (key === 'Home' || (event.shiftKey && (key === 'ArrowLeft' || key === 'H'))) presentation.first();
    else if (key === 'End' || (event.shiftKey && (key === 'ArrowRight' || key === 'L'))) presentation.last();
    else if ((key === 'Escape' || key === 'o' || key === 'O') && !reveal.isOverview()) presentation.showOverview();
    else return false;
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
      } else if (event.key === 'F5') {
        if (!document.fullscreenElement) void document.documentElement.requestFullscreen().catch(() => {});
        handled = true;
      } else if (deckKey(event)) {
        handled = true;
      } else {
        presentation.prepareStep();
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
    if (p) presentation.goTo(p);
  });

  interceptExternalLinks(root, (url) => source.openExternal(url));

  source.onDeckUpdated((next) => {
    deck = next.deck;
    index = indexSlides(deck.slides);
    const nextSlides = resolveSlideAssets(deck.slides, next.assetUrl);
    applyDeckTheme(deck, next.assetUrl);
    search.setSlides(nextSlides);
    presentation.setSlides(nextSlides, deck.meta.slideNumbers);
  });
}
