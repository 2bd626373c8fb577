// Clinical media on paper (issue 13): a DICOM stack prints its key image (the `src` the compiler
// chose: the middle image or `data-slice`), so its frame list is dropped before layout; a cine
// video prints as its poster (the `poster` attribute, else the first frame the compiler made with
// ffmpeg, else the first frame the browser decodes) with a small play badge, never an empty box.
import type { Slide } from '../../electron/deck/types';

const FRAME_LIST = / data-lectern-frames="[^"]*"/g;

/** Slides without stack frame lists: a PDF page needs only the key image. */
export function withoutFrameLists(slides: readonly Slide[]): Slide[] {
  return slides.map((s) => (s.html.includes('data-lectern-frames') ? { ...s, html: s.html.replace(FRAME_LIST, '') } : s));
}

function playBadge(): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'lectern-play-badge';
  badge.setAttribute('aria-hidden', 'true');
  badge.textContent = '\u25B6';
  return badge;
}

/** How long the browser may take to decode a video's first frame for print. */
const FIRST_FRAME_TIMEOUT_MS = 5000;

/** Replaces each cine video under `root` with its poster and a play badge; resolves when drawable. */
export function printCineVideos(root: HTMLElement): Promise<void> {
  const waits: Array<Promise<void>> = [];
  for (const video of root.querySelectorAll<HTMLVideoElement>('video.lectern-cine')) {
    const box = document.createElement('span');
    box.className = 'lectern-poster';
    const label = video.getAttribute('aria-label') ?? '';
    const poster = video.getAttribute('poster') || video.dataset.lecternPoster || '';
    if (poster) {
      const img = document.createElement('img');
      img.src = poster;
      img.alt = label;
      box.append(img);
    } else {
      // No poster: the browser decodes the first frame (shown once loaded).
      const still = video.cloneNode(false) as HTMLVideoElement;
      still.removeAttribute('data-autoplay');
      still.autoplay = false;
      still.muted = true;
      still.preload = 'auto';
      box.append(still);
      waits.push(new Promise<void>((done) => {
        const timer = window.setTimeout(done, FIRST_FRAME_TIMEOUT_MS);
        still.addEventListener('loadeddata', () => { window.clearTimeout(timer); done(); }, { once: true });
        still.addEventListener('error', () => { window.clearTimeout(timer); done(); }, { once: true });
      }));
    }
    box.append(playBadge());
    if (label) box.title = `${label} (video)`;
    video.replaceWith(box);
  }
  // A cine DICOM prints its key image (already its src) with the same badge.
  for (const img of root.querySelectorAll<HTMLImageElement>('img.lectern-cine-stack')) {
    const box = document.createElement('span');
    box.className = 'lectern-poster';
    img.replaceWith(box);
    box.append(img, playBadge());
  }
  return Promise.all(waits).then(() => undefined);
}
