// Shopper's orders: place (idempotent), read, pay in demo mode, list mine.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { findOrder, listOrders, toOrderView, type OrderWithItems } from "../../db/orders";
import { orders } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { conflict, notFound } from "../errors";
import { checkoutSessionUrl, createCheckoutSession, paymentProvider } from "../lib/stripe";
import { readAttribution } from "../middleware/attribution";
import { currentUser, requireUser } from "../middleware/session";
import { visitorId } from "../middleware/visitor";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { createOrderBody, createOrderResponse, idempotencyHeader, order, orderIdParam, orderResponse } from "../schemas/order";
import { payOrder } from "../services/pay-order";
import { placeOrder } from "../services/place-order";
import { getCookie } from "hono/cookie";
import { VISITOR_COOKIE } from "../middleware/visitor";

/** The buyer (the signed-in user, or the guest's visitor cookie) or a merchant; anyone else: 404. */
async function findOwnOrder(c: Context<AppEnv>, id: string): Promise<OrderWithItems> {
  const found = await findOrder(getDb(c.env.DB), id);
  const user = await currentUser(c);
  const isBuyer = found
    ? found.userId !== null
      ? found.userId === user?.id
      : found.visitorId === getCookie(c, VISITOR_COOKIE)
    : false;
  if (!found || !(isBuyer || user?.role === "admin")) throw notFound("No such order");
  return found;
}

async function paymentFor(c: Context<AppEnv>, o: OrderWithItems, created: boolean) {
  if (o.paymentProvider === "demo" || o.status !== "pending") return { provider: o.paymentProvider };
  const db = getDb(c.env.DB);
  if (!created && o.stripeSessionId) return { provider: "stripe" as const, url: await checkoutSessionUrl(c.env, o.stripeSessionId) };
  const session = await createCheckoutSession(c.env, o, new URL(c.req.url).origin);
  await db.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, o.id));
  return { provider: "stripe" as const, url: session.url };
}

export const orderRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/orders",
      request: { headers: idempotencyHeader, ...jsonBody(createOrderBody) },
      responses: {
        201: json(createOrderResponse, "Placed"),
        200: json(createOrderResponse, "The order an earlier request with this Idempotency-Key placed"),
        ...errors(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const { order: placed, created } = await placeOrder(c.req.valid("json"), {
        db: getDb(c.env.DB),
        user: await currentUser(c),
        visitorId: visitorId(c),
        attribution: await readAttribution(c),
        idempotencyKey: c.req.valid("header")["idempotency-key"],
        paymentProvider: paymentProvider(c.env),
        now: now(),
      });
      return c.json({ order: toOrderView(placed), payment: await paymentFor(c, placed, created) }, created ? 201 : 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orders",
      responses: { 200: json(z.object({ orders: z.array(order) }), "My orders, newest first"), ...errors(401) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const mine = await listOrders(getDb(c.env.DB), { userId: user.id, limit: 50 });
      return c.json({ orders: mine.map(toOrderView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/orders/{id}",
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
      path: "/orders/{id}/pay",
      request: { params: orderIdParam },
      responses: { 200: json(orderResponse, "Paid (demo payment mode)"), ...errors(404, 409) },
    }),
    async (c) => {
      if (paymentProvider(c.env) !== "demo") {
        throw conflict("demo_payment_disabled", "This store takes real payments through Stripe");
      }
      const found = await findOwnOrder(c, c.req.valid("param").id);
      const paid = await payOrder(getDb(c.env.DB), found, now());
      return c.json({ order: toOrderView(paid) }, 200);
    },
  );
