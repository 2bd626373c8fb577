// The Electron main process: a thin shell that hands Electron's real objects to the modules
// that decide things (controller, displays, menu, security, protocols, live reload).
// Run as `electron dist/main.js [deck.md]`, `electron . [deck.md]` or `lectern present [deck]`.

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { join, resolve } from 'node:path';
import { SLIDE_FRAME } from '../contract/frame';
import { INVOKE_CHANNELS, type ViewRole } from '../contract/ipc';
import { windowTitle } from '../contract/window-title';
import { createDeckCompiler, defaultMediaCacheDir, loadDeck, loadDeckWithMedia, MediaLibrary } from '../deck/index';
import { exportPdf, pdfFileName } from '../export/pdf-export';
import { exportImages } from '../export/image-export';
import { exportPptx } from '../export/pptx-export';
import type { PictureExportRequest } from './app-ports';
import { deckFromArgv, rootFromArgv } from './app-args';
import { LecternController, type AppWindowLike } from './controller';
import { ElectronPrinter, type PrintWindowLike } from './electron-printer';
import { UntrustedSenderError, validateSender } from './ipc-guard';
import { createFileWatcher, LiveReload } from './live-reload';
import { FOCUS_IS_EDITABLE_SCRIPT, isSwapKey } from './keys';
import { buildMenuTemplate, paperForCountry } from './menu';
import { createAppHandler, createDeckAssetHandler } from './protocols';
import { RecentDecks } from './recent';
import {
  APP_ORIGIN,
  APP_SCHEME,
  createNavigationGuard,
  decidePermission,
  DECK_SCHEME,
  webPreferencesFor,
} from './security';

const MAC = process.platform === 'darwin';
const DIST = __dirname;
const PRELOAD = join(DIST, 'preload.js');
const RENDERER_DIR = join(DIST, 'renderer');
const SLIDES_DIR = app.isPackaged ? join(process.resourcesPath, 'slides') : join(DIST, '..', 'slides');

// Tests and side-by-side installs keep their recent list apart.
if (process.env.LECTERN_USER_DATA) app.setPath('userData', process.env.LECTERN_USER_DATA);

// Must happen before `ready`: both schemes behave like https (origin, CSP 'self', fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  { scheme: DECK_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

/** Every webContents, whoever creates it: no navigation, no popups, no webviews. */
function harden(contents: WebContents): void {
  const guard = createNavigationGuard((url) => void shell.openExternal(url));
  contents.on('will-navigate', (event) => guard.onWillNavigate(event));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard.onWillFrameNavigate(event);
  });
  contents.on('will-redirect', (event) => guard.onWillFrameNavigate(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => guard.windowOpenHandler(details));
}

function adapt(win: BrowserWindow): AppWindowLike {
  const contents = win.webContents;
  return {
    webContents: { id: contents.id, send: (channel, payload) => contents.send(channel, payload) },
    isDestroyed: () => win.isDestroyed(),
    // macOS: "simple" fullscreen is immediate and stays on its display; native fullscreen
    // animates into a new Space, which fights moving the window between displays mid-talk.
    isFullScreen: () => (MAC ? win.isSimpleFullScreen() : win.isFullScreen()),
    setFullScreen: (flag) => (MAC ? win.setSimpleFullScreen(flag) : win.setFullScreen(flag)),
    setBounds: (bounds) => win.setBounds(bounds),
    getBounds: () => win.getBounds(),
    show: () => win.show(),
    hide: () => win.hide(),
    close: () => win.close(),
    focus: () => win.focus(),
    setProgressBar: (value) => win.setProgressBar(value),
    onClosed: (listener) => win.on('closed', listener),
  };
}

function createAppWindow(role: ViewRole): AppWindowLike {
  const win = new BrowserWindow({
    show: false,
    // Until the page sets its own (renderer/boot.ts), the window is named by its role.
    title: windowTitle(role, undefined),
    width: role === 'start' ? 900 : 1280,
    height: role === 'start' ? 640 : 800,
    backgroundColor: role === 'audience' ? '#000000' : '#1b1d21',
    autoHideMenuBar: role === 'audience',
    webPreferences: webPreferencesFor(role, PRELOAD),
  });
  if (role === 'audience' || role === 'presenter') {
    win.webContents.on('before-input-event', (_event, input) => {
      if (!isSwapKey(input)) return;
      void win.webContents
        .executeJavaScript(FOCUS_IS_EDITABLE_SCRIPT)
        .then((typing: unknown) => {
          if (typing !== true) controller?.swap();
        })
        .catch(() => undefined);
    });
  }
  void win.loadURL(`${APP_ORIGIN}/index.html?view=${role}`);
  return adapt(win);
}

const printJobs = new Map<string, string>();
const printer = new ElectronPrinter((): PrintWindowLike => {
  const win = new BrowserWindow({ show: false, width: SLIDE_FRAME.width, height: SLIDE_FRAME.height, webPreferences: webPreferencesFor('print', PRELOAD) });
  return {
    loadURL: (url) => win.loadURL(url),
    isDestroyed: () => win.isDestroyed(),
    destroy: () => win.destroy(),
    setContentSize: (width, height) => win.setContentSize(width, height),
    getContentSize: () => win.getContentSize(),
    webContents: {
      executeJavaScript: (code) => win.webContents.executeJavaScript(code),
      printToPDF: (options) => win.webContents.printToPDF(options),
      debugger: win.webContents.debugger,
    },
  };
}, printJobs);

/** A .pptx or a folder of pictures, through the print window. */
async function exportPictures({ deck, options, target, overwrite, onProgress }: PictureExportRequest): Promise<void> {
  const fragments = options.fragments === true;
  if (options.format === 'pptx') return exportPptx({ deck, engine: printer, target, fragments, onProgress });
  const pictures = { deck, engine: printer, outDir: target, format: options.format, fragments, overwrite, onProgress };
  await exportImages({ ...pictures, ...(options.scale !== undefined ? { scale: options.scale } : {}), ...(options.quality !== undefined ? { quality: options.quality } : {}) });
}

const compiler = createDeckCompiler();
/** Converted DICOM frames and video posters: in the user's cache folder, never beside the deck. */
const media = new MediaLibrary(defaultMediaCacheDir());
let controller: LecternController | null = null;
let pendingDeck: string | null = deckFromArgv(process.argv, process.cwd());
/** `--root` given with a deck on the command line (`lectern present deck.md --root ..`), by deck. */
const launchRoots = new Map<string, string>();

/** Notes the asset root the command line gave with its deck; it applies to that deck's loads. */
function rememberLaunchRoot(argv: readonly string[], cwd: string): void {
  const deck = deckFromArgv(argv, cwd);
  const root = rootFromArgv(argv, cwd);
  if (deck && root) launchRoots.set(resolve(deck), root);
}
rememberLaunchRoot(process.argv, process.cwd());

function launchRoot(file: string): { root?: string } {
  const root = launchRoots.get(resolve(file));
  return root ? { root } : {};
}

function refreshMenu(): void {
  if (!controller) return;
  const ctl = controller;
  const focused = (): AppWindowLike | null => {
    const win = BrowserWindow.getFocusedWindow();
    return win ? (ctl.allWindows().find((w) => w.webContents.id === win.webContents.id) ?? null) : null;
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(ctl.menuState(), ctl.menuActions(focused))));
}

function registerIpc(ctl: LecternController): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      if (!validateSender(event, ctl.allWindows())) throw new UntrustedSenderError(channel);
      return ctl.invoke(channel, event.sender.id, request);
    });
  }
  ipcMain.on('sync', (event: IpcMainEvent, message: unknown) => {
    if (validateSender(event, ctl.allWindows())) ctl.relaySync(event.sender.id, message);
  });
}

function onReady(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  // Offline by construction: nothing in the app may reach the network or the file system by URL.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );

  const ctl = new LecternController({
    platform: process.platform,
    defaultPaper: paperForCountry(app.getLocaleCountryCode()),
    createWindow: createAppWindow,
    screen,
    power: powerSaveBlocker,
    dialog,
    recent: new RecentDecks(join(app.getPath('userData'), 'recent-decks.json')),
    loadDeck: (file, length) => loadDeck(file, { compiler, media, length, ...launchRoot(file) }),
    watchDeck: (deck, events) => {
      const reload = new LiveReload(
        {
          watcher: createFileWatcher(),
          clock: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
          // Reloads keep the talk length the deck was opened with.
          compile: async (file) => loadDeckWithMedia(file, { compiler, media, length: deck.meta.length, ...launchRoot(file) }),
          events,
        },
        deck,
      );
      // DICOM stacks and privacy checks are prepared after the first (synchronous) compile.
      if (media.pending > 0) reload.refresh();
      return reload;
    },
    // The hidden print window goes away after each export: no idle renderer during the talk.
    exportPdf: (request) => exportPdf({ ...request, printer }).finally(() => printer.close()),
    exportPictures: (request) => exportPictures(request).finally(() => printer.close()),
    pdfFileName,
    openExternal: (url) => void shell.openExternal(url),
    slidesDir: SLIDES_DIR,
    menuChanged: refreshMenu,
    quit: () => app.quit(),
  });
  controller = ctl;
  protocol.handle(APP_SCHEME, createAppHandler({ rendererDir: RENDERER_DIR, printJobs }));
  protocol.handle(DECK_SCHEME, createDeckAssetHandler(() => ctl.assetRoot(), () => ctl.deck?.assets ?? []));
  registerIpc(ctl);
  refreshMenu();
  const deck = pendingDeck;
  pendingDeck = null;
  ctl.start(deck);
}

if (!app.requestSingleInstanceLock()) {
  // Another Lectern is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const deck = deckFromArgv(argv, workingDirectory);
    rememberLaunchRoot(argv, workingDirectory);
    if (deck && controller) controller.openDeck(deck);
    const win = BrowserWindow.getAllWindows().find((w) => w.isVisible());
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // macOS: a deck double-clicked in Finder or dropped on the Dock icon.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (controller) controller.openDeck(path);
    else pendingDeck = path;
  });
  app.on('window-all-closed', () => app.quit());
  let shutDown = false;
  app.on('before-quit', (event) => {
    if (shutDown || !controller) return;
    event.preventDefault();
    shutDown = true;
    void Promise.allSettled([controller.shutdown(), printer.close()]).then(() => app.quit());
  });
  void app.whenReady().then(onReady);
}
