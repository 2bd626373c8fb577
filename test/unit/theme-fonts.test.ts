// The bundled theme fonts cover Cyrillic, Greek and Vietnamese (issue 12.9): every face the
// themes use has a subset for a letter of each script, and every subset file exists locally.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const CSS_FILE = join(import.meta.dirname, '../../renderer/themes/fonts.css');
const css = readFileSync(CSS_FILE, 'utf8');

interface Face { family: string; style: string; weight: string; src: string; ranges: Array<[number, number]> }

const faces: Face[] = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => {
  const body = m[1] ?? '';
  const get = (k: string): string => new RegExp(`${k}:\\s*([^;]+);`).exec(body)?.[1]?.trim() ?? '';
  const ranges = get('unicode-range').split(',').map((r): [number, number] => {
    const [a, b] = r.trim().replace(/^U\+/, '').split('-');
    return [parseInt(a ?? '0', 16), parseInt(b ?? a ?? '0', 16)];
  });
  return { family: get('font-family').replace(/'/g, ''), style: get('font-style'), weight: get('font-weight'), src: /url\(([^)]+)\)/.exec(body)?.[1] ?? '', ranges };
});

const covers = (f: Face, cp: number): boolean => f.ranges.some(([a, b]) => cp >= a && cp <= b);
const letters = { cyrillic: 'Ж', 'cyrillic extended': 'Ѣ', greek: 'λ', 'greek extended': 'ἀ', vietnamese: 'ạ', latin: 'a' };

test('every bundled face the themes use has a subset for Cyrillic, Greek and Vietnamese letters', () => {
  const variants = new Set(faces.map((f) => `${f.family}|${f.style}|${f.weight}`));
  assert.ok(variants.size >= 8, [...variants].join());
  for (const v of variants) {
    const [family, style, weight] = v.split('|');
    const mine = faces.filter((f) => f.family === family && f.style === style && f.weight === weight);
    for (const [script, ch] of Object.entries(letters)) {
      assert.ok(mine.some((f) => covers(f, ch.codePointAt(0)!)), `${v} has no face for ${script} (${ch})`);
    }
  }
});

test('each subset file is bundled (a local woff2), and Latin is declared last so it wins overlaps', () => {
  for (const f of faces) {
    assert.match(f.src, /^\.\.\/\.\.\/node_modules\/@fontsource\/[a-z0-9-]+\/files\/[a-z0-9-]+\.woff2$/);
    assert.ok(existsSync(resolve(join(import.meta.dirname, '../../renderer/themes'), f.src)), f.src);
  }
  const lastSans = faces.filter((f) => f.family === 'Source Sans 3').at(-1);
  assert.ok(lastSans && covers(lastSans, 'a'.codePointAt(0)!));
});
