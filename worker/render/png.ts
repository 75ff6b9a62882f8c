// PNG in and out on the platform's zlib (CompressionStream / DecompressionStream "deflate"), which
// workerd, browsers and Node share: opaque RGB out; 8-bit, non-interlaced pictures in (what resizers
// write).

export type Bitmap = { width: number; height: number; /** RGBA, straight alpha */ data: Uint8Array };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const FILTER = { none: 0, sub: 1, up: 2, average: 3, paeth: 4 } as const;
/** Channels per colour type: grey, RGB, palette, grey + alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function pipe(
  data: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(stream)).arrayBuffer());
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** |a byte read as signed|: the size a filter's output costs the compressor, roughly. */
const cost = (v: number) => ((v & 255) < 128 ? v & 255 : 256 - (v & 255));

/** RGBA pixels (every alpha 255) → an RGB PNG. */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  const row = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) row.set(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3), x * 3);
    // Sub, Up or Paeth, whichever costs least on a sample of the row (libpng's heuristic)
    let sub = 0;
    let up = 0;
    let pae = 0;
    for (let i = 3; i < stride; i += 4) {
      sub += cost(row[i] - row[i - 3]);
      up += cost(row[i] - prev[i]);
      pae += cost(row[i] - paeth(row[i - 3], prev[i], prev[i - 3]));
    }
    const filter = y === 0 || (sub <= up && sub <= pae) ? FILTER.sub : up <= pae ? FILTER.up : FILTER.paeth;
    const o = y * (stride + 1);
    raw[o] = filter;
    // one loop per filter: a branch per byte would make this several times slower
    if (filter === FILTER.sub) for (let i = 0; i < stride; i++) raw[o + 1 + i] = row[i] - (i >= 3 ? row[i - 3] : 0);
    else if (filter === FILTER.up) for (let i = 0; i < stride; i++) raw[o + 1 + i] = row[i] - prev[i];
    else {
      for (let i = 0; i < stride; i++) {
        raw[o + 1 + i] = row[i] - paeth(i >= 3 ? row[i - 3] : 0, prev[i], i >= 3 ? prev[i - 3] : 0);
      }
    }
    prev.set(row);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const chunks = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", await pipe(raw, new CompressionStream("deflate"))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** PNG bytes → RGBA; throws on what it does not read (16-bit, interlaced). */
export async function decodePng(png: Uint8Array): Promise<Bitmap> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error("not a PNG");
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = 0;
  let interlaced = 0;
  let palette: Uint8Array = new Uint8Array(0);
  let transparency: Uint8Array = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  for (let p = 8; p < png.length;) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...png.subarray(p + 4, p + 8));
    const data = png.subarray(p + 8, p + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      [depth, colorType, , , interlaced] = data.subarray(8, 13);
    } else if (type === "PLTE") palette = data;
    else if (type === "tRNS") transparency = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    p += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (depth !== 8 || interlaced || !channels) throw new Error(`unsupported PNG (${depth} bit, type ${colorType})`);
  const compressed = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  idat.reduce((at, c) => (compressed.set(c, at), at + c.length), 0);
  const raw = await pipe(compressed, new DecompressionStream("deflate"));
  const stride = width * channels;
  const cur = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const left = (i: number) => (i >= channels ? cur[i - channels] : 0);
    if (filter === FILTER.none) cur.set(src);
    else if (filter === FILTER.sub) for (let i = 0; i < stride; i++) cur[i] = src[i] + left(i);
    else if (filter === FILTER.up) for (let i = 0; i < stride; i++) cur[i] = src[i] + prev[i];
    else if (filter === FILTER.average) for (let i = 0; i < stride; i++) cur[i] = src[i] + ((left(i) + prev[i]) >> 1);
    else {
      for (let i = 0; i < stride; i++) {
        cur[i] = src[i] + paeth(left(i), prev[i], i >= channels ? prev[i - channels] : 0);
      }
    }
    toRgba(cur, colorType, palette, transparency, out.subarray(y * width * 4, (y + 1) * width * 4));
    prev.set(cur);
  }
  return { width, height, data: out };
}

/** One unfiltered row of any colour type as RGBA. */
function toRgba(row: Uint8Array, colorType: number, palette: Uint8Array, alpha: Uint8Array, out: Uint8Array) {
  if (colorType === 6) return out.set(row);
  for (let x = 0; x < out.length / 4; x++) {
    const d = x * 4;
    if (colorType === 2) out.set([row[x * 3], row[x * 3 + 1], row[x * 3 + 2], 255], d);
    else if (colorType === 0) out.set([row[x], row[x], row[x], 255], d);
    else if (colorType === 4) out.set([row[x * 2], row[x * 2], row[x * 2], row[x * 2 + 1]], d);
    else {
      const i = row[x];
      out.set([palette[i * 3], palette[i * 3 + 1], palette[i * 3 + 2], i < alpha.length ? alpha[i] : 255], d);
    }
  }
}
