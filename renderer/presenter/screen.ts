// The presenter view's screen: header (title, position, blackout badge), the current slide with
// its fragment state, the next slide, the clock panel, notes (below a handle that moves the
// split) and live-reload errors. It only
// draws what it is given; the controller (view.ts) decides what that is.

import type { Deck, DeckMeta, Diagnostic } from '../../electron/deck/types';
import { el } from '../ui/dom';
import type { DeckNavigation } from '../view/navigation';
import { BackupList } from './backup-list';
import { ClockPanel } from './clock-panel';
import { ErrorList } from './errors';
import { NotesPanel } from './notes';
import { NotesSplit } from './notes-split';
import { SlidePreview } from './preview';

export interface PresenterState {
  navigation: DeckNavigation;
  blackout: boolean;
  errors: Diagnostic[];
}

export class PresenterScreen {
  readonly clock: ClockPanel;
  readonly notes = new NotesPanel();
  private readonly status = el('div', { className: 'status', attrs: { 'data-testid': 'position' } });
  private readonly blackoutBadge = el('span', { className: 'blackout-badge', text: 'BLACKOUT', attrs: { hidden: '' } });
  private readonly title: HTMLElement;
  private readonly nextLabel = el('h2', { className: 'pane-label', text: 'Next' });
  private readonly current: SlidePreview;
  private readonly next: SlidePreview;
  private readonly errors = new ErrorList();
  private readonly backupList: BackupList;
  /** The deck's settings: its talk length shows in the header. */
  private meta: DeckMeta;

  /** `changed`: the clock panel's buttons changed the clock, so the screen needs a redraw. */
  constructor(
    private readonly root: HTMLElement,
    deck: Deck,
    changed: () => void,
    goToBackup: (n: number) => void,
    /** Badges the controller owns (rehearsing), shown in the header. */
    badges: HTMLElement[] = [],
  ) {
    root.classList.add('lectern-presenter');
    this.meta = deck.meta;
    this.title = el('div', { className: 'deck-title', text: deck.meta.title });
    const header = el('header', { className: 'presenter-header' }, [this.title, this.status, ...badges, this.blackoutBadge]);
    const currentBox = el('section', { className: 'current-pane', attrs: { 'aria-label': 'Current slide' } });
    const side = el('aside', { className: 'side-pane' });
    side.append(this.nextLabel);
    this.current = new SlidePreview(currentBox, 'current');
    this.next = new SlidePreview(side, 'next');
    this.clock = new ClockPanel(side, deck, changed);
    this.backupList = new BackupList(goToBackup);
    side.append(this.backupList.element);
    const main = el('div', { className: 'presenter-grid' }, [currentBox, side]);
    const split = new NotesSplit(main);
    main.append(split.handle, this.notes.element);
    root.replaceChildren(header, this.errors.element, main);
    // Buttons never keep the focus: Space and Enter must keep driving the talk after a click.
    root.addEventListener('mousedown', (event) => {
      if (event.target instanceof Element && event.target.closest('button')) event.preventDefault();
    });
  }

  /** The current slide's 1280x720 frame (the ink layer's host). */
  get currentFrame(): HTMLElement {
    return this.current.frameElement;
  }

  /** The current slide's preview (its clinical media mirror the audience's). */
  currentSlideElement(): Element {
    return this.current.element;
  }

  /** A new version of the deck: its title and plan; the current slide is rebuilt on the next render. */
  setDeck(deck: Deck): void {
    this.title.textContent = deck.meta.title;
    this.meta = deck.meta;
    this.clock.setDeck(deck);
    this.current.show(undefined, -1);
  }

  render({ navigation, blackout, errors }: PresenterState): void {
    const slide = navigation.slide;
    const position = navigation.position;
    const slides = navigation.slides;
    this.current.show(slide, position.f);
    const after = navigation.next();
    // The talk's last slide has no next: the backup slides are not where the talk goes.
    const following = slide ? slides[slide.index + 1] : undefined;
    const nextSlide = following && !!following.backup === !!slide?.backup ? following : undefined;
    // Next shows the upcoming slide, fully built; while fragments remain it says so.
    this.next.show(nextSlide, nextSlide ? nextSlide.fragments - 1 : -1);
    const remainingSteps = slide ? slide.fragments - 1 - position.f : 0;
    this.nextLabel.textContent = remainingSteps > 0 ? `Next (after ${remainingSteps} more step${remainingSteps === 1 ? '' : 's'} here)` : after ? 'Next' : slide?.backup ? 'Next: end of the backup slides' : 'Next: end of the talk';
    const n = slide ? slide.index + 1 : 0;
    const step = slide && slide.fragments > 0 ? ` · step ${position.f + 1}/${slide.fragments}` : '';
    const section = slide?.section ? ` · ${slide.section}` : '';
    const meta = this.meta;
    const length = meta?.length ? ` · ${meta.length} (${meta.duration ?? '?'} min)` : '';
    const backup = navigation.backupSlides;
    const talk = slides.length - backup.length;
    const where = slide?.backup ? `Backup slide ${n} (${backup.indexOf(slide) + 1} of ${backup.length})` : `Slide ${n} / ${talk}${backup.length ? ` (+${backup.length} backup)` : ''}`;
    this.status.textContent = slides.length ? `${where}${step}${section}${length}` : 'No slides';
    this.backupList.show(backup, slide);
    this.blackoutBadge.hidden = !blackout;
    this.root.classList.toggle('is-blackout', blackout);
    this.notes.show(slide);
    this.clock.update(slide);
    this.errors.show(errors);
  }
}
