import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ON_PACE_TOLERANCE_MS, PacingPlan, SectionTimes, sectionPace } from '../../electron/contract/pacing';

const MIN = 60_000;

test('without budgets the duration is spread evenly over the slides', () => {
  const plan = new PacingPlan(Array.from({ length: 10 }, () => ({ section: '' })), 20, []);
  assert.equal(plan.totalMs, 20 * MIN);
  assert.equal(plan.plannedStartMs(5), 10 * MIN);
  assert.equal(plan.status(10 * MIN, 5).state, 'on-pace');
  assert.equal(plan.status(12 * MIN, 5).state, 'on-pace', 'within the slide window 10..12 min');
  const late = plan.status(15 * MIN, 5);
  assert.equal(late.state, 'behind');
  assert.equal(late.deltaMs, 3 * MIN);
  const early = plan.status(2 * MIN, 5);
  assert.equal(early.state, 'ahead');
  assert.equal(early.deltaMs, -8 * MIN);
});

test('small differences are on pace', () => {
  const plan = new PacingPlan([{ section: '' }, { section: '' }], 10, []);
  assert.equal(plan.status(5 * MIN - ON_PACE_TOLERANCE_MS, 1).state, 'on-pace');
  assert.equal(plan.status(5 * MIN - ON_PACE_TOLERANCE_MS - 1, 1).state, 'ahead');
});

test('section budgets shape the plan; the rest of the duration goes to unbudgeted slides', () => {
  const slides = [{ section: 'A' }, { section: 'A' }, { section: 'B' }, { section: '' }, { section: '' }];
  const plan = new PacingPlan(slides, 30, [
    { title: 'A', minutes: 10 },
    { title: 'B', minutes: 12 },
  ]);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((i) => plan.plannedStartMs(i) / MIN),
    [0, 5, 10, 22, 26, 30],
  );
  assert.equal(plan.budgetMs('B'), 12 * MIN);
  assert.equal(plan.budgetMs(''), undefined);
});

test('time per section accumulates across visits', () => {
  const plan = new PacingPlan([{ section: 'A' }, { section: 'B' }], 10, [
    { title: 'A', minutes: 4 },
    { title: 'B', minutes: 6 },
  ]);
  const times = new SectionTimes();
  times.visit('A', 0);
  times.visit('A', 1 * MIN);
  times.visit('B', 3 * MIN);
  times.visit('A', 4 * MIN);
  assert.equal(times.spentMs('A', 6 * MIN), 5 * MIN);
  assert.equal(times.spentMs('B', 6 * MIN), 1 * MIN);
  const a = sectionPace(plan, times, 'A', 6 * MIN);
  assert.ok(a);
  assert.equal(a.over, true);
  assert.equal(a.leftMs, -1 * MIN);
  assert.equal(sectionPace(plan, times, 'C', 6 * MIN), null);
});

test('backup slides take no planned time: the duration spreads over the talk alone', () => {
  const talk = Array.from({ length: 4 }, () => ({ section: 'Intro' }));
  const plan = new PacingPlan([...talk, { section: 'Intro', backup: true }, { section: '', backup: true }], 20, [{ title: 'Intro', minutes: 8 }]);
  assert.equal(plan.totalMs, 8 * MIN, 'the Intro budget over its 4 talk slides; the backup slides add nothing');
  assert.equal(plan.plannedStartMs(2), 4 * MIN, '2 minutes per talk slide, not 8/5');
  const even = new PacingPlan([{ section: '' }, { section: '' }, { section: '', backup: true }], 10, []);
  assert.equal(even.plannedStartMs(1), 5 * MIN);
});
