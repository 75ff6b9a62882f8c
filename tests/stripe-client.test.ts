// The store's three calls to Stripe's API, as the SDK would send them: form-encoded nested params,
// the secret key, the API version the `stripe` package pins; a refusal throws the SDK's error class.
import { env } from "cloudflare:test";
import Stripe from "stripe";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrderWithItems } from "../db/orders";
import { checkoutSessionUrl, client, createCheckoutSession } from "../worker/lib/stripe";

afterEach(() => vi.restoreAllMocks());

const stripeEnv = { ...env, STRIPE_SECRET_KEY: "sk_test_client" } as Env;

function answering(status: number, body: unknown) {
  const sent: Request[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    sent.push(new Request(input as RequestInfo, init));
    return Response.json(body, { status, headers: { "request-id": "req_123" } });
  });
  return sent;
}

describe("the Stripe client", () => {
  it("creates a Checkout Session for an order's total, in fen, with the order's id", async () => {
    const sent = answering(200, {
      id: "cs_test_1",
      object: "checkout.session",
      url: "https://checkout.stripe.com/c/1",
    });
    const order = { id: "ORDER12345AB", totalCents: 8400 } as OrderWithItems;
    expect(await createCheckoutSession(stripeEnv, order, "https://shop.example")).toEqual({
      id: "cs_test_1",
      url: "https://checkout.stripe.com/c/1",
    });
    const [req] = sent;
    expect(req!.method).toBe("POST");
    expect(req!.url).toBe("https://api.stripe.com/v1/checkout/sessions");
    expect(req!.headers.get("authorization")).toBe("Bearer sk_test_client");
    expect(req!.headers.get("stripe-version")).toMatch(/^\d{4}-\d{2}-\d{2}\.\w+$/);
    const form = new URLSearchParams(await req!.text());
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("8400");
    expect(form.get("line_items[0][price_data][currency]")).toBe("cny");
    expect(form.getAll("allowed_payment_method_types[0]")).toEqual(["card"]);
    expect(form.get("payment_method_options[wechat_pay][client]")).toBe("web");
    expect(form.get("metadata[order_id]")).toBe("ORDER12345AB");
    // the buyer comes back to the order's own page, which a guest can open too
    expect(form.get("success_url")).toBe("https://shop.example/orders/ORDER12345AB?paid=1");
    expect(form.get("cancel_url")).toBe("https://shop.example/orders/ORDER12345AB");
  });

  it("reads a session back, and a refund is one POST", async () => {
    const sent = answering(200, { id: "cs_test_2", url: null });
    expect(await checkoutSessionUrl(stripeEnv, "cs_test_2")).toBeUndefined();
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.url).toBe("https://api.stripe.com/v1/checkout/sessions/cs_test_2");
    await client(stripeEnv).refunds.create({ payment_intent: "pi_1", amount: 500 });
    expect(sent[1]!.url).toBe("https://api.stripe.com/v1/refunds");
    expect(await sent[1]!.text()).toBe("payment_intent=pi_1&amount=500");
  });

  it("a refusal throws Stripe's own error, with its code and status", async () => {
    answering(400, { error: { type: "invalid_request_error", code: "amount_too_small", message: "Too small" } });
    const refused = client(stripeEnv).refunds.create({ payment_intent: "pi_1", amount: 1 });
    await expect(refused).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(refused).rejects.toMatchObject({ code: "amount_too_small", statusCode: 400, message: "Too small" });
  });
});
