// The least of a TrueType reader that draws the store's font: the table directory, a format-4 cmap,
// advance widths and simple glyf outlines, each glyph read on demand. No shaping, kerning or hinting:
// posters need none. The font is a subset (public/fonts/, made by scripts/subset-font.py) loaded at
// run time from static assets, never bundled.

/** An outline in font units, y up: move, line, quadratic curve (control, end), close. */
export type PathCmd =
  { t: "M" | "L"; x: number; y: number } | { t: "Q"; cx: number; cy: number; x: number; y: number } | { t: "Z" };

type Point = [number, number];

const FLAG = { onCurve: 1, xShort: 2, yShort: 4, repeat: 8, xSame: 16, ySame: 32 } as const;

export class TtfFont {
  readonly unitsPerEm: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, number>();
  private readonly longMetrics: number;
  private readonly longOffsets: boolean;
  private readonly cmap: number;
  private readonly paths = new Map<number, PathCmd[]>();

  constructor(bytes: ArrayBuffer) {
    const view = (this.view = new DataView(bytes));
    for (let i = 0; i < view.getUint16(4); i++) {
      const record = 12 + i * 16;
      this.tables.set(String.fromCharCode(...new Uint8Array(bytes, record, 4)), view.getUint32(record + 8));
    }
    if (!this.tables.has("glyf")) throw new Error("not a TrueType-outline font: make it with scripts/subset-font.py");
    const head = this.table("head");
    this.unitsPerEm = view.getUint16(head + 18);
    this.longOffsets = view.getInt16(head + 50) === 1;
    this.longMetrics = view.getUint16(this.table("hhea") + 34);
    const cmap = this.table("cmap");
    let format4 = -1;
    for (let i = 0; i < view.getUint16(cmap + 2); i++) {
      const offset = cmap + view.getUint32(cmap + 8 + i * 8);
      if (view.getUint16(offset) === 4) format4 = offset;
    }
    if (format4 < 0) throw new Error("the font has no format-4 cmap");
    this.cmap = format4;
  }

  /** The glyph of a code point; 0 (.notdef) when the subset lacks it. */
  glyphId(codePoint: number): number {
    const view = this.view;
    if (codePoint > 0xffff) return 0;
    const segmentsX2 = view.getUint16(this.cmap + 6);
    const ends = this.cmap + 14;
    const starts = ends + segmentsX2 + 2;
    const deltas = starts + segmentsX2;
    const ranges = deltas + segmentsX2;
    for (let i = 0; i < segmentsX2; i += 2) {
      if (codePoint > view.getUint16(ends + i)) continue;
      const start = view.getUint16(starts + i);
      if (codePoint < start) return 0;
      const delta = view.getInt16(deltas + i);
      const range = view.getUint16(ranges + i);
      if (range === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(ranges + i + range + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  }

  /** Advance width in font units. */
  advance(glyph: number): number {
    return this.view.getUint16(this.table("hmtx") + 4 * Math.min(glyph, this.longMetrics - 1));
  }

  /** A glyph's outline, read once. Composite glyphs (which the subset has none of) come out empty. */
  path(glyph: number): PathCmd[] {
    let path = this.paths.get(glyph);
    if (!path) {
      path = this.readSimpleGlyph(glyph);
      this.paths.set(glyph, path);
    }
    return path;
  }

  private table(tag: string): number {
    const offset = this.tables.get(tag);
    if (offset === undefined) throw new Error(`the font has no ${tag} table`);
    return offset;
  }

  private readSimpleGlyph(glyph: number): PathCmd[] {
    const view = this.view;
    const loca = this.table("loca");
    const [start, end] = this.longOffsets
      ? [view.getUint32(loca + glyph * 4), view.getUint32(loca + glyph * 4 + 4)]
      : [view.getUint16(loca + glyph * 2) * 2, view.getUint16(loca + glyph * 2 + 2) * 2];
    let p = this.table("glyf") + start;
    const contours = view.getInt16(p);
    if (end <= start || contours < 0) return [];
    p += 10;
    const contourEnds: number[] = [];
    for (let i = 0; i < contours; i++, p += 2) contourEnds.push(view.getUint16(p));
    const points = contours ? contourEnds[contours - 1] + 1 : 0;
    p += 2 + view.getUint16(p); // past the instructions
    const flags = new Uint8Array(points);
    for (let i = 0; i < points;) {
      const flag = view.getUint8(p++);
      flags[i++] = flag;
      if (flag & FLAG.repeat) for (let r = view.getUint8(p++); r > 0; r--) flags[i++] = flag;
    }
    // x then y: each a byte (its sign in the "same" flag), the same as before, or a signed word
    const coordinates = (short: number, same: number) => {
      const out = new Int32Array(points);
      let v = 0;
      for (let i = 0; i < points; i++) {
        if (flags[i] & short) {
          const d = view.getUint8(p++);
          v += flags[i] & same ? d : -d;
        } else if (!(flags[i] & same)) {
          v += view.getInt16(p);
          p += 2;
        }
        out[i] = v;
      }
      return out;
    };
    const xs = coordinates(FLAG.xShort, FLAG.xSame);
    const ys = coordinates(FLAG.yShort, FLAG.ySame);
    const path: PathCmd[] = [];
    let first = 0;
    for (const last of contourEnds) {
      const at = (i: number): Point => [xs[first + i], ys[first + i]];
      const on = (i: number) => (flags[first + i] & FLAG.onCurve) !== 0;
      contour(last - first + 1, at, on, path);
      first = last + 1;
    }
    return path;
  }
}

/** One contour of n points as path commands: between two off-curve points lies an implied on-curve one. */
function contour(n: number, at: (i: number) => Point, on: (i: number) => boolean, out: PathCmd[]) {
  if (n < 2) return;
  const point = (i: number) => at(i % n);
  const isOn = (i: number) => on(i % n);
  let first = 0;
  while (first < n && !isOn(first)) first++;
  let start: Point;
  if (first === n) {
    // no point on the curve: start between the first two
    const [a, b] = [point(0), point(1)];
    start = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    first = 0;
  } else start = point(first);
  out.push({ t: "M", x: start[0], y: start[1] });
  let control: Point | null = null;
  for (let k = 1; k <= n; k++) {
    const p = point(first + k);
    if (isOn(first + k)) {
      out.push(control ? { t: "Q", cx: control[0], cy: control[1], x: p[0], y: p[1] } : { t: "L", x: p[0], y: p[1] });
      control = null;
    } else {
      if (control)
        out.push({ t: "Q", cx: control[0], cy: control[1], x: (control[0] + p[0]) / 2, y: (control[1] + p[1]) / 2 });
      control = p;
    }
  }
  if (control) out.push({ t: "Q", cx: control[0], cy: control[1], x: start[0], y: start[1] });
  out.push({ t: "Z" });
}
