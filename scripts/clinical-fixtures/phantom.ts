// A synthetic CT phantom in Hounsfield units: air around an elliptic body of soft tissue, with
// liver, lungs, a spine, an aorta with contrast, and a rim of bone. `z` (0..1) moves the slice so
// a series changes from image to image; `dot` adds a moving marker for cine loops.

interface Shape { cx: number; cy: number; rx: number; ry: number; hu: number }

export function phantomHu(size: number, z = 0.5, dot?: number): Int16Array {
  const s = size;
  const grow = 0.85 + 0.3 * Math.sin(Math.PI * z);
  const shapes: Shape[] = [
    { cx: 0.5, cy: 0.52, rx: 0.42 * grow, ry: 0.32 * grow, hu: 700 }, // bone rim
    { cx: 0.5, cy: 0.52, rx: 0.40 * grow, ry: 0.30 * grow, hu: 40 }, // soft tissue
    { cx: 0.36, cy: 0.45, rx: 0.10, ry: 0.13 * grow, hu: -800 }, // right lung
    { cx: 0.64, cy: 0.45, rx: 0.10, ry: 0.13 * grow, hu: -800 }, // left lung
    { cx: 0.40, cy: 0.62, rx: 0.12 * grow, ry: 0.08, hu: 60 }, // liver
    { cx: 0.5, cy: 0.70, rx: 0.045, ry: 0.045, hu: 900 }, // vertebra
    { cx: 0.5, cy: 0.58, rx: 0.03, ry: 0.03, hu: 300 }, // aorta with contrast
  ];
  if (dot !== undefined) shapes.push({ cx: 0.3 + 0.4 * dot, cy: 0.35, rx: 0.03, ry: 0.03, hu: 1200 });
  const out = new Int16Array(s * s).fill(-1000);
  for (const shape of shapes) {
    const cx = shape.cx * s, cy = shape.cy * s, rx = shape.rx * s, ry = shape.ry * s;
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(s, Math.ceil(cy + ry)); y++) {
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(s, Math.ceil(cx + rx)); x++) {
        const dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1) out[y * s + x] = shape.hu;
      }
    }
  }
  return out;
}

/** Adds deterministic Gaussian-ish noise (sum of uniforms) of about `sigma` HU, as CT quantum noise. */
export function addNoise(hu: Int16Array, sigma: number, seed = 1): Int16Array {
  let state = seed >>> 0 || 1;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Int16Array.from(hu, (v) => v + Math.round((uniform() + uniform() + uniform() - 1.5) * 2 * sigma));
}

/** CT-style storage: unsigned 12-bit in 16, value = HU + 1024 (RescaleIntercept -1024). */
export function storedFromHu(hu: Int16Array): Uint16Array {
  return Uint16Array.from(hu, (v) => Math.max(0, Math.min(4095, v + 1024)));
}

/** 8-bit grey with a soft-tissue-like window, for the JPEG-baseline file. */
export function greyFromHu(hu: Int16Array): Uint8Array {
  return Uint8Array.from(hu, (v) => Math.max(0, Math.min(255, Math.round(((v + 160) / 400) * 255))));
}
