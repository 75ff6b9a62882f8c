// Product pictures: the merchant's upload (/api/admin/pictures), the uploaded pictures and the chat
// cards served from R2 (/pictures/…), and the poster of a product page's share sheet (/p/:id/poster.png).
import { createRoute } from "@hono/zod-openapi";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_PICTURE_BYTES, pictureResponse, uploadPictureBody } from "../../core/contract/pictures";
import { findDistributor } from "../../db/distributors";
import { ensureShareLinks } from "../../db/ensure-share-links";
import { findProduct } from "../../db/products";
import { cardPath } from "../../storefront/og-image";
import type { AppEnv } from "../app-env";
import { ApiError, invalidField, notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { PRIVATE_NO_STORE } from "../middleware/private-page";
import { currentUser } from "../middleware/session";
import { SIGNED_IN, createRouter, errors, json } from "../openapi";
import { chatCardJpeg, posterPng, posterSubject } from "../services/draw-pictures";
import { IMMUTABLE, pictureKey, storePicture } from "../services/store-picture";
import { toProductView } from "../views/product";
import { posterPath } from "../views/share-link";

/** Room for the multipart envelope around a file of the largest size allowed. */
const ENVELOPE_BYTES = 64 * 1024;
/** A drawn poster changes when its product does; R2 keeps every version, the browser a few minutes. */
export const POSTER_CACHE = "public, max-age=300";

const tooLarge = () => new ApiError(413, "too_large", "A picture may be 10 MB at most");
const invalidPicture = (heic?: boolean) =>
  new ApiError(
    400,
    "invalid_picture",
    heic
      ? "This HEIC picture could not be read here; send it as a JPEG"
      : "Not a picture: send a JPEG, PNG, WebP, GIF, HEIC or AVIF",
  );

/** /api/admin/pictures (behind adminOnly with the rest of /api/admin) */
export const adminPicturesApi = createRouter().openapi(
  createRoute({
    operationId: "uploadPicture",
    summary: "Upload a product picture: stored resized, answered with its URL",
    security: SIGNED_IN,
    method: "post",
    path: "/",
    // refused before the body is read when it says it is too large (or turns out to be)
    middleware: [bodyLimit({ maxSize: MAX_PICTURE_BYTES + ENVELOPE_BYTES, onError: () => Promise.reject(tooLarge()) })],
    request: { body: { content: { "multipart/form-data": { schema: uploadPictureBody } }, required: true } },
    responses: {
      201: json(pictureResponse, "Stored: a WebP of at most 1080 px on its long side"),
      ...errors(400, 401, 403, 413, 415, 500),
    },
  }),
  async (c) => {
    const { file } = c.req.valid("form");
    if (!(file instanceof Blob)) throw invalidField(["file"], "Send one picture as the multipart field `file`");
    const stored = await storePicture(c.env, file);
    if (!stored.ok) throw stored.refusal === "too_large" ? tooLarge() : invalidPicture(stored.heic);
    const { name, width, height, contentType } = stored.picture;
    const url = `${c.var.origin}/pictures/${name}`;
    return c.json({ picture: { url, width, height, content_type: contentType } }, 201);
  },
);

/** /pictures/<hash>.webp (an upload) and /pictures/cards/<product>/<version>.jpg (a chat card) */
export const pictureFiles = new Hono<AppEnv>()
  .get("/:name{[0-9a-f]{24}\\.webp}", async (c) => {
    const object = await c.env.PICTURES.get(pictureKey(c.req.param("name")), { onlyIf: c.req.raw.headers });
    if (!object) throw notFound("No such picture");
    const headers = new Headers({ "Cache-Control": IMMUTABLE, ETag: object.httpEtag });
    object.writeHttpMetadata(headers);
    // a body-less object: the browser's copy (If-None-Match) is still this one
    if (!("body" in object)) return new Response(null, { status: 304, headers });
    return new Response(object.body, { headers });
  })
  .get("/cards/:id{[0-9]+}/:file{[0-9a-f]{16}\\.jpg}", async (c) => {
    const row = await findProduct(dbOf(c), Number(c.req.param("id")), { activeOnly: true });
    if (!row) throw notFound("No such product");
    const product = toProductView(row);
    const current = cardPath(product);
    // an older version (a page cached before the product changed): the card it has now
    if (c.req.path !== current) return c.redirect(current, 302);
    const jpeg = await chatCardJpeg(c.env, product);
    return c.body(jpeg, 200, { "Content-Type": "image/jpeg", "Cache-Control": IMMUTABLE });
  });

/**
 * /p/:id/poster.png: the share sheet's poster. A distributor's carries their own link (a redirect to
 * it, personal, never cached); anyone else's opens the product page and names no one.
 */
export const productPosters = new Hono<AppEnv>().get("/:id{[0-9]+}/poster.png", async (c) => {
  const db = dbOf(c);
  const row = await findProduct(db, Number(c.req.param("id")), { activeOnly: true });
  if (!row) throw notFound("No such product");
  const user = await currentUser(c);
  if (user && (await findDistributor(db, user.id))) {
    const [link] = await ensureShareLinks(db, { distributorUserId: user.id, targets: [row.id], now: c.var.now });
    c.header("Cache-Control", PRIVATE_NO_STORE);
    return c.redirect(posterPath(link!.code), 302);
  }
  const png = await posterPng(c.env, posterSubject(`${c.var.origin}/p/${row.id}`, row, null));
  // the same URL answers a distributor differently: a shared cache must not keep this one for them
  return c.body(png, 200, { "Content-Type": "image/png", "Cache-Control": PRIVATE_NO_STORE });
});
