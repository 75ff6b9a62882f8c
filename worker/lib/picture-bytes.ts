// What a picture is, read from its first bytes (never from its name or declared type), and its size
// from the header of a JPEG, PNG or WebP.

export type PictureType = "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "image/heic" | "image/avif";

/** ISO-BMFF brands of HEIF pictures as phones write them (an iPhone's HEIC says heic and mif1). */
const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));

/**
 * @returns the picture type its magic bytes name, or null: SVG, text and anything else is no picture
 * @example sniffPicture(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0])) // "image/jpeg"
 */
export function sniffPicture(b: Uint8Array): PictureType | null {
  if (b.length < 12) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n")) return "image/png";
  if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return "image/webp";
  if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return "image/gif";
  if (ascii(b, 4, "ftyp")) {
    // the major brand (at 8), then compatible brands after the minor version, to the box's end
    const boxEnd = Math.min(b.length, ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0);
    const brands: string[] = [];
    for (let at = 8; at + 4 <= boxEnd; at += 4)
      if (at !== 12) brands.push(String.fromCharCode(...b.subarray(at, at + 4)));
    if (brands.some((brand) => brand === "avif" || brand === "avis")) return "image/avif";
    if (brands.some((brand) => HEIF_BRANDS.has(brand))) return "image/heic";
  }
  return null;
}

/** Width and height from a JPEG, PNG or WebP header, or null when it has none we read. */
export function pictureSize(b: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const type = sniffPicture(b);
  if (type === "image/png" && b.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (type === "image/jpeg") {
    // walk the segments to a start-of-frame (C0–CF, but C4, C8 and CC are other markers)
    for (let at = 2; at + 9 < b.length; at += 2 + view.getUint16(at + 2)) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
    }
    return null;
  }
  if (type === "image/webp" && b.length >= 30) {
    const chunk = String.fromCharCode(...b.subarray(12, 16));
    if (chunk === "VP8 ")
      return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    if (chunk === "VP8L") {
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === "VP8X") {
      const u24 = (at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
      return { width: u24(24) + 1, height: u24(27) + 1 };
    }
  }
  return null;
}
