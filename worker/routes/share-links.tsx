// The short link a shopper taps in a chat, and its QR poster. The redirect never waits on a write:
// its visit is written after the response, batched with the clicks around it.
import { Hono } from "hono";
import { isbot } from "isbot";
import { nanoid } from "nanoid";
import { renderToString } from "preact-render-to-string";
import { isShareCode } from "../../core/contract/share-code";
import { deviceClass } from "../../core/rules/device-class";
import { getDb } from "../../db/client";
import { findLink } from "../../db/find-link";
import { findProduct } from "../../db/products";
import { SharePoster } from "../../storefront/components/share-poster";
import { t } from "../../storefront/i18n";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { setAttribution } from "../middleware/attribution";
import { PRIVATE_NO_STORE } from "../middleware/private-page";
import { visitorId } from "../middleware/visitor";
import { recordVisitSoon } from "../services/record-visit-soon";
import { visitSink } from "../services/visit-sink";
import { shareUrl } from "../views/share-link";

/** Long enough to keep a real referrer, short enough that a crafted header can't bloat a row. */
const MAX_REFERER_CHARS = 512;
/** A poster changes only when the product's title or price does. */
const POSTER_MAX_AGE_S = 300;

/** /s/:code and /s/:code/qr.svg */
export const shareLinks = new Hono<AppEnv>()
  .get("/:code", async (c) => {
    const code = c.req.param("code");
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
  .get("/:code/qr.svg", async (c) => {
    const code = c.req.param("code");
    const db = getDb(c.env.DB);
    const link = isShareCode(code) ? await findLink(db, code) : null;
    if (!link) return c.render(<NotFoundPage message={t.linkNotFound} origin={c.var.origin} />, 404);
    const product = link.productId === null ? null : await findProduct(db, link.productId, { activeOnly: true });
    if (link.productId !== null && !product) {
      return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
    }
    const poster = (
      <SharePoster
        url={shareUrl(c.var.origin, code)}
        title={product?.title ?? t.tagline}
        priceCents={product?.priceCents ?? null}
      />
    );
    return c.body(`<?xml version="1.0" encoding="UTF-8"?>${renderToString(poster)}`, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": `public, max-age=${POSTER_MAX_AGE_S}`,
    });
  });
