// Idempotency-Key as the IETF httpapi draft and Stripe have it: one key, one order, with or without
// cookies; another body under a key is 422; keys live a day; every money-moving POST acts once.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { requestFingerprint } from "../worker/lib/request-fingerprint";
import { runCron } from "../worker/services/run-cron";
import {
  CONTACT,
  Client,
  creditWallet,
  createProduct,
  distributorWithLink,
  paidOrder,
  placeOrder,
  productStock,
  setClockForTests,
  signInMerchant,
  signUp,
  count,
} from "./helpers";

afterEach(() => setClockForTests(null));

const ordersOf = (productId: number) =>
  count("SELECT count(DISTINCT order_id) AS n FROM order_items WHERE product_id = ?", productId);

const HOUR = 3600 * 1000;

describe("placing an order under an Idempotency-Key", () => {
  it("15 concurrent retries of one key from clients without cookies place 1 order and take stock once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 10 });
    const key = crypto.randomUUID();
    const burst = await Promise.all(Array.from({ length: 15 }, () => placeOrder(new Client(), product.id, { key })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(14);
    expect(new Set(burst.map((r) => r.body.order.id)).size).toBe(1);
    expect(await ordersOf(product.id)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(9);
  });

  it("a retry that lost the first answer and its cookies gets the order, and the cookie to see and pay it", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const key = crypto.randomUUID();
    const first = await placeOrder(new Client(), product.id, { key });
    const retry = new Client();
    const again = await placeOrder(retry, product.id, { key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.order).toEqual(first.body.order);
    expect((await retry.json(`/api/orders/${first.body.order.id}`)).status).toBe(200);
    const paid = await retry.json(`/api/orders/${first.body.order.id}/pay`, { method: "POST" });
    expect(paid.body.order.status).toBe("paid");
    expect((await productStock(product.id)).stock).toBe(4);
  });

  it("the same key with another body is 422 idempotency_key_reused and writes nothing; reordered keys are the same body", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const key = crypto.randomUUID();
    const guest = new Client();
    expect((await placeOrder(guest, product.id, { key })).status).toBe(201);
    const other = await placeOrder(guest, product.id, { key, quantity: 2 });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    // the same body spelt differently (keys in another order, other spacing) is the same request
    const respelt = `{ "contact": ${JSON.stringify({ address: CONTACT.address, phone: CONTACT.phone, name: CONTACT.name })},
      "items": [ { "quantity": 1, "product_id": ${product.id} } ] }`;
    const same = await new Client().json("/api/orders", { body: respelt, headers: { "idempotency-key": key } });
    expect(same.status).toBe(200);
    expect(await ordersOf(product.id)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(4);

    const { client } = await signUp();
    const userKey = crypto.randomUUID();
    expect((await placeOrder(client, product.id, { key: userKey })).status).toBe(201);
    const reused = await placeOrder(client, product.id, { key: userKey, quantity: 3 });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe("idempotency_key_reused");
    expect((await productStock(product.id)).stock).toBe(3);
  });

  it("a signed-in shopper's keys are their own: a guest's or another account's same key is another order", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const key = crypto.randomUUID();
    const guest = await placeOrder(new Client(), product.id, { key });
    const a = await placeOrder((await signUp()).client, product.id, { key });
    const b = await placeOrder((await signUp()).client, product.id, { key });
    expect([guest.status, a.status, b.status]).toEqual([201, 201, 201]);
    expect(new Set([guest, a, b].map((r) => r.body.order.id)).size).toBe(3);
  });

  it("a key is 16–200 characters; the draft's quoted form is the same key as the bare one", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const short = await placeOrder(new Client(), product.id, { key: "retry-1" });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe("invalid_input");
    expect(short.body.error.issues[0]!.path).toEqual(["idempotency-key"]);
    const key = crypto.randomUUID();
    const quoted = await placeOrder(new Client(), product.id, { key: `"${key}"` });
    const bare = await placeOrder(new Client(), product.id, { key });
    expect([quoted.status, bare.status]).toEqual([201, 200]);
    expect(bare.body.order.id).toBe(quoted.body.order.id);
  });

  it("keys are kept 24 hours: a retry a minute before still finds the order; then the cron forgets the key", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const start = Date.now();
    setClockForTests(start);
    const key = crypto.randomUUID();
    const first = await placeOrder(new Client(), product.id, { key });
    await runCron(env, start + 24 * HOUR - 60_000);
    setClockForTests(start + 24 * HOUR - 60_000);
    const late = await placeOrder(new Client(), product.id, { key });
    expect(late.status).toBe(200);
    expect(late.body.order.id).toBe(first.body.order.id);

    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?", key)).toBe(1);
    await runCron(env, start + 24 * HOUR + 60_000);
    expect(await count("SELECT count(*) AS n FROM idempotency_keys WHERE key = ?", key)).toBe(0);
  });
});

describe("every money-moving POST acts once per key", () => {
  it("a merchant's double click on refund refunds once and answers 200 twice; without a key the second is 409", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const id = await paidOrder(new Client(), product.id);
    const key = crypto.randomUUID();
    const refund = () =>
      merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST", headers: { "idempotency-key": key } });
    const first = await refund();
    const second = await refund();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    expect(second.res.headers.get("idempotent-replayed")).toBe("true");
    expect((await merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST" })).status).toBe(409);
    expect((await productStock(product.id)).stock).toBe(5);
  });

  it("15 concurrent refunds of one order under one key: it is refunded once; no answer is bad_transition", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const { client, userId } = await signUp();
    await creditWallet(userId, 500);
    const placed = await placeOrder(client, product.id, { wallet_cents: 500 });
    await client.json(`/api/orders/${placed.body.order.id}/pay`, { method: "POST" });
    const id = placed.body.order.id;
    const key = crypto.randomUUID();
    const burst = await Promise.all(
      Array.from({ length: 15 }, () =>
        merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST", headers: { "idempotency-key": key } }),
      ),
    );
    for (const r of burst) {
      if (r.status === 200) expect(r.body.order.status).toBe("refunded");
      else expect([r.status, r.body.error.code]).toEqual([409, "request_in_progress"]);
    }
    expect(burst.some((r) => r.status === 200)).toBe(true);
    const later = await merchant.json(`/api/admin/orders/${id}/refund`, {
      method: "POST",
      headers: { "idempotency-key": key },
    });
    expect(later.status).toBe(200);
    expect(await count("SELECT count(*) AS n FROM wallet_ledger WHERE order_id = ? AND kind = 'refund'", id)).toBe(1);
    expect((await productStock(product.id)).stock).toBe(5);
  });

  it("pay, ship, complete and check-in answer a retried key the same, and a key reused elsewhere is 422", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    const guest = new Client();
    const { body } = await placeOrder(guest, product.id);
    const id = body.order.id;
    const payKey = crypto.randomUUID();
    const pay = () => guest.json(`/api/orders/${id}/pay`, { method: "POST", headers: { "idempotency-key": payKey } });
    expect((await pay()).body).toEqual((await pay()).body);
    for (const action of ["ship", "complete"]) {
      const key = crypto.randomUUID();
      const move = () =>
        merchant.json(`/api/admin/orders/${id}/${action}`, { method: "POST", headers: { "idempotency-key": key } });
      const [a, b] = [await move(), await move()];
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(b.body).toEqual(a.body);
    }
    const elsewhere = await merchant.json(`/api/admin/orders/${id}/refund`, {
      method: "POST",
      headers: { "idempotency-key": payKey },
    });
    // the pay key is a guest's (scope `g`), the merchant's keys are the merchant's: another request
    expect(elsewhere.status).toBe(200);
    const reusedByGuest = await guest.json(`/api/orders/${id}/pay`, {
      method: "POST",
      headers: { "idempotency-key": payKey },
      body: { another: "body" },
    });
    expect(reusedByGuest.status).toBe(422);
    expect(reusedByGuest.body.error.code).toBe("idempotency_key_reused");

    const { client } = await signUp();
    const checkinKey = crypto.randomUUID();
    const checkIn = () => client.json("/api/checkin", { method: "POST", headers: { "idempotency-key": checkinKey } });
    const [first, again] = [await checkIn(), await checkIn()];
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect((await client.json("/api/checkin", { method: "POST" })).body.error.code).toBe("already_checked_in");
  });

  it("a payout clicked twice under one key pays once and answers the same amount twice", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 10000 });
    const seller = await distributorWithLink(product.id, "收款人");
    await env.DB.prepare(
      "INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at) VALUES (?, NULL, 1, 'available', 'mature', 1234, ?)",
    )
      .bind(seller.userId, Date.now())
      .run();
    const key = crypto.randomUUID();
    const payout = () =>
      merchant.json(`/api/admin/distributors/${seller.userId}/payout`, {
        method: "POST",
        headers: { "idempotency-key": key },
      });
    const [a, b] = await Promise.all([payout(), payout()]);
    const answered = [a, b].filter((r) => r.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of [a, b]) if (r.status !== 200) expect(r.body.error.code).toBe("request_in_progress");
    const c = await payout();
    expect(c.status).toBe(200);
    expect(c.body.payout.amount_cents).toBe(1234);
    for (const r of answered) expect(r.body).toEqual(c.body);
    expect(
      await count(
        "SELECT count(*) AS n FROM commission_ledger WHERE distributor_user_id = ? AND event = 'payout'",
        seller.userId,
      ),
    ).toBe(2);
  });

  /** A claim as a request a crash cut leaves it: its key taken, no answer, `claimed_at` then. */
  async function leftByACrash(userId: number, path: string, key: string, claimedAt: number) {
    const fingerprint = await requestFingerprint("POST", path, "");
    await env.DB.prepare(
      "INSERT INTO idempotent_requests (scope, key, fingerprint, created_at, claimed_at) VALUES (?, ?, ?, ?, ?)",
    )
      .bind(`u:${userId}`, key, fingerprint, claimedAt, claimedAt)
      .run();
  }

  it("a retry after a crash cut the first request: a minute later it runs again, acts once, and answers as the first would have", async () => {
    const merchant = await signInMerchant();
    const merchantId = (await merchant.json("/api/me")).body.user!.id;
    const product = await createProduct(merchant, { stock: 5 });
    const start = Date.now();
    setClockForTests(start);
    const refunded = await paidOrder(new Client(), product.id);
    const notYet = await paidOrder(new Client(), product.id);
    // the first made it before the crash; the second did not
    await merchant.json(`/api/admin/orders/${refunded}/refund`, { method: "POST" });
    const [k1, k2] = [crypto.randomUUID(), crypto.randomUUID()];
    await leftByACrash(merchantId, `/api/admin/orders/${refunded}/refund`, k1, start);
    await leftByACrash(merchantId, `/api/admin/orders/${notYet}/refund`, k2, start);

    const refund = (id: string, key: string) =>
      merchant.json(`/api/admin/orders/${id}/refund`, { method: "POST", headers: { "idempotency-key": key } });
    const tooSoon = await refund(refunded, k1);
    expect([tooSoon.status, tooSoon.body.error.code]).toEqual([409, "request_in_progress"]);

    setClockForTests(start + 61_000);
    const resumed = await refund(refunded, k1);
    expect(resumed.status).toBe(200);
    expect(resumed.body.order.status).toBe("refunded");
    const ranNow = await refund(notYet, k2);
    expect(ranNow.body.order.status).toBe("refunded");
    expect((await productStock(product.id)).stock).toBe(5);
    expect((await refund(refunded, k1)).body).toEqual(resumed.body);
  }, 30_000); // the first retry waits for the running claim before it answers 409

  it("a check-in and a payout a crash cut after they were written: the retry answers what they did, not 409", async () => {
    const merchant = await signInMerchant();
    const merchantId = (await merchant.json("/api/me")).body.user!.id;
    const start = Date.now();
    setClockForTests(start);
    const { client: shopper, userId } = await signUp("签到人");
    const [checkinKey, payoutKey] = [crypto.randomUUID(), crypto.randomUUID()];
    // the first requests acted, then crashed before storing their answers
    const checkedIn = await shopper.json("/api/checkin", { method: "POST" });
    await leftByACrash(userId, "/api/checkin", checkinKey, start);
    const seller = await distributorWithLink((await createProduct(merchant)).id, "推广员");
    await env.DB.prepare(
      "INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at) VALUES (?, NULL, 1, 'available', 'mature', 777, ?)",
    )
      .bind(seller.userId, start)
      .run();
    const paid = await merchant.json(`/api/admin/distributors/${seller.userId}/payout`, { method: "POST" });
    await leftByACrash(merchantId, `/api/admin/distributors/${seller.userId}/payout`, payoutKey, start);

    setClockForTests(start + 61_000);
    const checkinAgain = await shopper.json("/api/checkin", {
      method: "POST",
      headers: { "idempotency-key": checkinKey },
    });
    expect([checkinAgain.status, checkinAgain.body]).toEqual([200, checkedIn.body]);
    const payoutAgain = await merchant.json(`/api/admin/distributors/${seller.userId}/payout`, {
      method: "POST",
      headers: { "idempotency-key": payoutKey },
    });
    expect([payoutAgain.status, payoutAgain.body]).toEqual([200, paid.body]);
    // a check-in made before this key's first request is not this key's: still 409
    const otherKey = crypto.randomUUID();
    await leftByACrash(userId, "/api/checkin", otherKey, start + 1);
    setClockForTests(start + 122_000);
    const notThisKeys = await shopper.json("/api/checkin", {
      method: "POST",
      headers: { "idempotency-key": otherKey },
    });
    expect([notThisKeys.status, notThisKeys.body.error.code]).toEqual([409, "already_checked_in"]);
  });
});
