// Stripe Checkout for real payments (cards, WeChat Pay, Alipay) when STRIPE_SECRET_KEY is set.
// The official `stripe` package does the work it is trusted with (the webhook signature check, the
// encoding of requests, its error classes, its types); its client is replaced by the three calls the
// store makes, each one `fetch` to Stripe's REST API, so the worker does not carry the whole SDK.
import type Stripe from "stripe";
import type { PaymentProvider } from "../../core/enums";
import type { OrderWithItems } from "../../db/orders";
import {
  ApiVersion,
  StripeConnectionError,
  SubtleCryptoProvider,
  WebPlatformFunctions,
  createWebhooks,
  generateV1Error,
  queryStringifyRequestData,
} from "./stripe-parts";

export const paymentProvider = (env: Env): PaymentProvider => (env.STRIPE_SECRET_KEY ? "stripe" : "demo");

const API = "https://api.stripe.com/v1";

/** One call to Stripe's API as the SDK would make it; a refusal throws the SDK's own error class. */
async function call<T>(env: Env, method: "GET" | "POST", path: string, params?: object): Promise<T> {
  const body = params ? queryStringifyRequestData(params) : undefined;
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
        "Stripe-Version": ApiVersion,
        ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
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
      create: (params: Stripe.RefundCreateParams) => call<Stripe.Refund>(env, "POST", "/refunds", params),
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
    success_url: `${origin}/orders?paid=${order.id}`,
    cancel_url: `${origin}/orders`,
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
