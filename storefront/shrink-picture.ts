// Shrinks a photo in the merchant's browser before it is uploaded: a phone's 4000 px, 5 MB picture
// leaves as a ~150 KB WebP at most 1080 px on its long side. Only saves bandwidth: the server still
// checks the bytes and resizes whatever arrives.
import { PICTURE_LONG_SIDE_PX } from "../core/rules/product-pictures";

const QUALITY = 0.85;

/**
 * @returns a WebP (or JPEG where the browser cannot write WebP) of at most 1080 px, or the file
 *   itself when the browser cannot decode it (HEIC outside Safari, not a picture at all) or the
 *   shrunk one would not be smaller
 */
export async function shrinkPicture(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  const scale = Math.min(1, PICTURE_LONG_SIDE_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext("2d");
  if (!context) return file;
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const encode = (type: string) => new Promise<Blob | null>((done) => canvas.toBlob(done, type, QUALITY));
  // a browser that cannot write WebP (Safari before 17) quietly writes PNG instead
  let shrunk = await encode("image/webp");
  if (shrunk?.type !== "image/webp") shrunk = await encode("image/jpeg");
  return shrunk && shrunk.size < file.size ? shrunk : file;
}
