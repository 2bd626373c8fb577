// Ink in the two presenting views: where the layer sits, how the zoom is applied, where the
// presenter reads messages, and the keys. Each view calls one function and adds the entries to
// its key table; the views themselves stay wiring.

import type { Deck, Slide } from '../../electron/deck/types';
import type { DeckSource } from '../sources/types';
import type { SyncTransport } from '../sync/transport';
import { el } from '../ui/dom';
import type { KeyMode } from '../ui/key-listener';
import type { KeyEntry } from '../ui/keymap';
import { FRAME_WIDTH } from '../slide-frame';
import { inkEscapeMode, inkKeyEntries } from './ink-keys';
import { InkSession, type InkTool } from './session';
import { inkFileName, LocalInkStore, type InkStore } from './store';
import { FrameZoom, ViewportZoom } from './zoom';

export interface ViewInk {
  session: InkSession;
  keys: KeyEntry[];
  mode: KeyMode;
}

function slideInfo(slides: () => readonly Slide[]): (key: string) => { title: string; index: number } | undefined {
  let cache: { slides: readonly Slide[]; byKey: Map<string, Slide> } | null = null;
  return (key) => {
    const list = slides();
    if (cache?.slides !== list) cache = { slides: list, byKey: new Map(list.map((s) => [s.key, s])) };
    const s = cache.byKey.get(key);
    return s ? { title: s.title, index: s.index } : undefined;
  };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = el('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function saveKey(source: DeckSource, store: InkStore, deck: () => Deck, session: () => InkSession): { save(): void; saveLabel: string } {
  if (store instanceof LocalInkStore) {
    return {
      saveLabel: 'Download the ink as a .lectern-ink.json file (for the app and lectern export --ink)',
      save: () => {
        const s = session();
        void s.saveNow();
        download(inkFileName(deck()), store.sidecarText(s.state.all(), [...s.state.removed]));
      },
    };
  }
  return { saveLabel: 'Save the ink now (beside the deck; if its folder is read-only, in your own sidecars folder)', save: () => void session().saveNow() };
}

const TOOL_NAMES: Record<InkTool, string> = { none: '', pen: 'Pen', laser: 'Laser', zoom: 'Zoom: drag or click' };

/** The presenter's ink on its current-slide preview, with a tool badge and a notice line. */
export function presenterInk(source: DeckSource, deck: () => Deck, transport: SyncTransport, frame: HTMLElement, root: HTMLElement): ViewInk {
  const badge = el('div', { className: 'lectern-ink-tool', attrs: { hidden: '', 'data-testid': 'ink-tool' } });
  const notice = el('div', { className: 'lectern-ink-notice', attrs: { hidden: '', role: 'status', 'data-testid': 'ink-notice' } });
  root.append(notice);
  frame.closest('.lectern-preview')?.append(badge);
  let noticeTimer: number | undefined;
  const store = source.inkStore(deck());
  const session = new InkSession({
    role: 'presenter',
    transport,
    store,
    host: frame,
    zoom: new FrameZoom(() => [...frame.children].filter((c) => c instanceof HTMLElement || c instanceof SVGElement) as HTMLElement[]),
    slideInfo: slideInfo(() => deck().slides),
    notify: (message, action) => {
      // Messages that arrive together (an orphan and earlier ink) are shown together.
      if (notice.hidden) notice.replaceChildren();
      notice.append(...(notice.childNodes.length ? ['\n'] : []), message);
      notice.hidden = false;
      window.clearTimeout(noticeTimer);
      if (action) {
        // A way out stays until used: the ink is only in this window meanwhile.
        const button = el('button', { className: 'lectern-ink-notice-action', text: action.label, attrs: { type: 'button', 'data-testid': 'ink-rescue' } });
        button.addEventListener('click', () => {
          notice.hidden = true;
          action.run();
        });
        notice.append(' ', button);
        return;
      }
      if (!notice.querySelector('button')) noticeTimer = window.setTimeout(() => (notice.hidden = true), 12_000);
    },
    toolChanged: (tool, colour) => {
      badge.hidden = tool === 'none';
      badge.replaceChildren(...(tool === 'pen' ? [el('span', { className: 'lectern-ink-swatch', attrs: { style: `background:${colour}` } })] : []), TOOL_NAMES[tool]);
    },
  });
  badge.style.cssText = 'position:absolute;right:8px;top:8px;z-index:40';
  return { session, keys: inkKeyEntries(session, saveKey(source, store, deck, () => session)), mode: inkEscapeMode(session) };
}

/**
 * The audience's ink over reveal.js: a 1280x720 layer scaled onto the `.slides` box (reveal.js
 * scales that box to the window), and a zoom of the whole viewport. Messages go to the console:
 * nothing but the slides appears on the projector.
 */
export function audienceInk(source: DeckSource, deck: () => Deck, transport: SyncTransport, viewport: HTMLElement, onLayout: (run: () => void) => void): ViewInk {
  const slidesBox = viewport.querySelector<HTMLElement>('.slides') ?? viewport;
  const host = el('div', { className: 'lectern-ink-host' });
  host.style.cssText = 'position:absolute;left:0;top:0;width:var(--lectern-frame-width,1280px);height:var(--lectern-frame-height,720px);transform-origin:0 0;pointer-events:none;z-index:30';
  viewport.append(host);
  const zoom = new ViewportZoom(viewport, () => slidesBox.getBoundingClientRect());
  const place = (): void => {
    viewport.style.transform = '';
    const box = slidesBox.getBoundingClientRect();
    const view = viewport.getBoundingClientRect();
    host.style.left = `${box.left - view.left}px`;
    host.style.top = `${box.top - view.top}px`;
    host.style.transform = `scale(${box.width / FRAME_WIDTH})`;
    zoom.refresh();
  };
  onLayout(place);
  // reveal.js lays out on resize too; measure after it, in the next frame.
  const placeSoon = (): number => window.requestAnimationFrame(place);
  window.addEventListener('resize', placeSoon);
  new ResizeObserver(placeSoon).observe(viewport);
  place();
  const store = source.inkStore(deck());
  const session = new InkSession({
    role: 'audience',
    transport,
    store,
    host,
    zoom,
    slideInfo: slideInfo(() => deck().slides),
    notify: (message) => console.warn(`Lectern ink: ${message}`),
  });
  return { session, keys: inkKeyEntries(session, saveKey(source, store, deck, () => session)), mode: inkEscapeMode(session) };
}
