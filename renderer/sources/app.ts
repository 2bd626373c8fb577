// The deck served by the app through the preload API (window.lectern).

import type { ExportOptions, LecternApi, PresenterCommand, RehearsalsAnswer } from '../../electron/contract/ipc';
import type { RehearsalRun } from '../../electron/sidecar/rehearsals';
import type { PrintPart } from '../../electron/contract/print';
import { API_KEY, isPresenterCommand } from '../../electron/contract/ipc';
import type { Deck, Diagnostic } from '../../electron/deck/types';
import { assetUrlFromBase } from '../assets';
import { IpcTransport } from '../sync/ipc';
import type { SyncTransport } from '../sync/transport';
import type { DeckSource, LoadedDeck, RendererView } from './types';
import { AppInkStore, type InkStore } from '../ink/store';

export function findAppApi(win: Window): LecternApi | undefined {
  const api = (win as unknown as Record<string, unknown>)[API_KEY];
  return api && typeof api === 'object' ? (api as LecternApi) : undefined;
}

export class AppSource implements DeckSource {
  readonly kind = 'app';
  readonly print: ExportOptions | undefined = undefined;
  readonly printPart: PrintPart | undefined = undefined;

  constructor(private readonly api: LecternApi) {}

  inkStore(_deck: Deck): InkStore {
    return new AppInkStore(this.api);
  }

  async view(): Promise<RendererView> {
    const role = await this.api.invoke('view:role');
    // In the study window, a link into the presentation keeps its place in the hash.
    return role;
  }

  async load(): Promise<LoadedDeck | null> {
    const payload = await this.api.invoke('deck:load');
    return payload ? { deck: payload.deck, assetUrl: assetUrlFromBase(payload.assetBase) } : null;
  }

  onDeckUpdated(listener: (loaded: LoadedDeck) => void): () => void {
    return this.api.on('deck:updated', (payload) =>
      listener({ deck: payload.deck, assetUrl: assetUrlFromBase(payload.assetBase) }),
    );
  }

  onErrors(listener: (errors: Diagnostic[]) => void): () => void {
    return this.api.on('deck:errors', listener);
  }

  /** Only a command the contract declares is passed on. */
  readonly onPresenterCommand = (listener: (command: PresenterCommand) => void): (() => void) =>
    this.api.on('presenter:command', (command) => {
      if (isPresenterCommand(command)) listener(command);
    });

  transport(_deck: Deck): SyncTransport {
    return new IpcTransport(this.api);
  }

  openPresenter(): void {
    void this.api.invoke('present:start');
  }

  presentFrom(h: number, v: number): void {
    this.api.send('sync', { type: 'navigate', position: { h, v, f: -1 } });
    void this.api.invoke('present:start');
  }

  readonly loadRehearsals = (): Promise<RehearsalsAnswer> => this.api.invoke('rehearsal:load');
  readonly saveRehearsal = (run: RehearsalRun): Promise<RehearsalsAnswer> => this.api.invoke('rehearsal:save', run);

  openExternal(url: string): void {
    void this.api.invoke('link:open-external', { url });
  }
}
