// Stroke geometry: screen to slide space at any size, thinning, paths, the zoom region.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { farEnough, simplifyStroke, strokeBounds, strokePath, toScreen, toSlideSpace, zoomRegion, zoomTransform, isSlideRect } from '../../electron/ink/geometry';

test('the same slide point from frames of different sizes and offsets', () => {
  const small = { left: 100, top: 50, width: 640, height: 360 };
  const big = { left: 0, top: 60, width: 1920, height: 1080 };
  assert.deepEqual(toSlideSpace(100 + 320, 50 + 180, small), [640, 360]);
  assert.deepEqual(toSlideSpace(960, 60 + 540, big), [640, 360]);
  const [x, y] = toScreen(320, 90, big);
  assert.deepEqual(toSlideSpace(x, y, big), [320, 90]);
});

test('points closer than the threshold are not kept', () => {
  assert.equal(farEnough([], 1, 1), true);
  assert.equal(farEnough([10, 10], 10.5, 10.5), false);
  assert.equal(farEnough([10, 10], 12, 10), true);
});

test('paths and bounds', () => {
  assert.equal(strokePath([1, 2, 3, 4, 5, 6]), 'M1 2L3 4L5 6');
  assert.match(strokePath([1, 2]), /^M1 2l/);
  assert.equal(strokePath([]), '');
  assert.deepEqual(strokeBounds([5, 1, 2, 8]), { x: 2, y: 1, width: 3, height: 7 });
  assert.equal(strokeBounds([]), null);
});

test('a drag becomes a 16:9 region inside the slide; a click zooms 2.5x about the point', () => {
  const r = zoomRegion([100, 100], [420, 120]);
  assert.ok(Math.abs(r.width / r.height - 16 / 9) < 0.01);
  assert.equal(r.width, 320);
  const click = zoomRegion([1270, 10], [1270, 10]);
  assert.equal(click.width, 512);
  assert.equal(click.x + click.width, 1280, 'moved inside the right edge');
  assert.equal(click.y, 0);
  const tiny = zoomRegion([500, 500], [510, 520]);
  assert.equal(tiny.width, 160, 'at most 8x');
  assert.equal(zoomTransform({ x: 320, y: 180, width: 640, height: 360 }), 'scale(2) translate(-320px, -180px)');
  assert.ok(isSlideRect(r));
  assert.ok(!isSlideRect({ x: 0, y: 0, width: -1, height: 1 }));
});

test('simplifying keeps the line within the tolerance and drops the rest', () => {
  // A slow pen: a straight line sampled every 0.5 px, then an arc.
  const points: number[] = [];
  for (let x = 0; x <= 100; x += 0.5) points.push(x, 10);
  for (let a = 0; a <= Math.PI; a += 0.02) points.push(100 + 50 * Math.sin(a), 60 - 50 * Math.cos(a));
  const simple = simplifyStroke(points);
  assert.ok(simple.length < points.length / 4, `${simple.length / 2} of ${points.length / 2} points`);
  assert.deepEqual(simple.slice(0, 2), [0, 10]);
  assert.deepEqual(simple.slice(-2), points.slice(-2));
  // Every original point is within the tolerance of the simplified polyline.
  const distance = (px: number, py: number): number => {
    let best = Infinity;
    for (let i = 0; i + 3 < simple.length; i += 2) {
      const [ax, ay, bx, by] = [simple[i]!, simple[i + 1]!, simple[i + 2]!, simple[i + 3]!];
      const dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
    }
    return best;
  };
  for (let i = 0; i < points.length; i += 2) assert.ok(distance(points[i]!, points[i + 1]!) <= 0.35 + 1e-9);
  assert.deepEqual(simplifyStroke([1, 2]), [1, 2]);
  assert.deepEqual(simplifyStroke([1, 2, 1, 2, 1, 2]), [1, 2, 1, 2]);
});
