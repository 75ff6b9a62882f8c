// Workers Logs: every step of an order is one JSON line carrying its id, so a merchant who filters
// on `order_id` reads the order's story; a payout and a failure are lines of their own.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CONTACT, Client, createProduct, distributorWithLink, paidOrder, signInMerchant } from "./helpers";

afterEach(() => vi.restoreAllMocks());

/** Everything the worker wrote to the console meanwhile, one parsed JSON object per line. */
function captureLogs() {
  const lines: unknown[] = [];
  const keep = (...args: unknown[]) => void lines.push(...args);
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
  return () => lines.map((line) => JSON.parse(String(line)) as Record<string, unknown>);
}

describe("structured logs", () => {
  it("a paid, then refunded order's story is three JSON lines with its id", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 4200, stock: 5 });
    const seller = await distributorWithLink(product.id);
    const shopper = new Client();
    await shopper.fetch(`/s/${seller.link}`, { headers: { "user-agent": "Mozilla/5.0 (iPhone) MicroMessenger/8.0" } });

    const logs = captureLogs();
    const orderId = await paidOrder(shopper, product.id, 2);
    expect((await merchant.json(`/api/admin/orders/${orderId}/refund`, { method: "POST" })).status).toBe(200);

    const story = logs().filter((line) => line.order_id === orderId);
    expect(story).toEqual([
      expect.objectContaining({ level: "info", event: "order.placed", status: "pending", total_cents: 8400 }),
      expect.objectContaining({ level: "info", event: "order.paid", status: "paid", payment_provider: "demo" }),
      expect.objectContaining({ level: "info", event: "order.refunded", status: "refunded", total_cents: 8400 }),
    ]);
    expect(story.every((line) => line.distributor_user_id === seller.userId)).toBe(true);
    // a log line holds no contact details
    expect(JSON.stringify(story)).not.toContain(CONTACT.phone);
  });

  it("a payout is a line with the distributor and the amount; a refusal is none", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 10000 });
    const seller = await distributorWithLink(product.id);
    const logs = captureLogs();
    const payout = () => merchant.json(`/api/admin/distributors/${seller.userId}/payout`, { method: "POST" });
    expect((await payout()).status).toBe(409); // nothing available yet
    await env.DB.prepare(
      `INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at)
       VALUES (?, NULL, 1, 'available', 'mature', 1500, ?)`,
    )
      .bind(seller.userId, Date.now())
      .run();
    expect((await payout()).status).toBe(200);
    expect(logs().filter((line) => line.event === "commission.payout")).toEqual([
      { level: "info", event: "commission.payout", distributor_user_id: seller.userId, amount_cents: 1500 },
    ]);
  });

  it("a request that fails is an error line naming the order it was about", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const orderId = await paidOrder(new Client(), product.id);
    await env.DB.prepare(
      "CREATE TRIGGER logs_refund_fails BEFORE UPDATE ON orders BEGIN SELECT RAISE(ABORT, 'boom'); END",
    ).run();
    try {
      const logs = captureLogs();
      expect((await merchant.json(`/api/admin/orders/${orderId}/refund`, { method: "POST" })).status).toBe(500);
      expect(logs()).toEqual([
        expect.objectContaining({
          level: "error",
          event: "request.failed",
          method: "POST",
          path: `/api/admin/orders/${orderId}/refund`,
          order_id: orderId,
          error: expect.stringContaining("boom"),
        }),
      ]);
    } finally {
      await env.DB.prepare("DROP TRIGGER logs_refund_fails").run();
    }
  });
});
