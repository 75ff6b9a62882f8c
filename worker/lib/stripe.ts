// Stripe Checkout for real payments (cards, WeChat Pay, Alipay) when STRIPE_SECRET_KEY is set, and
// refunds of what it charged.
// The `stripe` package is used for its fetch client and its webhook signature check, so the
// store never re-implements Stripe's signing scheme.
import Stripe from "stripe";
import type { PaymentProvider } from "../../core/enums";
import type { OrderWithItems } from "../../db/orders";

export const paymentProvider = (env: Env): PaymentProvider => (env.STRIPE_SECRET_KEY ? "stripe" : "demo");

function client(env: Env) {
  return new Stripe(env.STRIPE_SECRET_KEY!, { httpClient: Stripe.createFetchHttpClient() });
}

/** @returns the Checkout Session's id and the URL to send the shopper to. */
export async function createCheckoutSession(env: Env, order: OrderWithItems, origin: string) {
  const session = await client(env).checkout.sessions.create({
    mode: "payment",
    allowed_payment_method_types: ["card", "wechat_pay", "alipay"],
    payment_method_options: { wechat_pay: { client: "web" } },
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "cny",
          unit_amount: order.totalCents,
          product_data: { name: `订单 ${order.id}` },
        },
      },
    ],
    metadata: { order_id: order.id },
    client_reference_id: order.id,
    // a group order's buyer lands on the group, to share it
    success_url: order.groupId ? `${origin}/g/${order.groupId}` : `${origin}/orders?paid=${order.id}`,
    cancel_url: `${origin}/orders`,
  });
  return { id: session.id, url: session.url ?? undefined };
}

export async function checkoutSessionUrl(env: Env, sessionId: string): Promise<string | undefined> {
  return (await client(env).checkout.sessions.retrieve(sessionId)).url ?? undefined;
}

/** Verifies the `Stripe-Signature` header (WebCrypto, as Workers have no Node crypto) and parses the event. */
export async function verifyWebhook(env: Env, payload: string, signature: string) {
  return Stripe.webhooks.constructEventAsync(
    payload,
    signature,
    env.STRIPE_WEBHOOK_SECRET,
    undefined,
    Stripe.createSubtleCryptoProvider(),
  );
}

/** The PaymentIntent a Checkout Session charged, for an order paid before the store kept it. */
async function paymentIntentOf(stripe: Stripe, sessionId: string): Promise<string | null> {
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const intent = session.payment_intent;
  return typeof intent === "string" ? intent : (intent?.id ?? null);
}

/**
 * Refunds in full what Stripe charged for an order (a failed group's order, a payment that came
 * after its order was cancelled). The idempotency key is the order's, so a retry of the same refund
 * (the cron's, a second webhook's) never refunds twice; a charge Stripe already refunded counts as done.
 * @returns the refund's id
 */
export async function refundPayment(
  env: Env,
  order: { id: string; stripePaymentIntentId: string | null; stripeSessionId: string | null },
): Promise<string> {
  const stripe = client(env);
  const paymentIntent =
    order.stripePaymentIntentId ??
    (order.stripeSessionId ? await paymentIntentOf(stripe, order.stripeSessionId) : null);
  if (!paymentIntent) throw new Error(`order ${order.id} has no Stripe payment to refund`);
  try {
    const refund = await stripe.refunds.create(
      { payment_intent: paymentIntent, reason: "requested_by_customer", metadata: { order_id: order.id } },
      { idempotencyKey: `refund-${order.id}` },
    );
    return refund.id;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "charge_already_refunded") {
      return "already_refunded";
    }
    throw error;
  }
}
