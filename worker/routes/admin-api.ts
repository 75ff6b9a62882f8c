// The merchant's JSON API, mounted at /api/admin behind adminOnly: products, orders, the dashboard,
// distributors and payouts, settings.
import { createRoute } from "@hono/zod-openapi";
import {
  dashboardResponse,
  leaderboardResponse,
  payoutResponse,
  settingsPatchBody,
  settingsResponse,
  userIdParam,
} from "../../core/contract/admin";
import { idParam } from "../../core/contract/common";
import { adminOrderListResponse, orderIdParam, orderListQuery, orderResponse } from "../../core/contract/order";
import {
  createProductBody,
  productListResponse,
  productResponse,
  updateProductBody,
} from "../../core/contract/product";
import { dashboardTotals } from "../../core/rules/dashboard-totals";
import { dayRanges } from "../../core/rules/day-ranges";
import { picturesAfterPatch } from "../../core/rules/product-pictures";
import { adminDashboard } from "../../db/admin-dashboard";
import type { Db } from "../../db/client";
import { distributorLeaderboard } from "../../db/distributor-leaderboard";
import { findDistributor } from "../../db/distributors";
import { listOrders } from "../../db/orders";
import { payOutCommission } from "../../db/pay-out-commission";
import { findProduct, insertProduct, listAllProducts, replaceProduct } from "../../db/products";
import { getSettings, saveSettings } from "../../db/settings";
import { findNicknames } from "../../db/users";
import { ApiError, notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { moveOrder, type MerchantAction } from "../services/move-order";
import { toLeaderboardEntry } from "../views/leaderboard";
import { toAdminOrderView, toOrderView } from "../views/order";
import { toProductView } from "../views/product";

const slugTaken = () => new ApiError(409, "slug_taken", "Another product already uses this slug");

/** /api/admin/products */
export const adminProductsApi = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      responses: { 200: json(productListResponse, "Every product, archived ones too"), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await listAllProducts(dbOf(c));
      return c.json({ products: rows.map(toProductView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      request: jsonBody(createProductBody),
      responses: { 201: json(productResponse, "Created"), ...errors(400, 401, 403, 409) },
    }),
    async (c) => {
      const db = dbOf(c);
      const row = await insertProduct(db, c.req.valid("json"), await getSettings(db, c.var.now), c.var.now);
      if (!row) throw slugTaken();
      return c.json({ product: toProductView(row) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      request: { params: idParam, ...jsonBody(updateProductBody) },
      responses: { 200: json(productResponse, "Updated"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const db = dbOf(c);
      const { id } = c.req.valid("param");
      const existing = await findProduct(db, id, { activeOnly: false });
      if (!existing) throw notFound("No such product");
      // a patch can break a rule between fields (a price under the bargain floor): check the whole
      const patch = c.req.valid("json");
      const images = picturesAfterPatch(existing.images, patch);
      const merged = createProductBody.parse({ ...toProductView(existing), ...patch, images });
      const row = await replaceProduct(db, id, merged, c.var.now);
      if (!row) throw slugTaken();
      return c.json({ product: toProductView(row) }, 200);
    },
  );

const moveRoute = (action: MerchantAction) =>
  createRoute({
    method: "post",
    path: `/{id}/${action}`,
    request: { params: orderIdParam },
    responses: { 200: json(orderResponse, `After ${action}`), ...errors(401, 403, 404, 409) },
  });

const PAST_TENSE: Record<MerchantAction, string> = { ship: "shipped", complete: "completed", refund: "refunded" };

/** @returns the order after the merchant's move, in the contract's shape; throws the refusal. */
async function moved(db: Db, orderId: string, action: MerchantAction, now: number) {
  const result = await moveOrder(db, orderId, action, now);
  if (result.ok) return toOrderView(result.order);
  if (result.refusal === "not_found") throw notFound("No such order");
  throw new ApiError(409, "bad_transition", `An order that is ${result.status} cannot be ${PAST_TENSE[action]}`);
}

/** /api/admin/orders */
export const adminOrdersApi = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      request: { query: orderListQuery },
      responses: { 200: json(adminOrderListResponse, "Orders, newest first"), ...errors(401, 403) },
    }),
    async (c) => {
      const db = dbOf(c);
      const list = await listOrders(db, { status: c.req.valid("query").status, limit: 200 });
      const nicknames = await findNicknames(
        db,
        list.flatMap((o) => (o.distributorUserId === null ? [] : [o.distributorUserId])),
      );
      return c.json({ orders: list.map((o) => toAdminOrderView(o, nicknames)) }, 200);
    },
  )
  .openapi(moveRoute("ship"), async (c) =>
    c.json({ order: await moved(dbOf(c), c.req.valid("param").id, "ship", c.var.now) }, 200),
  )
  .openapi(moveRoute("complete"), async (c) =>
    c.json({ order: await moved(dbOf(c), c.req.valid("param").id, "complete", c.var.now) }, 200),
  )
  .openapi(moveRoute("refund"), async (c) =>
    c.json({ order: await moved(dbOf(c), c.req.valid("param").id, "refund", c.var.now) }, 200),
  );

/** /api/admin/dashboard: the last 30 store days, top products and top distributors. */
export const adminDashboardApi = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    responses: { 200: json(dashboardResponse, "30 days of visits, orders and sales"), ...errors(401, 403) },
  }),
  async (c) => {
    const db = dbOf(c);
    const { time_zone } = await getSettings(db, c.var.now);
    const dashboard = await adminDashboard(db, dayRanges(c.var.now, time_zone));
    return c.json({ time_zone, ...dashboard, totals: dashboardTotals(dashboard.days) }, 200);
  },
);

/** /api/admin/distributors: the leaderboard, and marking a distributor's commission paid out. */
export const adminDistributorsApi = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      responses: {
        200: json(leaderboardResponse, "Every distributor's all-time funnel and balances, best sellers first"),
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const rows = await distributorLeaderboard(dbOf(c));
      return c.json({ distributors: rows.map(toLeaderboardEntry) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{user_id}/payout",
      request: { params: userIdParam },
      responses: {
        200: json(payoutResponse, "The whole available balance, now paid out"),
        ...errors(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const db = dbOf(c);
      const { user_id } = c.req.valid("param");
      if (!(await findDistributor(db, user_id))) throw notFound("No such distributor");
      const amount = await payOutCommission(db, user_id, c.var.now);
      if (amount === 0) throw new ApiError(409, "nothing_to_pay_out", "This distributor has no available commission");
      return c.json({ payout: { user_id, amount_cents: amount, created_at: new Date(c.var.now).toISOString() } }, 200);
    },
  );

/** /api/admin/settings: the rules a merchant can change. */
export const adminSettingsApi = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      responses: { 200: json(settingsResponse, "Every setting, defaults filled in"), ...errors(401, 403) },
    }),
    async (c) => c.json({ settings: await getSettings(dbOf(c), c.var.now) }, 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/",
      request: jsonBody(settingsPatchBody),
      responses: { 200: json(settingsResponse, "The settings after the change"), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const db = dbOf(c);
      await saveSettings(db, c.req.valid("json"));
      return c.json({ settings: await getSettings(db, c.var.now) }, 200);
    },
  );
