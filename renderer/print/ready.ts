// Deterministic readiness for print: every font face loaded, every image decoded, every CSS
// background image loaded and every video's first frame decoded, then document.fonts.ready. No sleeps. Fonts are loaded explicitly, not
// by laying pages out: off-screen pages are not laid out before printing (content-visibility), and
// a font first needed while printing would print in a fallback face.

function loadImage(url: string): Promise<void> {
  const img = new Image();
  img.src = url;
  return img.decode().catch(() => undefined);
}

/** Background image URLs set inline by the frames (`url("...")`). */
function backgroundUrls(root: ParentNode): string[] {
  const urls: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('.lectern-frame-background')) {
    const match = /url\("?(.*?)"?\)/.exec(el.style.backgroundImage);
    if (match?.[1]) urls.push(match[1].replace(/\\"/g, '"'));
  }
  return urls;
}

/**
 * A video's first frame decoded, or nothing to wait for: the video failed, or it has no source
 * left (the compiler removes remote ones), in which case no media event would ever come.
 */
function firstFrame(video: HTMLVideoElement): Promise<void> {
  video.preload = 'auto';
  const hasSource = !!video.getAttribute('src') || video.querySelector('source[src]') !== null;
  if (!hasSource || video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA || video.error) return Promise.resolve();
  return new Promise((done) => {
    video.addEventListener('loadeddata', () => done(), { once: true });
    // A <source> that fails fires `error` on itself, which reaches the video only while capturing.
    video.addEventListener('error', () => done(), { once: true, capture: true });
    video.load();
    if (video.networkState === HTMLMediaElement.NETWORK_NO_SOURCE) done();
  });
}

export async function whenPrintable(root: HTMLElement): Promise<void> {
  // Every face is a data: URL in the page: loading all of them is decoding, no network.
  const fonts = [...document.fonts].map((face) => face.load().catch(() => undefined));
  const images = [...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined));
  const backgrounds = [...new Set(backgroundUrls(root))].map(loadImage);
  const videos = [...root.querySelectorAll('video')].map(firstFrame);
  await Promise.all([...fonts, ...images, ...backgrounds, ...videos]);
  await document.fonts.ready;
}
