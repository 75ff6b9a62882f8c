// The merchant's pages: sign-in, dashboard, orders, distributors and settings (products: admin-product-pages).
import { Hono } from "hono";
import { h } from "preact";
import { adminDashboard } from "../../db/admin-dashboard";
import { adminOrderViews } from "../../db/admin-order-views";
import { getDb } from "../../db/client";
import { distributorLeaderboard, toLeaderboardEntry } from "../../db/distributor-leaderboard";
import { listOrders } from "../../db/orders";
import { listAllProducts } from "../../db/products";
import { getSettings } from "../../db/settings";
import { AdminDashboardPage } from "../../storefront/pages/admin/dashboard";
import { AdminDistributorsPage } from "../../storefront/pages/admin/distributors";
import { AdminLoginPage } from "../../storefront/pages/admin/login";
import { AdminOrdersPage, ORDER_FILTERS } from "../../storefront/pages/admin/orders";
import { AdminSettingsPage } from "../../storefront/pages/admin/settings";
import { safeNextPath } from "../../storefront/islands/login-form";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { adminPageOnly } from "../middleware/admin-only";
import { currentUser } from "../middleware/session";
import { renderPage } from "../render";
import { dashboardTotals } from "../rules/dashboard-totals";
import { dayRanges } from "../rules/day-ranges";
import type { OrderStatus } from "../rules/order-status";

const ORDERS_SHOWN = 100;

export const adminPageRoutes = new Hono<AppEnv>()
  .get("/admin/login", async (c) => {
    const next = safeNextPath(c.req.query("next") ?? "/admin");
    const user = await currentUser(c);
    c.header("Cache-Control", "private, no-store");
    if (user?.role === "admin") return c.redirect(next.startsWith("/admin") ? next : "/admin", 302);
    return renderPage(c, h(AdminLoginPage, { form: { next } }));
  })
  .get("/admin/", (c) => c.redirect("/admin", 301))
  .get("/admin", adminPageOnly, async (c) => {
    const db = getDb(c.env.DB);
    const { time_zone } = await getSettings(db);
    const dashboard = await adminDashboard(db, dayRanges(now(), time_zone));
    return renderPage(c, h(AdminDashboardPage, { ...dashboard, totals: dashboardTotals(dashboard.days), timeZone: time_zone }));
  })
  .get("/admin/orders", adminPageOnly, async (c) => {
    const db = getDb(c.env.DB);
    const wanted = c.req.query("status") as OrderStatus | undefined;
    const status = wanted && ORDER_FILTERS.includes(wanted) ? wanted : null;
    const [list, products, settings] = await Promise.all([
      listOrders(db, { status: status ?? undefined, limit: ORDERS_SHOWN }),
      listAllProducts(db),
      getSettings(db),
    ]);
    return renderPage(
      c,
      h(AdminOrdersPage, {
        orders: await adminOrderViews(db, list),
        status,
        titles: Object.fromEntries(products.map((p) => [p.id, p.title])),
        timeZone: settings.time_zone,
        limit: ORDERS_SHOWN,
      }),
    );
  })
  .get("/admin/distributors", adminPageOnly, async (c) => {
    const rows = await distributorLeaderboard(getDb(c.env.DB));
    return renderPage(c, h(AdminDistributorsPage, { distributors: rows.map(toLeaderboardEntry) }));
  })
  .get("/admin/settings", adminPageOnly, async (c) => {
    return renderPage(c, h(AdminSettingsPage, { settings: await getSettings(getDb(c.env.DB)) }));
  });
