// The one keydown handler of a view: modes first (an open overlay or a half-typed slide number
// takes its keys), then the view's key table; what neither handles goes to `unhandled`.

import { isTyping } from './dom';
import type { KeyTable } from './keymap';

/** A mode takes a key while it is active (true: consumed). */
export type KeyMode = (event: KeyboardEvent) => boolean;

export interface KeyListenerOptions {
  /** Listen in the capture phase (the audience view runs before reveal.js's own handler). */
  capture?: boolean;
  /** A handled key goes no further (reveal.js must not also act on it). */
  stopPropagation?: boolean;
  /** Consulted in order before the table. */
  modes?: readonly KeyMode[];
  /** A key outside text fields that nothing handled (the audience lets reveal.js have it). */
  unhandled?: (event: KeyboardEvent) => void;
}

/** Runs a key through modes and table; true when something handled it. */
export function dispatchKey(table: KeyTable, event: KeyboardEvent, options: KeyListenerOptions = {}): boolean {
  if (isTyping(event.target)) {
    const entry = table.find(event);
    return Boolean(entry?.inFields && entry.action && entry.action(event) !== false);
  }
  for (const mode of options.modes ?? []) if (mode(event)) return true;
  const entry = table.find(event);
  if (entry?.action && entry.action(event) !== false) return true;
  options.unhandled?.(event);
  return false;
}

export function listenForKeys(target: Window, table: KeyTable, options: KeyListenerOptions = {}): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (!dispatchKey(table, event, options)) return;
    event.preventDefault();
    if (options.stopPropagation) event.stopImmediatePropagation();
  };
  target.addEventListener('keydown', onKey, options.capture ?? false);
  return () => target.removeEventListener('keydown', onKey, options.capture ?? false);
}
