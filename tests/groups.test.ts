// Group buying (拼团) through HTTP: opening, joining, the seats under load, success on the last
// payment, failure at the deadline with every paid order refunded once, and every refusal.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { closeExpiredGroup } from "../db/close-group";
import { runCron } from "../worker/services/run-cron";
import {
  CONTACT,
  Client,
  clickShareLink,
  createProduct,
  creditWallet,
  distributorStatsOf,
  distributorWithLink,
  openApiDocument,
  productStock,
  setClockForTests,
  signInMerchant,
  signUp,
  signUpMany,
  type Answer,
  count,
} from "./helpers";

afterEach(() => setClockForTests(null));

const HOUR = 3_600_000;
const MINUTE = 60_000;
type Group = Answer["group"];

const walletOf = (userId: number) =>
  count("SELECT coalesce(sum(amount_cents), 0) AS n FROM wallet_ledger WHERE user_id = ?", userId);

/** A product with a group deal: ¥99.00, ¥59.00 in a group of 3 for 24 hours unless told. */
async function groupProduct(
  merchant: Client,
  group: Record<string, unknown> = {},
  fields: Record<string, unknown> = {},
) {
  return createProduct(merchant, {
    price_cents: 9900,
    stock: 100,
    group: { size: 3, price_cents: 5900, hours: 24, per_user_limit: 5, ...group },
    ...fields,
  });
}

function groupOrder(client: Client, productId: number, how: { open_group?: boolean; group_id?: string }, extra = {}) {
  return client.json("/api/orders", {
    body: { items: [{ product_id: productId, quantity: 1 }], contact: CONTACT, ...how, ...extra },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
}

const pay = (client: Client, orderId: string) => client.json(`/api/orders/${orderId}/pay`, { method: "POST" });

/** A leader who opened a group on the product and paid: the group is open. */
async function openedGroup(productId: number, nickname = "团长") {
  const leader = await signUp(nickname);
  const opened = await groupOrder(leader.client, productId, { open_group: true });
  if (opened.status !== 201) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  const paid = await pay(leader.client, opened.body.order.id);
  if (paid.status !== 200) throw new Error(`pay failed: ${paid.status}`);
  const group = (await leader.client.json(`/api/groups/${opened.body.group!.id}`)).body.group;
  return { leader, orderId: opened.body.order.id, group };
}

const groupNow = async (id: string) => (await new Client().json(`/api/groups/${id}`)).body.group;
const orderStatus = async (id: string) =>
  (await env.DB.prepare("SELECT status FROM orders WHERE id = ?").bind(id).first<{ status: string }>())!.status;

describe("opening a group", () => {
  it("the leader's order is at the group price; the group is pending until it is paid, then open for its hours", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const leader = await signUp("小李");
    const start = Date.now();
    setClockForTests(start);
    const { status, body } = await groupOrder(leader.client, product.id, { open_group: true });
    expect(status).toBe(201);
    expect(body.order).toMatchObject({
      status: "pending",
      items: [{ product_id: product.id, quantity: 1, unit_price_cents: 5900 }],
      total_cents: 5900,
      group_id: body.group!.id,
    });
    expect(body.group).toMatchObject({
      product_id: product.id,
      size: 3,
      price_cents: 5900,
      status: "pending",
      members: [{ nickname: "小李", leader: true, paid: false }],
      seats_left: 0,
      share_url: `http://store.test/g/${body.group!.id}`,
    });

    setClockForTests(start + 5 * MINUTE);
    await pay(leader.client, body.order.id);
    const open = await groupNow(body.group!.id);
    expect(open).toMatchObject({
      status: "open",
      seats_left: 2,
      members: [{ nickname: "小李", leader: true, paid: true }],
    });
    // open for its 24 hours from the leader's payment
    expect(Date.parse(open.expires_at)).toBe(start + 5 * MINUTE + 24 * HOUR);
    expect((await productStock(product.id)).stock).toBe(99);
  });

  it("the last seat's payment succeeds the group at once; its orders then ship", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 2 });
    const { group, orderId } = await openedGroup(product.id);
    const friend = await signUp("好友");
    const joined = await groupOrder(friend.client, product.id, { group_id: group.id });
    expect(joined.status).toBe(201);
    expect(joined.body.group).toMatchObject({ status: "open", seats_left: 0 });

    // a paid order of a group that has not succeeded yet does not ship: a failed group refunds it
    const early = await merchant.json(`/api/admin/orders/${orderId}/ship`, { method: "POST" });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("group_not_succeeded");

    const paid = await pay(friend.client, joined.body.order.id);
    expect(paid.body.order.status).toBe("paid");
    expect(await groupNow(group.id)).toMatchObject({
      status: "succeeded",
      seats_left: 0,
      members: [
        { nickname: "团长", leader: true, paid: true },
        { nickname: "好友", leader: false, paid: true },
      ],
    });
    expect((await merchant.json(`/api/admin/orders/${orderId}/ship`, { method: "POST" })).body.order.status).toBe(
      "shipped",
    );
  });

  it("wallet cash may pay a whole group order: the group opens at once", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const leader = await signUp();
    await creditWallet(leader.userId, 5900);
    const { status, body } = await groupOrder(leader.client, product.id, { open_group: true }, { wallet_cents: 5900 });
    expect(status).toBe(201);
    expect(body.order.status).toBe("paid");
    expect(body.group!.status).toBe("open");
  });
});

describe("seats under load", () => {
  it("a group of 3 with its leader in it, and 20 shoppers joining at once: exactly 2 get a seat, 18 a clear refusal", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3 });
    const { group } = await openedGroup(product.id);
    const shoppers = await signUpMany(20, "抢位");
    const results = await Promise.all(shoppers.map((s) => groupOrder(s.client, product.id, { group_id: group.id })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(18);
    expect(refused.every((r) => r.status === 409 && r.body.error.code === "group_full")).toBe(true);
    expect(await count("SELECT count(*) AS n FROM orders WHERE group_id = ?", group.id)).toBe(3);
    expect(await count("SELECT reserved AS n FROM groups WHERE id = ?", group.id)).toBe(3);
    // nothing of a refused order was written: 3 units gone, not 21
    expect((await productStock(product.id)).stock).toBe(97);
    expect((await groupNow(group.id)).seats_left).toBe(0);
  });

  it("two shoppers ordering the last seat at once: exactly one gets it", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3 });
    const { group } = await openedGroup(product.id);
    const first = await signUp();
    expect((await groupOrder(first.client, product.id, { group_id: group.id })).status).toBe(201);
    const [a, b] = await signUpMany(2, "最后一位");
    const results = await Promise.all([a!, b!].map((s) => groupOrder(s.client, product.id, { group_id: group.id })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe("group_full");
    expect((await groupNow(group.id)).members).toHaveLength(3);
  });

  it("one shopper tapping 发起拼团 8 times at once opens one group; tapping 参与拼团 8 times takes one seat", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 5, per_user_limit: 9 });
    const eager = await signUp("手快");
    const opens = await Promise.all(
      Array.from({ length: 8 }, () => groupOrder(eager.client, product.id, { open_group: true })),
    );
    expect(opens.filter((r) => r.status === 201)).toHaveLength(1);
    expect(opens.filter((r) => r.status === 409 && r.body.error.code === "already_in_group")).toHaveLength(7);
    expect(await count("SELECT count(*) AS n FROM groups WHERE leader_user_id = ?", eager.userId)).toBe(1);

    const { group } = await openedGroup(product.id);
    const friend = await signUp("连点");
    const joins = await Promise.all(
      Array.from({ length: 8 }, () => groupOrder(friend.client, product.id, { group_id: group.id })),
    );
    expect(joins.filter((r) => r.status === 201)).toHaveLength(1);
    expect(joins.filter((r) => r.status === 409 && r.body.error.code === "already_in_group")).toHaveLength(7);
    expect(await groupNow(group.id)).toMatchObject({ seats_left: 3 });
    expect((await productStock(product.id)).stock).toBe(97);
  });

  it("an unpaid member's order cancelled at the end of its hold frees the seat for someone else", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 2 });
    const start = Date.now();
    setClockForTests(start);
    const { group } = await openedGroup(product.id);
    const slow = await signUp("慢");
    const held = await groupOrder(slow.client, product.id, { group_id: group.id });
    expect(held.status).toBe(201);
    const late = await signUp("晚到");
    expect((await groupOrder(late.client, product.id, { group_id: group.id })).body.error.code).toBe("group_full");

    await runCron(env, start + 15 * MINUTE + 1000);
    expect(await orderStatus(held.body.order.id)).toBe("cancelled");
    setClockForTests(start + 16 * MINUTE);
    expect(await groupNow(group.id)).toMatchObject({ seats_left: 1, members: [{ leader: true }] });
    const again = await groupOrder(late.client, product.id, { group_id: group.id });
    expect(again.status).toBe(201);
    // the one who let the hold pass may come back, while a seat is free
    expect((await groupOrder(slow.client, product.id, { group_id: group.id })).body.error.code).toBe("group_full");
  });

  it("a pending group whose leader never pays fails when the hold ends, and takes no joins meanwhile", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const start = Date.now();
    setClockForTests(start);
    const leader = await signUp();
    const { body } = await groupOrder(leader.client, product.id, { open_group: true });
    const friend = await signUp();
    const early = await groupOrder(friend.client, product.id, { group_id: body.group!.id });
    expect(early.body.error.code).toBe("group_closed");
    await runCron(env, start + 16 * MINUTE);
    expect((await groupNow(body.group!.id)).status).toBe("failed");
    expect((await productStock(product.id)).stock).toBe(100);
    // no longer in a live group: the leader may open another
    setClockForTests(start + 17 * MINUTE);
    expect((await groupOrder(leader.client, product.id, { open_group: true })).status).toBe(201);
  });
});

describe("a group that fails at its deadline", () => {
  it("1 of 3 paid, the cron twice at once: the paid order is refunded exactly once, stock back, commission reversed", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3 }, { commission_bp: 1000 });
    const seller = await distributorWithLink(product.id, "推广员");
    const leader = await signUp("团长");
    await creditWallet(leader.userId, 900);
    const start = Date.now();
    setClockForTests(start);
    await clickShareLink(leader.client, seller.link);
    const opened = await groupOrder(leader.client, product.id, { open_group: true }, { wallet_cents: 900 });
    expect(opened.body.order).toMatchObject({ total_cents: 5000, wallet_cents: 900, referrer_code: seller.link });
    await pay(leader.client, opened.body.order.id);
    expect((await distributorStatsOf(seller.client)).commission.pending_cents).toBe(590);
    expect(await walletOf(leader.userId)).toBe(0);

    const deadline = Date.parse((await groupNow(opened.body.group!.id)).expires_at);
    setClockForTests(deadline - 1);
    expect((await groupNow(opened.body.group!.id)).status).toBe("open");
    setClockForTests(deadline);
    // the page already says it failed before the cron writes it
    expect((await groupNow(opened.body.group!.id)).status).toBe("failed");

    await Promise.all([runCron(env, deadline + 1000), runCron(env, deadline + 1000)]);
    await runCron(env, deadline + 61_000);
    expect(await orderStatus(opened.body.order.id)).toBe("refunded");
    expect(await walletOf(leader.userId)).toBe(900);
    expect(
      await count(
        "SELECT count(*) AS n FROM wallet_ledger WHERE order_id = ? AND kind = 'refund'",
        opened.body.order.id,
      ),
    ).toBe(1);
    expect((await productStock(product.id)).stock).toBe(100);
    const commission = (await distributorStatsOf(seller.client)).commission;
    expect(commission).toMatchObject({ pending_cents: 0, reversed_cents: 590 });
    expect((await groupNow(opened.body.group!.id)).status).toBe("failed");
    // the shopper sees it refunded in 我的订单
    expect((await leader.client.json(`/api/orders/${opened.body.order.id}`)).body.order.status).toBe("refunded");
  });

  it("closing the same group twice at once claims it once", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const { group, orderId } = await openedGroup(product.id);
    const at = Date.parse(group.expires_at) + 1;
    const db = getDb(env.DB);
    const outcomes = await Promise.all([1, 2, 3].map(() => closeExpiredGroup(db, group.id, at)));
    expect(outcomes.filter((o) => o !== null)).toEqual(["failed"]);
    expect(await orderStatus(orderId)).toBe("refunded");
    expect((await productStock(product.id)).stock).toBe(100);
  });

  it("a payment that arrives after its group failed is refunded automatically, once", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3 });
    const start = Date.now();
    setClockForTests(start);
    const { group } = await openedGroup(product.id);
    const friend = await signUp("迟到的好友");
    await creditWallet(friend.userId, 1000);
    setClockForTests(Date.parse(group.expires_at) - 20 * MINUTE);
    const joined = await groupOrder(friend.client, product.id, { group_id: group.id }, { wallet_cents: 1000 });
    expect(joined.status).toBe(201);
    expect((await productStock(product.id)).stock).toBe(98);

    // the deadline passes and the group is closed before the friend's unpaid order is swept
    const after = Date.parse(group.expires_at) + 1000;
    setClockForTests(after);
    expect(await closeExpiredGroup(getDb(env.DB), group.id, after)).toBe("failed");
    const paid = await pay(friend.client, joined.body.order.id);
    expect(paid.status).toBe(200);
    expect(paid.body.order.status).toBe("refunded");
    expect(await walletOf(friend.userId)).toBe(1000);
    expect((await productStock(product.id)).stock).toBe(100);

    const again = await pay(friend.client, joined.body.order.id);
    expect(again.status).toBe(409);
    await runCron(env, after + MINUTE);
    expect(await walletOf(friend.userId)).toBe(1000);
    expect((await productStock(product.id)).stock).toBe(100);
    expect(
      await count(
        "SELECT count(*) AS n FROM wallet_ledger WHERE order_id = ? AND kind = 'refund'",
        joined.body.order.id,
      ),
    ).toBe(1);
  });

  it("a virtual fill: a group with enough paid members succeeds at its deadline, its missing seats the store's", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 4, virtual_fill_at: 2 });
    const { group, orderId } = await openedGroup(product.id);
    const friend = await signUp();
    const joined = await groupOrder(friend.client, product.id, { group_id: group.id });
    await pay(friend.client, joined.body.order.id);
    const deadline = Date.parse(group.expires_at);
    await runCron(env, deadline + 1000);
    setClockForTests(deadline + 2000);
    expect(await groupNow(group.id)).toMatchObject({ status: "succeeded", seats_left: 0 });
    expect(await orderStatus(orderId)).toBe("paid");
  });
});

describe("the deal is fixed on a group when it opens", () => {
  it("a merchant's edit of the deal leaves an open group's size and price as they were", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3, price_cents: 5900 });
    const { group } = await openedGroup(product.id);
    const edit = await merchant.json(`/api/admin/products/${product.id}`, {
      method: "PATCH",
      body: { group: { size: 5, price_cents: 4900, hours: 48, per_user_limit: 5 } },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.product.group).toEqual({
      size: 5,
      price_cents: 4900,
      hours: 48,
      per_user_limit: 5,
      virtual_fill_at: null,
    });
    expect(await groupNow(group.id)).toMatchObject({ size: 3, price_cents: 5900, seats_left: 2 });
    const friend = await signUp();
    const joined = await groupOrder(friend.client, product.id, { group_id: group.id });
    expect(joined.body.order.items[0].unit_price_cents).toBe(5900);
    // a new group gets the new deal
    const next = await openedGroup(product.id, "新团长");
    expect(next.group).toMatchObject({ size: 5, price_cents: 4900 });
  });

  it("a product whose deal is removed keeps its open groups joinable", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const { group } = await openedGroup(product.id);
    await merchant.json(`/api/admin/products/${product.id}`, { method: "PATCH", body: { group: null } });
    expect((await groupOrder((await signUp()).client, product.id, { group_id: group.id })).status).toBe(201);
    const refused = await groupOrder((await signUp()).client, product.id, { open_group: true });
    expect(refused.body.error.code).toBe("group_not_allowed");
  });
});

describe("refusals", () => {
  it("every refusal of opening and joining has its code", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 2, per_user_limit: 1 });
    const plain = await createProduct(merchant);
    const shopper = await signUp();

    const noDeal = await groupOrder(shopper.client, plain.id, { open_group: true });
    expect([noDeal.status, noDeal.body.error.code]).toEqual([409, "group_not_allowed"]);

    const guest = await groupOrder(new Client(), product.id, { open_group: true });
    expect([guest.status, guest.body.error.code]).toEqual([401, "unauthenticated"]);

    const two = await shopper.client.json("/api/orders", {
      body: { items: [{ product_id: product.id, quantity: 2 }], contact: CONTACT, open_group: true },
    });
    expect([two.status, two.body.error.code, two.body.error.issues[0].path]).toEqual([400, "invalid_input", ["items"]]);

    const both = await groupOrder(shopper.client, product.id, { open_group: true, group_id: "abc" });
    expect([both.status, both.body.error.code]).toEqual([400, "invalid_input"]);

    const unknown = await groupOrder(shopper.client, product.id, { group_id: "NoSuchGroup1" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "not_found"]);

    // in a live group of this product: neither a second group nor a join elsewhere, nor twice in one
    const { group, leader } = await openedGroup(product.id);
    const twice = await groupOrder(leader.client, product.id, { open_group: true });
    expect([twice.status, twice.body.error.code]).toEqual([409, "already_in_group"]);
    const own = await groupOrder(leader.client, product.id, { group_id: group.id });
    expect([own.status, own.body.error.code]).toEqual([409, "already_in_group"]);

    const other = await openedGroup(product.id, "另一个团长");
    const elsewhere = await groupOrder(leader.client, product.id, { group_id: other.group.id });
    expect(elsewhere.body.error.code).toBe("already_in_group");

    const wrongProduct = await groupOrder(shopper.client, plain.id, { group_id: group.id });
    expect([wrongProduct.status, wrongProduct.body.error.code]).toEqual([400, "invalid_input"]);

    // full: the friend takes the last seat and pays; the group succeeds
    const friend = await signUp();
    const joined = await groupOrder(friend.client, product.id, { group_id: group.id });
    const full = await groupOrder(shopper.client, product.id, { group_id: group.id });
    expect([full.status, full.body.error.code]).toEqual([409, "group_full"]);
    await pay(friend.client, joined.body.order.id);
    const closed = await groupOrder(shopper.client, product.id, { group_id: group.id });
    expect([closed.status, closed.body.error.code]).toEqual([409, "group_closed"]);

    // the limit counts pending and paid group orders: the friend's paid one fills a limit of 1
    const limit = await groupOrder(friend.client, product.id, { open_group: true });
    expect([limit.status, limit.body.error.code]).toEqual([409, "group_limit"]);
    expect(await count("SELECT count(*) AS n FROM groups WHERE leader_user_id = ?", friend.userId)).toBe(0);
  });

  it("a join is refused when the group has less time left than the payment hold", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const { group } = await openedGroup(product.id);
    const deadline = Date.parse(group.expires_at);
    const friend = await signUp();
    setClockForTests(deadline - 15 * MINUTE);
    const late = await groupOrder(friend.client, product.id, { group_id: group.id });
    expect([late.status, late.body.error.code]).toEqual([409, "group_closed"]);
    setClockForTests(deadline - 15 * MINUTE - 1);
    expect((await groupOrder(friend.client, product.id, { group_id: group.id })).status).toBe(201);
  });

  it("the merchant's deal is checked: size 2–10, a group price below the price, hours 1–72, a fill below the size", async () => {
    const merchant = await signInMerchant();
    const bad = async (group: Record<string, unknown>) => {
      const { status, body } = await merchant.json("/api/admin/products", {
        body: { title: "拼团", price_cents: 5000, stock: 1, group },
      });
      expect(status).toBe(400);
      return body.error.issues.map((i) => i.path.join("."));
    };
    expect(await bad({ size: 1, price_cents: 100 })).toContain("group.size");
    expect(await bad({ size: 11, price_cents: 100 })).toContain("group.size");
    expect(await bad({ price_cents: 5000 })).toContain("group.price_cents");
    expect(await bad({ price_cents: 100, hours: 0 })).toContain("group.hours");
    expect(await bad({ price_cents: 100, hours: 73 })).toContain("group.hours");
    expect(await bad({ price_cents: 100, per_user_limit: 0 })).toContain("group.per_user_limit");
    expect(await bad({ size: 3, price_cents: 100, virtual_fill_at: 3 })).toContain("group.virtual_fill_at");
    const made = await createProduct(merchant, { price_cents: 5000, group: { price_cents: 3000 } });
    expect(made.group).toEqual({ size: 3, price_cents: 3000, hours: 24, per_user_limit: 1, virtual_fill_at: null });
    const lower = await merchant.json(`/api/admin/products/${made.id}`, {
      method: "PATCH",
      body: { price_cents: 3000 },
    });
    expect(lower.body.error.issues.map((i) => i.path.join("."))).toContain("group.price_cents");
  });
});

describe("lists of groups", () => {
  it("a product's groups to join: open with a seat free and time to pay, soonest deadline first", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 2 });
    const start = Date.now();
    setClockForTests(start);
    const later = await openedGroup(product.id, "后开");
    setClockForTests(start - HOUR);
    const sooner = await openedGroup(product.id, "先开");
    setClockForTests(start - 2 * HOUR);
    const full = await openedGroup(product.id, "已满");
    await groupOrder((await signUp()).client, product.id, { group_id: full.group.id });
    setClockForTests(start);
    const { body } = await new Client().json(`/api/products/${product.id}/groups`);
    expect(body.groups.map((g: Group) => g.id)).toEqual([sooner.group.id, later.group.id]);
    expect(body.groups[0]).toMatchObject({ seats_left: 1, members: [{ nickname: "先开", leader: true, paid: true }] });
    setClockForTests(Date.parse(sooner.group.expires_at) - 10 * MINUTE);
    expect((await new Client().json(`/api/products/${product.id}/groups`)).body.groups).toHaveLength(1);
  });

  it("我的拼团: the groups a shopper opened or joined, newest first; signed out: 401", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const other = await groupProduct(merchant);
    const { group, leader } = await openedGroup(product.id);
    const second = await openedGroup(other.id);
    expect((await groupOrder(leader.client, other.id, { group_id: second.group.id })).status).toBe(201);
    const mine = await leader.client.json("/api/groups");
    expect(mine.body.groups.map((g: Group) => g.id)).toEqual([second.group.id, group.id]);
    expect((await new Client().json("/api/groups")).status).toBe(401);
  });

  it("the merchant lists groups by status with their members' orders", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 2 });
    const { group, orderId } = await openedGroup(product.id);
    const { body } = await merchant.json<{ groups: Array<Group & { members: Array<{ order_id: string }> }> }>(
      "/api/admin/groups?status=open",
    );
    const listed = body.groups.find((g) => g.id === group.id)!;
    expect(listed).toMatchObject({ status: "open", product_title: "测试商品" });
    expect(listed.members).toEqual([
      {
        nickname: "团长",
        leader: true,
        paid: true,
        user_id: expect.any(Number),
        order_id: orderId,
        order_status: "paid",
      },
    ]);
    const failed = await merchant.json<{ groups: Group[] }>("/api/admin/groups?status=failed");
    expect(failed.body.groups.some((g) => g.id === group.id)).toBe(false);
    expect((await new Client().json("/api/admin/groups")).status).toBe(401);
  });
});

describe("group pages", () => {
  const ogOf = (html: string, property: string) =>
    new RegExp(`<meta property="${property}" content="([^"]*)"/>`).exec(html)?.[1];

  it("the product page offers 单独购买 and 发起拼团, and leaves the groups to join to an island", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3 });
    await openedGroup(product.id, "独一无二的团长");
    const html = await (await new Client().fetch(`/p/${product.id}`)).text();
    expect(html).toContain(`href="/checkout?product_id=${product.id}"`);
    expect(html).toContain(`href="/checkout?product_id=${product.id}&amp;group=open"`);
    expect(html).toContain("发起拼团（3人团）");
    expect(html).toContain(`data-island="OpenGroups" data-props="{&quot;productId&quot;:${product.id}}"`);
    // nothing that changes with seats or time: the page can be cached whole
    expect(html).not.toContain("独一无二的团长");
    expect(html).not.toContain("还差");
  });

  it("the group page: private, a chat card from the product's picture, one button for a friend, sharing for a member", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 3 }, { image_url: "/img/books.svg" });
    const { group, leader } = await openedGroup(product.id, "小林");
    const res = await new Client().fetch(`/g/${group.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    const productHtml = await (await new Client().fetch(`/p/${product.id}`)).text();
    expect(ogOf(html, "og:title")).toBe("【还差2人】¥59.00 拼 测试商品");
    expect(ogOf(html, "og:url")).toBe(`http://store.test/g/${group.id}`);
    expect(ogOf(html, "og:image")).toBe(ogOf(productHtml, "og:image"));
    expect(html).toContain(`href="/checkout?group_id=${group.id}"`);
    expect(html).toContain("参与拼团 ¥59.00");
    expect(html).toContain("小林");
    expect(html.match(/class="open-seat"/g)).toHaveLength(2);

    const mine = await (await leader.client.fetch(`/g/${group.id}`)).text();
    expect(mine).toContain('data-island="ShareButton"');
    expect(mine).not.toContain("参与拼团 ¥59.00");
    expect((await new Client().fetch("/g/NoSuchGroup1")).status).toBe(404);
  });

  it("a checkout for a group that cannot be joined goes back to the group; 我的拼团 asks to sign in", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant, { size: 2 });
    const { group } = await openedGroup(product.id);
    const friend = await signUp();
    await groupOrder(friend.client, product.id, { group_id: group.id });
    const late = await (await signUp()).client.fetch(`/checkout?group_id=${group.id}`);
    expect([late.status, late.headers.get("location")]).toEqual([302, `/g/${group.id}`]);
    const signedOut = await new Client().fetch("/groups");
    expect([signedOut.status, signedOut.headers.get("location")]).toEqual([302, "/login?next=%2Fgroups"]);
    const list = await (await friend.client.fetch("/groups")).text();
    expect(list).toContain(`href="/g/${group.id}"`);
  });

  it("the merchant's groups page lists groups by status; a shopper is refused", async () => {
    const merchant = await signInMerchant();
    const product = await groupProduct(merchant);
    const { group } = await openedGroup(product.id);
    const admin = await merchant.fetch("/admin/groups?status=open");
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain(`data-group="${group.id}"`);
    expect((await (await signUp()).client.fetch("/admin/groups")).status).toBe(403);
  });

  it("the OpenAPI document describes the group endpoints with every status they answer", async () => {
    const doc = await openApiDocument();
    const statuses = (path: string, method = "get") => Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses("/api/groups/{id}")).toEqual(["200", "400", "404", "500"]);
    expect(statuses("/api/groups")).toEqual(["200", "401", "500"]);
    expect(statuses("/api/products/{id}/groups")).toEqual(["200", "400", "404", "500"]);
    expect(statuses("/api/admin/groups")).toEqual(["200", "400", "401", "403", "500"]);
    expect(statuses("/api/orders", "post")).toEqual(expect.arrayContaining(["200", "201", "400", "401", "404", "409"]));
    expect(doc.components.schemas.CreateOrderBody!.properties).toHaveProperty("group_id");
    expect(doc.components.schemas.Product!.properties).toHaveProperty("group");
  });
});
