// Clinical media on a shown slide (issue 13): a DICOM stack (`img.lectern-stack`, frames in
// `data-lectern-frames`) scrolls with the mouse wheel or a key pair; a cine stack
// (`data-lectern-frame-time`) and a video (`video.lectern-cine`, started by reveal.js through
// `data-autoplay`, muted and looping) play while their slide is shown, and a key pauses them.
// DOM only: the compiler already turned every file into plain images and URLs.

/** What the media on a slide are doing: sent from the audience to the presenter (SyncMessage). */
export interface MediaSnapshot {
  /** 0-based image of each stack, in document order. */
  frames: number[];
  /** Current time (s) of each cine video, in document order. */
  times: number[];
  paused: boolean;
}

/** A presenter preview shows a video this far from the audience's time: it jumps to it. */
const VIDEO_DRIFT_S = 0.25;

interface StackState {
  frames: string[];
  index: number;
  timer: number | null;
  paused: boolean;
}

const STACK_SELECTOR = 'img.lectern-stack';
/** A mouse wheel notch is 50-120 px in Chromium; a trackpad sends many small deltas that add up to it. */
const WHEEL_NOTCH = 50;

export class ClinicalMedia {
  private readonly stacks = new WeakMap<HTMLImageElement, StackState>();
  private wheelRest = 0;
  private current: Element | null = null;

  /** `changed` runs after every change the media make on the shown slide (to tell the other view). */
  constructor(
    private readonly root: HTMLElement,
    private readonly changed: () => void = () => {},
    /** When given, the wheel over a stack asks for steps instead of taking them (the presenter's preview). */
    private readonly wheelStep?: (steps: number) => void,
  ) {
    root.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    // timeupdate does not bubble: listen while it goes down. Chromium fires it about 4 times a second.
    root.addEventListener('timeupdate', (event) => {
      if (event.target instanceof HTMLVideoElement && this.current?.contains(event.target)) this.changed();
    }, { capture: true });
  }

  snapshot(slide: Element | null): MediaSnapshot {
    const videos = slide ? [...slide.querySelectorAll<HTMLVideoElement>('video.lectern-cine')] : [];
    const cines = this.stacksOn(slide).filter((i) => i.dataset.lecternFrameTime !== undefined);
    const paused = videos.every((v) => v.paused) && cines.every((i) => this.state(i).paused);
    return { frames: this.stacksOn(slide).map((img) => this.state(img).index), times: videos.map((v) => v.currentTime), paused };
  }

  /** Mirrors another view's media (the presenter's preview follows the audience). */
  apply(slide: Element | null, snapshot: MediaSnapshot): void {
    this.setFrames(slide, snapshot.frames);
    const videos = slide ? [...slide.querySelectorAll<HTMLVideoElement>('video.lectern-cine')] : [];
    videos.forEach((v, i) => {
      const t = snapshot.times[i];
      v.muted = true;
      if (t !== undefined && Math.abs(v.currentTime - t) > VIDEO_DRIFT_S) v.currentTime = t;
    });
  }

  private state(img: HTMLImageElement): StackState {
    let s = this.stacks.get(img);
    if (!s) {
      const frames = (img.dataset.lecternFrames ?? '').split(/\s+/).filter(Boolean);
      const key = Number(img.dataset.lecternKey ?? '0');
      s = { frames, index: Number.isFinite(key) ? Math.max(0, Math.min(frames.length - 1, key)) : 0, timer: null, paused: false };
      this.stacks.set(img, s);
    }
    return s;
  }

  private show(img: HTMLImageElement, s: StackState, index: number, wrap: boolean): void {
    const n = s.frames.length;
    if (n === 0) return;
    const next = wrap ? ((index % n) + n) % n : Math.max(0, Math.min(n - 1, index));
    s.index = next;
    const url = s.frames[next];
    if (url && img.getAttribute('src') !== url) img.setAttribute('src', url);
    img.dataset.frame = String(next + 1);
    img.title = `${img.alt ? `${img.alt}: ` : ''}image ${next + 1} of ${n}`;
  }

  private stacksOn(slide: Element | null): HTMLImageElement[] {
    return slide ? [...slide.querySelectorAll<HTMLImageElement>(STACK_SELECTOR)] : [];
  }

  /** Steps the first scrollable stack on `slide`; false when it has none. */
  step(slide: Element | null, delta: number): boolean {
    const img = this.stacksOn(slide).find((i) => i.dataset.lecternFrameTime === undefined) ?? this.stacksOn(slide)[0];
    if (!img) return false;
    const s = this.state(img);
    this.show(img, s, s.index + delta, false);
    this.changed();
    return true;
  }

  /** Frame positions of the stacks on `slide` (for the audience window to follow). */
  frames(slide: Element | null): number[] {
    return this.stacksOn(slide).map((img) => this.state(img).index);
  }

  setFrames(slide: Element | null, frames: readonly number[]): void {
    this.stacksOn(slide).forEach((img, i) => {
      const f = frames[i];
      if (f !== undefined) this.show(img, this.state(img), f, false);
    });
  }

  /** Pauses or resumes every cine loop and video on `slide`; false when it has none. */
  togglePlay(slide: Element | null): boolean {
    if (!slide) return false;
    const videos = [...slide.querySelectorAll<HTMLVideoElement>('video.lectern-cine')];
    const cines = this.stacksOn(slide).filter((i) => i.dataset.lecternFrameTime !== undefined);
    if (videos.length === 0 && cines.length === 0) return false;
    const anyPlaying = videos.some((v) => !v.paused) || cines.some((i) => !this.state(i).paused);
    for (const v of videos) {
      if (anyPlaying) v.pause();
      else void v.play().catch(() => {});
    }
    for (const img of cines) {
      this.state(img).paused = anyPlaying;
    }
    this.changed();
    return true;
  }

  /** The shown slide changed: cine stacks on it play, the others stop. */
  shown(slide: Element | null): void {
    for (const img of this.stacksOn(this.current)) this.stop(img);
    this.current = slide;
    for (const img of this.stacksOn(slide)) {
      const ms = Number(img.dataset.lecternFrameTime);
      if (!Number.isFinite(ms) || ms <= 0) continue;
      const s = this.state(img);
      s.paused = false;
      // Browsers clamp timers below ~4 ms; a cine loop faster than 100 frames/s is not useful.
      s.timer = window.setInterval(() => {
        if (s.paused) return;
        this.show(img, s, s.index + 1, true);
        this.changed();
      }, Math.max(10, ms));
    }
    for (const v of slide ? slide.querySelectorAll<HTMLVideoElement>('video.lectern-cine') : []) {
      v.muted = true;
      v.loop = true;
    }
  }

  private stop(img: HTMLImageElement): void {
    const s = this.stacks.get(img);
    if (s?.timer != null) window.clearInterval(s.timer);
    if (s) s.timer = null;
  }

  private onWheel(event: WheelEvent): void {
    const target = event.target instanceof Element ? event.target.closest<HTMLImageElement>(STACK_SELECTOR) : null;
    if (!target || target.dataset.lecternFrameTime !== undefined) return;
    event.preventDefault();
    // One frame per notch of a mouse wheel (lines, pages or a large pixel delta); a trackpad's
    // small pixel deltas add up to a notch.
    const pixels = event.deltaMode === 0 ? event.deltaY : Math.sign(event.deltaY) * WHEEL_NOTCH;
    let steps: number;
    if (Math.abs(pixels) >= WHEEL_NOTCH) {
      steps = Math.sign(pixels);
      this.wheelRest = 0;
    } else {
      this.wheelRest += pixels;
      steps = Math.trunc(this.wheelRest / WHEEL_NOTCH);
      this.wheelRest -= steps * WHEEL_NOTCH;
    }
    if (steps === 0) return;
    if (this.wheelStep) {
      this.wheelStep(steps);
      return;
    }
    const s = this.state(target);
    this.show(target, s, s.index + steps, false);
    this.changed();
  }
}
