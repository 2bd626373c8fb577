import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PresenterClock, RESET_ARM_DELAY_MS, RESET_CONFIRM_WINDOW_MS, RESET_UNDO_WINDOW_MS } from '../../renderer/presenter/timer';

function fakeTime() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

test('the clock waits for the first advance, then runs', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  time.advance(60_000);
  assert.equal(clock.state, 'idle');
  assert.equal(clock.elapsedMs(), 0);
  clock.advance();
  time.advance(5_000);
  assert.equal(clock.state, 'running');
  assert.equal(clock.elapsedMs(), 5_000);
  clock.advance();
  time.advance(1_000);
  assert.equal(clock.elapsedMs(), 6_000, 'later advances do not restart it');
});

test('pause stops time and resume continues from where it stopped', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(10_000);
  clock.toggle();
  assert.equal(clock.state, 'paused');
  time.advance(30_000);
  assert.equal(clock.elapsedMs(), 10_000);
  clock.toggle();
  time.advance(2_000);
  assert.equal(clock.elapsedMs(), 12_000);
});

test('a blackout pauses the clock and its end resumes it', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(4_000);
  clock.setBlackout(true);
  assert.equal(clock.pauseReason, 'blackout');
  time.advance(20_000);
  clock.setBlackout(false);
  assert.equal(clock.state, 'running');
  time.advance(1_000);
  assert.equal(clock.elapsedMs(), 5_000);
});

test('a pause by hand survives the end of a blackout', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(1_000);
  clock.pause('user');
  clock.setBlackout(true);
  clock.setBlackout(false);
  assert.equal(clock.state, 'paused');
  // Pausing by hand during a blackout is sticky too.
  clock.resume();
  clock.setBlackout(true);
  clock.pause('user');
  clock.setBlackout(false);
  assert.equal(clock.state, 'paused');
});

test('a blackout before the talk starts does not start the clock', () => {
  const clock = new PresenterClock(fakeTime().now);
  clock.setBlackout(true);
  clock.setBlackout(false);
  assert.equal(clock.state, 'idle');
});

test('reset needs an armed, timely confirmation', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(90_000);
  assert.equal(clock.confirmReset(), false, 'a lone confirm does nothing');
  assert.equal(clock.elapsedMs(), 90_000);
  clock.armReset();
  time.advance(RESET_CONFIRM_WINDOW_MS + 1);
  assert.equal(clock.confirmReset(), false, 'a late confirm does nothing');
  assert.equal(clock.elapsedMs(), 90_000 + RESET_CONFIRM_WINDOW_MS + 1);
  clock.armReset();
  clock.cancelReset();
  assert.equal(clock.confirmReset(), false, 'a cancelled reset stays cancelled');
  clock.armReset();
  time.advance(1_000);
  assert.equal(clock.confirmReset(), true);
  assert.equal(clock.state, 'idle');
  assert.equal(clock.elapsedMs(), 0);
});

test('a snapshot restores a running clock including the time in between', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(7_000);
  const snap = clock.snapshot();
  const at = time.now();
  time.advance(3_000);
  const restored = new PresenterClock(time.now);
  restored.restore(snap, at);
  assert.equal(restored.state, 'running');
  assert.equal(restored.elapsedMs(), 10_000);
});

test('a confirm within a double-click of arming does nothing, and the reset stays armed', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(60_000);
  clock.armReset();
  time.advance(RESET_ARM_DELAY_MS - 1);
  assert.equal(clock.confirmReset(), false, 'the second click of a double-click');
  assert.equal(clock.elapsedMs(), 60_000 + RESET_ARM_DELAY_MS - 1);
  time.advance(1);
  assert.equal(clock.confirmReset(), true, 'a deliberate later click confirms');
  assert.equal(clock.elapsedMs(), 0);
});

test('a confirmed reset can be undone for a while, as if it never happened', () => {
  const time = fakeTime();
  const clock = new PresenterClock(time.now);
  clock.advance();
  time.advance(120_000);
  clock.armReset();
  time.advance(RESET_ARM_DELAY_MS);
  assert.equal(clock.confirmReset(), true);
  assert.equal(clock.state, 'idle');
  time.advance(3_000);
  assert.equal(clock.undoReset(), true);
  assert.equal(clock.state, 'running');
  // The talk went on while the clock showed 0:00.
  assert.equal(clock.elapsedMs(), 120_000 + RESET_ARM_DELAY_MS + 3_000);
  assert.equal(clock.undoReset(), false, 'one undo per reset');

  clock.armReset();
  time.advance(RESET_ARM_DELAY_MS);
  clock.confirmReset();
  time.advance(RESET_UNDO_WINDOW_MS + 1);
  assert.equal(clock.undoReset(), false, 'too late to undo');
  assert.equal(clock.elapsedMs(), 0);
});
