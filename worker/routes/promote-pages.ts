// 我的推广 (/me) and the invite page (/join): server-rendered, personal, never cached.
import { Hono } from "hono";
import { h } from "preact";
import { getDb } from "../../db/client";
import { distributorStats } from "../../db/distributor-stats";
import { findDistributor, findDistributorByCode } from "../../db/distributors";
import { ensureShareLinks, type ShareLink } from "../../db/ensure-share-links";
import { listActiveProducts, toProductView } from "../../db/products";
import { getSettings } from "../../db/settings";
import { isShareCode } from "../../db/share-code";
import { t } from "../../storefront/i18n";
import { JoinPage } from "../../storefront/pages/join";
import { PromotePage, type LinkCard } from "../../storefront/pages/promote";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { currentUser } from "../middleware/session";
import { renderNotFound, renderPage } from "../render";

const linkCard = (origin: string, link: ShareLink): LinkCard => ({
  url: `${origin}/s/${link.code}`,
  posterUrl: `/s/${link.code}/qr.svg`,
});

export const promotePageRoutes = new Hono<AppEnv>()
  .get("/me", async (c) => {
    c.header("Cache-Control", "private, no-store");
    const origin = new URL(c.req.url).origin;
    const user = await currentUser(c);
    if (!user) return renderPage(c, h(PromotePage, { origin, member: null }));
    const db = getDb(c.env.DB);
    const distributor = await findDistributor(db, user.id);
    if (!distributor) return renderPage(c, h(PromotePage, { origin, member: { distributor: null } }));
    const products = (await listActiveProducts(db)).map(toProductView);
    // every link exists before the page does, so each "复制链接" only copies
    const [[storeLink, ...productLinks], stats, settings] = await Promise.all([
      ensureShareLinks(db, { distributorUserId: user.id, targets: [null, ...products.map((p) => p.id)], now: now() }),
      distributorStats(db, user.id),
      getSettings(db),
    ]);
    return renderPage(
      c,
      h(PromotePage, {
        origin,
        member: {
          distributor: {
            code: distributor.code,
            inviteUrl: `${origin}/join?invite=${distributor.code}`,
            stats,
            maturityDays: settings.commission_maturity_days,
            storeLink: linkCard(origin, storeLink!),
            products: products.map((product, i) => ({ product, link: linkCard(origin, productLinks[i]!) })),
          },
        },
      }),
    );
  })
  .get("/join", async (c) => {
    const code = c.req.query("invite") ?? "";
    const db = getDb(c.env.DB);
    const inviter = isShareCode(code) ? await findDistributorByCode(db, code) : null;
    if (!inviter) return renderNotFound(c, t.inviteNotFound);
    c.header("Cache-Control", "private, no-store");
    const user = await currentUser(c);
    const state = !user ? "signed_out" : (await findDistributor(db, user.id)) ? "already" : "eligible";
    return renderPage(
      c,
      h(JoinPage, { origin: new URL(c.req.url).origin, inviteCode: code, inviterNickname: inviter.nickname, state }),
    );
  });
