// Stripe tells the store an order was paid. The signature is checked, and each event applied once.
import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { findOrder } from "../../db/orders";
import { stripeEvents } from "../../db/schema";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { ApiError } from "../errors";
import { verifyWebhook } from "../lib/stripe";
import { checkoutSession, stripeEvent } from "../schemas/stripe-event";
import { payOrder } from "../services/pay-order";

export const stripeWebhookRoutes = new Hono<AppEnv>().post("/api/stripe/webhook", async (c) => {
  if (!c.env.STRIPE_WEBHOOK_SECRET) throw new ApiError(404, "not_found", "Stripe is not configured");
  const payload = await c.req.text();
  const verified = await verifyWebhook(c.env, payload, c.req.header("stripe-signature") ?? "").catch((err) => {
    // the signature is checked before the payload is parsed: a SyntaxError means it matched
    if (err instanceof SyntaxError) {
      throw new ApiError(400, "invalid_input", "The event is not JSON", [{ path: [], message: err.message }]);
    }
    throw new ApiError(400, "bad_signature", "The Stripe-Signature header does not match the payload");
  });
  const event = stripeEvent.parse(verified);
  const db = getDb(c.env.DB);
  const [seen] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id)).limit(1);
  if (seen) return c.json({ received: true, duplicate: true });

  if (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") {
    const session = checkoutSession.parse(event.data.object);
    const orderId = session.metadata?.order_id;
    const order = orderId ? await findOrder(db, orderId) : null;
    // a delayed method (async_payment_succeeded follows) is not paid yet
    if (order && session.payment_status === "paid" && order.status === "pending") await payOrder(db, order, now());
  }
  // recorded after applying: a crash in between is retried by Stripe and applying is idempotent
  await db.insert(stripeEvents).values({ id: event.id, type: event.type, processedAt: now() }).onConflictDoNothing();
  return c.json({ received: true });
});
