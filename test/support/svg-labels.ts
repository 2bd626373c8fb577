// Where a diagram's labels collide, measured in Chromium on the SVG inlined in a page, with the
// labels set in a given font (an SVG shown as an image falls back to the machine's sans font).
//
// The rule: a label sits on ONE surface. Around its box (the text's em box, getBBox, grown by a
// clearance of CLEARANCE user units so an edge grazing a descender counts) the topmost shape
// painted beneath it is the same everywhere: the background, a tumour, a box... A label across
// an outline, on an arrow or a grid line, under a curve, has two surfaces around it and fails.
// So does a shape painted over a label, a shape small enough to lie inside a label's box, a
// label meeting another label, and a label outside the drawing.
//
// Sampling the box's outline (every STEP units) is enough: an edge that reaches inside the box
// either crosses its outline, changing the surface there, or lies wholly inside it, which the
// bounds check catches. Shapes are tested by geometry (isPointInFill / isPointInStroke, dashes
// as solid), so a line thinner than STEP could slip between samples: none is in the talk.

import type { Page } from 'playwright';

export interface LabelProblem {
  /** The label's text. */
  label: string;
  /** What it runs into: another label, a shape (its tag and position), or the drawing's edge. */
  meets: string;
}

/** Lays `svgSource` out in `page` with every label in `font`, and lists its labels' collisions. */
export async function labelProblems(page: Page, svgSource: string, font: string): Promise<LabelProblem[]> {
  const svg = svgSource.replace(/^<\?xml[^>]*\?>\s*/, '');
  const css = `body { margin: 0 } svg text, svg tspan { font-family: ${JSON.stringify(font)} !important }`;
  // tsx names functions with an `__name` helper that the page must have for `measure` to run.
  const helper = '<script>var __name = (fn) => fn;</script>';
  await page.setContent(`<!doctype html><html><head><style>${css}</style>${helper}</head><body>${svg}</body></html>`);
  return page.evaluate(measure);
}

/** Runs in the page, on its one <svg>. */
function measure(): LabelProblem[] {
  const STEP = 1;
  const CLEARANCE = 2;
  const root = document.querySelector('svg') as SVGSVGElement;
  const all = [...root.querySelectorAll<SVGGraphicsElement>('text, rect, circle, ellipse, line, polyline, polygon, path')];
  const order = new Map<Element, number>(all.map((el, i) => [el, i]));
  const texts = all.filter((el): el is SVGTextElement => el instanceof SVGTextElement);
  const shapes = all.filter((el): el is SVGGeometryElement => el instanceof SVGGeometryElement);
  const name = (el: Element) =>
    el instanceof SVGTextElement
      ? `label "${el.textContent?.trim()}"`
      : `<${el.tagName} ${[...el.attributes].filter((a) => /^(x|y|x1|y1|x2|y2|cx|cy|r|width|height|points|d)$/.test(a.name)).map((a) => `${a.name}="${a.value.slice(0, 40)}"`).join(' ')}>`;

  // Everything in the root's user space (the viewBox's units), whatever the SVG's displayed size.
  const rootInverse = (root.getScreenCTM() ?? new DOMMatrix()).inverse();
  const toRoot = (el: SVGGraphicsElement) => rootInverse.multiply(el.getScreenCTM() ?? new DOMMatrix());
  interface Bounds { left: number; top: number; right: number; bottom: number }
  const bounds = (box: DOMRect, ctm: DOMMatrix, grow: number): Bounds => {
    const corners = [
      [box.x - grow, box.y - grow],
      [box.x + box.width + grow, box.y - grow],
      [box.x - grow, box.y + box.height + grow],
      [box.x + box.width + grow, box.y + box.height + grow],
    ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(ctm));
    const xs = corners.map((c) => c.x);
    const ys = corners.map((c) => c.y);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  };
  const meet = (a: Bounds, b: Bounds) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const within = (a: Bounds, b: Bounds) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

  const geometry = new Map(
    shapes.map((shape) => {
      const style = getComputedStyle(shape);
      const shown = style.visibility !== 'hidden' && style.display !== 'none';
      const strokeWidth = Number.parseFloat(style.strokeWidth) || 0;
      const ctm = toRoot(shape);
      return [
        shape,
        {
          fill: shown && style.fill !== 'none',
          stroke: shown && style.stroke !== 'none' && strokeWidth > 0,
          fromRoot: ctm.inverse(),
          bounds: bounds(shape.getBBox(), ctm, strokeWidth / 2),
        },
      ];
    }),
  );
  const painted = (shape: SVGGeometryElement, point: DOMPoint): boolean => {
    const g = geometry.get(shape)!;
    const local = point.matrixTransform(g.fromRoot);
    const p = { x: local.x, y: local.y };
    return (g.fill && shape.isPointInFill(p)) || (g.stroke && shape.isPointInStroke(p));
  };

  const labels = texts.map((text) => {
    const box = text.getBBox();
    const ctm = toRoot(text);
    // The outline of the box grown by the clearance, in the label's own (maybe rotated) space.
    const [x0, y0, x1, y1] = [box.x - CLEARANCE, box.y - CLEARANCE, box.x + box.width + CLEARANCE, box.y + box.height + CLEARANCE];
    const outline: DOMPoint[] = [];
    for (let x = x0; x <= x1; x += STEP) outline.push(new DOMPoint(x, y0), new DOMPoint(x, y1));
    for (let y = y0; y <= y1; y += STEP) outline.push(new DOMPoint(x0, y), new DOMPoint(x1, y));
    outline.push(new DOMPoint(x1, y1));
    return {
      text,
      name: text.textContent?.trim() ?? '',
      outline: outline.map((p) => p.matrixTransform(ctm)),
      // Half a unit in: labels whose boxes just touch (lines of one paragraph) do not collide.
      inner: bounds(box, ctm, -0.5),
      grown: bounds(box, ctm, CLEARANCE),
    };
  });

  const view = root.viewBox.baseVal;
  const drawing = { left: view.x, top: view.y, right: view.x + view.width, bottom: view.y + view.height };
  const problems: LabelProblem[] = [];
  labels.forEach((label, i) => {
    const report = (meets: string) => problems.push({ label: label.name, meets });
    if (!within(label.grown, drawing)) report('the edge of the drawing');
    for (const other of labels.slice(i + 1)) if (meet(label.inner, other.inner)) report(name(other.text));

    const near = shapes.filter((shape) => meet(geometry.get(shape)!.bounds, label.grown));
    const below = near.filter((shape) => order.get(shape)! < order.get(label.text)!).reverse();
    const above = near.filter((shape) => order.get(shape)! > order.get(label.text)!);
    const inside = near.find((shape) => within(geometry.get(shape)!.bounds, label.grown));
    if (inside) report(`${name(inside)}, inside its box`);
    const covering = above.find((shape) => label.outline.some((point) => painted(shape, point)));
    if (covering) report(`${name(covering)}, painted over it`);
    let surface: SVGGeometryElement | null | undefined;
    for (const point of label.outline) {
      const top = below.find((shape) => painted(shape, point)) ?? null;
      if (surface === undefined) surface = top;
      else if (top !== surface) {
        // Name the edge met rather than the surface the label started on (the background, often).
        report(`the edge of ${name(top ?? surface!)}`);
        break;
      }
    }
  });
  return problems;
}
