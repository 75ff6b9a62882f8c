// 我的推广 (/me) and the invite page (/join): server-rendered, personal, never cached. Their
// 成为推广员 buttons are plain forms posting to the page itself, which makes the shopper a
// distributor and comes back (303): they work before the page's script has loaded, and without one.
import { type Context, Hono } from "hono";
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
import { notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser } from "../middleware/session";
import { joinAsDistributor } from "../services/join-as-distributor";
import { toProductView } from "../views/product";
import { posterPath, shareUrl } from "../views/share-link";

const linkCard = (origin: string, link: ShareLink): LinkCard => ({
  url: shareUrl(origin, link.code),
  posterUrl: posterPath(link.code),
});

/** POST /me and POST /join?invite=: become a distributor, then see 我的推广 (or sign in first). */
async function becomeFromForm(c: Context<AppEnv>, backTo: string, inviteCode: string | null) {
  const user = await currentUser(c);
  if (!user) return c.redirect(`/login?next=${encodeURIComponent(backTo)}`, 303);
  const joined = await joinAsDistributor(dbOf(c), user.id, inviteCode, c.var.now);
  if (!joined.ok) throw notFound("No distributor has this invite code");
  return c.redirect("/me", 303);
}

/** /me, and its form's POST /me */
export const promotePage = new Hono<AppEnv>()
  .use(privatePage)
  .post("/", (c) => becomeFromForm(c, "/me", null))
  .get("/", async (c) => {
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

/** /join?invite=<code>, and its form's POST */
export const joinPage = new Hono<AppEnv>()
  .use(privatePage)
  .post("/", (c) => {
    const code = c.req.query("invite") ?? "";
    return becomeFromForm(c, `/join?invite=${encodeURIComponent(code)}`, code);
  })
  .get("/", async (c) => {
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
