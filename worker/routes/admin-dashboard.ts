// The merchant's dashboard data: the last 30 store days, top products and top distributors.
import { createRoute } from "@hono/zod-openapi";
import { adminDashboard } from "../../db/admin-dashboard";
import { getDb } from "../../db/client";
import { getSettings } from "../../db/settings";
import { now } from "../clock";
import { adminOnly } from "../middleware/admin-only";
import { createRouter, errors, json } from "../openapi";
import { dayRanges } from "../rules/day-ranges";
import { dashboardResponse } from "../schemas/admin";
import { dashboardTotals } from "../rules/dashboard-totals";

const router = createRouter();
router.use("/admin/*", adminOnly);

export const adminDashboardRoutes = router.openapi(
  createRoute({
    method: "get",
    path: "/admin/dashboard",
    responses: { 200: json(dashboardResponse, "30 days of visits, orders and sales"), ...errors(401, 403) },
  }),
  async (c) => {
    const db = getDb(c.env.DB);
    const { time_zone } = await getSettings(db);
    const dashboard = await adminDashboard(db, dayRanges(now(), time_zone));
    return c.json({ time_zone, ...dashboard, totals: dashboardTotals(dashboard.days) }, 200);
  },
);
