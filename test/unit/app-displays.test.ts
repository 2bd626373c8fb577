import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import {
  DisplayArranger,
  chooseDisplays,
  planLayout,
  type DisplayLike,
  type PlaceableWindow,
  type Rect,
} from '../../electron/app/displays';
import { FakeWindowState } from '../support/fake-window';

function display(id: number, x: number, width: number, height: number, internal = false): DisplayLike {
  const bounds = { x, y: 0, width, height };
  return { id, internal, bounds, workArea: { ...bounds, y: 30, height: height - 30 } };
}

const laptop = display(1, 0, 1440, 900, true);
const projector = display(2, 1440, 1920, 1080);
const small = display(3, 3360, 1024, 768);

test('the projector is the external display, the biggest of several; the laptop keeps the presenter', () => {
  assert.deepEqual(chooseDisplays([laptop, projector], laptop), { laptop, projector });
  // The user made the projector primary: the built-in panel is still the presenter's.
  assert.deepEqual(chooseDisplays([projector, laptop], projector), { laptop, projector });
  assert.equal(chooseDisplays([laptop, small, projector], laptop).projector, projector);
  // Desktop with two monitors, no built-in panel: the non-primary one is the projector.
  const a = display(10, 0, 2560, 1440);
  const b = display(11, 2560, 1920, 1080);
  assert.deepEqual(chooseDisplays([a, b], a), { laptop: a, projector: b });
  assert.deepEqual(chooseDisplays([a, b], b), { laptop: b, projector: a });
  assert.deepEqual(chooseDisplays([laptop], laptop), { laptop, projector: null });
  assert.deepEqual(chooseDisplays([], laptop), { laptop, projector: null });
});

test('two displays: audience fullscreen on the projector, presenter on the laptop work area; swap exchanges', () => {
  const roles = { laptop, projector };
  const plan = planLayout(roles, { swapped: false, rehearsal: 'side-by-side' });
  assert.equal(plan.dual, true);
  assert.deepEqual(plan.audience, { displayId: 2, bounds: projector.bounds, fullscreen: true, visible: true });
  assert.deepEqual(plan.presenter, { displayId: 1, bounds: laptop.workArea, fullscreen: false, visible: true });
  const swapped = planLayout(roles, { swapped: true, rehearsal: 'side-by-side' });
  assert.equal(swapped.audience.displayId, 1);
  assert.equal(swapped.audience.fullscreen, true);
  assert.equal(swapped.presenter.displayId, 2);
});

test('one display: side by side halves the work area, or the presenter view alone', () => {
  const roles = { laptop, projector: null };
  const side = planLayout(roles, { swapped: false, rehearsal: 'side-by-side' });
  assert.equal(side.dual, false);
  assert.deepEqual(side.presenter.bounds, { x: 0, y: 30, width: 720, height: 870 });
  assert.deepEqual(side.audience.bounds, { x: 720, y: 30, width: 720, height: 870 });
  assert.equal(side.audience.fullscreen, false);
  const swapped = planLayout(roles, { swapped: true, rehearsal: 'side-by-side' });
  assert.deepEqual(swapped.presenter.bounds, side.audience.bounds);
  const alone = planLayout(roles, { swapped: false, rehearsal: 'presenter-only' });
  assert.deepEqual(alone.presenter, { displayId: 1, bounds: laptop.workArea, fullscreen: false, visible: true });
  assert.equal(alone.audience.visible, false);
});

class FakeScreen extends EventEmitter {
  constructor(public displays: DisplayLike[], public primary: DisplayLike) {
    super();
  }
  getAllDisplays() {
    return this.displays;
  }
  getPrimaryDisplay() {
    return this.primary;
  }
}

class FakeWindow extends FakeWindowState implements PlaceableWindow {
  reloads = 0;
  /** Stands for the slide the renderer shows: only a reload would reset it. */
  slide = 7;
  log: string[] = [];
  override setFullScreen(flag: boolean) {
    this.log.push(`fullscreen:${flag}`);
    super.setFullScreen(flag);
  }
  override setBounds(bounds: Rect) {
    // A fullscreen window ignores setBounds, as on macOS and most Linux window managers.
    if (!this.fullscreen) super.setBounds(bounds);
    this.log.push('bounds');
  }
}

const centerX = (r: Rect) => r.x + r.width / 2;

test('hot-plug: a projector plugged in or pulled mid-talk moves the windows without reloading them', () => {
  const screen = new FakeScreen([laptop], laptop);
  const audience = new FakeWindow();
  const presenter = new FakeWindow();
  const plans: boolean[] = [];
  const arranger = new DisplayArranger(screen, (plan) => plans.push(plan.dual));
  arranger.start({ audience, presenter });
  assert.equal(audience.fullscreen, false);
  assert.ok(centerX(audience.bounds) < 1440);

  screen.displays = [laptop, projector];
  screen.emit('display-added');
  assert.equal(audience.fullscreen, true);
  assert.deepEqual(audience.bounds, projector.bounds);
  assert.deepEqual(presenter.bounds, laptop.workArea);

  // Pulled out while fullscreen: it must leave fullscreen before moving back to the laptop.
  screen.displays = [laptop];
  screen.emit('display-removed');
  assert.equal(audience.fullscreen, false);
  assert.ok(centerX(audience.bounds) < 1440, 'audience back on the laptop');
  assert.deepEqual(audience.log.slice(-2), ['fullscreen:false', 'bounds']);

  assert.deepEqual(plans, [false, true, false]);
  assert.equal(audience.reloads + presenter.reloads, 0);
  assert.equal(audience.slide, 7);

  arranger.stop();
  assert.equal(screen.listenerCount('display-added'), 0);
  assert.equal(screen.listenerCount('display-removed'), 0);
  assert.equal(screen.listenerCount('display-metrics-changed'), 0);
  screen.displays = [laptop, projector];
  screen.emit('display-added');
  assert.equal(audience.fullscreen, false, 'stopped arrangers move nothing');
});

test('swap with one key, twice is back; rehearsal mode switches; destroyed windows are left alone', () => {
  const screen = new FakeScreen([laptop, projector], laptop);
  const audience = new FakeWindow();
  const presenter = new FakeWindow();
  const arranger = new DisplayArranger(screen);
  arranger.start({ audience, presenter });
  arranger.swap();
  assert.equal(arranger.swapped, true);
  assert.deepEqual(audience.bounds, laptop.bounds);
  assert.deepEqual(presenter.bounds, projector.workArea);
  arranger.swap();
  assert.deepEqual(audience.bounds, projector.bounds);

  screen.displays = [laptop];
  screen.emit('display-removed');
  arranger.setRehearsal('presenter-only');
  assert.equal(audience.visible, false);
  assert.equal(presenter.visible, true);
  assert.deepEqual(presenter.bounds, laptop.workArea);
  presenter.destroyed = true;
  presenter.log = [];
  arranger.setRehearsal('side-by-side');
  assert.deepEqual(presenter.log, []);
  assert.equal(audience.visible, true);
});

test('metrics events that change nothing leave the fullscreen audience alone (no flash)', () => {
  const screen = new FakeScreen([laptop, projector], laptop);
  const audience = new FakeWindow();
  const presenter = new FakeWindow();
  const arranger = new DisplayArranger(screen);
  arranger.start({ audience, presenter });
  // The window manager reports the fullscreen window's real bounds.
  audience.bounds = projector.bounds;
  audience.log = [];
  presenter.log = [];
  screen.emit('display-metrics-changed');
  assert.deepEqual(audience.log, []);
  assert.deepEqual(presenter.log, []);
  // A real change (the projector switches resolution) moves things; still no fullscreen flash.
  screen.displays = [laptop, { ...projector, bounds: { ...projector.bounds, width: 1280, height: 720 } }];
  screen.emit('display-metrics-changed');
  assert.deepEqual(audience.log, []);
  assert.deepEqual(presenter.log, ['bounds']);
});
