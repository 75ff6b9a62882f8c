// Product pictures: the merchant's upload and its answer, and the pictures every page can count on.
import { z } from "@hono/zod-openapi";
import { STORED_PICTURE_TYPES } from "../enums";

// the numbers live with the rule, without zod, so that islands can read them
export { MAX_PICTURE_BYTES, MAX_PICTURES, PICTURE_LONG_SIDE_PX, PLACEHOLDER_PICTURE } from "../rules/product-pictures";

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
