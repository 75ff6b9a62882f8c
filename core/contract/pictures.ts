// Product pictures: the merchant's upload and its answer, and the pictures every page can count on.
import { z } from "@hono/zod-openapi";
import { STORED_PICTURE_TYPES } from "../enums";

/** Over this, an upload is refused `413 too_large`. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/** A product's pictures, the first its cover. */
export const MAX_PICTURES = 9;
/** An uploaded picture is stored at most this many pixels on its long side. */
export const PICTURE_LONG_SIDE_PX = 1080;
/** What a product without a picture shows, everywhere (a JPEG in public/img/). */
export const PLACEHOLDER_PICTURE = "/img/placeholder.jpg";

/** A picture of a product: an https:// URL or a path on this store (an uploaded one is /pictures/…). */
export const pictureUrl = z
  .string()
  .max(500)
  .regex(/^(?:https:\/\/|\/)[^\s"'<>]*$/, "An https:// URL or a path on this store");

export const uploadPictureBody = z
  .object({ file: z.any().openapi({ type: "string", format: "binary", description: "One picture, ≤ 10 MB" }) })
  .openapi("UploadPictureBody");

export const pictureResponse = z
  .object({
    picture: z.object({
      /** Absolute; its path is what a product's `images` keeps. */
      url: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      content_type: z.enum(STORED_PICTURE_TYPES),
    }),
  })
  .openapi("PictureResponse");
