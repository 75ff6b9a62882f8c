// An uploaded product picture: checked by its bytes, resized by the Images binding to at most
// 1080 px on its long side, stored as WebP in R2 under its own hash. Nothing is stored until every
// check has passed, so a refused upload leaves nothing behind.
import { MAX_PICTURE_BYTES, PICTURE_LONG_SIDE_PX } from "../../core/contract/pictures";
import type { StoredPictureType } from "../../core/enums";
import { pictureSize, sniffPicture } from "../lib/picture-bytes";

/** Uploaded pictures never change under their name: browsers and CDNs keep them a year. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
const STORED_TYPE: StoredPictureType = "image/webp";
/** WebP at this quality is about a third smaller than JPEG for the same look. */
const QUALITY = 82;

export type StoredPicture = { name: string; width: number; height: number; contentType: StoredPictureType };
export type StorePictureResult =
  { ok: true; picture: StoredPicture } | { ok: false; refusal: "too_large" | "invalid_picture"; heic?: true };

/** The R2 key of an uploaded picture, served at /pictures/<name>. */
export const pictureKey = (name: string) => `pictures/${name}`;

/**
 * @returns the stored picture, or why it was refused: `too_large` over 10 MB; `invalid_picture` when
 *   its bytes are no JPEG, PNG, WebP, GIF, HEIC or AVIF, or the resizer cannot read them (corrupt,
 *   or HEIC where the resizer has no HEVC decoder: miniflare's local one has none)
 * @throws when the resizer answers with something that is not the resized WebP (say, the original
 *   passed through because transformations are off on the account): a fault of the store, not the picture
 */
export async function storePicture(env: Pick<Env, "IMAGES" | "PICTURES">, file: Blob): Promise<StorePictureResult> {
  if (file.size > MAX_PICTURE_BYTES) return { ok: false, refusal: "too_large" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffPicture(bytes);
  if (!type) return { ok: false, refusal: "invalid_picture" };
  let out: Uint8Array<ArrayBuffer>;
  try {
    const resized = await env.IMAGES.input(new Blob([bytes]).stream())
      .transform({ width: PICTURE_LONG_SIDE_PX, height: PICTURE_LONG_SIDE_PX, fit: "scale-down" })
      .output({ format: STORED_TYPE, quality: QUALITY });
    out = new Uint8Array(await resized.response().arrayBuffer());
  } catch {
    // any throw: the binding's error codes differ between miniflare and production
    return type === "image/heic"
      ? { ok: false, refusal: "invalid_picture", heic: true }
      : { ok: false, refusal: "invalid_picture" };
  }
  // the size from the output's own header: asking the binding (info) would bill another transformation
  const size = pictureSize(out);
  if (sniffPicture(out) !== STORED_TYPE || !size || Math.max(size.width, size.height) > PICTURE_LONG_SIDE_PX) {
    throw new Error("the Images binding did not return a resized WebP");
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", out));
  const name = `${[...digest.subarray(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("")}.webp`;
  await env.PICTURES.put(pictureKey(name), out, {
    httpMetadata: { contentType: STORED_TYPE, cacheControl: IMMUTABLE },
  });
  return { ok: true, picture: { name, ...size, contentType: STORED_TYPE } };
}
