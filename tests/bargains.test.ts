// Bargains through HTTP: starting one, friends' help and every refusal, 24 hours, the race, buying once.
import { env } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findPurchasableBargain } from "../db/bargains";
import { getDb } from "../db/client";
import { orders } from "../db/schema";
import {
  type Bargain,
  Client,
  ORIGIN,
  completedBargain,
  createProduct,
  helpBargain as help,
  placeOrder,
  signInMerchant,
  signUp,
  signUpMany,
  startBargain as start,
  startedBargain as startedBargainBy,
  setClockForTests,
  openApiDocument,
} from "./helpers";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** 10:00 in Shanghai, the store's time zone. */
const T0 = Date.parse("2026-11-25T02:00:00Z");

let merchant: Client;

async function bargainProduct(fields: Record<string, unknown> = {}) {
  return createProduct(merchant, {
    title: "秦岭土蜂蜜",
    price_cents: 9900,
    bargain: { floor_cents: 1, helpers: 3 },
    ...fields,
  });
}

const startedBargain = (fields: Record<string, unknown> = {}) => startedBargainBy(merchant, fields);

const read = (bargainId: string) =>
  new Client().json<{
    bargain: Bargain & { helpers: Array<{ nickname: string; cut_cents: number }> };
    helpers: unknown;
  }>(`/api/bargains/${bargainId}`);

beforeAll(async () => {
  merchant = await signInMerchant();
});
beforeEach(() => setClockForTests(T0));
afterEach(() => setClockForTests(null));

describe("starting a bargain", () => {
  it("starts a 24-hour bargain from the list price on a product that allows it, and starting again returns the same one", async () => {
    const product = await bargainProduct();
    const { client } = await signUp();
    const first = await start(client, product.id);
    expect(first.status).toBe(201);
    expect(first.body.bargain).toMatchObject({
      product_id: product.id,
      status: "active",
      price_cents: 9900,
      floor_cents: 1,
      current_cents: 9900,
      helpers_needed: 3,
      helper_count: 0,
      expires_at: new Date(T0 + DAY_MS).toISOString(),
      share_url: `${ORIGIN}/b/${first.body.bargain.id}`,
    });
    const again = await start(client, product.id);
    expect(again.status).toBe(200);
    expect(again.body.bargain.id).toBe(first.body.bargain.id);
  });

  it("refuses a product without a bargain rule or no longer on sale with 409 bargain_not_allowed, and an unknown one with 404", async () => {
    const plain = await createProduct(merchant, { title: "不砍价的茶" });
    const archived = await bargainProduct({ active: false });
    const { client } = await signUp();
    for (const id of [plain.id, archived.id]) {
      const { status, body } = await start(client, id);
      expect(status).toBe(409);
      expect(body).toMatchObject({ error: { code: "bargain_not_allowed" } });
    }
    const missing = await start(client, 999_999);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "not_found" } });
  });

  it("asks a signed-out visitor to sign in before starting or helping: 401 unauthenticated", async () => {
    const { product, bargain } = await startedBargain();
    const guest = new Client();
    expect((await start(guest, product.id)).body).toMatchObject({ error: { code: "unauthenticated" } });
    const helped = await help(guest, bargain.id);
    expect(helped.status).toBe(401);
    expect(helped.body).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("keeps one live bargain per shopper and product, and allows a new one once it has expired", async () => {
    const { product, starter, bargain } = await startedBargain();
    expect((await start(starter.client, product.id)).body.bargain.id).toBe(bargain.id);
    const other = await signUp();
    const theirs = await start(other.client, product.id);
    expect(theirs.status).toBe(201);
    expect(theirs.body.bargain.id).not.toBe(bargain.id);

    setClockForTests(T0 + DAY_MS);
    const fresh = await start(starter.client, product.id);
    expect(fresh.status).toBe(201);
    expect(fresh.body.bargain.id).not.toBe(bargain.id);
    expect((await read(bargain.id)).body.bargain.status).toBe("expired");
  });

  it("keeps the price and cuts it started with when the merchant later changes the product", async () => {
    const { product, bargain } = await startedBargain();
    const patched = await merchant.json(`/api/admin/products/${product.id}`, {
      method: "PATCH",
      body: { price_cents: 12000, bargain: { floor_cents: 500, helpers: 5 } },
    });
    expect(patched.status).toBe(200);
    const friend = await signUp();
    const helped = await help(friend.client, bargain.id);
    expect(helped.body.bargain).toMatchObject({
      id: bargain.id,
      product_id: product.id,
      price_cents: 9900,
      floor_cents: 1,
      helpers_needed: 3,
    });
    expect((await read(bargain.id)).body.bargain).toMatchObject({
      id: bargain.id,
      price_cents: 9900,
      current_cents: 9900 - helped.body.cut_cents,
    });
  });

  it("lists my bargains, newest first", async () => {
    const { starter, bargain } = await startedBargain();
    const second = await start(starter.client, (await bargainProduct()).id);
    const { status, body } = await starter.client.json<{ bargains: Bargain[] }>("/api/bargains");
    expect(status).toBe(200);
    expect(body.bargains.map((b) => b.id)).toEqual([second.body.bargain.id, bargain.id]);
    expect((await new Client().json("/api/bargains")).status).toBe(401);
  });
});

describe("helping a bargain", () => {
  it("a friend's help cuts the price by the first planned cut, and the bargain shows who cut how much", async () => {
    const { bargain } = await startedBargain();
    const friend = await signUp("小王");
    const { status, body } = await help(friend.client, bargain.id);
    expect(status).toBe(200);
    expect(body.cut_cents).toBeGreaterThanOrEqual(1);
    expect(body.cut_cents).toBeLessThanOrEqual(9899 - 2);
    expect(body.bargain).toMatchObject({
      id: bargain.id,
      status: "active",
      helper_count: 1,
      current_cents: 9900 - body.cut_cents,
    });
    const seen = await read(bargain.id);
    expect(seen.status).toBe(200);
    expect(seen.body.bargain.helpers).toEqual([{ nickname: "小王", cut_cents: body.cut_cents }]);
    expect(seen.body.helpers).toEqual(seen.body.bargain.helpers);
  });

  it("a friend helps a bargain once: the second help is 409 already_helped and cuts nothing", async () => {
    const { bargain } = await startedBargain();
    const friend = await signUp();
    const first = await help(friend.client, bargain.id);
    const second = await help(friend.client, bargain.id);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: "already_helped" } });
    expect((await read(bargain.id)).body.bargain).toMatchObject({
      helper_count: 1,
      current_cents: first.body.bargain.current_cents,
    });
  });

  it("the starter cannot help their own bargain: 409 own_bargain", async () => {
    const { starter, bargain } = await startedBargain();
    const { status, body } = await help(starter.client, bargain.id);
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: { code: "own_bargain" } });
    expect((await read(bargain.id)).body.bargain.helper_count).toBe(0);
  });

  it("the last required helper lands exactly on the floor; after that a help is 409 bargain_complete", async () => {
    const { bargain } = await startedBargain();
    const friends = await signUpMany(4);
    const cuts: number[] = [];
    for (const friend of friends.slice(0, 3)) {
      const { status, body } = await help(friend.client, bargain.id);
      expect(status).toBe(200);
      cuts.push(body.cut_cents);
    }
    expect(cuts.reduce((a, b) => a + b, 0)).toBe(9900 - 1);
    expect((await read(bargain.id)).body.bargain).toMatchObject({
      status: "complete",
      current_cents: 1,
      helper_count: 3,
    });
    const late = await help(friends[3]!.client, bargain.id);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: "bargain_complete" } });
  });

  it("a bargain lasts 24 hours: a help a millisecond before lands, at 24 hours it is 409 bargain_expired", async () => {
    const { bargain } = await startedBargain();
    const [early, late] = await signUpMany(2);
    setClockForTests(T0 + DAY_MS - 1);
    expect((await help(early!.client, bargain.id)).status).toBe(200);
    setClockForTests(T0 + DAY_MS);
    const { status, body } = await help(late!.client, bargain.id);
    expect(status).toBe(409);
    expect(body).toMatchObject({ error: { code: "bargain_expired" } });
    expect((await read(bargain.id)).body.bargain).toMatchObject({ status: "expired", helper_count: 1 });
  });

  it("a helper helps at most 5 bargains a store day: the 6th is 429 help_limit, and it lands after midnight in Shanghai", async () => {
    setClockForTests(Date.parse("2026-11-25T15:30:00Z")); // 23:30 in Shanghai
    const starter = await signUp();
    const bargains: Bargain[] = [];
    for (let i = 0; i < 6; i++) bargains.push((await start(starter.client, (await bargainProduct()).id)).body.bargain);
    const friend = await signUp();
    for (const b of bargains.slice(0, 5)) expect((await help(friend.client, b.id)).status).toBe(200);
    const sixth = await help(friend.client, bargains[5]!.id);
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ error: { code: "help_limit" } });
    expect((await read(bargains[5]!.id)).body.bargain.helper_count).toBe(0);

    setClockForTests(Date.parse("2026-11-25T16:05:00Z")); // 00:05 the next day in Shanghai, still the 25th in UTC
    expect((await help(friend.client, bargains[5]!.id)).status).toBe(200);
  });

  it("refuses an unknown bargain with 404", async () => {
    const friend = await signUp();
    expect((await help(friend.client, "nosuchbargain")).status).toBe(404);
    expect((await read("nosuchbargain")).status).toBe(404);
  });
});

describe("helping at the same moment", () => {
  it("30 friends tap at once on a bargain that needs 10: exactly 10 cuts land, they sum to price − floor, the price ends at the floor", async () => {
    const { bargain } = await startedBargain({ price_cents: 9900, bargain: { floor_cents: 1, helpers: 10 } });
    const friends = await signUpMany(30);
    const results = await Promise.all(friends.map((f) => help(f.client, bargain.id)));
    const landed = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(landed).toHaveLength(10);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body).toMatchObject({ error: { code: "bargain_complete" } });
    }
    expect(landed.reduce((sum, r) => sum + r.body.cut_cents, 0)).toBe(9900 - 1);
    const { body } = await read(bargain.id);
    expect(body.bargain).toMatchObject({ status: "complete", helper_count: 10, current_cents: 1 });
    const cuts = body.bargain.helpers!.map((h) => h.cut_cents);
    expect(cuts).toHaveLength(10);
    expect(cuts.reduce((a, b) => a + b, 0)).toBe(9900 - 1);
    // in cut order the plan is front-loaded: each cut no larger than the one before
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]!).toBeLessThanOrEqual(cuts[i - 1]!);
  });

  it("one friend tapping five times at once helps once", async () => {
    const { bargain } = await startedBargain();
    const friend = await signUp();
    const results = await Promise.all(Array.from({ length: 5 }, () => help(friend.client, bargain.id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409))
      expect(r.body).toMatchObject({ error: { code: "already_helped" } });
    expect((await read(bargain.id)).body.bargain.helper_count).toBe(1);
  });

  it("one friend tapping eight bargains at once helps five: the daily limit holds under concurrency", async () => {
    const starters = await signUpMany(8, "发起人");
    const product = await bargainProduct();
    const bargains = await Promise.all(starters.map(async (s) => (await start(s.client, product.id)).body.bargain));
    const friend = await signUp();
    const results = await Promise.all(bargains.map((b) => help(friend.client, b.id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
  });
});

describe("buying a completed bargain", () => {
  it("a completed bargain buys its product once, at the floor price, through POST /api/orders", async () => {
    const { product, starter, bargain } = await completedBargain(merchant);
    const first = await placeOrder(starter.client, product.id, { bargain_id: bargain.id });
    expect(first.status).toBe(201);
    expect(first.body.order).toMatchObject({
      items: [{ product_id: product.id, quantity: 1, unit_price_cents: 1 }],
      total_cents: 1,
    });
    expect((await read(bargain.id)).body.bargain.status).toBe("purchased");
    const second = await placeOrder(starter.client, product.id, { bargain_id: bargain.id });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: { code: "bargain_purchased" } });
  });

  it("a completed bargain past its 24 hours is not sold at the floor: 409 bargain_expired", async () => {
    const { product, starter, bargain } = await completedBargain(merchant);
    setClockForTests(T0 + DAY_MS);
    const late = await placeOrder(starter.client, product.id, { bargain_id: bargain.id });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: "bargain_expired" } });
  });

  const orderFor = (bargainId: string, userId: number, id: string) => ({
    id,
    userId,
    status: "pending" as const,
    subtotalCents: 1,
    totalCents: 1,
    bargainId,
    contactName: "张三",
    contactPhone: "13900000000",
    contactAddress: "上海市",
    paymentProvider: "demo" as const,
    holdUntil: T0 + 15 * 60_000,
    createdAt: T0,
  });

  it("a completed bargain is bought once, by its starter, at the floor price", async () => {
    const db = getDb(env.DB);
    const { product, starter, bargain } = await completedBargain(merchant);
    const stranger = await signUp();
    expect(await findPurchasableBargain(db, bargain.id, stranger.userId, T0)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await findPurchasableBargain(db, bargain.id, starter.userId, T0)).toEqual({
      ok: true,
      bargain: { id: bargain.id, productId: product.id, userId: starter.userId, floorCents: 1, priceCents: 9900 },
    });

    await db.insert(orders).values(orderFor(bargain.id, starter.userId, `o-${bargain.id}-1`));
    expect((await read(bargain.id)).body.bargain.status).toBe("purchased");
    expect(await findPurchasableBargain(db, bargain.id, starter.userId, T0)).toEqual({
      ok: false,
      reason: "bargain_purchased",
    });
    // a second order for the same bargain is refused by orders_bargain_uniq
    await expect(db.insert(orders).values(orderFor(bargain.id, starter.userId, `o-${bargain.id}-2`))).rejects.toThrow();
    // bought: the starter may start a new bargain on the product
    expect((await start(starter.client, product.id)).status).toBe(201);
  });

  it("an active bargain cannot be bought at the floor, nor a completed one after its 24 hours", async () => {
    const db = getDb(env.DB);
    const active = await startedBargain();
    expect(await findPurchasableBargain(db, active.bargain.id, active.starter.userId, T0)).toEqual({
      ok: false,
      reason: "bargain_incomplete",
    });
    const { starter, bargain } = await completedBargain(merchant);
    const later = T0 + DAY_MS;
    expect(await findPurchasableBargain(db, bargain.id, starter.userId, later)).toEqual({
      ok: false,
      reason: "bargain_expired",
    });
    setClockForTests(later);
    expect((await read(bargain.id)).body.bargain.status).toBe("expired");
  });
});

describe("the contract", () => {
  it("describes the bargain endpoints in /api/openapi.json", async () => {
    const body = await openApiDocument();
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(["/api/bargains", "/api/bargains/{id}", "/api/bargains/{id}/help"]),
    );
  });
});
