// Deterministic readiness for print: layout forced so every font the pages use starts loading,
// then document.fonts.ready, every image decoded and every CSS background image loaded. No sleeps.

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
  // Reading layout makes Chromium resolve fonts for all text, which queues the font loads.
  void root.getBoundingClientRect().height;
  const images = [...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined));
  const backgrounds = [...new Set(backgroundUrls(root))].map(loadImage);
  await Promise.all([document.fonts.ready, ...images, ...backgrounds]);
  // Images that changed size may have brought new text into view; one more settle is free.
  await document.fonts.ready;
}
