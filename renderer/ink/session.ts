// One window's ink controller: the tools (pen, laser, zoom), the strokes (ink-state.ts), the
// surface (ink-layer.ts), the zoom (zoom.ts), the other window (SyncMessage 'ink', 'ink-all',
// 'pointer', 'zoom', 'ink-show-saved') and storage (store.ts). The presenter and audience views
// each make one and give it the slide they show; its keys are ink-keys.ts.

import type { SyncMessage, ViewRole } from '../../electron/contract/ipc';
import { farEnough, zoomRegion } from '../../electron/ink/geometry';
import { INK_COLOURS, INK_WIDTH, type InkOp, type InkStroke, type SlideRect } from '../../electron/ink/types';
import type { SyncTransport } from '../sync/transport';
import { InkLayer, type LayerInput } from './ink-layer';
import { InkState } from './ink-state';
import type { InkStore } from './store';
import type { ZoomTarget } from './zoom';

export type InkTool = LayerInput;

/** Saves this long after the last change (and when the window closes). */
const SAVE_DELAY_MS = 1500;

export interface InkSessionOptions {
  role: ViewRole;
  transport: SyncTransport;
  store: InkStore;
  /** Where the layer goes: the element showing the 1280x720 frame. */
  host: HTMLElement;
  zoom: ZoomTarget;
  /** Title and index of a slide key in the current deck (undefined: not in it, orphaned ink). */
  slideInfo: (key: string) => { title: string; index: number } | undefined;
  /** Things the presenter should know (never shown on the projector), with a button to act on it. */
  notify: (message: string, action?: { label: string; run(): void }) => void;
  /** The tool changed (the presenter's badge). */
  toolChanged?: (tool: InkTool, colour: string) => void;
}

function randomId(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(36)).join('').slice(0, 6);
}

export class InkSession {
  readonly state: InkState;
  readonly layer: InkLayer;
  private tool: InkTool = 'none';
  private colour = 0;
  private slide = '';
  private zoomed: SlideRect | null = null;
  private showEarlier = false;
  private readonly windowId = randomId();
  private counter = 0;
  private drawing: { slide: string; stroke: InkStroke } | null = null;
  private zoomStart: [number, number] | null = null;
  private readonly undoStack: Array<{ slide: string; inverse: InkOp }> = [];
  private saveTimer: number | undefined;
  private lastSaveFailed = false;
  private lastElsewhere: string | undefined;
  /** The save under way, so a flush waits for it rather than reporting too early. */
  private saving: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly o: InkSessionOptions) {
    this.state = new InkState(o.slideInfo);
    this.layer = new InkLayer(o.host, {
      down: (at) => this.pointerDown(at),
      move: (at) => this.pointerMove(at),
      up: (at) => this.pointerUp(at),
      leave: () => this.pointerLeave(),
    });
    this.state.onChange((slide, stroke) => {
      if (slide !== this.slide) return;
      if (stroke && this.visible(stroke)) this.layer.grow(stroke);
      else if (!stroke) this.redraw();
    });
    o.transport.onMessage((m) => this.receive(m));
    window.addEventListener('pagehide', () => void this.saveNow());
    // The app asks before it closes this window (the talk ends, the app quits).
    o.store.onFlushRequest?.(() => this.flush());
  }

  /** Saves now, after any save already under way. */
  async flush(): Promise<boolean> {
    await this.saving;
    return this.saveNow();
  }

  /** Loads stored ink (hidden until asked for: it is from an earlier talk). */
  async load(): Promise<void> {
    let loaded: Awaited<ReturnType<InkStore['load']>>;
    try {
      loaded = await this.o.store.load();
    } catch (err) {
      // Drawing works without the earlier ink; the presenter is told why it is missing.
      this.o.notify(`Saved ink could not be read ${this.o.store.where}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (loaded.problem) this.o.notify(`Saved ink could not be used: ${loaded.problem}`);
    this.state.merge(loaded.slides, [], true);
    this.state.dirty = false;
    const count = loaded.slides.reduce((n, s) => n + s.strokes.length, 0);
    const orphans = this.state.orphans();
    if (orphans.length) {
      this.o.notify(`Ink on ${orphans.length} slide${orphans.length === 1 ? '' : 's'} that this deck no longer has is kept aside (${orphans.map((s) => s.title || s.key).slice(0, 3).join(', ')}); it stays in the ink file.`);
    }
    if (count && this.o.role === 'presenter') this.o.notify(`${count} stroke${count === 1 ? '' : 's'} of ink from an earlier talk: I shows them.`);
  }

  get currentTool(): InkTool {
    return this.tool;
  }

  get currentColour(): string {
    return INK_COLOURS[this.colour]!;
  }

  get isZoomed(): boolean {
    return this.zoomed !== null;
  }

  private visible(stroke: InkStroke): boolean {
    return this.showEarlier || !this.state.earlier.has(stroke.id);
  }

  private redraw(): void {
    this.layer.show(this.state.strokes(this.slide).filter((s) => this.visible(s)));
  }

  /** The slide this window now shows (Slide.key). Zoom and laser belong to the slide they were on. */
  setSlide(key: string): void {
    if (key === this.slide) return;
    if (this.drawing) this.finishStroke();
    this.slide = key;
    this.zoomed = null;
    this.o.zoom.apply(null);
    this.layer.showLaser(null);
    this.layer.showBand(null);
    this.redraw();
  }

  setTool(tool: InkTool): void {
    if (this.drawing) this.finishStroke();
    if (this.tool === 'laser' && tool !== 'laser') this.pointerLeave();
    this.tool = tool;
    this.layer.setInput(tool);
    this.layer.showBand(null);
    this.o.toolChanged?.(tool, this.currentColour);
  }

  toggle(tool: Exclude<InkTool, 'none'>): void {
    this.setTool(this.tool === tool ? 'none' : tool);
  }

  nextColour(): void {
    this.colour = (this.colour + 1) % INK_COLOURS.length;
    if (this.tool !== 'pen') this.setTool('pen');
    else this.o.toolChanged?.(this.tool, this.currentColour);
  }

  /** Zoom key: start choosing a region, or come back from a zoom. */
  zoomKey(): void {
    if (this.zoomed) this.setZoom(null, true);
    else this.toggle('zoom');
  }

  /** Esc: come back from a zoom, else put the tool away. False when there was nothing to undo. */
  escape(): boolean {
    if (this.zoomed) {
      this.setZoom(null, true);
      return true;
    }
    if (this.tool !== 'none') {
      this.setTool('none');
      return true;
    }
    return false;
  }

  private setZoom(region: SlideRect | null, tell: boolean): void {
    this.zoomed = region;
    this.o.zoom.apply(region);
    if (tell) this.o.transport.send({ type: 'zoom', slide: this.slide, region });
  }

  private run(op: InkOp, undoable?: InkOp): void {
    this.state.apply(op);
    this.o.transport.send({ type: 'ink', op });
    if (undoable) this.undoStack.push({ slide: op.slide, inverse: undoable });
  }

  private pointerDown(at: [number, number]): void {
    if (!this.slide) return;
    if (this.tool === 'pen') {
      const stroke: InkStroke = { id: `${this.windowId}-${++this.counter}`, color: this.currentColour, width: INK_WIDTH, points: [] };
      this.drawing = { slide: this.slide, stroke };
      this.run({ kind: 'draw', slide: this.slide, stroke: stroke.id, color: stroke.color, width: stroke.width, points: [...at] });
    } else if (this.tool === 'zoom') {
      this.zoomStart = at;
    } else if (this.tool === 'laser') {
      this.pointerMove(at);
    }
  }

  private pointerMove(at: [number, number]): void {
    if (this.tool === 'laser') {
      this.layer.showLaser(at);
      this.o.transport.send({ type: 'pointer', slide: this.slide, at });
    } else if (this.tool === 'pen' && this.drawing) {
      const { slide, stroke } = this.drawing;
      const own = this.state.strokes(slide).find((s) => s.id === stroke.id);
      if (own && !farEnough(own.points, at[0], at[1])) return;
      this.run({ kind: 'draw', slide, stroke: stroke.id, color: stroke.color, width: stroke.width, points: [...at] });
    } else if (this.tool === 'zoom' && this.zoomStart) {
      this.layer.showBand(zoomRegion(this.zoomStart, at));
    }
  }

  private pointerUp(at: [number, number]): void {
    if (this.tool === 'pen' && this.drawing) {
      this.pointerMove(at);
      this.finishStroke();
    } else if (this.tool === 'zoom' && this.zoomStart) {
      const region = zoomRegion(this.zoomStart, at);
      this.zoomStart = null;
      this.setTool('none');
      this.setZoom(region, true);
    }
  }

  private pointerLeave(): void {
    if (this.tool !== 'laser') return;
    this.layer.showLaser(null);
    this.o.transport.send({ type: 'pointer', slide: this.slide, at: null });
  }

  private finishStroke(): void {
    if (!this.drawing) return;
    const { slide, stroke } = this.drawing;
    this.drawing = null;
    this.undoStack.push({ slide, inverse: { kind: 'remove', slide, strokes: [stroke.id] } });
    this.saveSoon();
  }

  /** Takes back this window's last change on the current slide (a stroke, or a clear). */
  undo(): boolean {
    for (let i = this.undoStack.length - 1; i >= 0; i--) {
      const entry = this.undoStack[i]!;
      if (entry.slide !== this.slide) continue;
      this.undoStack.splice(i, 1);
      this.run(entry.inverse);
      this.saveSoon();
      return true;
    }
    return false;
  }

  /** Clears the current slide's ink (undo brings it back). */
  clearSlide(): boolean {
    const strokes = this.state.strokes(this.slide).filter((s) => this.visible(s));
    if (!strokes.length) return false;
    const copies = strokes.map((s) => ({ ...s, points: [...s.points] }));
    this.run({ kind: 'remove', slide: this.slide, strokes: strokes.map((s) => s.id) }, { kind: 'restore', slide: this.slide, strokes: copies });
    this.saveSoon();
    return true;
  }

  /** Shows or hides ink from an earlier talk (both windows). */
  toggleEarlier(): void {
    this.setEarlier(!this.showEarlier, true);
  }

  private setEarlier(on: boolean, tell: boolean): void {
    this.showEarlier = on;
    this.redraw();
    if (tell) this.o.transport.send({ type: 'ink-show-saved', on });
  }

  private receive(m: SyncMessage): void {
    switch (m.type) {
      case 'ink':
        this.state.apply(m.op);
        if (m.op.kind !== 'draw') this.saveSoon();
        break;
      case 'ink-all':
        this.state.merge(m.slides, m.removed, false);
        if (m.showSaved !== this.showEarlier) this.setEarlier(m.showSaved, false);
        break;
      case 'ink-show-saved':
        this.setEarlier(m.on, false);
        break;
      case 'pointer':
        this.layer.showLaser(m.slide === this.slide ? m.at : null);
        break;
      case 'zoom':
        if (m.slide === this.slide) this.setZoom(m.region, false);
        break;
      case 'hello':
        // A window (re)opened: it gets everything this one has (it merges; nothing is lost).
        if (m.role !== this.o.role) {
          this.o.transport.send({ type: 'ink-all', slides: this.state.all(), removed: [...this.state.removed], showSaved: this.showEarlier });
          if (this.zoomed) this.o.transport.send({ type: 'zoom', slide: this.slide, region: this.zoomed });
        }
        break;
      default:
        break;
    }
  }

  /** The store's way out of a failed save, as a button (the app's "save elsewhere"). */
  private rescueAction(): { label: string; run(): void } | undefined {
    const rescue = this.o.store.rescue;
    if (!rescue) return undefined;
    return {
      label: rescue.label,
      run: () => {
        void this.saveNow()
          .then(() => rescue.run())
          .then((said) => this.o.notify(said), (err: unknown) => this.o.notify(`Not saved: ${err instanceof Error ? err.message : String(err)}`));
      },
    };
  }

  private saveSoon(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Writes the ink now (Ctrl+S, the window closing, or a while after a change). */
  saveNow(): Promise<boolean> {
    window.clearTimeout(this.saveTimer);
    if (!this.state.dirty) return this.saving;
    this.state.dirty = false;
    this.saving = this.write();
    return this.saving;
  }

  private async write(): Promise<boolean> {
    let result: Awaited<ReturnType<InkStore['save']>>;
    try {
      result = await this.o.store.save(this.state.all(), [...this.state.removed]);
    } catch (err) {
      result = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    if (!result.ok) {
      this.state.dirty = true;
      if (!this.lastSaveFailed) this.o.notify(`Ink not saved ${this.o.store.where}: ${result.message}`, this.rescueAction());
      this.lastSaveFailed = true;
      return false;
    }
    if (result.elsewhere && result.elsewhere !== this.lastElsewhere) this.o.notify(`Ink not saved ${this.o.store.where}: ${result.elsewhere}.`, this.rescueAction());
    else if (this.lastSaveFailed) this.o.notify(`Ink saved ${result.elsewhere ? 'again' : `${this.o.store.where} again`}.`);
    this.lastElsewhere = result.elsewhere;
    if (result.problem) this.o.notify(`The earlier ink file could not be used: ${result.problem}`);
    this.lastSaveFailed = false;
    return true;
  }
}
