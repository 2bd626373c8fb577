// The presenter view (our own, not reveal.js's notes popup): current slide with its fragment
// state, next slide, notes at an adjustable size, the elapsed-time clock, the wall clock,
// pacing, and live-reload errors. It navigates by sending positions over the sync transport and
// follows the audience's state messages, so either view moves both.

import type { SlidePosition, SyncMessage } from '../../electron/contract/ipc';
import type { Deck, Diagnostic } from '../../electron/deck/types';
import { applyDeckTheme } from '../theme';
import { resolveSlideAssets } from '../assets';
import {
  clampPosition,
  indexSlides,
  nextPosition,
  positionOf,
  positionOfNumber,
  previousPosition,
  samePosition,
  slideAt,
  type DeckIndex,
} from '../model';
import type { DeckSource, LoadedDeck } from '../sources/types';
import { el, interceptExternalLinks, isTyping } from '../ui/dom';
import { HelpOverlay, NAVIGATION_KEYS } from '../ui/help';
import { JumpBuffer } from '../ui/jump';
import { ClockPanel } from './clock-panel';
import { ErrorList } from './errors';
import { NotesPanel } from './notes';
import { SlidePreview } from './preview';

const PRESENTER_KEYS = [
  ...NAVIGATION_KEYS,
  { keys: ['T'], action: 'Pause / resume the timer' },
  { keys: ['F'], action: 'Fullscreen' },
  { keys: ['+', '−'], action: 'Larger / smaller notes' },
  { keys: ['?'], action: 'This list of keys' },
];

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen().catch(() => {});
}

export function startPresenter(source: DeckSource, loaded: LoadedDeck, root: HTMLElement): void {
  let deck: Deck = loaded.deck;
  let slides = resolveSlideAssets(deck.slides, loaded.assetUrl);
  let index: DeckIndex = indexSlides(slides);
  let position: SlidePosition = { h: 0, v: 0, f: -1 };
  let blackout = false;
  let compileErrors: Diagnostic[] = deck.diagnostics.filter((d) => d.severity === 'error');
  let liveErrors: Diagnostic[] = [];

  root.classList.add('lectern-presenter');
  const status = el('div', { className: 'status', attrs: { 'data-testid': 'position' } });
  const blackoutBadge = el('span', { className: 'blackout-badge', text: 'BLACKOUT', attrs: { hidden: '' } });
  const title = el('div', { className: 'deck-title', text: deck.meta.title });
  const header = el('header', { className: 'presenter-header' }, [title, status, blackoutBadge]);
  const currentBox = el('section', { className: 'current-pane', attrs: { 'aria-label': 'Current slide' } });
  const side = el('aside', { className: 'side-pane' });
  const nextLabel = el('h2', { className: 'pane-label', text: 'Next' });
  side.append(nextLabel);
  const current = new SlidePreview(currentBox, 'current');
  const next = new SlidePreview(side, 'next');
  const clock = new ClockPanel(side, deck, () => render());
  const errors = new ErrorList();
  const notes = new NotesPanel();
  const main = el('div', { className: 'presenter-grid' }, [currentBox, side, notes.element]);
  root.replaceChildren(header, errors.element, main);
  interceptExternalLinks(root, (url) => source.openExternal(url));
  // Buttons never keep the focus: Space and Enter must keep driving the talk after a click.
  root.addEventListener('mousedown', (event) => {
    if (event.target instanceof Element && event.target.closest('button')) event.preventDefault();
  });

  const transport = source.transport(deck);

  function render(): void {
    const slide = slideAt(index, position);
    current.show(slide, position.f);
    const after = nextPosition(index, position);
    const nextSlide = slide ? index.slides[slide.index + 1] : undefined;
    // Next shows the upcoming slide, fully built; while fragments remain it says so.
    next.show(nextSlide, nextSlide ? nextSlide.fragments - 1 : -1);
    const remainingSteps = slide ? slide.fragments - 1 - position.f : 0;
    nextLabel.textContent = remainingSteps > 0 ? `Next (after ${remainingSteps} more step${remainingSteps === 1 ? '' : 's'} here)` : after ? 'Next' : 'Next: end of the deck';
    const n = slide ? slide.index + 1 : 0;
    const step = slide && slide.fragments > 0 ? ` · step ${position.f + 1}/${slide.fragments}` : '';
    const section = slide?.section ? ` · ${slide.section}` : '';
    status.textContent = index.slides.length ? `Slide ${n} / ${index.slides.length}${step}${section}` : 'No slides';
    blackoutBadge.hidden = !blackout;
    root.classList.toggle('is-blackout', blackout);
    notes.show(slide);
    clock.update(slide);
    errors.show([...liveErrors, ...(liveErrors.length ? [] : compileErrors)]);
  }

  /** A new position, from this view's keys or the audience's state. */
  function arrive(p: SlidePosition): void {
    const clamped = clampPosition(index, p);
    if (samePosition(clamped, position)) return;
    position = clamped;
    clock.advanced(slideAt(index, position));
    render();
  }

  function navigate(p: SlidePosition | null): void {
    if (!p) return;
    arrive(p);
    transport.send({ type: 'navigate', position: p });
  }

  function setBlackout(on: boolean, tell: boolean): void {
    if (blackout === on) return;
    blackout = on;
    clock.blackout(on);
    if (tell) transport.send({ type: 'blackout', on });
    render();
  }

  transport.onMessage((message: SyncMessage) => {
    switch (message.type) {
      case 'state':
        arrive(message.position);
        setBlackout(message.blackout, false);
        break;
      case 'navigate':
        arrive(message.position);
        break;
      case 'blackout':
        setBlackout(message.on, false);
        break;
      case 'hello':
        // A (re)loaded audience window catches up with where the talk is.
        if (message.role === 'audience' && clock.started) transport.send({ type: 'navigate', position });
        break;
    }
  });

  const help = new HelpOverlay(root, 'Presenter keys', PRESENTER_KEYS);
  const jump = new JumpBuffer(root, (n) => {
    const p = positionOfNumber(index, n);
    navigate(p);
    return p !== null;
  });

  window.addEventListener('keydown', (event) => {
    if (isTyping(event.target)) return;
    if (help.open && (event.key === 'Escape' || event.key === '?')) {
      help.hide();
      event.preventDefault();
      return;
    }
    if (jump.handleKey(event)) {
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const slide = slideAt(index, position);
    let handled = true;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
      case 'PageDown':
      case 'n':
      case 'N':
        if (event.altKey && slide) navigate(index.slides[slide.index + 1] ? positionOf(index.slides[slide.index + 1]!, 'none') : null);
        else navigate(nextPosition(index, position));
        break;
      case ' ':
        navigate(event.shiftKey ? previousPosition(index, position) : nextPosition(index, position));
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
      case 'PageUp':
      case 'p':
      case 'P':
        if (event.altKey && slide) navigate(index.slides[slide.index - 1] ? positionOf(index.slides[slide.index - 1]!, 'none') : null);
        else navigate(previousPosition(index, position));
        break;
      case 'Home':
        navigate(index.slides[0] ? positionOf(index.slides[0], 'none') : null);
        break;
      case 'End': {
        const last = index.slides[index.slides.length - 1];
        navigate(last ? positionOf(last, 'none') : null);
        break;
      }
      case 'b':
      case 'B':
      case '.':
        setBlackout(!blackout, true);
        break;
      case 't':
      case 'T':
        clock.toggle();
        break;
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case '+':
      case '=':
        notes.zoom(1);
        break;
      case '-':
      case '_':
        notes.zoom(-1);
        break;
      case '?':
        help.toggle();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });

  source.onErrors((list) => {
    liveErrors = list;
    render();
  });
  source.onDeckUpdated((updated) => {
    deck = updated.deck;
    slides = resolveSlideAssets(deck.slides, updated.assetUrl);
    index = indexSlides(slides);
    compileErrors = deck.diagnostics.filter((d) => d.severity === 'error');
    title.textContent = deck.meta.title;
    applyDeckTheme(deck, updated.assetUrl);
    clock.setDeck(deck);
    position = clampPosition(index, position);
    current.show(undefined, -1);
    render();
  });

  render();
  window.setInterval(() => clock.tick(slideAt(index, position)), 250);
  transport.send({ type: 'hello', role: 'presenter' });
}
