// Stripe Checkout for real payments (cards, WeChat Pay, Alipay) when STRIPE_SECRET_KEY is set.
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
    success_url: `${origin}/orders?paid=${order.id}`,
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
