// The presenter view (our own, not reveal.js's notes popup): a small controller wiring its
// concerns. The deck and its reloads (view/live-deck.ts), the position (view/navigation.ts),
// the sync link with the audience (sync-link.ts), the screen (screen.ts: previews, notes, clock,
// errors) and the keys (keys.ts). Either view moves both: this one sends positions over the link
// and follows the audience's state.

import type { SlidePosition } from '../../electron/contract/ipc';
import type { Diagnostic } from '../../electron/deck/types';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks } from '../ui/dom';
import { leaveFullscreen, toggleFullscreen } from '../ui/fullscreen';
import { HelpOverlay } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { listenForKeys } from '../ui/key-listener';
import { KeyTable } from '../ui/keymap';
import { LiveDeck } from '../view/live-deck';
import { DeckNavigation } from '../view/navigation';
import { presenterInk } from '../ink/views';
import { nextLength } from '../sources/length-choice';
import { presenterKeys } from './keys';
import { RehearseMode } from './rehearse';
import { appStore, browserStore } from './rehearsal-store';
import { PresenterScreen } from './screen';
import { ClinicalMedia } from '../media/clinical-media';
import { PresenterLink } from './sync-link';

export function startPresenter(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): void {
  const live = new LiveDeck(loaded);
  const navigation = new DeckNavigation(live.index);
  let blackout = false;
  let liveErrors: Diagnostic[] = [];

  const rehearseBadge = el('span', { className: 'rehearse-badge', text: 'REHEARSING', attrs: { hidden: '', 'data-testid': 'rehearse-badge' } });
  const screen = new PresenterScreen(root, live.deck, () => render(), (n) => navigate(navigation.backup(n)), [rehearseBadge]);
  const store = source.loadRehearsals && source.saveRehearsal ? appStore(live.deck.file, source.loadRehearsals, source.saveRehearsal) : browserStore(live.deck.file);
  const rehearse = new RehearseMode(root, live.deck, rehearseBadge, store, (run) => screen.clock.setLastRun(run));
  /** The clock may have paused or resumed: a running rehearsal follows it. */
  const clockChanged = (): void => rehearse.paused(!screen.clock.running);
  interceptExternalLinks(root, (url) => source.openExternal(url));
  const render = (): void => {
    screen.render({ navigation, blackout, errors: [...liveErrors, ...(liveErrors.length ? [] : live.compileErrors)] });
    ink.session.setSlide(navigation.slide?.key ?? '');
  };

  /**
   * A new position, from this view's keys or the audience. Only a move the presenter makes
   * starts the clock; catching up with where the talk already is (this window opened or
   * reloaded mid-talk, or after a reset) does not.
   */
  function arrive(p: SlidePosition, moved: boolean): void {
    if (!navigation.moveTo(p)) return;
    if (moved) screen.clock.advanced(navigation.slide);
    else screen.clock.followed(navigation.slide);
    rehearse.arrived(navigation.slide, navigation.position.f);
    render();
  }

  function navigate(p: SlidePosition | null): void {
    if (!p) return;
    arrive(p, true);
    link.navigate(p);
  }

  function setBlackout(on: boolean, tell: boolean): void {
    if (blackout === on) return;
    blackout = on;
    screen.clock.blackout(on);
    clockChanged();
    if (tell) link.blackout(on);
    render();
  }

  /** Shift+R, or View > Rehearse Timings in the app: start a run here, or end it and report. */
  function toggleRehearsal(): void {
    rehearse.toggle(navigation.slide, navigation.position.f);
    clockChanged();
  }
  source.onPresenterCommand?.((command) => {
    if (command === 'toggle-rehearsal') toggleRehearsal();
  });

  const transport = source.transport(live.deck);
  const ink = presenterInk(source, () => live.deck, transport, screen.currentFrame, root);
  // The wheel over the preview's stack scrolls the audience's; the preview follows its report.
  const previewMedia = new ClinicalMedia(root, () => {}, (steps) => {
    for (let i = 0; i < Math.abs(steps); i++) link.media(steps > 0 ? 'next' : 'previous');
  });
  const link = new PresenterLink(transport, {
    arrive,
    blackout: (on) => setBlackout(on, false),
    // A (re)loaded audience window catches up with where the talk is.
    audienceJoined: () => {
      if (screen.clock.started) link.navigate(navigation.position, true);
    },
    // The current-slide preview shows the audience's stack image and video frame.
    media: (position, snapshot) => {
      const here = navigation.position;
      if (position.h === here.h && position.v === here.v) previewMedia.apply(screen.currentSlideElement(), snapshot);
    },
  });

  const keys = new KeyTable(
    presenterKeys({
      next: () => navigate(navigation.next()),
      previous: () => navigate(navigation.previous()),
      nextSlide: () => navigate(navigation.slideBeside(1)),
      previousSlide: () => navigate(navigation.slideBeside(-1)),
      first: () => navigate(navigation.first()),
      last: () => navigate(navigation.last()),
      jumpDigit: (event) => jump.handleKey(event),
      toggleBlackout: () => setBlackout(!blackout, true),
      toggleBackup: () => navigate(navigation.toggleBackup()),
      toggleTimer: () => {
        screen.clock.toggle();
        clockChanged();
      },
      toggleRehearsal,
      nextLength: () => {
        const name = nextLength(live.deck);
        if (name && source.chooseLength) source.chooseLength(name);
      },
      toggleFullscreen,
      leaveFullscreen,
      notesLarger: () => screen.notes.zoom(1),
      notesSmaller: () => screen.notes.zoom(-1),
      scrollNotes: (direction) => screen.notes.scroll(direction),
      toggleHelp: () => help.toggle(),
      stackPrevious: () => link.media('previous'),
      stackNext: () => link.media('next'),
      togglePlay: () => link.media('toggle-play'),
    }).concat(ink.keys),
  );
  const help = new HelpOverlay(root, 'Presenter keys', keys.helpRows());
  const jump = new JumpBuffer(root, (n) => {
    const p = navigation.number(n);
    navigate(p);
    return p !== null;
  });
  const closeReport = (e: KeyboardEvent): boolean => {
    if (!rehearse.reportOpen || e.key !== 'Escape') return false;
    rehearse.closeReport();
    return true;
  };
  listenForKeys(window, keys, { modes: [(e) => help.closeOnKey(e), closeReport, ink.mode, (e) => jump.active && jump.handleKey(e)] });

  source.onErrors((list) => {
    liveErrors = list;
    render();
  });
  live.onChange(() => {
    screen.setDeck(live.deck);
    rehearse.setDeck(live.deck);
    navigation.setIndex(live.index);
    render();
  });
  live.follow(source);

  render();
  void ink.session.load().then(render);
  window.setInterval(() => screen.clock.tick(navigation.slide), 250);
  link.hello();
}
