// Faults: a D1 statement that fails inside a batch leaves nothing half-written, the API answers a
// clean error, and a retry after the fault applies exactly once. Temporary SQLite triggers play
// the failing database.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import {
  Client,
  createProduct,
  creditWallet,
  helpBargain,
  placeOrder,
  productStock,
  signInMerchant,
  signUp,
  startedBargain,
  distributorStatsOf,
  count,
  deliverStripeEvent,
  checkoutSessionEvent,
} from "./helpers";

const walletOf = async (userId: number) =>
  (await env.DB.prepare("SELECT coalesce(sum(amount_cents), 0) AS n FROM wallet_ledger WHERE user_id = ?")
    .bind(userId)
    .first<{ n: number }>())!.n;

const triggers: string[] = [];

/** Makes every `<event>` on `table` fail with `boom` until the test ends. */
async function breakTable(table: string, event: "INSERT" | "UPDATE", body = "SELECT RAISE(ABORT, 'boom');") {
  const name = `fault_${table}_${event.toLowerCase()}_${triggers.length}`;
  await env.DB.prepare(`CREATE TRIGGER ${name} BEFORE ${event} ON ${table} BEGIN ${body} END`).run();
  triggers.push(name);
}

async function repairAll() {
  for (const name of triggers.splice(0)) await env.DB.prepare(`DROP TRIGGER IF EXISTS ${name}`).run();
}

afterEach(repairAll);

/** A server error in the contract's shape, with nothing of the database's inside. */
function expectCleanServerError(status: number, body: unknown) {
  expect(status).toBe(500);
  expect(body).toEqual({ error: { code: "internal", message: expect.any(String) } });
  const text = JSON.stringify(body);
  for (const leak of ["boom", "SQLITE", "D1_", "order_items", "stripe_events", "checkins", "bargains", "    at "]) {
    expect(text).not.toContain(leak);
  }
}

describe("a D1 failure in the middle of placing an order", () => {
  it("writes no order, no key, no stock and no wallet change; the same key then places it once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 5 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 500);
    // the batch writes the key, the order and then its items: the items insert fails
    await breakTable("order_items", "INSERT");

    const failed = await placeOrder(client, product.id, {
      quantity: 2,
      wallet_cents: 300,
      key: "fault-key-1-of-the-test",
    });
    expectCleanServerError(failed.status, failed.body);
    expect(await count("SELECT count(*) AS n FROM orders WHERE user_id = ?", userId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE scope = ?", `u:${userId}`)).toBe(0);
    expect((await productStock(product.id)).stock).toBe(5);
    expect(await walletOf(userId)).toBe(500);

    await repairAll();
    const retried = await placeOrder(client, product.id, {
      quantity: 2,
      wallet_cents: 300,
      key: "fault-key-1-of-the-test",
    });
    expect(retried.status).toBe(201);
    expect(retried.body.order).toMatchObject({ subtotal_cents: 2000, wallet_cents: 300, total_cents: 1700 });
    const again = await placeOrder(client, product.id, {
      quantity: 2,
      wallet_cents: 300,
      key: "fault-key-1-of-the-test",
    });
    expect(again.status).toBe(200);
    expect(again.body.order.id).toBe(retried.body.order.id);
    expect(await count("SELECT count(*) AS n FROM orders WHERE user_id = ?", userId)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(3);
    expect(await walletOf(userId)).toBe(200);
  });

  it("stock taken by someone else mid-batch aborts the whole order, wallet spend included: 409 out_of_stock", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 5 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 500);
    // another sale empties the shelf between the order's read and its batch
    await breakTable("order_items", "INSERT", `UPDATE products SET stock = 0 WHERE id = ${product.id};`);

    const refused = await placeOrder(client, product.id, { wallet_cents: 300, key: "fault-key-2-of-the-test" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("out_of_stock");
    expect(await count("SELECT count(*) AS n FROM orders WHERE user_id = ?", userId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE scope = ?", `u:${userId}`)).toBe(0);
    expect(await walletOf(userId)).toBe(500);
    // the trigger's own write went with the rest of the batch
    expect((await productStock(product.id)).stock).toBe(5);
  });
});

describe("a Stripe webhook that crashes after applying the payment", () => {
  const completed = (eventId: string, orderId: string) => checkoutSessionEvent(eventId, orderId);

  const deliver = (event: object) => deliverStripeEvent(event);

  it("answers 5xx and applies nothing, so Stripe retries; the retry applies it once, accrues commission once, then it is a duplicate", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 5000, stock: 5 });
    const distributor = await signUp("推广员");
    const link = (await distributor.client.json("/api/links", { body: { product_id: product.id } })).body.link;
    const shopper = new Client();
    await shopper.fetch(`/s/${link.code}`, { headers: { "user-agent": "Mozilla/5.0 (iPhone) Mobile" } });
    const { body } = await placeOrder(shopper, product.id);
    const orderId = body.order.id;
    expect(body.order.referrer_code).toBe(link.code);
    const event = completed(`evt_crash_${orderId}`, orderId);

    await breakTable("stripe_events", "INSERT");
    const crashed = await deliver(event);
    expectCleanServerError(crashed.status, crashed.body);
    // the event is recorded in the payment's own batch: neither happened
    expect((await shopper.json(`/api/orders/${orderId}`)).body.order.status).toBe("pending");
    expect(await count("SELECT count(*) AS n FROM commission_ledger WHERE order_id = ?", orderId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM stripe_events WHERE id = ?", event.id)).toBe(0);

    await repairAll();
    const retried = await deliver(event);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ received: true });
    expect((await shopper.json(`/api/orders/${orderId}`)).body.order.status).toBe("paid");
    expect(await count("SELECT count(*) AS n FROM orders WHERE id = ? AND paid_at IS NOT NULL", orderId)).toBe(1);
    const ledger = await env.DB.prepare(
      "SELECT distributor_user_id, level, bucket, event, amount_cents FROM commission_ledger WHERE order_id = ?",
    )
      .bind(orderId)
      .all();
    expect(ledger.results).toEqual([
      { distributor_user_id: distributor.userId, level: 1, bucket: "pending", event: "accrue", amount_cents: 500 },
    ]);
    const stats = await distributorStatsOf(distributor.client);
    expect(stats).toMatchObject({ orders: 1, commission: { pending_cents: 500 } });

    const third = await deliver(event);
    expect(third.status).toBe(200);
    expect(third.body).toEqual({ received: true, duplicate: true });
    expect(await count("SELECT count(*) AS n FROM commission_ledger WHERE order_id = ?", orderId)).toBe(1);
  });
});

describe("a check-in whose batch fails", () => {
  it("credits nothing and records no day; once repaired the day is checked in and paid once", async () => {
    const { client, userId } = await signUp();
    await breakTable("checkins", "INSERT");
    const failed = await client.json("/api/checkin", { method: "POST" });
    expectCleanServerError(failed.status, failed.body);
    expect(await walletOf(userId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM wallet_ledger WHERE user_id = ?", userId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM checkins WHERE user_id = ?", userId)).toBe(0);
    expect((await client.json("/api/checkin")).body).toMatchObject({ checked_in_today: false, wallet_cents: 0 });

    await repairAll();
    const ok = await client.json("/api/checkin", { method: "POST" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ streak: 1, credited_cents: 450, wallet_cents: 450 });
    expect((await client.json("/api/checkin", { method: "POST" })).status).toBe(409);
    expect(await walletOf(userId)).toBe(450);
  });
});

describe("a bargain help whose batch fails", () => {
  it("leaves helper_count and current_cents as they were and records no help; the help then lands once", async () => {
    const merchant = await signInMerchant();
    const { bargain } = await startedBargain(merchant);
    const friend = await signUp("好友");
    // the help is recorded first, then the bargain moves: moving it fails
    await breakTable("bargains", "UPDATE");
    const failed = await helpBargain(friend.client, bargain.id);
    expectCleanServerError(failed.status, failed.body);
    const row = await env.DB.prepare("SELECT helper_count, current_cents FROM bargains WHERE id = ?")
      .bind(bargain.id)
      .first();
    expect(row).toEqual({ helper_count: 0, current_cents: bargain.price_cents });
    expect(await count("SELECT count(*) AS n FROM bargain_helps WHERE bargain_id = ?", bargain.id)).toBe(0);

    await repairAll();
    const helped = await helpBargain(friend.client, bargain.id);
    expect(helped.status).toBe(200);
    expect(helped.body.bargain.helper_count).toBe(1);
    expect(helped.body.bargain.current_cents).toBe(bargain.price_cents - helped.body.cut_cents);
    const twice = await friend.client.json(`/api/bargains/${bargain.id}/help`, { method: "POST" });
    expect(twice.body.error.code).toBe("already_helped");
  });
});
