// Which display shows what while presenting: the projector choice, the swap, the one-display
// rehearsal layouts, and re-placing windows when a display comes or goes mid-talk. Given
// Electron's screen and windows as small interfaces, so it all runs in plain Node.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The parts of Electron's Display used here. */
export interface DisplayLike {
  id: number;
  bounds: Rect;
  workArea: Rect;
  /** True for a laptop's built-in panel. */
  internal: boolean;
}

export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
  removeListener(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
}

/** One display: the presenter view alone, or both windows side by side. */
export type RehearsalMode = 'presenter-only' | 'side-by-side';

export interface DisplayRoles {
  /** Where the presenter sits: the built-in panel, else the primary display. */
  laptop: DisplayLike;
  /** The audience's display, or null with a single display. */
  projector: DisplayLike | null;
}

const area = (d: DisplayLike): number => d.bounds.width * d.bounds.height;

export function chooseDisplays(displays: readonly DisplayLike[], primary: DisplayLike): DisplayRoles {
  const all = displays.length > 0 ? displays : [primary];
  const laptop = all.find((d) => d.internal) ?? all.find((d) => d.id === primary.id) ?? all[0]!;
  const others = all.filter((d) => d.id !== laptop.id);
  if (others.length === 0) return { laptop, projector: null };
  // An external display beats a second built-in one; among equals the biggest wins, then the
  // first listed (stable across calls, so windows don't hop between equal displays).
  const ranked = [...others].sort((a, b) => Number(a.internal) - Number(b.internal) || area(b) - area(a));
  return { laptop, projector: ranked[0]! };
}

export interface WindowPlacement {
  displayId: number;
  bounds: Rect;
  fullscreen: boolean;
  visible: boolean;
}

export interface LayoutPlan {
  audience: WindowPlacement;
  presenter: WindowPlacement;
  /** Two displays in use (otherwise a rehearsal layout). */
  dual: boolean;
}

export interface LayoutOptions {
  swapped: boolean;
  rehearsal: RehearsalMode;
}

function halves(area: Rect): [Rect, Rect] {
  const left = Math.floor(area.width / 2);
  return [
    { x: area.x, y: area.y, width: left, height: area.height },
    { x: area.x + left, y: area.y, width: area.width - left, height: area.height },
  ];
}

export function planLayout(roles: DisplayRoles, options: LayoutOptions): LayoutPlan {
  const { laptop, projector } = roles;
  if (projector) {
    const [audienceOn, presenterOn] = options.swapped ? [laptop, projector] : [projector, laptop];
    return {
      dual: true,
      audience: { displayId: audienceOn.id, bounds: audienceOn.bounds, fullscreen: true, visible: true },
      presenter: { displayId: presenterOn.id, bounds: presenterOn.workArea, fullscreen: false, visible: true },
    };
  }
  if (options.rehearsal === 'presenter-only') {
    return {
      dual: false,
      presenter: { displayId: laptop.id, bounds: laptop.workArea, fullscreen: false, visible: true },
      audience: { displayId: laptop.id, bounds: halves(laptop.workArea)[1], fullscreen: false, visible: false },
    };
  }
  const [left, right] = halves(laptop.workArea);
  const [presenterRect, audienceRect] = options.swapped ? [right, left] : [left, right];
  return {
    dual: false,
    presenter: { displayId: laptop.id, bounds: presenterRect, fullscreen: false, visible: true },
    audience: { displayId: laptop.id, bounds: audienceRect, fullscreen: false, visible: true },
  };
}

/** The parts of BrowserWindow placement uses. Moving a window never reloads it. */
export interface PlaceableWindow {
  isDestroyed(): boolean;
  getBounds(): Rect;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  setBounds(bounds: Rect): void;
  show(): void;
  hide(): void;
}

function contains(outer: Rect, x: number, y: number): boolean {
  return x >= outer.x && x < outer.x + outer.width && y >= outer.y && y < outer.y + outer.height;
}

export function placeWindow(win: PlaceableWindow, placement: WindowPlacement): void {
  if (win.isDestroyed()) return;
  if (placement.visible && placement.fullscreen && win.isFullScreen()) {
    // Already fullscreen on the right display: leaving and re-entering would flash the slide.
    const now = win.getBounds();
    if (contains(placement.bounds, now.x + now.width / 2, now.y + now.height / 2)) return;
  }
  // Leave fullscreen first: a fullscreen window ignores setBounds on most platforms.
  if (win.isFullScreen()) win.setFullScreen(false);
  win.setBounds(placement.bounds);
  if (!placement.visible) {
    win.hide();
    return;
  }
  win.show();
  if (placement.fullscreen) win.setFullScreen(true);
}

export interface PresentingWindows {
  audience: PlaceableWindow;
  presenter: PlaceableWindow;
}

/**
 * Keeps the two presenting windows on the right displays: at start, on swap, on a rehearsal
 * mode change and whenever a display is added, removed or changes size.
 */
export class DisplayArranger {
  private options: LayoutOptions = { swapped: false, rehearsal: 'side-by-side' };
  private windows: PresentingWindows | null = null;
  private lastPlan = '';
  private readonly onDisplaysChanged = (): void => {
    // Metrics events come often (a taskbar showing, scaling): move windows only on a real change.
    if (JSON.stringify(this.plan()) !== this.lastPlan) this.arrange();
  };

  constructor(private readonly screen: ScreenLike, private readonly changed: (plan: LayoutPlan) => void = () => {}) {}

  /** Starts placing these windows, following display changes until `stop()`. */
  start(windows: PresentingWindows): LayoutPlan {
    if (!this.windows) {
      this.screen.on('display-added', this.onDisplaysChanged);
      this.screen.on('display-removed', this.onDisplaysChanged);
      this.screen.on('display-metrics-changed', this.onDisplaysChanged);
    }
    this.windows = windows;
    return this.arrange();
  }

  stop(): void {
    if (!this.windows) return;
    this.screen.removeListener('display-added', this.onDisplaysChanged);
    this.screen.removeListener('display-removed', this.onDisplaysChanged);
    this.screen.removeListener('display-metrics-changed', this.onDisplaysChanged);
    this.windows = null;
  }

  swap(): LayoutPlan {
    this.options = { ...this.options, swapped: !this.options.swapped };
    return this.arrange();
  }

  setRehearsal(mode: RehearsalMode): LayoutPlan {
    this.options = { ...this.options, rehearsal: mode };
    return this.arrange();
  }

  get rehearsal(): RehearsalMode {
    return this.options.rehearsal;
  }

  get swapped(): boolean {
    return this.options.swapped;
  }

  plan(): LayoutPlan {
    return planLayout(chooseDisplays(this.screen.getAllDisplays(), this.screen.getPrimaryDisplay()), this.options);
  }

  arrange(): LayoutPlan {
    const plan = this.plan();
    this.lastPlan = JSON.stringify(plan);
    if (this.windows) {
      placeWindow(this.windows.audience, plan.audience);
      placeWindow(this.windows.presenter, plan.presenter);
      this.changed(plan);
    }
    return plan;
  }
}
