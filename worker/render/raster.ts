// Anti-aliased coverage of filled outlines by signed-area accumulation (the method of font-rs):
// each edge adds its signed area to the cells it crosses, and a running sum along each row is the
// coverage. Glyph outlines arrive as quadratic paths, are flattened to polygons, then rasterised.
import type { PathCmd } from "./ttf";

export type Point = [number, number];

/** Coverage (0–1) of a box of the canvas whose top-left pixel is (x, y). */
export type Coverage = { x: number; y: number; width: number; height: number; alpha: Float32Array };

/** Curves are cut into at most this many straight segments; fewer for flat ones. */
const MAX_SEGMENTS = 16;

/**
 * A glyph outline (font units, y up) as polygons in pixel space (y down), its origin at the pen
 * position (px, baseline py), scaled by s; appended to `out`.
 */
export function flatten(path: PathCmd[], px: number, py: number, s: number, out: Point[][]): void {
  let poly: Point[] = [];
  let cur: Point = [0, 0];
  const at = (x: number, y: number): Point => [px + x * s, py - y * s];
  const close = () => {
    if (poly.length > 2) out.push(poly);
    poly = [];
  };
  for (const c of path) {
    if (c.t === "M") {
      close();
      cur = at(c.x, c.y);
      poly = [cur];
    } else if (c.t === "L") {
      cur = at(c.x, c.y);
      poly.push(cur);
    } else if (c.t === "Q") {
      const ctl = at(c.cx, c.cy);
      const end = at(c.x, c.y);
      // segments from the curve's flatness: its second difference, in pixels
      const ddx = cur[0] - 2 * ctl[0] + end[0];
      const ddy = cur[1] - 2 * ctl[1] + end[1];
      const n = Math.max(1, Math.min(MAX_SEGMENTS, Math.ceil(Math.sqrt(Math.hypot(ddx, ddy) * 2))));
      for (let k = 1; k <= n; k++) {
        const t = k / n;
        const mt = 1 - t;
        poly.push([
          mt * mt * cur[0] + 2 * mt * t * ctl[0] + t * t * end[0],
          mt * mt * cur[1] + 2 * mt * t * ctl[1] + t * t * end[1],
        ]);
      }
      cur = end;
    } else close();
  }
  close();
}

/** The coverage of polygons (non-zero winding, clamped at 1), or null when they are empty. */
export function rasterize(polys: Point[][]): Coverage | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polys) {
    for (const [x, y] of poly) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX)) return null;
  // a column of margin on each side: an edge's area spills into the cell to its right
  const x = Math.floor(minX) - 1;
  const y = Math.floor(minY);
  const width = Math.ceil(maxX) - x + 2;
  const height = Math.ceil(maxY) - y + 1;
  const acc = new Float32Array(width * height + 2);
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i];
      const b = poly[(i + 1) % poly.length];
      accumulateEdge(acc, width, height, a[0] - x, a[1] - y, b[0] - x, b[1] - y);
    }
  }
  const alpha = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    let sum = 0;
    for (let col = 0; col < width; col++) {
      sum += acc[row * width + col];
      alpha[row * width + col] = Math.min(1, Math.abs(sum));
    }
  }
  return { x, y, width, height, alpha };
}

/** Adds the signed area one edge covers to each cell of `acc` (w columns, h rows) it crosses. */
function accumulateEdge(acc: Float32Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number) {
  if (y0 === y1) return;
  let dir = 1;
  if (y0 > y1) {
    dir = -1;
    [x0, y0, x1, y1] = [x1, y1, x0, y0];
  }
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  if (y0 < 0) {
    x -= y0 * dxdy;
    y0 = 0;
  }
  const yEnd = Math.min(y1, h);
  for (let y = Math.floor(y0); y < Math.ceil(yEnd); y++) {
    const rowStart = y * w;
    const dy = Math.min(y + 1, yEnd) - Math.max(y, y0);
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const xa = Math.min(x, xNext);
    const xb = Math.max(x, xNext);
    const left = Math.floor(xa);
    const right = Math.ceil(xb);
    if (right <= left + 1) {
      // the edge stays within one cell on this row
      const mid = 0.5 * (x + xNext) - left;
      acc[rowStart + left] += d - d * mid;
      acc[rowStart + left + 1] += d * mid;
    } else {
      const slope = 1 / (xb - xa);
      const x0f = xa - left;
      const a0 = 0.5 * slope * (1 - x0f) * (1 - x0f);
      const x1f = xb - right + 1;
      const am = 0.5 * slope * x1f * x1f;
      acc[rowStart + left] += d * a0;
      if (right === left + 2) acc[rowStart + left + 1] += d * (1 - a0 - am);
      else {
        const a1 = slope * (1.5 - x0f);
        acc[rowStart + left + 1] += d * (a1 - a0);
        for (let xi = left + 2; xi < right - 1; xi++) acc[rowStart + xi] += d * slope;
        const a2 = a1 + (right - left - 3) * slope;
        acc[rowStart + right - 1] += d * (1 - a2 - am);
      }
      acc[rowStart + right] += d * am;
    }
    x = xNext;
  }
}
