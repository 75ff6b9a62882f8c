// A small RGBA canvas for posters and chat cards: rectangles, rounded rectangles, text from a
// TtfFont (anti-aliased, synthetic bold), a photo copied in, and QR modules on whole pixels.
import type { Bitmap } from "./png";
import { flatten, rasterize, type Point } from "./raster";
import type { TtfFont } from "./ttf";

type Rgba = [number, number, number, number];

/** `#rgb`, `#rrggbb` or `#rrggbbaa`. */
export function parseColor(hex: string): Rgba {
  const h = hex.replace("#", "");
  const n = parseInt(h.length === 3 ? [...h].map((c) => c + c).join("") : h.slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, h.length === 8 ? parseInt(h.slice(6), 16) : 255];
}

export type TextOptions = { align?: "left" | "center" | "right"; /** synthetic emboldening, px */ bold?: number };

/** Coverage below this is left undrawn: it is the rasteriser's rounding, not ink. */
const MIN_COVERAGE = 0.002;
/** Lines of a quarter circle in a rounded corner. */
const CORNER_STEPS = 8;

export class Canvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background = "#ffffff",
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, w: number, h: number, hex: string): void {
    const [r, g, b, a] = parseColor(hex);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0 || y1 <= y0) return;
    if (a === 255) {
      // opaque: whole rows at once through a 32-bit view (little-endian RGBA)
      const words = new Uint32Array(this.data.buffer, this.data.byteOffset, this.width * this.height);
      const word = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
      for (let row = y0; row < y1; row++) words.fill(word, row * this.width + x0, row * this.width + x1);
      return;
    }
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) this.blend((row * this.width + col) * 4, r, g, b, a / 255);
    }
  }

  roundRect(x: number, y: number, w: number, h: number, radius: number, hex: string): void {
    const poly: Point[] = [];
    const corner = (cx: number, cy: number, from: number) => {
      for (let k = 0; k <= CORNER_STEPS; k++) {
        const angle = from + (k / CORNER_STEPS) * (Math.PI / 2);
        poly.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
      }
    };
    corner(x + w - radius, y + radius, -Math.PI / 2);
    corner(x + w - radius, y + h - radius, 0);
    corner(x + radius, y + h - radius, Math.PI / 2);
    corner(x + radius, y + radius, Math.PI);
    this.fillPolygons([poly], hex);
  }

  /** Width in px of one line of text; characters the font lacks take no room. */
  measure(font: TtfFont, text: string, size: number): number {
    let units = 0;
    for (const ch of text) {
      const glyph = font.glyphId(ch.codePointAt(0)!);
      if (glyph) units += font.advance(glyph);
    }
    return (units * size) / font.unitsPerEm;
  }

  /** Draws one line of text with its baseline at y. @returns its width in px */
  text(font: TtfFont, text: string, x: number, y: number, size: number, hex: string, opts: TextOptions = {}): number {
    const width = this.measure(font, text, size);
    let pen = opts.align === "center" ? x - width / 2 : opts.align === "right" ? x - width : x;
    const scale = size / font.unitsPerEm;
    const polys: Point[][] = [];
    for (const ch of text) {
      const glyph = font.glyphId(ch.codePointAt(0)!);
      // not in the subset (a rare hanzi, an emoji): left out rather than drawn as a box
      if (!glyph) continue;
      flatten(font.path(glyph), pen, y, scale, polys);
      pen += font.advance(glyph) * scale;
    }
    const bold = opts.bold ?? 0;
    if (!bold) {
      this.fillPolygons(polys, hex);
      return width;
    }
    // synthetic bold: the outline at four small offsets, filled in one pass (coverage clamps at 1)
    const offsets: Point[] = [
      [0, 0],
      [bold, 0],
      [0, bold / 2],
      [bold, bold / 2],
    ];
    const shifted = offsets.flatMap(([dx, dy]) =>
      polys.map((poly) => poly.map(([px, py]): Point => [px + dx - bold / 2, py + dy - bold / 4])),
    );
    this.fillPolygons(shifted, hex);
    return width;
  }

  /** Breaks text into at most `maxLines` lines of `maxWidth` px (CJK breaks anywhere), with "…" when cut. */
  wrap(font: TtfFont, text: string, size: number, maxWidth: number, maxLines: number): string[] {
    const lines: string[] = [];
    let line = "";
    for (const ch of text) {
      if (this.measure(font, line + ch, size) > maxWidth) {
        if (lines.length === maxLines - 1) {
          while (line && this.measure(font, `${line}…`, size) > maxWidth) line = [...line].slice(0, -1).join("");
          lines.push(`${line}…`);
          return lines;
        }
        lines.push(line);
        line = "";
      }
      line += ch;
    }
    if (line) lines.push(line);
    return lines;
  }

  /** Copies a bitmap in at (x, y), cropped to the canvas; it is drawn opaque. */
  drawImage(img: Bitmap, x: number, y: number): void {
    const fromCol = Math.max(0, -x);
    const toCol = Math.min(img.width, this.width - x);
    if (toCol <= fromCol) return;
    for (let row = Math.max(0, -y); row < img.height && y + row < this.height; row++) {
      const source = img.data.subarray((row * img.width + fromCol) * 4, (row * img.width + toCol) * 4);
      this.data.set(source, ((y + row) * this.width + x + fromCol) * 4);
    }
  }

  /** The dark modules of a QR matrix, each an exact square of `module` pixels, so scanners read it. */
  qr(matrix: boolean[][], x: number, y: number, module: number, hex = "#000000"): void {
    matrix.forEach((row, r) =>
      row.forEach((dark, c) => dark && this.fillRect(x + c * module, y + r * module, module, module, hex)),
    );
  }

  private fillPolygons(polys: Point[][], hex: string): void {
    const cover = rasterize(polys);
    if (!cover) return;
    const [r, g, b, a] = parseColor(hex);
    for (let row = 0; row < cover.height; row++) {
      const y = cover.y + row;
      if (y < 0 || y >= this.height) continue;
      for (let col = 0; col < cover.width; col++) {
        const x = cover.x + col;
        const alpha = cover.alpha[row * cover.width + col];
        if (alpha > MIN_COVERAGE && x >= 0 && x < this.width) {
          this.blend((y * this.width + x) * 4, r, g, b, (alpha * a) / 255);
        }
      }
    }
  }

  /** Source-over of a straight-alpha colour onto pixel i. */
  private blend(i: number, r: number, g: number, b: number, a: number): void {
    const d = this.data;
    if (a >= 1) {
      d[i] = r;
      d[i + 1] = g;
      d[i + 2] = b;
      d[i + 3] = 255;
      return;
    }
    const below = d[i + 3] / 255;
    const out = a + below * (1 - a);
    d[i] = (r * a + d[i] * below * (1 - a)) / out;
    d[i + 1] = (g * a + d[i + 1] * below * (1 - a)) / out;
    d[i + 2] = (b * a + d[i + 2] * below * (1 - a)) / out;
    d[i + 3] = out * 255;
  }
}
