// Group orders paid through Stripe: a failed group's payments and a payment that came too late go
// back through Stripe's refunds API, with one idempotency key per order. Stripe is never called:
// fetch answers for it, and the tests read the requests the store would have sent.
import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { closeExpiredGroup } from "../db/close-group";
import * as ordersModule from "../db/orders";
import { refundPayment } from "../worker/lib/stripe";
import { runCron } from "../worker/services/run-cron";
import {
  CONTACT,
  Client,
  createProduct,
  placeOrder,
  setClockForTests,
  signInMerchant,
  signUp,
  deliverStripeEvent,
  checkoutSessionEvent,
} from "./helpers";

const stripeEnv = { ...env, STRIPE_SECRET_KEY: "sk_test_not_a_real_key" } as Env;

type StripeCall = { url: string; method: string; idempotencyKey: string | null; body: URLSearchParams };
let calls: StripeCall[] = [];
/** How the fake Stripe answers a refund: ok, or a refusal Stripe gives. */
let refundAnswer: "ok" | "invalid" = "ok";

beforeEach(() => {
  calls = [];
  refundAnswer = "ok";
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.hostname !== "api.stripe.com") throw new Error(`unexpected fetch of ${request.url}`);
    const body = new URLSearchParams(await request.text());
    calls.push({
      url: url.pathname,
      method: request.method,
      idempotencyKey: request.headers.get("idempotency-key"),
      body,
    });
    const json = (status: number, value: object) =>
      new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
    if (url.pathname === "/v1/checkout/sessions") {
      const id = `cs_test_${calls.length}`;
      return json(200, { id, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${id}` });
    }
    if (url.pathname === "/v1/refunds") {
      if (refundAnswer === "invalid") {
        return json(400, { error: { type: "invalid_request_error", code: "amount_too_large", message: "no" } });
      }
      return json(200, { id: `re_${calls.length}`, object: "refund", payment_intent: body.get("payment_intent") });
    }
    return json(404, { error: { type: "invalid_request_error", message: "unknown" } });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  setClockForTests(null);
});

const refunds = () => calls.filter((c) => c.url === "/v1/refunds");

const deliver = (event: object) => deliverStripeEvent(event, { bindings: stripeEnv });

const paidEvent = (eventId: string, orderId: string, type?: string) =>
  checkoutSessionEvent(eventId, orderId, { type, paymentIntent: `pi_${orderId}` });

/** A product with a group deal: ¥99.00 alone, ¥59.00 in a group of `size`. */
const groupDeal = (merchant: Client, size: number) =>
  createProduct(merchant, { price_cents: 9900, stock: 10, group: { size, price_cents: 5900 } });

/** A signed-up shopper whose requests reach a store that takes payments through Stripe. */
async function stripeShopper(nickname: string) {
  const who = await signUp(nickname);
  const client = new Client(stripeEnv);
  client.cookies = who.client.cookies;
  return client;
}

function groupOrder(client: Client, productId: number, how: { open_group?: boolean; group_id?: string }) {
  return client.json("/api/orders", {
    body: { items: [{ product_id: productId, quantity: 1 }], contact: CONTACT, ...how },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
}

const orderRow = (id: string) =>
  env.DB.prepare("SELECT status, provider_refund, stripe_payment_intent_id FROM orders WHERE id = ?")
    .bind(id)
    .first<{ status: string; provider_refund: string | null; stripe_payment_intent_id: string | null }>();

describe("refunds through Stripe", () => {
  it("refundPayment asks Stripe for a refund of the order's payment, keyed by the order", async () => {
    const order = { id: "ORDER42", stripePaymentIntentId: "pi_42", stripeSessionId: null };
    expect(await refundPayment(stripeEnv, order)).toBe("re_1");
    await refundPayment(stripeEnv, order);
    expect(refunds()).toHaveLength(2);
    for (const call of refunds()) {
      expect(call.method).toBe("POST");
      expect(call.idempotencyKey).toBe("refund-ORDER42");
      expect(call.body.get("payment_intent")).toBe("pi_42");
      expect(call.body.get("metadata[order_id]")).toBe("ORDER42");
      // no amount: the whole payment
      expect(call.body.has("amount")).toBe(false);
    }
  });

  it("a group that fails at its deadline: its Stripe payment is refunded by Stripe, once, however often the cron runs", async () => {
    const merchant = await signInMerchant();
    const product = await groupDeal(merchant, 3);
    const leader = await stripeShopper("团长");
    const opened = await groupOrder(leader, product.id, { open_group: true });
    expect(opened.status).toBe(201);
    expect(opened.body.payment).toMatchObject({
      provider: "stripe",
      url: expect.stringContaining("checkout.stripe.com"),
    });
    const session = calls.find((c) => c.url === "/v1/checkout/sessions")!;
    expect(session.body.get("success_url")).toBe(`http://store.test/g/${opened.body.group!.id}`);

    await deliver(paidEvent("evt_leader", opened.body.order.id));
    const group = (await leader.json(`/api/groups/${opened.body.group!.id}`)).body.group;
    expect(group.status).toBe("open");
    expect(refunds()).toHaveLength(0);

    const deadline = Date.parse(group.expires_at);
    await Promise.all([runCron(stripeEnv, deadline + 1000), runCron(stripeEnv, deadline + 1000)]);
    await runCron(stripeEnv, deadline + 61_000);
    expect(await orderRow(opened.body.order.id)).toEqual({
      status: "refunded",
      provider_refund: "sent",
      stripe_payment_intent_id: `pi_${opened.body.order.id}`,
    });
    // two crons at once may both ask; the key makes it one refund at Stripe
    expect(refunds().length).toBeGreaterThanOrEqual(1);
    expect(new Set(refunds().map((r) => r.idempotencyKey))).toEqual(new Set([`refund-${opened.body.order.id}`]));
    expect(refunds()[0]!.body.get("payment_intent")).toBe(`pi_${opened.body.order.id}`);
  });

  it("a payment that arrives after its group failed is refunded by Stripe once, whatever Stripe sends after", async () => {
    const merchant = await signInMerchant();
    const product = await groupDeal(merchant, 3);
    const leader = await stripeShopper("团长");
    const opened = await groupOrder(leader, product.id, { open_group: true });
    await deliver(paidEvent("evt_l2", opened.body.order.id));
    const group = (await leader.json(`/api/groups/${opened.body.group!.id}`)).body.group;
    const deadline = Date.parse(group.expires_at);
    setClockForTests(deadline - 20 * 60_000);
    const friend = await stripeShopper("好友");
    const joined = await groupOrder(friend, product.id, { group_id: group.id });
    expect(joined.status).toBe(201);

    setClockForTests(deadline + 1000);
    expect(await closeExpiredGroup(getDb(env.DB), group.id, deadline + 1000)).toBe("failed");
    const before = refunds().length;
    expect((await deliver(paidEvent("evt_friend", joined.body.order.id))).status).toBe(200);
    expect(await orderRow(joined.body.order.id)).toMatchObject({ status: "refunded", provider_refund: "sent" });
    // the same event again, and the delayed-payment event for the same session: nothing more
    await deliver(paidEvent("evt_friend", joined.body.order.id));
    await deliver(paidEvent("evt_friend_async", joined.body.order.id, "checkout.session.async_payment_succeeded"));
    await runCron(stripeEnv, deadline + 120_000);
    const mine = refunds()
      .slice(before)
      .filter((r) => r.idempotencyKey === `refund-${joined.body.order.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body.get("payment_intent")).toBe(`pi_${joined.body.order.id}`);
  });

  it("a payment for an order cancelled at the end of its hold is refunded; a refund Stripe refuses is sent again by the cron", async () => {
    const merchant = await signInMerchant();
    const product = await groupDeal(merchant, 2);
    const start = Date.now();
    setClockForTests(start);
    const leader = await stripeShopper("团长");
    const opened = await groupOrder(leader, product.id, { open_group: true });
    await runCron(stripeEnv, start + 16 * 60_000);
    expect((await orderRow(opened.body.order.id))!.status).toBe("cancelled");

    refundAnswer = "invalid";
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await deliver(paidEvent("evt_too_late", opened.body.order.id));
    expect(logged).toHaveBeenCalledOnce();
    expect(await orderRow(opened.body.order.id)).toMatchObject({ status: "cancelled", provider_refund: "due" });
    refundAnswer = "ok";
    await runCron(stripeEnv, start + 17 * 60_000);
    expect(await orderRow(opened.body.order.id)).toMatchObject({ status: "cancelled", provider_refund: "sent" });
    expect(new Set(refunds().map((r) => r.idempotencyKey))).toEqual(new Set([`refund-${opened.body.order.id}`]));
  });

  it("a payment read while its order was pending, but landing after the hold's cron cancelled it, is refunded once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 3000, stock: 5 });
    const start = Date.now();
    setClockForTests(start);
    const shopper = await stripeShopper("顾客");
    const placed = await placeOrder(shopper, product.id);
    const id = placed.body.order.id;
    // the webhook reads the order while it is still pending; the cron cancels it before the payment lands
    const pending = await ordersModule.findOrder(getDb(env.DB), id);
    await runCron(stripeEnv, start + 16 * 60_000);
    vi.spyOn(ordersModule, "findOrder").mockResolvedValueOnce(pending);
    await deliver(paidEvent("evt_raced_the_hold", id));
    expect(await orderRow(id)).toMatchObject({ status: "cancelled", provider_refund: "sent" });
    expect(refunds().map((r) => r.idempotencyKey)).toEqual([`refund-${id}`]);
  });

  it("a merchant's refund of an order Stripe charged sends the card's money back through Stripe, once", async () => {
    const merchant = new Client(stripeEnv);
    merchant.cookies = (await signInMerchant()).cookies;
    const product = await createProduct(merchant, { price_cents: 4500, stock: 5 });
    const shopper = await stripeShopper("顾客");
    const placed = await placeOrder(shopper, product.id);
    const id = placed.body.order.id;
    await deliver(paidEvent("evt_paid_then_refunded", id));
    const key = { "idempotency-key": crypto.randomUUID() };
    const refunded = await merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST", headers: key });
    expect(refunded.body.order.status).toBe("refunded");
    await merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST", headers: key });
    await runCron(stripeEnv, Date.now());
    expect(await orderRow(id)).toMatchObject({ status: "refunded", provider_refund: "sent" });
    const mine = refunds().filter((r) => r.idempotencyKey === `refund-${id}`);
    expect(mine.length).toBe(1);
    expect(mine[0]!.body.get("payment_intent")).toBe(`pi_${id}`);
  });
});
