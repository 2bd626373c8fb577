// Image export's pure parts: names that sort, --range, --scale and --quality with the errors
// a user sees.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  imageSize,
  parseImageScale,
  parseJpegQuality,
  parseSlideRange,
  slideImageFileName,
  slidesInRange,
  type Parsed,
} from '../../electron/export/pptx/slide-images';

function value<T>(parsed: Parsed<T>): T {
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.value;
}
function failure<T>(parsed: Parsed<T>): string {
  assert.ok(!parsed.ok, `expected an error, got ${JSON.stringify(parsed)}`);
  return parsed.error;
}

test('file names are zero-padded so they sort in slide and step order', () => {
  assert.equal(slideImageFileName({ slide: 1, slideCount: 30, format: 'png' }), 'slide-001.png');
  assert.equal(slideImageFileName({ slide: 3, slideCount: 30, step: 2, maxSteps: 4, format: 'png' }), 'slide-003-2.png');
  assert.equal(slideImageFileName({ slide: 12, slideCount: 30, format: 'jpeg' }), 'slide-012.jpg');
  assert.equal(slideImageFileName({ slide: 42, slideCount: 2000, format: 'png' }), 'slide-0042.png');
  assert.equal(slideImageFileName({ slide: 5, slideCount: 9, step: 3, maxSteps: 12, format: 'png' }), 'slide-005-03.png');

  const names: string[] = [];
  const steps = [0, 0, 12, 0, 3]; // slide 3 has 12 steps, slide 5 has 3
  for (let slide = 1; slide <= 1200; slide++) {
    const count = steps[slide - 1] ?? 0;
    if (count === 0) names.push(slideImageFileName({ slide, slideCount: 1200, format: 'png' }));
    for (let step = 1; step <= count; step++) names.push(slideImageFileName({ slide, slideCount: 1200, step, maxSteps: 12, format: 'png' }));
  }
  assert.deepEqual([...names].sort(), names, 'plain sort keeps the deck order');
  assert.equal(new Set(names).size, names.length);
});

test('--range takes numbers and runs, and says what is wrong with the rest', () => {
  assert.deepEqual(value(parseSlideRange('3-7,12')), [{ from: 3, to: 7 }, { from: 12, to: 12 }]);
  assert.deepEqual(value(parseSlideRange(' 2 , 4 - 5 ')), [{ from: 2, to: 2 }, { from: 4, to: 5 }]);
  assert.equal(failure(parseSlideRange('')), '--range is empty: give slide numbers such as 3-7,12');
  assert.equal(failure(parseSlideRange('3-')), '--range 3-: "3-" is not a slide number or a run like 3-7');
  assert.equal(failure(parseSlideRange('1,,2')), '--range 1,,2: "(empty)" is not a slide number or a run like 3-7');
  assert.equal(failure(parseSlideRange('a-b')), '--range a-b: "a-b" is not a slide number or a run like 3-7');
  assert.equal(failure(parseSlideRange('-3')), '--range -3: "-3" is not a slide number or a run like 3-7');
  assert.equal(failure(parseSlideRange('2.5')), '--range 2.5: "2.5" is not a slide number or a run like 3-7');
  assert.equal(failure(parseSlideRange('0-3')), '--range 0-3: slides are numbered from 1');
  assert.equal(failure(parseSlideRange('7-3')), '--range 7-3: "7-3" runs backwards (write 3-7)');
});

test('a range is checked against the deck: sorted, each slide once, the overflow named', () => {
  assert.deepEqual(value(slidesInRange(value(parseSlideRange('12,3-7,5-6')), 12)), [3, 4, 5, 6, 7, 12]);
  assert.equal(failure(slidesInRange(value(parseSlideRange('3-7,12,20-25')), 10)), '--range 12,20-25 is beyond the deck: it has 10 slides');
  assert.equal(failure(slidesInRange(value(parseSlideRange('2')), 1)), '--range 2 is beyond the deck: it has 1 slide');
});

test('--scale accepts 0.25 to 4 and names the range otherwise', () => {
  assert.equal(value(parseImageScale('1')), 1);
  assert.equal(value(parseImageScale('0.25')), 0.25);
  assert.equal(value(parseImageScale('4')), 4);
  const message = '--scale must be a number from 0.25 to 4 (1 = 1920x1080 pixels, 2 = 3840x2160); got ';
  for (const bad of ['0', '100', '-1', 'two', '', 'NaN', 'Infinity', '0.2']) assert.equal(failure(parseImageScale(bad)), message + bad);
  assert.deepEqual(imageSize(2), { width: 3840, height: 2160 });
  assert.deepEqual(imageSize(0.25), { width: 480, height: 270 });
});

test('--quality is a whole number from 1 to 100', () => {
  assert.equal(value(parseJpegQuality('85')), 85);
  assert.equal(value(parseJpegQuality('1')), 1);
  assert.equal(value(parseJpegQuality('100')), 100);
  for (const bad of ['0', '101', '85.5', 'high', '']) {
    assert.equal(failure(parseJpegQuality(bad)), `--quality must be a whole number from 1 to 100 (default 90); got ${bad}`);
  }
});
