// The merchant's pages: sign-in, dashboard, orders, distributors and settings (products:
// admin-product-pages). Mounted at /admin behind adminOnly, except the sign-in page.
import { Hono } from "hono";
import { loginBody } from "../../core/contract/auth";
import { isOrderStatus } from "../../core/enums";
import { dashboardTotals } from "../../core/rules/dashboard-totals";
import { dayRanges } from "../../core/rules/day-ranges";
import { safeAdminNextPath } from "../../core/rules/safe-next-path";
import { adminDashboard } from "../../db/admin-dashboard";
import { distributorLeaderboard } from "../../db/distributor-leaderboard";
import { listOrders } from "../../db/orders";
import { listAllProducts } from "../../db/products";
import { deleteSession } from "../../db/sessions";
import { getSettings } from "../../db/settings";
import { findNicknames } from "../../db/users";
import { AdminDashboardPage } from "../../storefront/pages/admin/dashboard";
import { AdminDistributorsPage } from "../../storefront/pages/admin/distributors";
import { AdminLoginPage } from "../../storefront/pages/admin/login";
import { AdminOrdersPage } from "../../storefront/pages/admin/orders";
import { AdminSettingsPage } from "../../storefront/pages/admin/settings";
import type { AppEnv } from "../app-env";
import { clientAddress } from "../lib/client-address";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser, setSessionCookie } from "../middleware/session";
import { signIn } from "../services/sign-in";
import { toLeaderboardEntry } from "../views/leaderboard";
import { toAdminOrderView } from "../views/order";
import { formFields } from "./form-fields";

const ORDERS_SHOWN = 100;

/**
 * /admin/login: the one admin page a stranger may see; a signed-in merchant goes straight on. Its
 * form posts here too (without JavaScript, or before the island loads): a merchant is signed in and
 * sent on (303); anyone else sees why not, and no session is set for an account that is not a merchant's.
 */
export const adminLoginPage = new Hono<AppEnv>()
  .use(privatePage)
  .get("/", async (c) => {
    const next = safeAdminNextPath(c.req.query("next"));
    const user = await currentUser(c);
    if (user?.role === "admin") return c.redirect(next, 302);
    return c.render(<AdminLoginPage form={{ next }} />);
  })
  .post("/", async (c) => {
    const fields = await formFields(c);
    const next = safeAdminNextPath(fields.next);
    const parsed = loginBody.safeParse(fields);
    const phone = (fields.phone ?? "").slice(0, 11);
    if (!parsed.success) return c.render(<AdminLoginPage form={{ next, phone, error: "invalid_input" }} />, 400);
    const address = clientAddress(c.req.header("cf-connecting-ip"));
    const signedIn = await signIn(dbOf(c), { ...parsed.data, address, now: c.var.now });
    if (!signedIn.ok) {
      const status = signedIn.refusal === "too_many_attempts" ? 429 : 401;
      return c.render(<AdminLoginPage form={{ next, phone, error: signedIn.refusal }} />, status);
    }
    if (signedIn.user.role !== "admin") {
      await deleteSession(dbOf(c), signedIn.sessionId);
      return c.render(<AdminLoginPage form={{ next, phone, error: "not_merchant" }} />, 403);
    }
    await setSessionCookie(c, signedIn.sessionId);
    return c.redirect(next, 303);
  });

/** /admin */
export const adminDashboardPage = new Hono<AppEnv>().get("/", async (c) => {
  const db = dbOf(c);
  const { time_zone } = await getSettings(db, c.var.now);
  const dashboard = await adminDashboard(db, dayRanges(c.var.now, time_zone));
  return c.render(<AdminDashboardPage {...dashboard} totals={dashboardTotals(dashboard.days)} timeZone={time_zone} />);
});

/** /admin/orders?status= */
export const adminOrdersPage = new Hono<AppEnv>().get("/", async (c) => {
  const db = dbOf(c);
  const wanted = c.req.query("status");
  const status = isOrderStatus(wanted) ? wanted : null;
  const [list, products, settings] = await Promise.all([
    listOrders(db, { status: status ?? undefined, limit: ORDERS_SHOWN }),
    listAllProducts(db),
    getSettings(db, c.var.now),
  ]);
  const nicknames = await findNicknames(
    db,
    list.flatMap((o) => (o.distributorUserId === null ? [] : [o.distributorUserId])),
  );
  return c.render(
    <AdminOrdersPage
      orders={list.map((o) => toAdminOrderView(o, nicknames))}
      status={status}
      titles={Object.fromEntries(products.map((p) => [p.id, p.title]))}
      timeZone={settings.time_zone}
      limit={ORDERS_SHOWN}
    />,
  );
});

/** /admin/distributors */
export const adminDistributorsPage = new Hono<AppEnv>().get("/", async (c) => {
  const rows = await distributorLeaderboard(dbOf(c));
  return c.render(<AdminDistributorsPage distributors={rows.map(toLeaderboardEntry)} />);
});

/** /admin/settings */
export const adminSettingsPage = new Hono<AppEnv>().get("/", async (c) =>
  c.render(<AdminSettingsPage settings={await getSettings(dbOf(c), c.var.now)} />),
);
