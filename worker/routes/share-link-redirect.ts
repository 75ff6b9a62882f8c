// The redirect behind a shopper's tap on /s/:code, shared by the store and the short-link Worker
// (worker/short-links.ts), which loads this module and little else: nothing here may import drizzle,
// zod, Preact or the store's pages (eslint.config.js). The redirect never waits on a write: its visit
// is written after the response, batched with the clicks around it.
import type { Context, Handler } from "hono";
import { isbot } from "isbot";
import { nanoid } from "nanoid";
import { isShareCode } from "../../core/contract/share-code";
import { deviceClass } from "../../core/rules/device-class";
import { findLink } from "../../db/find-link";
import type { AppEnv } from "../app-env";
import { setAttribution } from "../middleware/attribution";
import { PRIVATE_NO_STORE } from "../middleware/private-page";
import { visitorId } from "../middleware/visitor";
import { recordVisitSoon, type VisitDestination } from "../services/record-visit-soon";

/** Long enough to keep a real referrer, short enough that a crafted header can't bloat a row. */
const MAX_REFERER_CHARS = 512;

export type RedirectOptions = {
  /** Where this request's visit goes (the store: D1 or the queue; the short-link Worker: the queue or the store). */
  visits: (c: Context<AppEnv>) => VisitDestination;
  /** The answer for a code that is no link. */
  unknown: (c: Context<AppEnv>) => Response | Promise<Response>;
};

/** GET /s/:code: 302 to the link's product (or the home page), with the attribution and visitor cookies. */
export function shareLinkRedirect<P extends `${string}/:code`>({
  visits,
  unknown,
}: RedirectOptions): Handler<AppEnv, P> {
  return async (c) => {
    const code = c.req.param("code") ?? "";
    // the binding's own handle, not the request's session (dbOf): a warm redirect reads nothing, and
    // opening a session on every tap would cost the hottest request for a read that links never need
    // (a link does not change once made)
    const link = isShareCode(code) ? await findLink(c.env.DB, code) : null;
    if (!link) return unknown(c);
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
      const { destination, write } = visits(c);
      const writing = recordVisitSoon(destination, visit, write);
      if (writing) c.executionCtx.waitUntil(writing);
    }
    c.header("Cache-Control", PRIVATE_NO_STORE);
    return c.redirect(link.productId === null ? `${c.var.origin}/` : `${c.var.origin}/p/${link.productId}`, 302);
  };
}
