// Boots the renderer: picks the deck source (the app's preload API or the BootConfig embedded in
// an exported file), then the view. Views are loaded lazily by role so a print page never builds
// reveal.js. `data-lectern-ready` on <html> tells printers and tests the view is laid out.

import { windowTitle } from '../electron/contract/window-title';
import { applyFrameSize } from './slide-frame';
import { applyDeckTheme } from './theme';
import { findAppApi, AppSource } from './sources/app';
import { EmbeddedSource, readBootConfig, viewFromHash } from './sources/embedded';
import type { DeckSource, LoadedDeck, RendererView } from './sources/types';

function applyTheme(loaded: LoadedDeck): void {
  applyDeckTheme(loaded.deck, loaded.assetUrl);
}

function showFatal(root: HTMLElement, message: string): void {
  root.replaceChildren();
  const box = document.createElement('div');
  box.className = 'lectern-fatal';
  const heading = document.createElement('h1');
  heading.textContent = 'Lectern cannot show this deck';
  const detail = document.createElement('pre');
  detail.textContent = message;
  box.append(heading, detail);
  root.append(box);
  document.documentElement.dataset.lecternReady = 'error';
}

function pickSource(): DeckSource | null {
  const api = findAppApi(window);
  if (api) return new AppSource(api);
  const config = readBootConfig(document);
  return config ? new EmbeddedSource(config) : null;
}

async function startView(view: RendererView, source: DeckSource, loaded: LoadedDeck, root: HTMLElement): Promise<void> {
  document.documentElement.dataset.view = view;
  applyFrameSize(document.documentElement);
  switch (view) {
    case 'print': {
      const { renderPrintView } = await import('./print/index');
      if (!source.print) throw new Error('a print page needs print options in its BootConfig');
      await renderPrintView(loaded.deck, source.print, root, loaded.assetUrl, source.printPart, source.printInk);
      return;
    }
    case 'presenter': {
      const { startPresenter } = await import('./presenter/view');
      startPresenter(source, loaded, root);
      return;
    }
    case 'study': {
      const { startStudy } = await import('./study/view');
      startStudy(source, loaded, root);
      return;
    }
    case 'start':
    case 'audience': {
      const { startAudience } = await import('./audience/view');
      await startAudience(source, loaded, root);
      return;
    }
  }
}

export async function boot(): Promise<void> {
  const root = document.getElementById('lectern-root') ?? document.body;
  try {
    const source = pickSource();
    if (!source) throw new Error('no deck: this page has neither the app API nor an embedded deck');
    const view = await source.view();
    const loaded = await source.load();
    if (!loaded || view === 'start') {
      const { startWelcome } = await import('./welcome');
      startWelcome(root);
    } else {
      applyTheme(loaded);
      // Each window says what it is (the app's window title follows the page's).
      document.title = windowTitle(view, loaded.deck.meta.title);
      source.onDeckUpdated((next) => (document.title = windowTitle(view, next.deck.meta.title)));
      await startView(view, source, loaded, root);
    }
    const api = findAppApi(window);
    if (api && view !== 'audience' && view !== 'print') {
      const { showExportStatus } = await import('./ui/export-status');
      showExportStatus(api, document.body);
    }
    await document.fonts.ready;
    document.documentElement.dataset.lecternReady = 'true';
    if (source.kind === 'embedded' && view !== 'print') {
      // Switching between #presenter, #study and the audience re-boots into that view.
      window.addEventListener('hashchange', () => {
        const wanted = viewFromHash(location.hash) ?? 'audience';
        if (wanted !== view) location.reload();
      });
    }
  } catch (err) {
    showFatal(root, err instanceof Error ? (err.stack ?? err.message) : String(err));
    throw err;
  }
}
