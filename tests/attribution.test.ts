import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { VISIT_BATCH_WINDOW_MS } from "../worker/services/record-visit-soon";
import { runCron } from "../worker/services/run-cron";
import {
  Client,
  clickShareLink,
  createProduct,
  placeOrder,
  signInMerchant,
  signUp,
  setClockForTests,
  distributorStatsOf,
} from "./helpers";

afterEach(() => setClockForTests(null));

const DAY = 24 * 3600 * 1000;

/** A distributor (optionally recruited by another) with a share link to the product. */
async function distributorWithLink(productId: number, inviteCode?: string) {
  const who = await signUp();
  const joined = await who.client.json("/api/distributor", { body: inviteCode ? { invite_code: inviteCode } : {} });
  const { body } = await who.client.json("/api/links", { body: { product_id: productId } });
  return { ...who, code: joined.body.distributor.code as string, link: body.link.code as string };
}

const stats = distributorStatsOf;

/** A shopper's tap, once its visit row is written (after the redirect, batched). */
const click = clickShareLink;

/** A crawler's fetch of the link; waits out the visit batch window, so that a wrongly written visit would show. */
async function crawl(client: Client, link: string, userAgent: string) {
  const res = await client.fetch(`/s/${link}`, { headers: { "user-agent": userAgent } });
  expect(res.status).toBe(302);
  await new Promise((resolve) => setTimeout(resolve, 3 * VISIT_BATCH_WINDOW_MS));
}

describe("a share link sells, and its distributor earns", () => {
  it("recruit, link, click, order, pay: L1 earns 10% and the recruiter 3%, pending", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 9900, stock: 10 });
    const recruiter = await distributorWithLink(product.id);
    const seller = await distributorWithLink(product.id, recruiter.code);

    const shopper = new Client();
    await click(shopper, seller.link);
    const { body } = await placeOrder(shopper, product.id);
    expect(body.order.referrer_code).toBe(seller.link);
    await shopper.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });

    expect(await stats(seller.client)).toMatchObject({
      visits: 1,
      unique_visits: 1,
      orders: 1,
      sales_cents: 9900,
      commission: { pending_cents: 990, available_cents: 0, reversed_cents: 0 },
    });
    expect((await stats(recruiter.client)).commission).toEqual({
      pending_cents: 297,
      available_cents: 0,
      reversed_cents: 0,
    });
  });

  it("commission becomes available 7 days after the order is completed, not before", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 10000 });
    const seller = await distributorWithLink(product.id);
    const shopper = new Client();
    await click(shopper, seller.link);
    const { body } = await placeOrder(shopper, product.id);
    await shopper.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
    await merchant.json(`/api/admin/orders/${body.order.id}/ship`, { method: "POST" });
    const completedAt = Date.now();
    setClockForTests(completedAt);
    await merchant.json(`/api/admin/orders/${body.order.id}/complete`, { method: "POST" });

    await runCron(env, completedAt + 6 * DAY);
    expect((await stats(seller.client)).commission).toEqual({
      pending_cents: 1000,
      available_cents: 0,
      reversed_cents: 0,
    });
    await runCron(env, completedAt + 7 * DAY + 1000);
    await runCron(env, completedAt + 7 * DAY + 2000);
    expect((await stats(seller.client)).commission).toEqual({
      pending_cents: 0,
      available_cents: 1000,
      reversed_cents: 0,
    });
  });

  it("a refund reverses the commission, pending or available, and sales no longer count it", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 5000 });
    const recruiter = await distributorWithLink(product.id);
    const seller = await distributorWithLink(product.id, recruiter.code);
    const shopper = new Client();
    await click(shopper, seller.link);
    const { body } = await placeOrder(shopper, product.id);
    await shopper.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
    await merchant.json(`/api/admin/orders/${body.order.id}/refund`, { method: "POST" });

    const after = await stats(seller.client);
    expect(after.commission).toEqual({ pending_cents: 0, available_cents: 0, reversed_cents: 500 });
    expect(after.sales_cents).toBe(0);
    expect((await stats(recruiter.client)).commission).toEqual({
      pending_cents: 0,
      available_cents: 0,
      reversed_cents: 150,
    });

    // the ledger only grows: the accrual is still there, the reversal sits beside it
    const rows = await env.DB.prepare(
      "SELECT bucket, event, amount_cents FROM commission_ledger WHERE order_id = ? AND level = 1 ORDER BY id",
    )
      .bind(body.order.id)
      .all();
    expect(rows.results).toEqual([
      { bucket: "pending", event: "accrue", amount_cents: 500 },
      { bucket: "reversed", event: "reverse", amount_cents: 500 },
      { bucket: "pending", event: "reverse", amount_cents: -500 },
    ]);
  });

  it("ten simultaneous payments of one order accrue its commission once", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 2000 });
    const seller = await distributorWithLink(product.id);
    const shopper = new Client();
    await click(shopper, seller.link);
    const { body } = await placeOrder(shopper, product.id);
    await Promise.all(
      Array.from({ length: 10 }, () => shopper.json(`/api/orders/${body.order.id}/pay`, { method: "POST" })),
    );
    expect((await stats(seller.client)).commission.pending_cents).toBe(200);
  });

  it("last click wins: the second distributor's link gets the order", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const first = await distributorWithLink(product.id);
    const second = await distributorWithLink(product.id);
    const shopper = new Client();
    await click(shopper, first.link);
    await click(shopper, second.link);
    const { body } = await placeOrder(shopper, product.id);
    expect(body.order.referrer_code).toBe(second.link);
  });

  it("a click older than the 7-day window no longer attributes", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id);
    const shopper = new Client();
    const clickedAt = Date.now();
    setClockForTests(clickedAt);
    await click(shopper, seller.link);
    setClockForTests(clickedAt + 7 * DAY - 60_000);
    expect((await placeOrder(shopper, product.id)).body.order.referrer_code).toBe(seller.link);
    setClockForTests(clickedAt + 7 * DAY + 60_000);
    expect((await placeOrder(shopper, product.id)).body.order.referrer_code).toBeNull();
  });

  it("a distributor buying through their own link earns nothing", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 3000 });
    const seller = await distributorWithLink(product.id);
    await click(seller.client, seller.link);
    const { body } = await placeOrder(seller.client, product.id);
    expect(body.order.referrer_code).toBeNull();
    await seller.client.json(`/api/orders/${body.order.id}/pay`, { method: "POST" });
    expect(await stats(seller.client)).toMatchObject({ orders: 0, commission: { pending_cents: 0 } });
  });

  it("a link-preview crawler is redirected but neither counted nor attributed", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id);
    const crawler = new Client();
    await crawl(crawler, seller.link, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");
    expect(crawler.cookies.has("ref")).toBe(false);
    expect((await stats(seller.client)).visits).toBe(0);
  });

  it("a tampered attribution cookie is ignored", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id);
    const other = await distributorWithLink(product.id);
    const shopper = new Client();
    await click(shopper, seller.link);
    const [, signature] = shopper.cookies.get("ref")!.split(".");
    shopper.cookies.set("ref", `${encodeURIComponent(`${other.link}~${Date.now()}`)}.${signature}`);
    const { body } = await placeOrder(shopper, product.id);
    expect(body.order.referrer_code).toBeNull();
  });
});
