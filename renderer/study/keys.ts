// The study view's keys, in a table like the other views' (the search field's own Enter and Esc
// stay with the field). Ctrl/⌘+F works from inside the field too, so the browser's find never
// replaces ours.

import { KeyTable } from '../ui/keymap';

export interface StudyKeyActions {
  focusSearch(): void;
}

export function studyKeyTable(a: StudyKeyActions): KeyTable {
  return new KeyTable([{ keys: ['Mod+F'], labels: ['Ctrl+F', '⌘F'], description: 'Search slides and notes', action: a.focusSearch, inFields: true }]);
}
