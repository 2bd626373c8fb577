// Deterministic readiness for print: every font face loaded, every image decoded and every CSS
// background image loaded, then document.fonts.ready. No sleeps. Fonts are loaded explicitly, not
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

export async function whenPrintable(root: HTMLElement): Promise<void> {
  // Every face is a data: URL in the page: loading all of them is decoding, no network.
  const fonts = [...document.fonts].map((face) => face.load().catch(() => undefined));
  const images = [...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined));
  const backgrounds = [...new Set(backgroundUrls(root))].map(loadImage);
  await Promise.all([...fonts, ...images, ...backgrounds]);
  await document.fonts.ready;
}
