// The short link a shopper taps in a chat, and its poster. The redirect is shared with the short-link
// Worker (./share-link-redirect.ts); the poster's renderer is a module of its own, loaded by the
// poster's first request only (worker/picture-renderer.ts).
import { Hono } from "hono";
import { isShareCode } from "../../core/contract/share-code";
import { findLink } from "../../db/find-link";
import { findProduct } from "../../db/products";
import { findNicknames } from "../../db/users";
import { t } from "../../storefront/i18n";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { posterPng, posterSubject } from "../services/draw-pictures";
import { visitSink } from "../services/visit-sink";
import { posterPath, shareUrl } from "../views/share-link";
import { POSTER_CACHE } from "./pictures";
import { shareLinkRedirect } from "./share-link-redirect";

/** /s/:code, /s/:code/poster.png (and the old /s/:code/qr.svg, sent to it) */
export const shareLinks = new Hono<AppEnv>()
  .get(
    "/:code",
    shareLinkRedirect({
      visits: (c) => visitSink(c.env, () => c.var.now),
      unknown: (c) => c.render(<NotFoundPage message={t.linkNotFound} origin={c.var.origin} />, 404),
    }),
  )
  .get("/:code/poster.png", async (c) => {
    const code = c.req.param("code");
    const db = dbOf(c);
    const link = isShareCode(code) ? await findLink(db.$client, code) : null;
    if (!link) return c.render(<NotFoundPage message={t.linkNotFound} origin={c.var.origin} />, 404);
    const [product, nicknames] = await Promise.all([
      link.productId === null ? null : findProduct(db, link.productId, { activeOnly: true }),
      findNicknames(db, [link.distributorUserId]),
    ]);
    if (link.productId !== null && !product) {
      return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
    }
    const nickname = nicknames.get(link.distributorUserId) ?? null;
    const png = await posterPng(c.env, posterSubject(shareUrl(c.var.origin, code), product ?? null, nickname));
    return c.body(png, 200, { "Content-Type": "image/png", "Cache-Control": POSTER_CACHE });
  })
  // the SVG poster that phones could not save is now this PNG
  .get("/:code/qr.svg", (c) => c.redirect(posterPath(c.req.param("code")), 301));
