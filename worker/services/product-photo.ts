// A product's picture at the size posters and chat cards draw it (750×750 PNG, the one format the
// renderer reads), made by the Images binding once per cover and kept in R2: a poster costs no
// transformation.
import { fingerprint } from "../../storefront/og-image";
import { sniffPicture } from "../lib/picture-bytes";
import { pictureKey } from "./store-picture";

/** Static files the worker reads through its ASSETS binding; the host is never resolved. */
const ASSETS_ORIGIN = "https://assets.local";
const UPLOADED = /^\/pictures\/([0-9a-f]{24}\.webp)$/;

/**
 * @param cover a product's cover: an uploaded picture (/pictures/…) or a static one (/img/…)
 * @param side the square's side, px
 * @returns the PNG, or null when the cover is not a raster picture of this store (an https:// one
 *   elsewhere, an SVG, a missing file): the renderer then draws the store's placeholder
 */
export async function productPhotoPng(
  env: Pick<Env, "IMAGES" | "PICTURES" | "ASSETS">,
  cover: string,
  side: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = `photos/${side}/${fingerprint(cover)}.png`;
  const kept = await env.PICTURES.get(key);
  if (kept) return new Uint8Array(await kept.arrayBuffer());
  const source = await coverBytes(env, cover);
  // raster only: production's resizer leaves an SVG as it is
  if (!source || !sniffPicture(source)) return null;
  try {
    const photo = await env.IMAGES.input(new Blob([source]).stream())
      .transform({ width: side, height: side, fit: "cover" })
      .output({ format: "image/png" });
    const png = new Uint8Array(await photo.response().arrayBuffer());
    await env.PICTURES.put(key, png, { httpMetadata: { contentType: "image/png" } });
    return png;
  } catch {
    return null;
  }
}

async function coverBytes(
  env: Pick<Env, "PICTURES" | "ASSETS">,
  cover: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const uploaded = UPLOADED.exec(cover);
  if (uploaded) {
    const object = await env.PICTURES.get(pictureKey(uploaded[1]!));
    return object ? new Uint8Array(await object.arrayBuffer()) : null;
  }
  if (!cover.startsWith("/img/")) return null;
  const res = await env.ASSETS.fetch(new URL(cover, ASSETS_ORIGIN));
  return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
}
