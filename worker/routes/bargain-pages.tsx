// Bargain pages: the shared page of one bargain (/b/:id) and my bargains (/bargains). Both show
// what this visitor may do, so neither is cached.
import { Hono } from "hono";
import { findBargainDetails, listUserBargains } from "../../db/bargains";
import { t } from "../../storefront/i18n";
import { BargainPage } from "../../storefront/pages/bargain";
import { BargainsPage } from "../../storefront/pages/bargains";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser, requireUser } from "../middleware/session";
import { toBargainView } from "../views/bargain";

/** /b/:id */
export const bargainPage = new Hono<AppEnv>().use(privatePage).get("/:id{[A-Za-z0-9_-]{1,32}}", async (c) => {
  const [details, user] = await Promise.all([findBargainDetails(dbOf(c), c.req.param("id")), currentUser(c)]);
  if (!details) return c.render(<NotFoundPage message={t.bargainNotFound} origin={c.var.origin} />, 404);
  const mine = user ? details.helpers.find((helper) => helper.helperUserId === user.id) : undefined;
  return c.render(
    <BargainPage
      origin={c.var.origin}
      now={c.var.now}
      bargain={toBargainView(details.bargain, c.var.now, c.var.origin)}
      product={details.product}
      starterNickname={details.starterNickname}
      helpers={details.helpers.map((helper) => ({ nickname: helper.nickname, cutCents: helper.cutCents }))}
      viewer={
        user
          ? {
              nickname: user.nickname,
              isStarter: user.id === details.bargain.userId,
              myCutCents: mine?.cutCents ?? null,
            }
          : null
      }
    />,
  );
});

/** /bargains */
export const myBargainsPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const user = await requireUser(c);
  const rows = await listUserBargains(dbOf(c), user.id);
  const items = rows.map((r) => ({ bargain: toBargainView(r.bargain, c.var.now, c.var.origin), product: r.product }));
  return c.render(<BargainsPage origin={c.var.origin} items={items} />);
});
