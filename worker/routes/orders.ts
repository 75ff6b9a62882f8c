// Shopper's orders: place (idempotent), read, pay in demo mode, list mine.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { idempotencyHeader } from "../../core/contract/common";
import {
  createOrderBody,
  createOrderResponse,
  orderIdParam,
  orderListResponse,
  orderResponse,
} from "../../core/contract/order";
import { findGroupRecord } from "../../db/groups";
import { listOrders, type OrderWithItems } from "../../db/orders";
import type { AppEnv } from "../app-env";
import { ApiError, notFound, refusal, type RefusalTable } from "../errors";
import { unquoteKey } from "../lib/request-fingerprint";
import { paymentProvider } from "../lib/stripe";
import { dbOf } from "../middleware/database";
import { idempotent } from "../middleware/idempotency";
import { requireUser } from "../middleware/session";
import { SESSION_OPTIONAL, SIGNED_IN, createRouter, errors, json, jsonBody, link } from "../openapi";
import { findOwnOrder } from "../services/find-own-order";
import { payOrder } from "../services/pay-order";
import type { PlaceOrderRefusal } from "../services/place-order";
import { startPayment } from "../services/start-payment";
import { toGroupView } from "../views/group";
import { toOrderView } from "../views/order";
import { orderViewer, placeOrderFor } from "./order-requests";

/** How the API answers each refusal of placing an order; the checkout form answers with the same statuses. */
export const placeRefusals: RefusalTable<PlaceOrderRefusal> = {
  idempotency_key_reused: {
    status: 422,
    message: "This Idempotency-Key already placed an order with another body; send a new key for a new order",
  },
  product_not_found: { status: 404, code: "not_found", message: "No such product" },
  out_of_stock: { status: 409, message: "Not enough stock for this order" },
  insufficient_wallet: { status: 409, message: "Your wallet does not hold that much cash" },
  wallet_needs_sign_in: { status: 401, code: "unauthenticated", message: "Sign in to spend wallet cash" },
  wallet_over_total: { status: 400, field: ["wallet_cents"], message: "Wallet cash can pay at most the item total" },
  bargain_needs_sign_in: { status: 401, code: "unauthenticated", message: "Sign in first" },
  bargain_not_found: { status: 404, code: "not_found", message: "No such bargain of yours" },
  bargain_items: { status: 400, field: ["items"], message: "A bargain buys exactly one unit of its own product" },
  bargain_incomplete: { status: 409, message: "This bargain cannot be bought now: it still needs help" },
  bargain_expired: { status: 409, message: "This bargain cannot be bought now: it has expired" },
  bargain_purchased: { status: 409, message: "This bargain has already been bought" },
  group_needs_sign_in: { status: 401, code: "unauthenticated", message: "Sign in to open or join a group" },
  group_items: { status: 400, field: ["items"], message: "A group order is one unit of the group's product" },
  group_not_found: { status: 404, code: "not_found", message: "No such group" },
  group_not_allowed: { status: 409, message: "This product has no group deal" },
  group_limit: { status: 409, message: "You hold as many group orders of this product as one shopper may" },
  already_in_group: { status: 409, message: "You are already in an open group of this product" },
  group_full: { status: 409, message: "Every seat of this group is taken" },
  group_closed: { status: 409, message: "This group is not open, or ends before a new order could be paid" },
};

/** The group an order opened or joined, as the answer to placing it shows it. */
async function groupOf(c: Context<AppEnv>, o: OrderWithItems) {
  const found = o.groupId ? await findGroupRecord(dbOf(c), o.groupId) : null;
  return found ? { group: toGroupView(found, c.var.now, c.var.origin) } : {};
}

/** The buyer (the signed-in user, or the guest's visitor cookie) or a merchant; anyone else: 404. */
async function ownOrMerchantOrder(c: Context<AppEnv>, id: string): Promise<OrderWithItems> {
  const found = await findOwnOrder(dbOf(c), id, await orderViewer(c), { merchant: true });
  if (!found) throw notFound("No such order");
  return found;
}

/** Where a placed order's id leads: read it, pay it, and the merchant's moves. */
const PLACED_ORDER_LINKS = Object.fromEntries(
  ["getOrder", "payOrder", "shipOrder", "refundOrder"].map((op) => [op, link(op, { id: "$response.body#/order/id" })]),
);

/** /api/orders */
export const ordersApi = createRouter()
  .openapi(
    createRoute({
      operationId: "createOrder",
      summary: "Place an order (once per Idempotency-Key)",
      security: SESSION_OPTIONAL,
      method: "post",
      path: "/",
      request: { headers: idempotencyHeader, ...jsonBody(createOrderBody) },
      responses: {
        201: {
          ...json(createOrderResponse, "Placed"),
          links: PLACED_ORDER_LINKS,
        },
        200: {
          ...json(createOrderResponse, "The order an earlier request with this Idempotency-Key placed"),
          links: PLACED_ORDER_LINKS,
        },
        ...errors(400, 401, 403, 404, 409, 415, 422, 500),
      },
    }),
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      const placed = await placeOrderFor(c, c.req.valid("json"), key === undefined ? undefined : unquoteKey(key));
      if (!placed.ok) throw refusal(placeRefusals, placed.refusal);
      const body = {
        order: toOrderView(placed.order),
        payment: await startPayment(c.env, dbOf(c), placed.order, { created: placed.created, origin: c.var.origin }),
        ...(await groupOf(c, placed.order)),
      };
      return placed.created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "listMyOrders",
      summary: "My orders, newest first",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: { 200: json(orderListResponse, "My orders, newest first"), ...errors(401, 500) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const mine = await listOrders(dbOf(c), { userId: user.id, limit: 50 });
      return c.json({ orders: mine.map(toOrderView) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "getOrder",
      summary: "An order: its buyer's, or any for the merchant",
      security: SESSION_OPTIONAL,
      method: "get",
      path: "/{id}",
      request: { params: orderIdParam },
      responses: {
        200: {
          ...json(orderResponse, "The order"),
          links: { payOrder: link("payOrder", { id: "$response.body#/order/id" }) },
        },
        ...errors(400, 404, 500),
      },
    }),
    async (c) => {
      const found = await ownOrMerchantOrder(c, c.req.valid("param").id);
      return c.json({ order: toOrderView(found) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "payOrder",
      summary: "Pay an order with the demo payment (demo payment mode only)",
      security: SESSION_OPTIONAL,
      method: "post",
      path: "/{id}/pay",
      middleware: [idempotent] as const,
      request: { params: orderIdParam, headers: idempotencyHeader },
      responses: {
        200: {
          ...json(orderResponse, "Paid (demo payment mode); refunded at once when its group has failed meanwhile"),
          links: { getOrder: link("getOrder", { id: "$response.body#/order/id" }) },
        },
        ...errors(400, 403, 404, 409, 422, 500),
      },
    }),
    async (c) => {
      if (paymentProvider(c.env) !== "demo") {
        throw new ApiError(409, "demo_payment_disabled", "This store takes real payments through Stripe");
      }
      const found = await ownOrMerchantOrder(c, c.req.valid("param").id);
      const paid = await payOrder(dbOf(c), found, c.var.now);
      if (!paid.ok) throw new ApiError(409, "bad_transition", `An order that is ${paid.status} cannot be paid`);
      return c.json({ order: toOrderView(paid.order) }, 200);
    },
  );
