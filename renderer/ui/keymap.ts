// One key table per view: each entry names its keys, says what they do (the `?` overlay lists
// exactly these rows) and runs its action (the keydown handler dispatches through the same
// table). Two entries claiming the same key, or an entry claiming a key another owner (reveal.js)
// handles, are refused when the table is built: adding a feature's key is one entry, and a clash
// shows up in the unit tests, not in the lecture hall.
//
// A key is written `[Mod+][Alt+][Shift+]Name`: Name is KeyboardEvent.key (`ArrowRight`, `?`, `+`),
// `Space` for the space bar, a letter in either case (letters match both cases: N is n or N);
// Mod is Ctrl or ⌘. An event finds the most specific entry: exactly its modifiers first, then
// without Shift, then without Alt, then without both (so Shift+? is `?` and Alt+Space is `Space`
// unless an entry says otherwise). Ctrl and ⌘ are never dropped.

import type { KeyHelp } from './help';

export interface KeyEntry {
  /** The keys this entry answers, e.g. ['ArrowRight', 'Space', 'N']. */
  keys: string[];
  /** How the `?` overlay shows the keys, when not the keys themselves (e.g. ['Ctrl+F', '⌘F']). */
  labels?: string[];
  /** One line for the `?` overlay. */
  description: string;
  /**
   * What the key does. Returning false means "not now" (e.g. reveal.js keeps the key during a
   * blackout): the key is then unhandled. An entry without an action documents a key that its
   * owner (reveal.js) handles.
   */
  action?: (event: KeyboardEvent) => boolean | void;
  /** The keys are another owner's (reveal.js) and this entry takes them over on purpose. */
  overrides?: string;
  /** Also runs while the focus is in a text field (study's Ctrl+F). */
  inFields?: boolean;
  /**
   * Neighbouring entries with the same helpRow share one line of the `?` overlay, described by
   * it (Home and End: 'First / last slide'); each keeps its own action and description.
   */
  helpRow?: string;
}

/** Keys handled by something other than the table (reveal.js): entries may not claim them. */
export interface KeyOwner {
  name: string;
  /** True when the owner handles this normalised chord (see `normaliseKey`). */
  owns(chord: string): boolean;
}

export class KeyCollisionError extends Error {}

const MODIFIERS = ['Mod', 'Alt', 'Shift'] as const;
export type Modifier = (typeof MODIFIERS)[number];

const PRETTY: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  Escape: 'Esc',
  '-': '−',
};

function chord(name: string, mods: ReadonlySet<Modifier>): string {
  const key = name === ' ' ? 'Space' : name.length === 1 ? name.toLowerCase() : name;
  return [...MODIFIERS.filter((m) => mods.has(m)), key].join('+');
}

/** A written key (`Alt+ArrowRight`, `Shift+Space`, `N`, `+`) as the table's canonical chord. */
export function normaliseKey(written: string): string {
  const mods = new Set<Modifier>();
  let rest = written;
  for (;;) {
    const m = /^(Mod|Ctrl|Alt|Shift)\+(?=.)/.exec(rest);
    if (!m) break;
    mods.add(m[1] === 'Ctrl' ? 'Mod' : (m[1] as Modifier));
    rest = rest.slice(m[0].length);
  }
  if (!rest) throw new Error(`Empty key in "${written}"`);
  return chord(rest, mods);
}

/** The chords an event may match, most specific first. */
export function eventChords(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string[] {
  const mod = event.ctrlKey || event.metaKey;
  const found: string[] = [];
  for (const [alt, shift] of [
    [event.altKey, event.shiftKey],
    [event.altKey, false],
    [false, event.shiftKey],
    [false, false],
  ] as const) {
    const mods = new Set<Modifier>();
    if (mod) mods.add('Mod');
    if (alt) mods.add('Alt');
    if (shift) mods.add('Shift');
    const c = chord(event.key, mods);
    if (!found.includes(c)) found.push(c);
  }
  return found;
}

/** A canonical chord's modifiers and key name (`Alt+Shift++` is Alt, Shift and `+`). */
export function splitChord(canonical: string): { mods: Set<Modifier>; key: string } {
  const mods = new Set<Modifier>();
  let rest = canonical;
  for (;;) {
    const m = /^(Mod|Alt|Shift)\+(?=.)/.exec(rest);
    if (!m) return { mods, key: rest };
    mods.add(m[1] as Modifier);
    rest = rest.slice(m[0].length);
  }
}

function prettyKey(written: string): string {
  const { mods, key } = splitChord(normaliseKey(written));
  const shown = PRETTY[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...MODIFIERS.filter((m) => mods.has(m)), shown].join('+');
}

export class KeyTable {
  private readonly byChord = new Map<string, KeyEntry>();

  /** Throws KeyCollisionError when two entries, or an entry and an owner, claim one key. */
  constructor(
    readonly entries: readonly KeyEntry[],
    owners: readonly KeyOwner[] = [],
  ) {
    for (const entry of entries) {
      for (const written of entry.keys) {
        const c = normaliseKey(written);
        const taken = this.byChord.get(c);
        if (taken) throw new KeyCollisionError(`Key ${written} is claimed twice: "${taken.description}" and "${entry.description}"`);
        for (const owner of owners) {
          // An entry without an action documents the owner's key: that is no clash.
          if (entry.action && owner.owns(c) && entry.overrides !== owner.name) {
            throw new KeyCollisionError(`Key ${written} ("${entry.description}") is ${owner.name}'s; say overrides: '${owner.name}' to take it over`);
          }
        }
        if (!entry.action && owners.length && !owners.some((o) => o.owns(c))) {
          throw new KeyCollisionError(`Key ${written} ("${entry.description}") has no action and no owner handles it`);
        }
        this.byChord.set(c, entry);
      }
    }
  }

  /** The entry an event selects, or undefined. */
  find(event: KeyboardEvent): KeyEntry | undefined {
    for (const c of eventChords(event)) {
      const entry = this.byChord.get(c);
      if (entry) return entry;
    }
    return undefined;
  }

  /** The `?` overlay's rows, in table order. */
  helpRows(): KeyHelp[] {
    const rows: KeyHelp[] = [];
    let previous: KeyEntry | undefined;
    for (const entry of this.entries) {
      const keys = entry.labels ?? entry.keys.map(prettyKey);
      const last = rows[rows.length - 1];
      if (last && entry.helpRow !== undefined && previous?.helpRow === entry.helpRow) last.keys.push(...keys);
      else rows.push({ keys: [...keys], action: entry.helpRow ?? entry.description });
      previous = entry;
    }
    return rows;
  }
}
