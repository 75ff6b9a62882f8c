// The short link a shopper taps in a chat, and its poster. The redirect never waits on a write:
// its visit is written after the response, batched with the clicks around it. The poster's renderer
// is a module of its own, loaded by the poster's first request only (worker/picture-renderer.ts).
import { Hono } from "hono";
import { isbot } from "isbot";
import { nanoid } from "nanoid";
import { isShareCode } from "../../core/contract/share-code";
import { deviceClass } from "../../core/rules/device-class";
import { getDb } from "../../db/client";
import { findLink } from "../../db/find-link";
import { findProduct } from "../../db/products";
import { findNicknames } from "../../db/users";
import { t } from "../../storefront/i18n";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { setAttribution } from "../middleware/attribution";
import { dbOf } from "../middleware/database";
import { PRIVATE_NO_STORE } from "../middleware/private-page";
import { visitorId } from "../middleware/visitor";
import { posterPng, posterSubject } from "../services/draw-pictures";
import { recordVisitSoon } from "../services/record-visit-soon";
import { visitSink } from "../services/visit-sink";
import { posterPath, shareUrl } from "../views/share-link";
import { POSTER_CACHE } from "./pictures";

/** Long enough to keep a real referrer, short enough that a crafted header can't bloat a row. */
const MAX_REFERER_CHARS = 512;
/** /s/:code, /s/:code/poster.png (and the old /s/:code/qr.svg, sent to it) */
export const shareLinks = new Hono<AppEnv>()
  .get("/:code", async (c) => {
    const code = c.req.param("code");
    // the binding's own handle, not the request's session (dbOf): a warm redirect reads nothing, and
    // opening a session on every tap would cost the hottest request for a read that links never need
    // (a link does not change once made)
    const link = isShareCode(code) ? await findLink(getDb(c.env.DB), code) : null;
    if (!link) return c.render(<NotFoundPage message={t.linkNotFound} origin={c.var.origin} />, 404);
    const userAgent = c.req.header("user-agent");
    // chat apps fetch the link to draw its card: they follow it, but are not shoppers (nor is a HEAD)
    if (c.req.method === "GET" && !isbot(userAgent)) {
      const at = c.var.now;
      await setAttribution(c, code, at);
      const visit = {
        id: nanoid(),
        linkCode: code,
        distributorUserId: link.distributorUserId,
        visitorId: visitorId(c),
        at,
        referer: c.req.header("referer")?.slice(0, MAX_REFERER_CHARS) ?? null,
        country: (c.req.raw.cf?.country as string | undefined) ?? null,
        device: deviceClass(userAgent),
      };
      const sink = visitSink(c.env, () => at);
      const writing = recordVisitSoon(sink.destination, visit, sink.write);
      if (writing) c.executionCtx.waitUntil(writing);
    }
    c.header("Cache-Control", PRIVATE_NO_STORE);
    return c.redirect(link.productId === null ? `${c.var.origin}/` : `${c.var.origin}/p/${link.productId}`, 302);
  })
  .get("/:code/poster.png", async (c) => {
    const code = c.req.param("code");
    const db = dbOf(c);
    const link = isShareCode(code) ? await findLink(db, code) : null;
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
