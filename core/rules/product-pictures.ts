// A product's pictures: the list the merchant saves (the first its cover), however the body says it.
/** Over this, an upload is refused `413 too_large`. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/** A product's pictures, the first its cover. */
export const MAX_PICTURES = 9;
/** An uploaded picture is stored at most this many pixels on its long side. */
export const PICTURE_LONG_SIDE_PX = 1080;
/** What a product without a picture shows, everywhere (a JPEG in public/img/). */
export const PLACEHOLDER_PICTURE = "/img/placeholder.jpg";

/**
 * The pictures a new product's body names: `images` when given, else its `image_url` alone.
 * @example picturesOfBody({ image_url: "/img/tea.jpg" }) // ["/img/tea.jpg"]
 */
export function picturesOfBody(body: { images?: string[]; image_url?: string }): string[] {
  return body.images ?? (body.image_url ? [body.image_url] : []);
}

/**
 * The pictures after a merchant's change: `images` replaces them all; `image_url` alone replaces the
 * cover ("" removes it, and the next picture becomes the cover); neither keeps them.
 */
export function picturesAfterPatch(current: string[], patch: { images?: string[]; image_url?: string }): string[] {
  if (patch.images) return patch.images;
  if (patch.image_url === undefined) return current;
  const rest = current.slice(1);
  return patch.image_url ? [patch.image_url, ...rest] : rest;
}

/** What a page shows for a product: its cover, or the store's placeholder. */
export const coverOf = (images: readonly string[]) => images[0] ?? PLACEHOLDER_PICTURE;
