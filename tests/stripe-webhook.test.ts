import { describe, expect, it } from "vitest";
import { checkoutSessionEvent, Client, createProduct, placeOrder, signInMerchant, deliverStripeEvent } from "./helpers";

const deliver = (event: object, secret?: string) => deliverStripeEvent(event, { secret });

const completed = (eventId: string, orderId: string, paymentStatus = "paid") =>
  checkoutSessionEvent(eventId, orderId, { paymentStatus });

describe("the Stripe webhook", () => {
  it("a signed checkout.session.completed marks the order paid", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    const res = await deliver(completed("evt_paid_1", body.order.id));
    expect(res.status).toBe(200);
    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.status).toBe("paid");
  });

  it("refuses a payload whose signature does not match with 400, and changes nothing", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    const forged = await deliver(completed("evt_forged", body.order.id), "whsec_someone_else");
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe("bad_signature");
    const unsigned = await new Client().json("/api/stripe/webhook", { body: completed("evt_unsigned", body.order.id) });
    expect(unsigned.status).toBe(400);
    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.status).toBe("pending");
  });

  it("an event delivered twice, or twice at once, is applied once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    const event = completed("evt_twice", body.order.id);
    const results = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await deliver(event)).body).toEqual({ received: true, duplicate: true });
    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.status).toBe("paid");
  });

  it("a session whose payment is still processing does not mark the order paid", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    await deliver(completed("evt_unpaid", body.order.id, "unpaid"));
    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.status).toBe("pending");
  });
});
