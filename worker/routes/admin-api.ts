// The merchant's JSON API, mounted at /api/admin behind adminOnly: products, orders, the dashboard,
// distributors and payouts, settings.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  dashboardResponse,
  leaderboardResponse,
  payoutResponse,
  settingsPatchBody,
  settingsResponse,
  userIdParam,
} from "../../core/contract/admin";
import { idParam, idempotencyHeader } from "../../core/contract/common";
import { adminOrderListResponse, orderIdParam, orderListQuery, orderResponse } from "../../core/contract/order";
import {
  createProductBody,
  productListResponse,
  productResponse,
  updateProductBody,
} from "../../core/contract/product";
import { dashboardTotals } from "../../core/rules/dashboard-totals";
import { dayRanges } from "../../core/rules/day-ranges";
import { TRANSITIONS } from "../../core/rules/order-status";
import { picturesAfterPatch } from "../../core/rules/product-pictures";
import { adminDashboard } from "../../db/admin-dashboard";
import { distributorLeaderboard } from "../../db/distributor-leaderboard";
import { findDistributor } from "../../db/distributors";
import { findOrder, listOrders } from "../../db/orders";
import { findPayoutSince, payOutCommission } from "../../db/pay-out-commission";
import { findProduct, insertProduct, listAllProducts, replaceProduct } from "../../db/products";
import { getSettings, saveSettings } from "../../db/settings";
import { findNicknames } from "../../db/users";
import type { AppEnv } from "../app-env";
import { ApiError, notFound } from "../errors";
import { logEvent } from "../lib/log";
import { dbOf } from "../middleware/database";
import { productPagePaths, purgePages } from "../middleware/edge-cache";
import { idempotent } from "../middleware/idempotency";
import { SIGNED_IN, createRouter, errors, json, jsonBody, link } from "../openapi";
import { moveOrder, type MerchantAction } from "../services/move-order";
import { sendProviderRefunds } from "../services/send-provider-refunds";
import { toLeaderboardEntry } from "../views/leaderboard";
import { toAdminOrderView, toOrderView } from "../views/order";
import { toProductView } from "../views/product";

const slugTaken = () => new ApiError(409, "slug_taken", "Another product already uses this slug");

/** /api/admin/products */
export const adminProductsApi = createRouter()
  .openapi(
    createRoute({
      operationId: "listAllProducts",
      summary: "List every product, archived ones too",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: { 200: json(productListResponse, "Every product, archived ones too"), ...errors(401, 403, 500) },
    }),
    async (c) => {
      const rows = await listAllProducts(dbOf(c));
      return c.json({ products: rows.map(toProductView) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "createProduct",
      summary: "Create a product",
      security: SIGNED_IN,
      method: "post",
      path: "/",
      request: jsonBody(createProductBody),
      responses: {
        201: {
          ...json(productResponse, "Created"),
          links: {
            getProduct: link("getProduct", { id: "$response.body#/product/id" }),
            updateProduct: link("updateProduct", { id: "$response.body#/product/id" }),
          },
        },
        ...errors(400, 401, 403, 409, 415, 500),
      },
    }),
    async (c) => {
      const db = dbOf(c);
      const row = await insertProduct(db, c.req.valid("json"), await getSettings(db, c.var.now), c.var.now);
      if (!row) throw slugTaken();
      await purgePages(c, productPagePaths(row.id));
      return c.json({ product: toProductView(row) }, 201);
    },
  )
  .openapi(
    createRoute({
      operationId: "updateProduct",
      summary: "Change a product's fields",
      security: SIGNED_IN,
      method: "patch",
      path: "/{id}",
      request: { params: idParam, ...jsonBody(updateProductBody) },
      responses: {
        200: {
          ...json(productResponse, "Updated"),
          links: { getProduct: link("getProduct", { id: "$response.body#/product/id" }) },
        },
        ...errors(400, 401, 403, 404, 409, 415, 500),
      },
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
      const row = await replaceProduct(db, id, merged, c.var.now, {
        stock: patch.stock !== undefined,
        flashStock: patch.flash_sale !== undefined,
      });
      if (!row) throw slugTaken();
      await purgePages(c, productPagePaths(id));
      return c.json({ product: toProductView(row) }, 200);
    },
  );

const MOVE_SUMMARY: Record<MerchantAction, string> = {
  ship: "Mark a paid order shipped",
  complete: "Mark a shipped order completed",
  refund: "Refund a paid, shipped or completed order (stock back if it never shipped)",
};

const moveRoute = (action: MerchantAction) =>
  createRoute({
    operationId: `${action}Order`,
    summary: MOVE_SUMMARY[action],
    security: SIGNED_IN,
    method: "post",
    path: `/{id}/${action}`,
    middleware: [idempotent] as const,
    request: { params: orderIdParam, headers: idempotencyHeader },
    responses: {
      200: {
        ...json(orderResponse, `After ${action}`),
        links: { getOrder: link("getOrder", { id: "$response.body#/order/id" }) },
      },
      ...errors(400, 401, 403, 404, 409, 422, 500),
    },
  });

const PAST_TENSE: Record<MerchantAction, string> = { ship: "shipped", complete: "completed", refund: "refunded" };

/**
 * The merchant's move of the order named by the route. When the same Idempotency-Key's first request
 * was cut by a crash, finding the order already where this move leads means that request made it,
 * and this one answers as that one would have.
 * @returns the order after the move, in the contract's shape; throws the refusal.
 */
async function moved(c: Context<AppEnv>, action: MerchantAction) {
  const db = dbOf(c);
  const orderId = c.req.param("id")!;
  // a retry of a move a crash cut after it landed: the answer that request would have given
  const resumed = c.var.idempotencyResumedFrom !== undefined;
  const result = await moveOrder(db, orderId, action, c.var.now);
  if (result.ok) return toOrderView(result.order);
  if (result.refusal === "not_found") throw notFound("No such order");
  if (result.refusal === "group_not_succeeded") {
    throw new ApiError(409, "group_not_succeeded", "A group order ships once its group has succeeded");
  }
  if (resumed && result.status === TRANSITIONS[action].to) return toOrderView((await findOrder(db, orderId))!);
  throw new ApiError(409, "bad_transition", `An order that is ${result.status} cannot be ${PAST_TENSE[action]}`);
}

/** /api/admin/orders */
export const adminOrdersApi = createRouter()
  .openapi(
    createRoute({
      operationId: "listAdminOrders",
      summary: "List orders, newest first, of one status or all",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      request: { query: orderListQuery },
      responses: { 200: json(adminOrderListResponse, "Orders, newest first"), ...errors(400, 401, 403, 500) },
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
  .openapi(moveRoute("ship"), async (c) => c.json({ order: await moved(c, "ship") }, 200))
  .openapi(moveRoute("complete"), async (c) => c.json({ order: await moved(c, "complete") }, 200))
  .openapi(moveRoute("refund"), async (c) => {
    const order = await moved(c, "refund");
    // what Stripe charged goes back now; if Stripe does not answer, the minute cron sends it again
    await sendProviderRefunds(c.env, dbOf(c), { orderIds: [order.id], limit: 1 });
    return c.json({ order }, 200);
  });

/** /api/admin/dashboard: the last 30 store days, top products and top distributors. */
export const adminDashboardApi = createRouter().openapi(
  createRoute({
    operationId: "getDashboard",
    summary: "The last 30 store days: visits, orders, sales, top products and distributors",
    security: SIGNED_IN,
    method: "get",
    path: "/",
    responses: { 200: json(dashboardResponse, "30 days of visits, orders and sales"), ...errors(401, 403, 500) },
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
      operationId: "listDistributors",
      summary: "Every distributor's funnel and commission, best sellers first",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: {
        200: json(leaderboardResponse, "Every distributor's all-time funnel and balances, best sellers first"),
        ...errors(401, 403, 500),
      },
    }),
    async (c) => {
      const rows = await distributorLeaderboard(dbOf(c));
      return c.json({ distributors: rows.map(toLeaderboardEntry) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "payOutCommission",
      summary: "Mark a distributor's whole available commission paid out",
      security: SIGNED_IN,
      method: "post",
      path: "/{user_id}/payout",
      middleware: [idempotent] as const,
      request: { params: userIdParam, headers: idempotencyHeader },
      responses: {
        200: json(payoutResponse, "The whole available balance, now paid out"),
        ...errors(400, 401, 403, 404, 409, 422, 500),
      },
    }),
    async (c) => {
      const db = dbOf(c);
      const { user_id } = c.req.valid("param");
      if (!(await findDistributor(db, user_id))) throw notFound("No such distributor");
      const amount = await payOutCommission(db, user_id, c.var.now);
      if (amount > 0) {
        logEvent("commission.payout", { distributor_user_id: user_id, amount_cents: amount });
        return c.json(
          { payout: { user_id, amount_cents: amount, created_at: new Date(c.var.now).toISOString() } },
          200,
        );
      }
      // a retry of a payout a crash cut after it was written: the answer that request would have given
      const resumedFrom = c.var.idempotencyResumedFrom;
      const made = resumedFrom === undefined ? null : await findPayoutSince(db, user_id, resumedFrom);
      if (!made) throw new ApiError(409, "nothing_to_pay_out", "This distributor has no available commission");
      const payout = { user_id, amount_cents: made.amountCents, created_at: new Date(made.createdAt).toISOString() };
      return c.json({ payout }, 200);
    },
  );

/** /api/admin/settings: the rules a merchant can change. */
export const adminSettingsApi = createRouter()
  .openapi(
    createRoute({
      operationId: "getSettings",
      summary: "Every setting, defaults filled in",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: { 200: json(settingsResponse, "Every setting, defaults filled in"), ...errors(401, 403, 500) },
    }),
    async (c) => c.json({ settings: await getSettings(dbOf(c), c.var.now) }, 200),
  )
  .openapi(
    createRoute({
      operationId: "updateSettings",
      summary: "Change settings",
      security: SIGNED_IN,
      method: "patch",
      path: "/",
      request: jsonBody(settingsPatchBody),
      responses: { 200: json(settingsResponse, "The settings after the change"), ...errors(400, 401, 403, 415, 500) },
    }),
    async (c) => {
      const db = dbOf(c);
      await saveSettings(db, c.req.valid("json"));
      return c.json({ settings: await getSettings(db, c.var.now) }, 200);
    },
  );
