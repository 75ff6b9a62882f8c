// Bargain pages: the shared page of one bargain (/b/:id) and my bargains (/bargains). Both show
// what this visitor may do, so neither is cached. Their one-tap actions are plain forms posting to
// page routes here (start one: /p/:id/bargain; help one: /b/:id/help), which do it and come back
// (303) to show the result: they work before any script has loaded, and without one.
import { Hono } from "hono";
import type { HelpRefusal } from "../../core/rules/bargain-status";
import { findBargainDetails, listUserBargains } from "../../db/bargains";
import { t } from "../../storefront/i18n";
import { BargainPage } from "../../storefront/pages/bargain";
import { BargainsPage } from "../../storefront/pages/bargains";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { perAddressLimit } from "../middleware/rate-limit";
import { currentUser, requireUser } from "../middleware/session";
import { helpBargainToday } from "../services/help-bargain-today";
import { startBargain } from "../services/start-bargain";
import { toBargainView } from "../views/bargain";
import { helpRefusals } from "./bargains";

const BARGAIN_ID = "{[A-Za-z0-9_-]{1,32}}";
const signInThenBack = (path: string) => `/login?next=${encodeURIComponent(path)}`;
/** Only a refusal the help route can give is read back from the address. */
const isHelpRefusal = (code: string | undefined): code is HelpRefusal =>
  code !== undefined && code !== "not_found" && code in helpRefusals;

/** /b/:id, and its form's POST /b/:id/help */
export const bargainPage = new Hono<AppEnv>()
  .use(privatePage)
  .get(`/:id${BARGAIN_ID}`, async (c) => {
    const [details, user] = await Promise.all([findBargainDetails(dbOf(c), c.req.param("id")), currentUser(c)]);
    if (!details) return c.render(<NotFoundPage message={t.bargainNotFound} origin={c.var.origin} />, 404);
    const mine = user ? details.helpers.find((helper) => helper.helperUserId === user.id) : undefined;
    const refused = c.req.query("refused");
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
        helpOutcome={
          c.req.query("helped") === "1" ? { helped: true } : isHelpRefusal(refused) ? { refused } : undefined
        }
      />,
    );
  })
  // the same per-address limit as the API's help: a script posting forms is no different
  .post(`/:id${BARGAIN_ID}/help`, perAddressLimit("HELP_RATE_LIMIT"), async (c) => {
    const id = c.req.param("id");
    const back = `/b/${encodeURIComponent(id)}`;
    const user = await currentUser(c);
    if (!user) return c.redirect(signInThenBack(back), 303);
    const result = await helpBargainToday(dbOf(c), id, user.id, c.var.now);
    if (result.ok) return c.redirect(`${back}?helped=1`, 303);
    if (result.reason === "not_found") throw notFound("No such bargain");
    return c.redirect(`${back}?refused=${result.reason}`, 303);
  });

/**
 * POST /p/:id/bargain: the product page's 发起砍价 form; to the bargain's page, to share it.
 * (privatePage on the route alone: a sub-app's `use` would reach every /p page.)
 */
export const startBargainForm = new Hono<AppEnv>().post("/:id{[0-9]+}/bargain", privatePage, async (c) => {
  const productId = Number(c.req.param("id"));
  const user = await currentUser(c);
  if (!user) return c.redirect(signInThenBack(`/p/${productId}`), 303);
  const started = await startBargain(dbOf(c), user.id, productId, c.var.now);
  if (started.ok) return c.redirect(`/b/${encodeURIComponent(started.bargain.id)}`, 303);
  if (started.refusal === "not_found") throw notFound("No such product");
  return c.redirect(`/p/${productId}?bargain=${started.refusal}`, 303);
});

/** /bargains */
export const myBargainsPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const user = await requireUser(c);
  const rows = await listUserBargains(dbOf(c), user.id);
  const items = rows.map((r) => ({ bargain: toBargainView(r.bargain, c.var.now, c.var.origin), product: r.product }));
  return c.render(<BargainsPage origin={c.var.origin} items={items} />);
});
