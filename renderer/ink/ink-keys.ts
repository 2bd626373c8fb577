// Pen, laser and zoom keys, the same in the presenter and the audience view (each appends these
// entries to its own key table, so the `?` overlay lists them and a clash with reveal.js or a
// view's own key fails when the table is built). None of them is a clicker's key
// (PageUp/PageDown/B/F5/Esc), so a clicker keeps driving the talk while the pen is out; Esc only
// puts the tool away or ends a zoom first (the escape mode below), and no key deletes ink for
// good: clearing a slide is undone with U.

import type { KeyMode } from '../ui/key-listener';
import type { KeyEntry } from '../ui/keymap';
import type { InkSession } from './session';

export interface InkKeyExtras {
  /** Ctrl+S: save the ink now (the app) or download it as the sidecar file (an HTML file). */
  save(): void;
  saveLabel: string;
}

export function inkKeyEntries(ink: InkSession, extras: InkKeyExtras): KeyEntry[] {
  return [
    { keys: ['D'], description: 'Pen on / off (draw on the slide; Esc puts it away)', action: () => ink.toggle('pen') },
    { keys: ['Shift+D'], description: 'Next pen colour (red, yellow, green, blue)', action: () => ink.nextColour() },
    { keys: ['R'], description: 'Laser pointer on / off', action: () => ink.toggle('laser') },
    { keys: ['Z'], description: 'Zoom: drag a region or click a point (Esc or Z returns)', action: () => ink.zoomKey() },
    { keys: ['U', 'Mod+Z'], labels: ['U', 'Ctrl+Z'], description: 'Undo the last stroke or clear on this slide', action: () => void ink.undo() },
    // Only with a tool out, so a stray E during the talk does nothing; U undoes it anyway.
    { keys: ['E'], description: "Clear this slide's ink (pen or laser on; U brings it back)", action: () => ink.currentTool !== 'none' && ink.clearSlide() },
    { keys: ['I'], description: 'Show / hide ink from an earlier talk', action: () => ink.toggleEarlier() },
    { keys: ['Mod+S'], labels: ['Ctrl+S'], description: extras.saveLabel, action: () => extras.save() },
  ];
}

/** Esc ends a zoom or puts the pen/laser/zoom tool away before the view's own Esc. */
export function inkEscapeMode(ink: InkSession): KeyMode {
  return (event) => event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey && ink.escape();
}
