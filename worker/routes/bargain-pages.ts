// Bargain pages: the shared page of one bargain (/b/:id) and my bargains (/bargains).
import { Hono } from "hono";
import { h } from "preact";
import { findBargainDetails, listUserBargains, toBargainView } from "../../db/bargains";
import { getDb } from "../../db/client";
import { t } from "../../storefront/i18n";
import { BargainPage } from "../../storefront/pages/bargain";
import { BargainsPage } from "../../storefront/pages/bargains";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { currentUser } from "../middleware/session";
import { renderNotFound, renderPage } from "../render";

export const bargainPageRoutes = new Hono<AppEnv>()
  .get("/b/:id{[A-Za-z0-9_-]{1,32}}", async (c) => {
    const [details, user] = await Promise.all([findBargainDetails(getDb(c.env.DB), c.req.param("id")), currentUser(c)]);
    if (!details) return renderNotFound(c, t.bargainNotFound);
    const origin = new URL(c.req.url).origin;
    const at = now();
    const mine = user ? details.helpers.find((helper) => helper.helperUserId === user.id) : undefined;
    return renderPage(
      c,
      h(BargainPage, {
        origin,
        now: at,
        bargain: toBargainView(details.bargain, at, origin),
        product: details.product,
        starterNickname: details.starterNickname,
        helpers: details.helpers.map((helper) => ({ nickname: helper.nickname, cutCents: helper.cutCents })),
        viewer: user
          ? { nickname: user.nickname, isStarter: user.id === details.bargain.userId, myCutCents: mine?.cutCents ?? null }
          : null,
      }),
    );
  })
  .get("/bargains", async (c) => {
    const user = await currentUser(c);
    if (!user) return c.redirect(`/login?next=${encodeURIComponent("/bargains")}`, 302);
    const origin = new URL(c.req.url).origin;
    const at = now();
    const rows = await listUserBargains(getDb(c.env.DB), user.id);
    const items = rows.map((r) => ({ bargain: toBargainView(r.bargain, at, origin), product: r.product }));
    return renderPage(c, h(BargainsPage, { origin, items }));
  });
