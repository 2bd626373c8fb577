// The audience view: a small controller wiring its concerns. reveal.js presenting the deck
// (windowed-reveal.ts), the position in the URL (url-position.ts), the sync link with the
// presenter (sync-link.ts), reloads (view/live-deck.ts), and our keys and overlays (keys.ts).
// Per step it does constant work.

import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks } from '../ui/dom';
import { enterFullscreen, leaveFullscreen, toggleFullscreen } from '../ui/fullscreen';
import { HelpOverlay } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { listenForKeys } from '../ui/key-listener';
import { nextPosition, positionHash, positionOfNumber, slideAt } from '../model';
import { LiveDeck } from '../view/live-deck';
import { audienceInk } from '../ink/views';
import { ClinicalMedia } from '../media/clinical-media';
import { audienceKeyTable } from './keys';
import { SearchBox } from './search-box';
import { AudienceLink } from './sync-link';
import { followPositionHash, takeInitialPosition } from './url-position';
import { WindowedReveal } from './windowed-reveal';

export async function startAudience(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): Promise<void> {
  const deck = loaded.deck;
  if (deck.slides.length === 0) {
    // Only a deck that failed to compile (written with --force) has no slides.
    root.classList.add('lectern-audience');
    root.replaceChildren(
      el('div', { className: 'lectern-fatal' }, [el('h1', { text: deck.meta.title || 'Lectern' }), el('p', { text: 'This deck has no slides.' })]),
    );
    return;
  }
  const live = new LiveDeck(loaded);
  const presentation = new WindowedReveal(live.slides, deck.meta.slideNumbers);
  const reveal = presentation.reveal;
  root.replaceChildren(presentation.element);
  root.classList.add('lectern-audience');

  await presentation.start(takeInitialPosition());
  const transport = source.transport(deck);
  const ink = audienceInk(source, () => live.deck, transport, presentation.element, (run) => reveal.on('resize', run));
  const inkSlide = (): void => ink.session.setSlide(live.slides[presentation.currentIndex()]?.key ?? '');
  presentation.onChange(inkSlide);
  inkSlide();
  const current = (): Element | null => reveal.getCurrentSlide() ?? null;
  // The presenter mirrors the shown slide's media. Cine loops change often: at most 4 reports a
  // second, the last change always sent (a trailing report).
  let reportDue: number | null = null;
  const media = new ClinicalMedia(root, () => {
    if (reportDue !== null) return;
    reportDue = window.setTimeout(() => {
      reportDue = null;
      link.sendMedia(media.snapshot(current()));
    }, 250);
  });
  const link = new AudienceLink(transport, presentation, (command) => {
    if (command === 'toggle-play') media.togglePlay(current());
    else media.step(current(), command === 'next' ? 1 : -1);
  });
  link.start();
  media.shown(current());
  reveal.on('slidechanged', () => media.shown(current()));
  void ink.session.load();

  const actions = [{ label: 'Open the presenter view', run: () => source.openPresenter() }];
  if (source.openStudy) actions.push({ label: 'Open the study view', run: source.openStudy });
  /** Keys whose meaning is the whole deck, not reveal.js's window of it (reveal.js keeps them in a blackout). */
  const deckKey = (run: () => void) => (event: KeyboardEvent): boolean => {
    if (reveal.isPaused() || event.altKey) return false;
    run();
    return true;
  };
  const keys = audienceKeyTable({
    endOfTalk: (event) => {
      if (reveal.isPaused() || reveal.isOverview()) return false;
      const p = presentation.current();
      const slide = slideAt(live.index, p);
      // Only where the talk ends and backup slides follow: reveal.js would step into them.
      if (!slide || slide.backup || !live.index.slides[slide.index + 1]?.backup) return false;
      return event.altKey || nextPosition(live.index, p) === null;
    },
    first: deckKey(() => presentation.first()),
    last: deckKey(() => presentation.last()),
    // In the overview, Esc and O are reveal.js's again (they close it).
    overview: (event) => !reveal.isOverview() && deckKey(() => presentation.showOverview())(event),
    jumpDigit: (event) => jump.handleKey(event),
    // A fullscreen projector is left by Esc before Esc means "overview" (reveal.js did both at once).
    escape: (event) => leaveFullscreen() || (!reveal.isOverview() && deckKey(() => presentation.showOverview())(event)),
    toggleFullscreen,
    // A clicker's start button may send F5 again mid-talk: it never takes the projector out of fullscreen.
    fullscreenFromClicker: enterFullscreen,
    search: () => search.show(),
    openPresenter: (event) => {
      if (event.altKey) return false;
      source.openPresenter();
      return true;
    },
    toggleHelp: () => help.toggle(),
    stackPrevious: () => media.step(current(), -1),
    stackNext: () => media.step(current(), 1),
    togglePlay: () => media.togglePlay(current()),
  }, ink.keys);
  const help = new HelpOverlay(root, 'Keys', keys.helpRows(), actions);
  const search = new SearchBox(root, live.slides, {
    go: (slide) => presentation.goTo({ h: slide.h, v: slide.v, f: -1 }),
    // A clicker's page keys reach the talk even while the search field has the focus.
    step: (direction) => {
      presentation.prepareStep();
      if (direction > 0) reveal.next();
      else reveal.prev();
    },
  });
  // The talk moved or blacked out (here, from the presenter window or a link): overlays on the
  // projector go away. A re-centre of reveal.js's window also reports a change, at the same place.
  const where = (): string => `${positionHash(presentation.current())} ${reveal.isPaused()}`;
  let shownAt = where();
  presentation.onChange(() => {
    const now = where();
    if (now === shownAt) return;
    shownAt = now;
    help.hide();
    search.close();
  });
  const jump = new JumpBuffer(root, (n) => {
    const p = positionOfNumber(live.index, n);
    if (p) presentation.goTo(p);
    return p !== null;
  });

  // Our keys run before reveal.js's (capture phase) and stop it from seeing them; reveal.js
  // handles the rest, once the slide window is ready for the step.
  listenForKeys(window, keys, {
    capture: true,
    stopPropagation: true,
    modes: [(e) => help.closeOnKey(e), ink.mode, (e) => jump.active && jump.handleKey(e)],
    unhandled: () => presentation.prepareStep(),
  });

  followPositionHash((p) => presentation.goTo(p));
  interceptExternalLinks(root, (url) => source.openExternal(url));

  live.onChange(() => {
    search.setSlides(live.slides);
    presentation.setSlides(live.slides, live.deck.meta.slideNumbers);
    inkSlide();
  });
  live.follow(source);
}
