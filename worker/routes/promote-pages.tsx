// 我的推广 (/me) and the invite page (/join): server-rendered, personal, never cached.
import { Hono } from "hono";
import { isShareCode } from "../../core/contract/share-code";
import { distributorStats } from "../../db/distributor-stats";
import { findDistributor, findDistributorByCode } from "../../db/distributors";
import { ensureShareLinks, type ShareLink } from "../../db/ensure-share-links";
import { listActiveProducts } from "../../db/products";
import { getSettings } from "../../db/settings";
import { t } from "../../storefront/i18n";
import { JoinPage } from "../../storefront/pages/join";
import { NotFoundPage } from "../../storefront/pages/not-found";
import { PromotePage, type LinkCard } from "../../storefront/pages/promote";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser } from "../middleware/session";
import { toProductView } from "../views/product";
import { posterPath, shareUrl } from "../views/share-link";

const linkCard = (origin: string, link: ShareLink): LinkCard => ({
  url: shareUrl(origin, link.code),
  posterUrl: posterPath(link.code),
});

/** /me */
export const promotePage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const { origin, now } = c.var;
  const user = await currentUser(c);
  if (!user) return c.render(<PromotePage origin={origin} member={null} />);
  const db = dbOf(c);
  const distributor = await findDistributor(db, user.id);
  if (!distributor) return c.render(<PromotePage origin={origin} member={{ distributor: null }} />);
  const products = (await listActiveProducts(db)).map(toProductView);
  // every link exists before the page does, so each "复制链接" only copies
  const [[storeLink, ...productLinks], stats, settings] = await Promise.all([
    ensureShareLinks(db, { distributorUserId: user.id, targets: [null, ...products.map((p) => p.id)], now }),
    distributorStats(db, user.id),
    getSettings(db, now),
  ]);
  return c.render(
    <PromotePage
      origin={origin}
      member={{
        distributor: {
          code: distributor.code,
          inviteUrl: `${origin}/join?invite=${distributor.code}`,
          stats,
          maturityDays: settings.commission_maturity_days,
          storeLink: linkCard(origin, storeLink!),
          products: products.map((product, i) => ({ product, link: linkCard(origin, productLinks[i]!) })),
        },
      }}
    />,
  );
});

/** /join?invite=<code> */
export const joinPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const code = c.req.query("invite") ?? "";
  const db = dbOf(c);
  const inviter = isShareCode(code) ? await findDistributorByCode(db, code) : null;
  if (!inviter) return c.render(<NotFoundPage message={t.inviteNotFound} origin={c.var.origin} />, 404);
  const user = await currentUser(c);
  const state = !user ? "signed_out" : (await findDistributor(db, user.id)) ? "already" : "eligible";
  return c.render(
    <JoinPage origin={c.var.origin} inviteCode={code} inviterNickname={inviter.nickname} state={state} />,
  );
});
