// Stripe Checkout for real payments (cards, WeChat Pay, Alipay) when STRIPE_SECRET_KEY is set, and
// refunds of what it charged. The official `stripe` package does the work it is trusted with (the
// webhook signature check, the encoding of requests, its error classes, its types); its client is
// replaced by the calls the store makes, each one `fetch` to Stripe's REST API, so the worker does
// not carry the whole SDK.
import type Stripe from "stripe";
import type { PaymentProvider } from "../../core/enums";
import type { OrderWithItems } from "../../db/orders";
import {
  ApiVersion,
  StripeConnectionError,
  StripeInvalidRequestError,
  SubtleCryptoProvider,
  WebPlatformFunctions,
  createWebhooks,
  generateV1Error,
  queryStringifyRequestData,
} from "./stripe-parts";

export const paymentProvider = (env: Env): PaymentProvider => (env.STRIPE_SECRET_KEY ? "stripe" : "demo");

const API = "https://api.stripe.com/v1";

/**
 * One call to Stripe's API as the SDK would make it; a refusal throws the SDK's own error class.
 * @param idempotencyKey Stripe answers a repeated key with the first call's result, acting once
 */
async function call<T>(
  env: Env,
  method: "GET" | "POST",
  path: string,
  params?: object,
  idempotencyKey?: string,
): Promise<T> {
  const body = params ? queryStringifyRequestData(params) : undefined;
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
        "Stripe-Version": ApiVersion,
        ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
      },
      body,
    });
  } catch (err) {
    throw new StripeConnectionError({ message: `Stripe could not be reached: ${String(err)}` });
  }
  const json = (await res.json()) as T & { error?: Record<string, unknown> };
  if (!res.ok) {
    throw generateV1Error({
      ...json.error,
      statusCode: res.status,
      requestId: res.headers.get("request-id") ?? undefined,
    });
  }
  return json;
}

/** The SDK's shape for the calls the store makes: `client(env).checkout.sessions.create(…)`. */
export function client(env: Env) {
  return {
    checkout: {
      sessions: {
        create: (params: Stripe.Checkout.SessionCreateParams) =>
          call<Stripe.Checkout.Session>(env, "POST", "/checkout/sessions", params),
        retrieve: (id: string) =>
          call<Stripe.Checkout.Session>(env, "GET", `/checkout/sessions/${encodeURIComponent(id)}`),
      },
    },
    refunds: {
      create: (params: Stripe.RefundCreateParams, options: { idempotencyKey?: string } = {}) =>
        call<Stripe.Refund>(env, "POST", "/refunds", params, options.idempotencyKey),
    },
  };
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
    // back on the order's own page, which its buyer can open as a guest too (a group order's buyer
    // lands on the group, to share it); `paid=1` says so while the webhook is on its way
    success_url: order.groupId ? `${origin}/g/${order.groupId}` : `${origin}/orders/${order.id}?paid=1`,
    cancel_url: `${origin}/orders/${order.id}`,
  });
  return { id: session.id, url: session.url ?? undefined };
}

export async function checkoutSessionUrl(env: Env, sessionId: string): Promise<string | undefined> {
  return (await client(env).checkout.sessions.retrieve(sessionId)).url ?? undefined;
}

/** Stripe's webhook helpers on the platform functions its own Workers entry uses. */
const webhooks = createWebhooks(new WebPlatformFunctions());

/** Verifies the `Stripe-Signature` header (WebCrypto, as Workers have no Node crypto) and parses the event. */
export async function verifyWebhook(env: Env, payload: string, signature: string) {
  return webhooks.constructEventAsync(
    payload,
    signature,
    env.STRIPE_WEBHOOK_SECRET,
    undefined,
    new SubtleCryptoProvider(),
  ) as Promise<Stripe.Event>;
}

/** The PaymentIntent a Checkout Session charged, for an order paid before the store kept it. */
async function paymentIntentOf(stripe: ReturnType<typeof client>, sessionId: string): Promise<string | null> {
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
    if (error instanceof StripeInvalidRequestError && error.code === "charge_already_refunded") {
      return "already_refunded";
    }
    throw error;
  }
}
