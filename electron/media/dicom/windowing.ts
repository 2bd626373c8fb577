// Maps stored pixel values to 8-bit display grey: modality rescale (slope/intercept), then the
// linear VOI window of DICOM PS3.3 C.11.2.1.2.1, then MONOCHROME1 inversion. A lookup table over
// the stored values makes a 512 x 512 16-bit frame one array pass.
import type { ImageDescription } from './image-description';
import type { FrameSamples } from './frame-pixels';

export interface Window {
  center: number;
  width: number;
}

/**
 * Named CT windows in Hounsfield units. Liver, soft tissue, bone and lung are the values in
 * Radiopaedia's "Windowing (CT)" article (liver W150 L30; soft tissue W400 L50 within its
 * W350-400 L20-60 range; bone W1800 L400; lung W1500 L-600). Angiography W600 L170 is a common CT
 * angiography setting (contrast-filled vessels at 200-400 HU); have a radiologist confirm it.
 * They only make sense for CT (values in HU); on MR or X-ray angiography use the file's window.
 */
export const WINDOW_PRESETS = {
  liver: { center: 30, width: 150 },
  'soft-tissue': { center: 50, width: 400 },
  bone: { center: 400, width: 1800 },
  lung: { center: -600, width: 1500 },
  angiography: { center: 170, width: 600 },
} as const satisfies Record<string, Window>;

export type WindowPreset = keyof typeof WINDOW_PRESETS;

/** What the author asked for: the file's window, a preset, or numbers. */
export type WindowChoice = 'file' | WindowPreset | Window;

export function isWindowPreset(name: string): name is WindowPreset {
  return Object.hasOwn(WINDOW_PRESETS, name);
}

/** The window to use: the chosen one, else the file's, else the full range of the frame's values. */
export function resolveWindow(choice: WindowChoice, image: ImageDescription, samples: FrameSamples): Window {
  if (typeof choice === 'object') return choice;
  if (choice !== 'file') return WINDOW_PRESETS[choice];
  if (image.window) return image.window;
  let min = Infinity;
  let max = -Infinity;
  const mask = (1 << image.bitsStored) - 1;
  for (let i = 0; i < samples.length; i++) {
    const v = modalityValue(samples[i]! & mask, image);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { center: (min + max) / 2, width: Math.max(1, max - min + 1) };
}

function modalityValue(stored: number, image: ImageDescription): number {
  let v = stored;
  if (image.signed && v >= 1 << (image.bitsStored - 1)) v -= 1 << image.bitsStored;
  return v * image.rescaleSlope + image.rescaleIntercept;
}

/** A table from every possible stored value to its display grey. */
export function displayLookup(image: ImageDescription, window: Window): Uint8Array {
  const size = 1 << image.bitsStored;
  const lut = new Uint8Array(size);
  const c = window.center - 0.5;
  const w = Math.max(1, window.width) - 1;
  const invert = image.photometric === 'MONOCHROME1';
  for (let stored = 0; stored < size; stored++) {
    const x = modalityValue(stored, image);
    let y: number;
    if (x <= c - w / 2) y = 0;
    else if (x > c + w / 2) y = 255;
    else y = ((x - c) / Math.max(w, 1e-9) + 0.5) * 255;
    const grey = Math.round(Math.min(255, Math.max(0, y)));
    lut[stored] = invert ? 255 - grey : grey;
  }
  return lut;
}

export function applyLookup(samples: FrameSamples, lut: Uint8Array, bitsStored: number): Uint8Array {
  const mask = (1 << bitsStored) - 1;
  // Two loops so each sees one array type: a shared loop over the union runs several times slower.
  return samples instanceof Uint16Array ? lookup16(samples, lut, mask) : lookup8(samples, lut, mask);
}

function lookup16(samples: Uint16Array, lut: Uint8Array, mask: number): Uint8Array {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = lut[samples[i]! & mask]!;
  return out;
}

function lookup8(samples: Uint8Array, lut: Uint8Array, mask: number): Uint8Array {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = lut[samples[i]! & mask]!;
  return out;
}
