// The one IPC contract. Main (electron/app), preload and renderer import it; a channel that is
// not declared here does not exist. Pure types and constants: no Node, no DOM, no electron.

import type { Deck, Diagnostic } from '../deck/types';
import type { InkOp, InkSlide, SlideRect } from '../ink/types';

/** Which view a window shows. */
export type ViewRole = 'audience' | 'presenter' | 'study' | 'start';

/** A position in the deck: reveal.js indices plus the fragment step (-1: none shown). */
export interface SlidePosition {
  h: number;
  v: number;
  f: number;
}

/** Messages that keep the audience and presenter views in step (IPC in the app,
 *  BroadcastChannel between browser windows of an exported HTML file). */
export type SyncMessage =
  | { type: 'navigate'; position: SlidePosition; catchUp?: boolean }
  | { type: 'blackout'; on: boolean }
  | { type: 'hello'; role: ViewRole }
  | { type: 'state'; position: SlidePosition; blackout: boolean; catchUp?: boolean }
  /** Pen strokes as they are drawn, undone or cleared (slide: Slide.key; points in 1280x720). */
  | { type: 'ink'; op: InkOp }
  /** Everything a window has (the answer to a hello): the other merges it. */
  | { type: 'ink-all'; slides: InkSlide[]; removed: string[]; showSaved: boolean }
  /** Show or hide ink saved in an earlier session. */
  | { type: 'ink-show-saved'; on: boolean }
  /** The laser pointer on a slide (null: put away). */
  | { type: 'pointer'; slide: string; at: [number, number] | null }
  /** The magnified region of a slide (null: the whole slide again). */
  | { type: 'zoom'; slide: string; region: SlideRect | null }
  /** The presenter steps the audience's DICOM stack or pauses/resumes its cine media (issue 13). */
  | { type: 'media'; command: MediaCommand }
  /** The audience's media on its current slide: stack images, video times (s), paused; the presenter mirrors it. */
  | { type: 'media-state'; position: SlidePosition; frames: number[]; times: number[]; paused: boolean };

export type MediaCommand = 'previous' | 'next' | 'toggle-play';
// catchUp: the message tells a window that just (re)opened where the talk already is; it is not a
// move by the presenter, so it never starts the presenter's clock.

/** The ink the app read from the deck's sidecar, and what was wrong with the file if anything. */
export interface InkLoadResult {
  slides: InkSlide[];
  /** The sidecar could not be used (it was set aside): a sentence for the presenter. */
  problem?: string;
}

/** What a window saves: all its ink, and the strokes it took away (so a merge does not revive them). */
export interface InkSaveRequest {
  slides: InkSlide[];
  removed: string[];
}

/** `elsewhere`: the deck folder refused, the ink went to the per-user folder (a sentence saying where). */
export type InkSaveResult = { ok: true; file: string; problem?: string; elsewhere?: string } | { ok: false; message: string };

/** "Save Ink and Rehearsals Elsewhere…": the files written in the folder the presenter chose, or
 *  why not; null when the dialog was cancelled. */
export type SaveElsewhereResult = { ok: true; files: string[] } | { ok: false; message: string } | null;

/** Main asks a talk window to save its ink now (the talk ends, the app quits); the window answers
 *  with 'ink:flushed' and the same id once its save is done or failed. */
export interface InkFlushRequest {
  id: number;
}

/** What the renderer gets when it boots or when the deck is reloaded. */
export interface DeckPayload {
  deck: Deck;
  /** Prefix that turns an asset ref into a loadable URL (e.g. `lectern-deck://deck/_v3/`; it changes
   *  when an asset is edited, so images are fetched again). */
  assetBase: string;
}

export interface DeckSummary {
  file: string;
  title: string;
  slideCount: number;
  /** Planned minutes, when the deck declares a duration. */
  duration?: number;
  errors: number;
}

export type PdfFormat = 'slides' | 'notes' | 'handout';
export type Paper = 'a4' | 'letter';

export interface ExportOptions {
  format: PdfFormat;
  /** Handout slides per page: 1, 2, 3, 4 or 6. */
  perPage?: 1 | 2 | 3 | 4 | 6;
  paper?: Paper;
  /** Draw the ink saved beside the deck on the slides (the sidecar, `lectern export --ink`). */
  ink?: boolean;
  /** Handout: ruled lines instead of notes beside each slide. */
  lines?: boolean;
  /** Slides: one page per fragment step. */
  fragments?: boolean;
  /** A tagged PDF (structure and reading order for screen readers, the document language). The
   *  deck then prints whole, in one renderer, so a long deck takes about twice as long. */
  tagged?: boolean;
  /** Print the backup slides (after the deck's `<!-- backup -->` marker) too; left out by default. */
  backup?: boolean;
}

/** PowerPoint and image export: pictures of the slides (or of each fragment step). */
export interface PictureExportOptions {
  format: 'pptx' | 'png' | 'jpeg';
  /** One slide or picture per fragment step. */
  fragments?: boolean;
  /** Images: a multiple of 1920x1080 (0.25 to 4). */
  scale?: number;
  /** JPEG quality, 1 to 100. */
  quality?: number;
}

export interface ExportProgress {
  done: number;
  total: number;
  phase: 'layout' | 'print' | 'write' | 'done' | 'failed';
  message?: string;
  /** The PDF, .pptx or picture folder being written (the app adds it; the exporter does not know where it is shown). */
  file?: string;
}

/** Invoke channels: renderer asks, main answers. Request and response types per channel. */
export interface InvokeChannels {
  'deck:load': { request: void; response: DeckPayload | null };
  'deck:list': { request: void; response: DeckSummary[] };
  /** Open a deck (a dialog when no file): present it, or show it in the study window. */
  'deck:open': { request: { file?: string; study?: boolean }; response: boolean };
  'view:role': { request: void; response: ViewRole };
  'present:start': { request: void; response: void };
  'present:swap': { request: void; response: void };
  'export:pdf': { request: ExportOptions; response: { file: string } | null };
  /** A .pptx (save dialog) or a folder of pictures (folder dialog); the answer names what was written. */
  'export:pictures': { request: PictureExportOptions; response: { file: string } | null };
  'link:open-external': { request: { url: string }; response: boolean };
  /** Recently opened decks that still exist, newest first (the start screen). */
  'deck:recent': { request: void; response: DeckSummary[] };
  /** The ink sidecar beside the open deck (an unusable one is set aside and reported). */
  'ink:load': { request: void; response: InkLoadResult };
  /** Merges a window's ink into the sidecar and writes it atomically. */
  'ink:save': { request: InkSaveRequest; response: InkSaveResult };
  /** The open deck's rehearsal runs (`<deck>.lectern-rehearsals.json`), as the file's JSON text. */
  'rehearsal:load': { request: void; response: RehearsalsAnswer };
  /** Adds a run (a RehearsalRun, checked in main) to the deck's rehearsal file. */
  'rehearsal:save': { request: unknown; response: RehearsalsAnswer };
  /** Asks for a folder and writes the deck's ink and runs there (the deck folder is read-only). */
  'sidecar:save-elsewhere': { request: void; response: SaveElsewhereResult };
  /** A window's answer to 'ink:flush' (its ink is saved, or its save failed and it keeps it). */
  'ink:flushed': { request: InkFlushRequest; response: void };
}

/** The deck's runs as the sidecar's JSON text ('' when none could be read), and what went wrong. */
export interface RehearsalsAnswer {
  json: string;
  /** Saved where (after a save). */
  file?: string;
  /** A file set aside, a folder that cannot be written: shown to the presenter. */
  problem?: string;
}

/** Send channels: renderer tells main, no answer. */
export interface SendChannels {
  sync: SyncMessage;
}

/** What the app's menu asks of the presenter view (the same actions as its keys). */
export type PresenterCommand = 'toggle-rehearsal';
const PRESENTER_COMMANDS: readonly PresenterCommand[] = ['toggle-rehearsal'];

/** A command from main, checked before the presenter acts on it. */
export function isPresenterCommand(value: unknown): value is PresenterCommand {
  return typeof value === 'string' && (PRESENTER_COMMANDS as readonly string[]).includes(value);
}

/** Event channels: main tells the renderer. */
export interface EventChannels {
  sync: SyncMessage;
  'deck:updated': DeckPayload;
  /** Live-reload errors, sent to the presenter view only; an empty list clears them. */
  'deck:errors': Diagnostic[];
  'export:progress': ExportProgress;
  /** A menu item for the presenter view (View > Rehearse Timings): sent to the presenter only. */
  'presenter:command': PresenterCommand;
  'ink:flush': InkFlushRequest;
}

export type InvokeChannel = keyof InvokeChannels;
export type SendChannel = keyof SendChannels;
export type EventChannel = keyof EventChannels;

export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'deck:load',
  'deck:list',
  'deck:open',
  'view:role',
  'present:start',
  'present:swap',
  'export:pdf',
  'export:pictures',
  'link:open-external',
  'deck:recent',
  'ink:load',
  'ink:save',
  'rehearsal:load',
  'rehearsal:save',
  'sidecar:save-elsewhere',
  'ink:flushed',
];
export const SEND_CHANNELS: readonly SendChannel[] = ['sync'];
export const EVENT_CHANNELS: readonly EventChannel[] = ['sync', 'deck:updated', 'deck:errors', 'export:progress', 'presenter:command', 'ink:flush'];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}
export function isSendChannel(value: unknown): value is SendChannel {
  return typeof value === 'string' && (SEND_CHANNELS as readonly string[]).includes(value);
}
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

type Unsubscribe = () => void;

/** The one API the preload exposes as `window.lectern`. */
export interface LecternApi {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...request: InvokeChannels[C]['request'] extends void ? [] : [InvokeChannels[C]['request']]
  ): Promise<InvokeChannels[C]['response']>;
  send<C extends SendChannel>(channel: C, message: SendChannels[C]): void;
  on<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): Unsubscribe;
}

/** The key under which the preload exposes the API on `window`. */
export const API_KEY = 'lectern';
