import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { runCron } from "../worker/services/run-cron";
import {
  CONTACT,
  Client,
  createProduct,
  creditWallet,
  paidOrder,
  placeOrder,
  productStock,
  signInMerchant,
  signUp,
  setClockForTests,
  count,
} from "./helpers";

afterEach(() => setClockForTests(null));

describe("placing an order", () => {
  it("a guest orders: 201, pending, priced from the database, stock held, demo payment", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 4990, stock: 5 });
    const guest = new Client();
    const { status, body } = await placeOrder(guest, product.id, { quantity: 2 });
    expect(status).toBe(201);
    expect(body.payment).toEqual({ provider: "demo" });
    expect(body.order).toMatchObject({
      status: "pending",
      items: [{ product_id: product.id, quantity: 2, unit_price_cents: 4990 }],
      subtotal_cents: 9980,
      wallet_cents: 0,
      total_cents: 9980,
      referrer_code: null,
    });
    expect((await productStock(product.id)).stock).toBe(3);

    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.id).toBe(body.order.id);
    expect((await new Client().json(`/api/orders/${body.order.id}`)).status).toBe(404);
    expect((await merchant.json(`/api/orders/${body.order.id}`)).status).toBe(200);
  });

  it("charges the flash price inside the sale window and takes sale stock", async () => {
    const merchant = await signInMerchant();
    const now = Date.now();
    const product = await createProduct(merchant, {
      price_cents: 10000,
      stock: 50,
      flash_sale: {
        price_cents: 6000,
        starts_at: new Date(now - 60_000).toISOString(),
        ends_at: new Date(now + 60_000).toISOString(),
        stock: 3,
      },
    });
    const { body } = await placeOrder(new Client(), product.id, { quantity: 2 });
    expect(body.order.items[0].unit_price_cents).toBe(6000);
    expect(await productStock(product.id)).toEqual({ stock: 48, flash_stock: 1 });

    setClockForTests(now + 120_000);
    const after = await placeOrder(new Client(), product.id);
    expect(after.body.order.items[0].unit_price_cents).toBe(10000);
  });

  it("refuses what cannot be bought: 409 out_of_stock, 404 for an unknown product, 400 for bad input", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 1 });
    const tooMany = await placeOrder(new Client(), product.id, { quantity: 2 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe("out_of_stock");
    expect((await productStock(product.id)).stock).toBe(1);

    const unknown = await placeOrder(new Client(), 987654);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");

    const bad = await new Client().json("/api/orders", {
      body: { items: [{ product_id: product.id, quantity: 0 }], contact: { ...CONTACT, phone: "123" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_input");
    expect(bad.body.error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(
      expect.arrayContaining(["items.0.quantity", "contact.phone"]),
    );
  });

  it("30 shoppers pressing buy at once on stock 8 get exactly 8 orders; stock ends at 0", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 8 });
    const results = await Promise.all(Array.from({ length: 30 }, () => placeOrder(new Client(), product.id)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    expect(statuses.filter((s) => s === 409)).toHaveLength(22);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "out_of_stock")).toBe(true);
    expect((await productStock(product.id)).stock).toBe(0);
    expect(await count("SELECT count(*) AS n FROM order_items WHERE product_id = ?", product.id)).toBe(8);
  });

  it("the same Idempotency-Key returns the same order with 200, even for 15 simultaneous retries", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 10 });
    const guest = new Client();
    await guest.fetch("/"); // gets the visitor cookie every retry shares
    const key = crypto.randomUUID();
    const first = await placeOrder(guest, product.id, { key });
    const again = await placeOrder(guest, product.id, { key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.order.id).toBe(first.body.order.id);

    const { userId, client } = await signUp();
    const burst = await Promise.all(
      Array.from({ length: 15 }, () => placeOrder(client, product.id, { key: "burst-key-of-a-signed-in-buyer" })),
    );
    expect(new Set(burst.map((r) => r.body.order.id)).size).toBe(1);
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(14);
    expect(await count("SELECT count(*) AS n FROM orders WHERE user_id = ?", userId)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(8);
  });

  it("a key belongs to its sender: another shopper's same key places another order", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const a = await placeOrder((await signUp()).client, product.id, { key: "shared-key-of-two-shoppers" });
    const b = await placeOrder((await signUp()).client, product.id, { key: "shared-key-of-two-shoppers" });
    expect(b.status).toBe(201);
    expect(b.body.order.id).not.toBe(a.body.order.id);
  });
});

describe("paying and the order's life", () => {
  it("demo payment marks the order paid; paying again changes nothing", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    const paid = await guest.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
    expect(paid.status).toBe(200);
    expect(paid.body.order.status).toBe("paid");
    expect((await guest.json(`/api/orders/${body.order.id}/pay`, { method: "POST" })).body.order.status).toBe("paid");
    expect((await new Client().json(`/api/orders/${body.order.id}/pay`, { method: "POST" })).status).toBe(404);
  });

  it("an unpaid order holds its stock 15 minutes, then the cron cancels it and the stock comes back once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 3 });
    const start = Date.now();
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id, { quantity: 2 });
    expect((await productStock(product.id)).stock).toBe(1);

    await runCron(env, start + 14 * 60_000);
    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.status).toBe("pending");
    expect((await productStock(product.id)).stock).toBe(1);
    // two sweeps at once: the stock still comes back once (3, not 5)
    const later = start + 15 * 60_000 + 1000;
    await Promise.all([runCron(env, later), runCron(env, later)]);
    expect((await productStock(product.id)).stock).toBe(3);
    expect((await guest.json(`/api/orders/${body.order.id}`)).body.order.status).toBe("cancelled");

    const pay = await guest.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
    expect(pay.status).toBe(409);
    expect(pay.body.error.code).toBe("bad_transition");
  });

  it("a refund refused for an unpaid order gives back no wallet cash (it did before)", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 5 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 500);
    const { body } = await placeOrder(client, product.id, { wallet_cents: 500 });
    const refused = await merchant.json(`/api/admin/orders/${body.order.id}/refund`, { method: "POST" });
    expect(refused.status).toBe(409);
    expect(await count("SELECT coalesce(sum(amount_cents), 0) AS n FROM wallet_ledger WHERE user_id = ?", userId)).toBe(
      0,
    );
  });

  it("the merchant ships, completes and refunds; other moves are 409 bad_transition", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    const id = body.order.id;

    const early = await merchant.json(`/api/admin/orders/${id}/ship`, { method: "POST" });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("bad_transition");

    await guest.json(`/api/orders/${id}/pay`, { method: "POST" });
    expect((await merchant.json(`/api/admin/orders/${id}/complete`, { method: "POST" })).status).toBe(409);
    expect((await merchant.json(`/api/admin/orders/${id}/ship`, { method: "POST" })).body.order.status).toBe("shipped");
    expect((await merchant.json(`/api/admin/orders/${id}/complete`, { method: "POST" })).body.order.status).toBe(
      "completed",
    );
    expect((await merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST" })).body.order.status).toBe(
      "refunded",
    );
    expect((await merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST" })).status).toBe(409);

    const list = await merchant.json("/api/admin/orders?status=refunded");
    expect(list.body.orders.map((o: { id: string }) => o.id)).toContain(id);
    expect(list.body.orders.every((o: { status: string }) => o.status === "refunded")).toBe(true);
    expect((await merchant.json("/api/admin/orders/NOPE/ship", { method: "POST" })).status).toBe(404);
    const { client: shopper } = await signUp();
    expect((await shopper.json("/api/admin/orders")).status).toBe(403);
  });
});

describe("a refund puts unshipped stock back", () => {
  it("refunding a paid order returns its stock once; a shipped order's refund does not", async () => {
    const merchant = await signInMerchant();
    const now = Date.now();
    const product = await createProduct(merchant, {
      stock: 10,
      flash_sale: {
        price_cents: 100,
        starts_at: new Date(now - 60_000).toISOString(),
        ends_at: new Date(now + 3_600_000).toISOString(),
        stock: 4,
      },
    });
    const paid = await paidOrder(new Client(), product.id, 2);
    const shipped = await paidOrder(new Client(), product.id, 1);
    expect(await productStock(product.id)).toEqual({ stock: 7, flash_stock: 1 });
    await merchant.json(`/api/admin/orders/${shipped}/ship`, { method: "POST" });

    const refunds = await Promise.all(
      [1, 2, 3].map(() => merchant.json(`/api/admin/orders/${paid}/refund`, { method: "POST" })),
    );
    expect(refunds.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await productStock(product.id)).toEqual({ stock: 9, flash_stock: 3 });
    expect((await merchant.json(`/api/admin/orders/${shipped}/refund`, { method: "POST" })).status).toBe(200);
    expect(await productStock(product.id)).toEqual({ stock: 9, flash_stock: 3 });
    const flags = await env.DB.prepare("SELECT id, stock_released FROM orders WHERE id IN (?, ?) ORDER BY id = ?")
      .bind(paid, shipped, shipped)
      .all<{ id: string; stock_released: number }>();
    expect(flags.results.map((r) => r.stock_released)).toEqual([1, 0]);
  });
});

describe("wallet cash at checkout", () => {
  it("a signed-in buyer pays part of the order with wallet cash", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 450);
    const { status, body } = await placeOrder(client, product.id, { wallet_cents: 300 });
    expect(status).toBe(201);
    expect(body.order).toMatchObject({ subtotal_cents: 1000, wallet_cents: 300, total_cents: 700 });
    expect((await client.json("/api/me")).body.wallet_cents).toBe(150);
  });

  it("wallet cash can pay the whole item total (the order is paid at once) but not more", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 400 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 1000);
    const more = await placeOrder(client, product.id, { wallet_cents: 401 });
    expect(more.status).toBe(400);
    expect(more.body.error.issues[0].path).toEqual(["wallet_cents"]);
    const all = await placeOrder(client, product.id, { wallet_cents: 400 });
    expect(all.body.order).toMatchObject({ status: "paid", total_cents: 0 });
  });

  it("refuses a spend above the balance with 409 insufficient_wallet and writes nothing", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 4 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 100);
    const { status, body } = await placeOrder(client, product.id, { wallet_cents: 200 });
    expect(status).toBe(409);
    expect(body.error.code).toBe("insufficient_wallet");
    expect((await productStock(product.id)).stock).toBe(4);
    expect(await count("SELECT count(*) AS n FROM orders WHERE user_id = ?", userId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE scope = ?", `u:${userId}`)).toBe(0);
  });

  it("a guest cannot spend wallet cash: 401 unauthenticated, sign in first", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const { status, body } = await placeOrder(new Client(), product.id, { wallet_cents: 100 });
    expect(status).toBe(401);
    expect(body.error.code).toBe("unauthenticated");
  });

  it("10 simultaneous orders spending 200 from a 450 wallet: exactly 2 succeed and 50 remain", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000, stock: 20 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 450);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => placeOrder(client, product.id, { wallet_cents: 200 })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === "insufficient_wallet")).toHaveLength(8);
    expect((await client.json("/api/me")).body.wallet_cents).toBe(50);
    expect((await productStock(product.id)).stock).toBe(18);
  });

  it("a cancelled order's wallet spend comes back, once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 450);
    const start = Date.now();
    await placeOrder(client, product.id, { wallet_cents: 200 });
    expect((await client.json("/api/me")).body.wallet_cents).toBe(250);
    await runCron(env, start + 16 * 60_000);
    await runCron(env, start + 17 * 60_000);
    expect((await client.json("/api/me")).body.wallet_cents).toBe(450);
  });

  it("a refunded order's wallet spend comes back", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 1000 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 450);
    const { body } = await placeOrder(client, product.id, { wallet_cents: 300 });
    await client.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
    await merchant.json(`/api/admin/orders/${body.order.id}/refund`, { method: "POST" });
    expect((await client.json("/api/me")).body.wallet_cents).toBe(450);
  });
});
