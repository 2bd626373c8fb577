// What each window is called, so a screen-sharing picker or Alt+Tab tells the presenter window
// (with the notes) from the audience window. One rule for the renderer's document.title and the
// app's BrowserWindow titles (the app shows the page title once it loads). Pure.

import type { BootView } from './boot';
import type { ViewRole } from './ipc';

const APP_NAME = 'Lectern';

/** "Presenter: <talk>", "Study: <talk>", the audience window by the talk alone. */
export function windowTitle(view: ViewRole | BootView, talk: string | undefined): string {
  const name = talk?.trim() || APP_NAME;
  switch (view) {
    case 'presenter':
      return `Presenter: ${name}`;
    case 'study':
      return `Study: ${name}`;
    case 'start':
      return APP_NAME;
    case 'audience':
    case 'print':
      return name;
  }
}
