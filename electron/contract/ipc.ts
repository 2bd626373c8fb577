// The one IPC contract. Main (electron/app), preload and renderer import it; a channel that is
// not declared here does not exist. Pure types and constants: no Node, no DOM, no electron.

import type { Deck, Diagnostic } from '../deck/types';

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
  | { type: 'navigate'; position: SlidePosition }
  | { type: 'blackout'; on: boolean }
  | { type: 'hello'; role: ViewRole }
  | { type: 'state'; position: SlidePosition; blackout: boolean };

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

export interface ExportProgress {
  done: number;
  total: number;
  phase: 'layout' | 'print' | 'write' | 'done' | 'failed';
  message?: string;
  /** The PDF being written (the app adds it; the exporter does not know where it is shown). */
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
  'link:open-external': { request: { url: string }; response: boolean };
  /** Recently opened decks that still exist, newest first (the start screen). */
  'deck:recent': { request: void; response: DeckSummary[] };
  /** The open deck's rehearsal runs (`<deck>.lectern-rehearsals.json`), as the file's JSON text. */
  'rehearsal:load': { request: void; response: RehearsalsAnswer };
  /** Adds a run (a RehearsalRun, checked in main) to the deck's rehearsal file. */
  'rehearsal:save': { request: unknown; response: RehearsalsAnswer };
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

/** Event channels: main tells the renderer. */
export interface EventChannels {
  sync: SyncMessage;
  'deck:updated': DeckPayload;
  /** Live-reload errors, sent to the presenter view only; an empty list clears them. */
  'deck:errors': Diagnostic[];
  'export:progress': ExportProgress;
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
  'link:open-external',
  'deck:recent',
  'rehearsal:load',
  'rehearsal:save',
];
export const SEND_CHANNELS: readonly SendChannel[] = ['sync'];
export const EVENT_CHANNELS: readonly EventChannel[] = ['sync', 'deck:updated', 'deck:errors', 'export:progress'];

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
