// The short link a shopper taps in a chat, and its QR poster. The redirect never waits on a write:
// its visit is written after the response, batched with the clicks around it.
import { Hono } from "hono";
import { isbot } from "isbot";
import { nanoid } from "nanoid";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { getDb } from "../../db/client";
import { findLink } from "../../db/find-link";
import { findProduct } from "../../db/products";
import { recordVisits } from "../../db/record-visit";
import { getSettings } from "../../db/settings";
import { isShareCode } from "../../db/share-code";
import { t } from "../../storefront/i18n";
import { SharePoster } from "../../storefront/components/share-poster";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { setAttribution } from "../middleware/attribution";
import { visitorId } from "../middleware/visitor";
import { renderNotFound } from "../render";
import { recordVisitSoon } from "../services/record-visit-soon";
import { deviceClass } from "../rules/device-class";

/** Long enough to keep a real referrer, short enough that a crafted header can't bloat a row. */
const MAX_REFERER_CHARS = 512;
/** A poster changes only when the product's title or price does. */
const POSTER_MAX_AGE_S = 300;

export const shareLinkRoutes = new Hono<AppEnv>()
  .get("/s/:code", async (c) => {
    const code = c.req.param("code");
    const db = getDb(c.env.DB);
    const link = isShareCode(code) ? await findLink(db, code) : null;
    if (!link) return renderNotFound(c, t.linkNotFound);
    const origin = new URL(c.req.url).origin;
    const userAgent = c.req.header("user-agent");
    // chat apps fetch the link to draw its card: they follow it, but are not shoppers (nor is a HEAD)
    if (c.req.method === "GET" && !isbot(userAgent)) {
      const at = now();
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
      const queue = c.env.VISITS;
      const writing = queue
        ? recordVisitSoon(queue, visit, async (batch) => void (await queue.sendBatch(batch.map((body) => ({ body })))))
        : recordVisitSoon(c.env.DB, visit, async (batch) => {
            const settings = await getSettings(db);
            await recordVisits(c.env.DB, batch, settings.unique_visit_window_s * 1000);
          });
      if (writing) c.executionCtx.waitUntil(writing);
    }
    c.header("Cache-Control", "private, no-store");
    return c.redirect(link.productId === null ? `${origin}/` : `${origin}/p/${link.productId}`, 302);
  })
  .get("/s/:code/qr.svg", async (c) => {
    const code = c.req.param("code");
    const db = getDb(c.env.DB);
    const link = isShareCode(code) ? await findLink(db, code) : null;
    if (!link) return renderNotFound(c, t.linkNotFound);
    const product = link.productId === null ? null : await findProduct(db, link.productId, { activeOnly: true });
    if (link.productId !== null && !product) return renderNotFound(c, t.productNotFound);
    const poster = h(SharePoster, {
      url: `${new URL(c.req.url).origin}/s/${code}`,
      title: product?.title ?? t.tagline,
      priceCents: product?.priceCents ?? null,
    });
    return c.body(`<?xml version="1.0" encoding="UTF-8"?>${renderToString(poster)}`, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": `public, max-age=${POSTER_MAX_AGE_S}`,
    });
  });
