// The application menu as data: built from the app's state and a set of actions, so its items,
// accelerators and enabled states are tested in plain Node. main.ts calls
// Menu.buildFromTemplate(buildMenuTemplate(...)) whenever the state changes.

import { basename, dirname } from 'node:path';
import type { ExportOptions, Paper, PictureExportOptions } from '../contract/ipc';
import type { TalkLength } from '../deck/types';
import type { RehearsalMode } from './displays';

/**
 * A menu item as Electron's Menu.buildFromTemplate takes it: the fields this menu uses, declared
 * here so only main.ts imports Electron (main.ts hands the template over, and the compiler checks
 * there that this shape fits Electron's MenuItemSpec).
 */
export interface MenuItemSpec {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  role?: MenuRole;
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export type MenuRole = 'about' | 'hide' | 'hideOthers' | 'unhide' | 'editMenu';

export interface MenuState {
  platform: NodeJS.Platform;
  /** A deck is open (presenting or not). */
  hasDeck: boolean;
  presenting: boolean;
  /** Two displays are in use, so there is no rehearsal layout to choose. */
  dual: boolean;
  rehearsal: RehearsalMode;
  exporting: boolean;
  /** Recent decks, newest first. */
  recent: readonly string[];
  /** Paper for notes and handout PDFs. */
  paper: Paper;
  /** The open deck's talk lengths (`lengths:` in its front matter) and the one it is shown as. */
  lengths: readonly TalkLength[];
  length: string | null;
}

export interface MenuActions {
  open(): void;
  /** Open a deck in the study view instead of presenting it. */
  openForStudy(): void;
  /** The open deck's study view. */
  study(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  /** Present the deck; `length`: as that talk length. */
  present(length?: string): void;
  closeDeck(): void;
  exportPdf(options: ExportOptions): void;
  /** A .pptx or a folder of pictures. */
  exportPictures(options: PictureExportOptions): void;
  toggleFullscreen(): void;
  swapDisplays(): void;
  setRehearsal(mode: RehearsalMode): void;
  /** Starts a rehearsal run in the presenter view, or ends the running one (as Shift+R there). */
  toggleRehearsalRun(): void;
  setPaper(paper: Paper): void;
  /** Writes the deck's ink and rehearsal runs to a folder the presenter picks (a read-only deck folder). */
  saveSidecarsElsewhere(): void;
  quit(): void;
}

/** The export formats offered in File > Export PDF (the controller adds the paper chosen there). */
export const EXPORT_CHOICES: ReadonlyArray<{ id: string; label: string; options: ExportOptions; accelerator?: string; group?: string }> = [
  { id: 'slides', label: 'Slides...', options: { format: 'slides', fragments: false }, accelerator: 'CmdOrCtrl+E' },
  { id: 'slides-fragments', label: 'Slides, One Page per Fragment Step...', options: { format: 'slides', fragments: true } },
  // The ink saved beside the deck (pen strokes from the talk), drawn on the slides.
  { id: 'slides-ink', label: 'Slides with Ink...', options: { format: 'slides', fragments: false, ink: true } },
  { id: 'notes', label: 'Speaker Notes...', options: { format: 'notes' } },
  ...([1, 2, 3, 4, 6] as const).flatMap((perPage) => [
    { id: `handout-${perPage}`, label: `${perPage} per Page...`, options: { format: 'handout', perPage, lines: false }, group: 'Handout with Notes' } as const,
    { id: `handout-${perPage}-lines`, label: `${perPage} per Page...`, options: { format: 'handout', perPage, lines: true }, group: 'Handout with Lines to Write On' } as const,
  ]),
];

/** File > Export PowerPoint and Export Images (the same progress line as PDFs). */
const PICTURE_EXPORT_CHOICES: ReadonlyArray<{ id: string; label: string; options: PictureExportOptions; menu: 'pptx' | 'images' }> = [
  { id: 'pptx', label: 'Slides...', options: { format: 'pptx', fragments: false }, menu: 'pptx' },
  { id: 'pptx-fragments', label: 'One Slide per Fragment Step...', options: { format: 'pptx', fragments: true }, menu: 'pptx' },
  { id: 'png', label: 'PNG, 1920 x 1080...', options: { format: 'png', scale: 1 }, menu: 'images' },
  { id: 'png-2x', label: 'PNG, 3840 x 2160...', options: { format: 'png', scale: 2 }, menu: 'images' },
  { id: 'jpeg', label: 'JPEG, 1920 x 1080...', options: { format: 'jpeg', scale: 1 }, menu: 'images' },
  { id: 'png-fragments', label: 'PNG, One per Fragment Step...', options: { format: 'png', scale: 1, fragments: true }, menu: 'images' },
];

function pictureExportMenu(which: 'pptx' | 'images', enabled: boolean, actions: MenuActions): MenuItemSpec[] {
  return PICTURE_EXPORT_CHOICES.filter((c) => c.menu === which).map((choice) => ({
    id: `export-${choice.id}`,
    label: choice.label,
    enabled,
    click: () => actions.exportPictures(choice.options),
  }));
}

const PAPERS: ReadonlyArray<{ paper: Paper; label: string }> = [
  { paper: 'a4', label: 'A4 Paper' },
  { paper: 'letter', label: 'US Letter Paper' },
];

/** Where US Letter is the usual paper (CLDR's paperSize data); A4 everywhere else. */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'CL', 'CO', 'CR', 'GT', 'NI', 'PA', 'PH', 'PR', 'SV', 'VE', 'BZ']);

/** The paper a user in `country` (ISO 3166 code, e.g. from app.getLocaleCountryCode) expects. */
export function paperForCountry(country: string): Paper {
  return LETTER_COUNTRIES.has(country.trim().toUpperCase()) ? 'letter' : 'a4';
}

function exportMenu(state: MenuState, actions: MenuActions): MenuItemSpec[] {
  const enabled = state.hasDeck && !state.exporting;
  const item = (choice: (typeof EXPORT_CHOICES)[number]): MenuItemSpec => ({
    id: `export-${choice.id}`,
    label: choice.label,
    ...(choice.accelerator ? { accelerator: choice.accelerator } : {}),
    enabled,
    click: () => actions.exportPdf(choice.options),
  });
  const groups = [...new Set(EXPORT_CHOICES.flatMap((c) => (c.group ? [c.group] : [])))];
  return [
    ...EXPORT_CHOICES.filter((c) => !c.group).map(item),
    ...groups.map((group) => ({ label: group, enabled, submenu: EXPORT_CHOICES.filter((c) => c.group === group).map(item) })),
    { type: 'separator' },
    // Notes and handouts print on this paper; slides are always the 16:9 frame.
    ...PAPERS.map(({ paper, label }): MenuItemSpec => ({
      id: `paper-${paper}`,
      label,
      type: 'radio',
      checked: state.paper === paper,
      click: () => actions.setPaper(paper),
    })),
  ];
}

function recentLabel(file: string): string {
  return `${basename(file)}  (${dirname(file)})`;
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemSpec[] {
  const mac = state.platform === 'darwin';
  const recentItems: MenuItemSpec[] = state.recent.map((file) => ({
    label: recentLabel(file),
    click: () => actions.openRecent(file),
  }));
  const file: MenuItemSpec = {
    label: '&File',
    submenu: [
      { id: 'open', label: 'Open...', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { id: 'open-study', label: 'Open for Study...', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openForStudy() },
      {
        id: 'open-recent',
        label: 'Open Recent',
        enabled: state.recent.length > 0,
        submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', click: () => actions.clearRecent() }],
      },
      { type: 'separator' },
      { id: 'present', label: 'Present', accelerator: 'F5', enabled: state.hasDeck && !state.presenting, click: () => actions.present() },
      {
        id: 'talk-length',
        label: 'Talk Length',
        enabled: state.hasDeck && state.lengths.length > 0,
        submenu: state.lengths.map((l, i): MenuItemSpec => ({
          id: `length-${l.name}`,
          label: `${l.name} (${l.minutes} min)${i === 0 ? ', default' : ''}`,
          type: 'radio',
          checked: state.length === l.name,
          click: () => actions.present(l.name),
        })),
      },
      { id: 'close-deck', label: 'Close Deck', accelerator: 'CmdOrCtrl+W', enabled: state.hasDeck, click: () => actions.closeDeck() },
      { type: 'separator' },
      {
        id: 'export',
        label: 'Export PDF...',
        enabled: state.hasDeck && !state.exporting,
        submenu: exportMenu(state, actions),
      },
      {
        id: 'export-powerpoint',
        label: 'Export PowerPoint...',
        enabled: state.hasDeck && !state.exporting,
        submenu: pictureExportMenu('pptx', state.hasDeck && !state.exporting, actions),
      },
      {
        id: 'export-images',
        label: 'Export Images...',
        enabled: state.hasDeck && !state.exporting,
        submenu: pictureExportMenu('images', state.hasDeck && !state.exporting, actions),
      },
      {
        id: 'save-sidecars-elsewhere',
        label: 'Save Ink and Rehearsals Elsewhere...',
        enabled: state.hasDeck,
        click: () => actions.saveSidecarsElsewhere(),
      },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { id: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }]),
    ],
  };
  const view: MenuItemSpec = {
    label: '&View',
    submenu: [
      { id: 'study', label: 'Study View', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasDeck, click: () => actions.study() },
      { id: 'fullscreen', label: 'Fullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11', click: () => actions.toggleFullscreen() },
      // One key, as in Keynote. Shown, not registered: the presenting windows handle `x`
      // themselves (keys.ts) so typing an x in the search box never swaps the displays.
      {
        id: 'swap-displays',
        label: 'Swap Displays',
        accelerator: 'X',
        registerAccelerator: false,
        enabled: state.presenting,
        click: () => actions.swapDisplays(),
      },
      { type: 'separator' },
      // Shown, not registered, like Swap Displays: the presenter view handles Shift+R itself, and
      // a registered accelerator would toggle twice (and fire while typing a capital R in a field).
      {
        id: 'rehearse',
        label: 'Rehearse Timings (Start / End a Run)',
        accelerator: 'Shift+R',
        registerAccelerator: false,
        enabled: state.presenting,
        click: () => actions.toggleRehearsalRun(),
      },
      {
        id: 'rehearsal-presenter-only',
        label: 'Rehearsal: Presenter View Alone',
        type: 'radio',
        checked: state.rehearsal === 'presenter-only',
        enabled: state.presenting && !state.dual,
        click: () => actions.setRehearsal('presenter-only'),
      },
      {
        id: 'rehearsal-side-by-side',
        label: 'Rehearsal: Audience and Presenter Side by Side',
        type: 'radio',
        checked: state.rehearsal === 'side-by-side',
        enabled: state.presenting && !state.dual,
        click: () => actions.setRehearsal('side-by-side'),
      },
    ],
  };
  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: 'Lectern',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { label: 'Quit Lectern', accelerator: 'Cmd+Q', click: () => actions.quit() },
          ],
        },
      ]
    : [];
  // Edit keeps copy/paste working in the start screen's fields and notes.
  const edit: MenuItemSpec = { role: 'editMenu' };
  return [...appMenu, file, edit, view];
}
