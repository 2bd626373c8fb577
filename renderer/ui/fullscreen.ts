// Fullscreen for every view, through the page's Fullscreen API (in the app too: the audience
// window's permission handler grants only this). F toggles it everywhere; Esc leaves it first.

function isFullscreen(): boolean {
  return document.fullscreenElement !== null;
}

export function enterFullscreen(): void {
  if (!isFullscreen()) void document.documentElement.requestFullscreen().catch(() => undefined);
}

/** Leaves fullscreen; false when the page was not fullscreen. */
export function leaveFullscreen(): boolean {
  if (!isFullscreen()) return false;
  void document.exitFullscreen().catch(() => undefined);
  return true;
}

export function toggleFullscreen(): void {
  if (!leaveFullscreen()) enterFullscreen();
}
