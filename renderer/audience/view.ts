// The audience view: the deck presented by reveal.js (windowed-reveal.ts), our keys and
// overlays, and sync with the presenter through the transport. Per step it does constant work.

import type { SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import { resolveSlideAssets } from '../assets';
import { indexSlides, parsePositionHash, positionOfNumber } from '../model';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks } from '../ui/dom';
import { HelpOverlay } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { listenForKeys } from '../ui/key-listener';
import { audienceKeyTable } from './keys';
import { SearchBox } from './search-box';
import { WindowedReveal } from './windowed-reveal';

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
  /** Keys whose meaning is the whole deck, not reveal.js's window of it (reveal.js keeps them in a blackout). */
  const deckKey = (run: () => void) => (event: KeyboardEvent): boolean => {
    if (reveal.isPaused() || event.altKey) return false;
    run();
    return true;
  };
  const keys = audienceKeyTable({
    first: deckKey(() => presentation.first()),
    last: deckKey(() => presentation.last()),
    // In the overview, Esc and O are reveal.js's again (they close it).
    overview: (event) => !reveal.isOverview() && deckKey(() => presentation.showOverview())(event),
    jumpDigit: (event) => jump.handleKey(event),
    fullscreenFromClicker: () => {
      if (!document.fullscreenElement) void document.documentElement.requestFullscreen().catch(() => {});
    },
    search: () => search.show(),
    openPresenter: (event) => {
      if (event.altKey) return false;
      source.openPresenter();
      return true;
    },
    toggleHelp: () => help.toggle(),
  });
  const help = new HelpOverlay(root, 'Keys', keys.helpRows(), actions);
  const search = new SearchBox(root, slides, (slide) => presentation.goTo({ h: slide.h, v: slide.v, f: -1 }));
  const jump = new JumpBuffer(root, (n) => {
    const p = positionOfNumber(index, n);
    if (p) presentation.goTo(p);
    return p !== null;
  });

  // Our keys run before reveal.js's (capture phase) and stop it from seeing them; reveal.js
  // handles the rest, once the slide window is ready for the step.
  listenForKeys(window, keys, {
    capture: true,
    stopPropagation: true,
    modes: [(e) => help.closeOnKey(e), (e) => jump.active && jump.handleKey(e)],
    unhandled: () => presentation.prepareStep(),
  });

  window.addEventListener('hashchange', () => {
    const p = parsePositionHash(location.hash);
    if (p) presentation.goTo(p);
  });

  interceptExternalLinks(root, (url) => source.openExternal(url));

  source.onDeckUpdated((next) => {
    deck = next.deck;
    index = indexSlides(deck.slides);
    const nextSlides = resolveSlideAssets(deck.slides, next.assetUrl);
    document.documentElement.dataset.theme = deck.meta.theme === 'dark' ? 'dark' : 'light';
    search.setSlides(nextSlides);
    presentation.setSlides(nextSlides, deck.meta.slideNumbers);
  });
}
