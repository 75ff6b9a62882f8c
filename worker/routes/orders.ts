// Shopper's orders: place (idempotent), read, pay in demo mode, list mine.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import {
  createOrderBody,
  createOrderResponse,
  idempotencyHeader,
  orderIdParam,
  orderListResponse,
  orderResponse,
} from "../../core/contract/order";
import { findOrder, listOrders, setStripeSession, type OrderWithItems } from "../../db/orders";
import type { AppEnv } from "../app-env";
import { ApiError, notFound, refusal, type RefusalTable } from "../errors";
import { logEvent, orderFields } from "../lib/log";
import { checkoutSessionUrl, createCheckoutSession, paymentProvider } from "../lib/stripe";
import { readAttribution } from "../middleware/attribution";
import { dbOf } from "../middleware/database";
import { currentUser, requireUser } from "../middleware/session";
import { VISITOR_COOKIE, visitorId } from "../middleware/visitor";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { payOrder } from "../services/pay-order";
import { placeOrder, type PlaceOrderRefusal } from "../services/place-order";
import { toOrderView } from "../views/order";

const placeRefusals: RefusalTable<PlaceOrderRefusal> = {
  product_not_found: { status: 404, code: "not_found", message: "No such product" },
  out_of_stock: { status: 409, message: "Not enough stock for this order" },
  insufficient_wallet: { status: 409, message: "Your wallet does not hold that much cash" },
  wallet_needs_sign_in: { status: 400, field: ["wallet_cents"], message: "Sign in to spend wallet cash" },
  wallet_over_total: { status: 400, field: ["wallet_cents"], message: "Wallet cash can pay at most the item total" },
  bargain_needs_sign_in: { status: 401, code: "unauthenticated", message: "Sign in first" },
  bargain_not_found: { status: 404, code: "not_found", message: "No such bargain of yours" },
  bargain_items: { status: 400, field: ["items"], message: "A bargain buys exactly one unit of its own product" },
  bargain_incomplete: { status: 409, message: "This bargain cannot be bought now: it still needs help" },
  bargain_expired: { status: 409, message: "This bargain cannot be bought now: it has expired" },
  bargain_purchased: { status: 409, message: "This bargain has already been bought" },
};

/** The buyer (the signed-in user, or the guest's visitor cookie) or a merchant; anyone else: 404. */
async function findOwnOrder(c: Context<AppEnv>, id: string): Promise<OrderWithItems> {
  const found = await findOrder(dbOf(c), id);
  const user = await currentUser(c);
  const isBuyer = found
    ? found.userId !== null
      ? found.userId === user?.id
      : found.visitorId === getCookie(c, VISITOR_COOKIE)
    : false;
  if (!found || !(isBuyer || user?.role === "admin")) throw notFound("No such order");
  return found;
}

/** Demo mode pays on the store's own button; Stripe mode sends the buyer to its Checkout, once per order. */
async function paymentFor(c: Context<AppEnv>, o: OrderWithItems, created: boolean) {
  if (o.paymentProvider === "demo" || o.status !== "pending") return { provider: o.paymentProvider };
  if (!created && o.stripeSessionId)
    return { provider: "stripe" as const, url: await checkoutSessionUrl(c.env, o.stripeSessionId) };
  const session = await createCheckoutSession(c.env, o, c.var.origin);
  await setStripeSession(dbOf(c), o.id, session.id);
  return { provider: "stripe" as const, url: session.url };
}

/** /api/orders */
export const ordersApi = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      request: { headers: idempotencyHeader, ...jsonBody(createOrderBody) },
      responses: {
        201: json(createOrderResponse, "Placed"),
        200: json(createOrderResponse, "The order an earlier request with this Idempotency-Key placed"),
        ...errors(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const placed = await placeOrder(c.req.valid("json"), {
        db: dbOf(c),
        user: await currentUser(c),
        visitorId: visitorId(c),
        attribution: await readAttribution(c),
        idempotencyKey: c.req.valid("header")["idempotency-key"],
        paymentProvider: paymentProvider(c.env),
        now: c.var.now,
      });
      if (!placed.ok) throw refusal(placeRefusals, placed.refusal);
      if (placed.created) logEvent("order.placed", orderFields(placed.order));
      const body = { order: toOrderView(placed.order), payment: await paymentFor(c, placed.order, placed.created) };
      return placed.created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      responses: { 200: json(orderListResponse, "My orders, newest first"), ...errors(401) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const mine = await listOrders(dbOf(c), { userId: user.id, limit: 50 });
      return c.json({ orders: mine.map(toOrderView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      request: { params: orderIdParam },
      responses: { 200: json(orderResponse, "The order"), ...errors(404) },
    }),
    async (c) => {
      const found = await findOwnOrder(c, c.req.valid("param").id);
      return c.json({ order: toOrderView(found) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/pay",
      request: { params: orderIdParam },
      responses: { 200: json(orderResponse, "Paid (demo payment mode)"), ...errors(404, 409) },
    }),
    async (c) => {
      if (paymentProvider(c.env) !== "demo") {
        throw new ApiError(409, "demo_payment_disabled", "This store takes real payments through Stripe");
      }
      const found = await findOwnOrder(c, c.req.valid("param").id);
      const paid = await payOrder(dbOf(c), found, c.var.now);
      if (!paid.ok) throw new ApiError(409, "bad_transition", `An order that is ${paid.status} cannot be paid`);
      return c.json({ order: toOrderView(paid.order) }, 200);
    },
  );
