// Stripe tells the store an order was paid. The signature is checked, and each event applied once:
// the event is recorded in the same batch as the payment it makes, so a crash leaves neither. A
// payment the order can no longer take (cancelled meanwhile, or its group failed) is refunded.
import { checkoutSession, stripeEvent } from "../../core/contract/stripe-event";
import { findOrder } from "../../db/orders";
import { paymentIntentStatement, refundLatePaymentStatement } from "../../db/provider-refunds";
import { isStripeEventApplied, recordStripeEventStatement } from "../../db/stripe-events";
import { ApiError, notFound } from "../errors";
import { logEvent } from "../lib/log";
import { verifyWebhook } from "../lib/stripe";
import { dbOf } from "../middleware/database";
import { createRouter } from "../openapi";
import { payOrder } from "../services/pay-order";
import { sendProviderRefunds } from "../services/send-provider-refunds";

const PAYING_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/** /api/stripe: the webhook, outside the OpenAPI document (only Stripe calls it). */
export const stripeApi = createRouter().post("/webhook", async (c) => {
  if (!c.env.STRIPE_WEBHOOK_SECRET) throw notFound("Stripe is not configured");
  const payload = await c.req.text();
  const verified = await verifyWebhook(c.env, payload, c.req.header("stripe-signature") ?? "").catch((err) => {
    // the signature is checked before the payload is parsed: a SyntaxError means it matched
    if (err instanceof SyntaxError) {
      throw new ApiError(400, "invalid_input", "The event is not JSON", [{ path: [], message: err.message }]);
    }
    throw new ApiError(400, "bad_signature", "The Stripe-Signature header does not match the payload");
  });
  const event = stripeEvent.parse(verified);
  const paying = PAYING_EVENTS.has(event.type) ? checkoutSession.parse(event.data.object) : null;
  const orderId = paying?.metadata?.order_id;
  logEvent("stripe.event", { stripe_event_id: event.id, type: event.type, order_id: orderId });
  const db = dbOf(c);
  // only to answer `duplicate`: applying twice is harmless, the batch below decides
  if (await isStripeEventApplied(db, event.id)) return c.json({ received: true, duplicate: true });

  const record = recordStripeEventStatement(db, event, c.var.now);
  if (paying) {
    const order = orderId ? await findOrder(db, orderId) : null;
    // a delayed method (async_payment_succeeded follows) is not paid yet
    if (order && paying.payment_status === "paid") {
      const charged = paying.payment_intent ? [paymentIntentStatement(db, order.id, paying.payment_intent)] : [];
      // owed back if the order is cancelled when the batch runs: read pending, the hold's cron may
      // still cancel it first, and then the payment cannot land (a no-op for an order it pays)
      const owedIfCancelled = refundLatePaymentStatement(db, order.id);
      if (order.status === "pending") await payOrder(db, order, c.var.now, [record, ...charged, owedIfCancelled]);
      else await db.batch([record, ...charged, owedIfCancelled]);
      // what is owed goes back now; if Stripe does not answer, the cron sends it again
      await sendProviderRefunds(c.env, db, { orderIds: [order.id], limit: 1 });
      return c.json({ received: true });
    }
  }
  await record;
  return c.json({ received: true });
});
